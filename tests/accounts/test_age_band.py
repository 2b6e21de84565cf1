"""The age group is asked where it decides something: sign-up, My account, supported accounts.

Only a band is ever asked, never a date of birth, and saying nothing is allowed.
"""

import json

import pytest
from django.contrib.auth import get_user_model

from accounts import roles
from accounts.age_bands import WHY_WE_ASK
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


def sign_up(client, **extra):
    data = {
        "username": "skyblue",
        "password1": "long-enough-pass-1",
        "password2": "long-enough-pass-1",
        "who": "young_person",
    }
    data.update(extra)
    return client.post("/accounts/signup/", data)


def test_sign_up_asks_the_age_group_and_says_why_with_prefer_not_to_say(client):
    html = client.get("/accounts/signup/").content.decode()
    assert 'name="age_band"' in html
    assert str(WHY_WE_ASK) in html.replace("&#x27;", "'")
    assert "I prefer not to say" in html
    assert "14 to 15" in html
    assert "date of birth" not in html.lower()


def test_a_young_person_who_gives_their_age_group_at_sign_up_has_it_kept(client):
    response = sign_up(client, age_band="14_15")
    assert response.status_code == 302
    assert User.objects.get(username="skyblue").age_band == "14_15"


def test_a_young_person_may_sign_up_without_saying_their_age_group(client):
    response = sign_up(client, age_band="")
    assert response.status_code == 302
    assert User.objects.get(username="skyblue").age_band == ""


def test_a_parent_signing_up_is_not_given_an_age_group(client):
    response = sign_up(client, who="parent_carer", age_band="14_15")
    assert response.status_code == 302
    assert User.objects.get(username="skyblue").age_band == ""


def test_a_made_up_age_group_at_sign_up_is_refused_beside_the_field(client):
    response = sign_up(client, age_band="1990-01-01")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not User.objects.filter(username="skyblue").exists()


def test_a_young_person_changes_their_age_group_on_my_account(client_for):
    person = UserFactory(roles=[roles.YOUNG_PERSON], age_band="14_15")
    client = client_for(person)
    page = client.get("/accounts/").content.decode()
    assert 'name="age_band"' in page and "14 to 15" in page

    response = client.post("/accounts/", {"age_band": "16_17"}, follow=True)

    assert "Your age group is saved." in response.content.decode()
    person.refresh_from_db()
    assert person.age_band == "16_17"


def test_a_young_person_can_take_back_their_age_group_on_my_account(client_for):
    person = UserFactory(roles=[roles.YOUNG_PERSON], age_band="16_17")
    client_for(person).post("/accounts/", {"age_band": ""})
    person.refresh_from_db()
    assert person.age_band == ""


def test_a_bad_age_group_on_my_account_is_refused_and_nothing_changes(client_for):
    person = UserFactory(roles=[roles.YOUNG_PERSON], age_band="14_15")
    response = client_for(person).post("/accounts/", {"age_band": "99"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    person.refresh_from_db()
    assert person.age_band == "14_15"


def test_staff_are_not_asked_their_age_group_on_my_account(client_for, people):
    client = client_for(people[roles.MODERATOR], passed_mfa=True)
    page = client.get("/accounts/").content.decode()
    assert 'name="age_band"' not in page
    response = client.post("/accounts/", {"age_band": "14_15"})
    assert response.status_code == 400
    people[roles.MODERATOR].refresh_from_db()
    assert people[roles.MODERATOR].age_band == ""


def test_a_case_worker_gives_the_age_group_when_making_a_supported_account(
    client_for, people
):
    client = client_for(people[roles.CASE_WORKER], passed_mfa=True)
    form = client.get("/staff/young-people/new/").content.decode()
    assert 'name="age_band"' in form and "I prefer not to say" in form

    response = client.post(
        "/staff/young-people/new/", {"username": "river-10", "age_band": "10_13"}
    )

    assert response.status_code == 200
    made = User.objects.get(username="river-10")
    assert made.age_band == "10_13"
    assert made.case_worker == people[roles.CASE_WORKER]


def test_a_supported_account_may_be_made_without_an_age_group(client_for, people):
    client = client_for(people[roles.CASE_WORKER], passed_mfa=True)
    client.post("/staff/young-people/new/", {"username": "river-11"})
    assert User.objects.get(username="river-11").age_band == ""


def test_the_age_group_is_in_the_persons_own_data_download(client_for):
    person = UserFactory(roles=[roles.YOUNG_PERSON], age_band="14_15")
    response = client_for(person).get("/my-data/my-data.json")
    document = json.loads(response.content)
    assert '"Your age group": "14 to 15"' in json.dumps(document, ensure_ascii=False)
