"""A sign-in code never silently replaces a password someone already has.

For a young person who has set a password, a new code needs a second member
of staff to agree; the young person is told in their messages and each step
is in Wagtail's audit log. A brand-new account still gets its first code at once.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from accounts import roles
from accounts.models import Notification, SignInCode
from accounts.sign_in_codes import hash_code
from tests.factories import DEFAULT_PASSWORD, UserFactory

User = get_user_model()

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "taken-over-pass-7"


@pytest.fixture
def worker(db):
    return UserFactory(username="worker", roles=[roles.CASE_WORKER])


@pytest.fixture
def manager(db):
    return UserFactory(username="manager", roles=[roles.SERVICE_MANAGER])


@pytest.fixture
def river(worker):
    """A young person this worker supports, who has chosen a password."""
    return UserFactory(username="river", roles=[roles.YOUNG_PERSON], case_worker=worker)


def signs_in(client, username, password) -> bool:
    client.logout()
    client.post("/accounts/login/", {"login": username, "password": password})
    signed_in = "_auth_user_id" in client.session
    client.logout()
    return signed_in


def test_printing_a_code_for_someone_with_a_password_asks_for_agreement_instead(
    client_for, worker, river
):
    client = client_for(worker)
    response = client.post(f"/staff/young-people/{river.pk}/code/")
    assert response.status_code == 302
    assert response["Location"] == f"/staff/young-people/{river.pk}/code/ask/"
    assert not SignInCode.objects.filter(user=river).exists()
    page = client.get(response["Location"]).content.decode()
    assert "a second member of staff must agree first" in page
    assert signs_in(client, "river", DEFAULT_PASSWORD)


def test_the_list_offers_to_ask_rather_than_print_for_someone_with_a_password(
    client_for, worker, river
):
    html = client_for(worker).get("/staff/young-people/").content.decode()
    assert "Ask for a new code" in html
    assert f"/staff/young-people/{river.pk}/code/ask/" in html


def test_a_new_account_still_gets_its_first_code_at_once(client_for, worker):
    response = client_for(worker).post(
        "/staff/young-people/new/", {"username": "brook"}
    )
    assert response.status_code == 200 and response.context["code"]


def test_a_second_member_of_staff_agrees_then_the_code_prints_and_the_person_is_told(
    client_for, client, worker, manager, river
):
    client_for(worker)
    response = client.post(
        f"/staff/young-people/{river.pk}/code/ask/",
        {"reason": "Forgot their password; here with me in the office."},
    )
    assert response.status_code == 302
    told = list(
        Notification.objects.filter(user=river).values_list("message", flat=True)
    )
    assert len(told) == 1 and "worker asked for a new sign-in code" in told[0]
    assert Notification.objects.filter(
        user=manager, link="/staff/young-people/code-requests/"
    ).exists()
    # Until someone agrees, asking to print still gives no code.
    assert client.post(f"/staff/young-people/{river.pk}/code/").status_code == 302
    assert not SignInCode.objects.filter(user=river).exists()

    client.force_login(manager)
    waiting = client.get("/staff/young-people/code-requests/").content.decode()
    assert "Forgot their password; here with me in the office." in waiting
    request_id = river.sign_in_code_requests.get().pk
    response = client.post(
        f"/staff/young-people/code-requests/{request_id}/", {"decision": "agree"}
    )
    assert response.status_code == 302

    client.force_login(worker)
    sheet = client.post(f"/staff/young-people/{river.pk}/code/")
    assert sheet.status_code == 200
    code = sheet.context["code"]
    told = Notification.objects.filter(user=river).order_by("created_at")
    assert told.count() == 2
    assert (
        "A new sign-in code was made for your account by worker, agreed by manager"
        in (told.last().message)
    )
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {
        "accounts.sign_in_code.ask",
        "accounts.sign_in_code.agree",
        "accounts.sign_in_code.issue",
    } <= actions
    # The agreement is spent: printing again needs a new one.
    assert client.post(f"/staff/young-people/{river.pk}/code/").status_code == 302

    client.logout()
    response = client.post(
        "/accounts/code/",
        {"code": code, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert signs_in(client, "river", NEW_PASSWORD)


def test_the_worker_who_asked_cannot_agree_to_their_own_request(client_for, client):
    lead_and_worker = UserFactory(
        username="both", roles=[roles.CASE_WORKER, roles.SAFEGUARDING_LEAD]
    )
    river = UserFactory(
        username="river", roles=[roles.YOUNG_PERSON], case_worker=lead_and_worker
    )
    client_for(lead_and_worker)
    client.post(f"/staff/young-people/{river.pk}/code/ask/", {"reason": "Forgot it."})
    code_request = river.sign_in_code_requests.get()
    assert (
        "Forgot it."
        not in client.get("/staff/young-people/code-requests/").content.decode()
    )
    response = client.post(
        f"/staff/young-people/code-requests/{code_request.pk}/",
        {"decision": "agree"},
        follow=True,
    )
    assert "Someone other than the person who asked must decide." in (
        response.content.decode()
    )
    code_request.refresh_from_db()
    assert code_request.status == "waiting"
    assert client.post(f"/staff/young-people/{river.pk}/code/").status_code == 302
    assert not SignInCode.objects.filter(user=river).exists()


def test_a_refused_request_prints_no_code(client_for, client, worker, manager, river):
    client_for(worker)
    client.post(f"/staff/young-people/{river.pk}/code/ask/", {"reason": "Forgot."})
    client.force_login(manager)
    code_request = river.sign_in_code_requests.get()
    client.post(
        f"/staff/young-people/code-requests/{code_request.pk}/", {"decision": "refuse"}
    )
    client.force_login(worker)
    assert client.post(f"/staff/young-people/{river.pk}/code/").status_code == 302
    assert not SignInCode.objects.filter(user=river).exists()


def test_a_case_worker_cannot_agree_to_codes(client_for, worker, river):
    other_worker = UserFactory(username="other-worker", roles=[roles.CASE_WORKER])
    client = client_for(worker)
    client.post(f"/staff/young-people/{river.pk}/code/ask/", {"reason": "Forgot."})
    code_request = river.sign_in_code_requests.get()
    client.force_login(other_worker)
    response = client.post(
        f"/staff/young-people/code-requests/{code_request.pk}/", {"decision": "agree"}
    )
    assert response.status_code == 403
    code_request.refresh_from_db()
    assert code_request.status == "waiting"


def test_asking_without_a_reason_says_so_beside_the_field(client_for, worker, river):
    response = client_for(worker).post(
        f"/staff/young-people/{river.pk}/code/ask/", {"reason": ""}
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not river.sign_in_code_requests.exists()


def test_a_code_made_without_agreement_does_not_replace_a_password(
    client, worker, river
):
    """A code left over from before (or made around the rule) opens nothing."""
    from datetime import timedelta

    from django.utils import timezone

    SignInCode.objects.create(
        user=river,
        code_hash=hash_code("ACDE-FGHJ-KMNP"),
        created_by=worker,
        expires_at=timezone.now() + timedelta(hours=1),
    )
    response = client.post(
        "/accounts/code/",
        {
            "code": "ACDE-FGHJ-KMNP",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 200
    assert "That code does not work" in response.content.decode()
    assert signs_in(client, "river", DEFAULT_PASSWORD)


def test_an_administrator_cannot_set_a_young_persons_password_in_the_wagtail_admin(
    client_for, river
):
    admin = UserFactory(username="boss", roles=[roles.ADMINISTRATOR])
    client = client_for(admin)
    client.post(
        f"/admin/users/edit/{river.pk}/",
        {
            "username": "river",
            "email": "river@example.org",
            "first_name": "River",
            "last_name": "Young",
            "is_active": "on",
            "groups": [str(g.pk) for g in river.groups.all()],
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert not signs_in(client, "river", NEW_PASSWORD)
    assert signs_in(client, "river", DEFAULT_PASSWORD)
