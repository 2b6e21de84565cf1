"""A young person's or parent's own account page, in plain words, with no nudge to add an email."""

import pytest
from django.urls import reverse

from accounts import roles
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ACCOUNT = "/accounts/"


@pytest.mark.parametrize("role", [roles.YOUNG_PERSON, roles.PARENT_CARER])
def test_my_account_shows_what_a_person_can_do_with_their_account(
    client_for, people, role
):
    person = people[role]
    page = client_for(person).get(ACCOUNT).content.decode()

    assert person.username in page
    for url in (
        reverse("account_change_password"),
        reverse("privacy:index"),
        reverse("accounts:notifications"),
        reverse("account_logout"),
        reverse("privacy:delete_account"),
    ):
        assert f'"{url}"' in page, url
    assert "You do not need an email address" in page
    assert "You should really" not in page
    assert "Email Addresses" not in page
    assert reverse("mfa_index") not in page


def test_someone_without_a_password_is_offered_to_set_one(client_for):
    person = UserFactory(roles=[roles.YOUNG_PERSON])
    person.set_unusable_password()
    person.save()

    page = client_for(person).get(ACCOUNT).content.decode()

    assert f'"{reverse("account_set_password")}"' in page


def test_staff_keep_their_two_step_sign_in_links(client_for, people):
    page = client_for(people[roles.CASE_WORKER]).get(ACCOUNT).content.decode()

    assert f'"{reverse("mfa_index")}"' in page


def test_my_account_in_the_navigation_opens_the_account_page(client_for, people):
    page = client_for(people[roles.YOUNG_PERSON]).get("/feedback/").content.decode()

    assert f'<a href="{ACCOUNT}">My account</a>' in page
    assert reverse("account_email") not in page


def test_my_account_asks_a_visitor_to_sign_in(client):
    response = client.get(ACCOUNT)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_changed_password_is_said_to_be_saved_on_my_account_in_plain_words(
    client_for, young_person
):
    client = client_for(young_person)
    new = "green-kite-river-42"
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": DEFAULT_PASSWORD, "password1": new, "password2": new},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == ACCOUNT
    html = response.content.decode()
    assert "Your new password is saved. Use it next time you sign in." in html
    assert "Password successfully changed" not in html
    young_person.refresh_from_db()
    assert young_person.check_password(new)
