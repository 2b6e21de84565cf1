"""Accounts and roles: sign-up without email, landings per role, MFA for staff, codes."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client

from accounts import roles
from accounts.models import SignInCode
from accounts.services import create_supported_account
from tests.factories import DEFAULT_PASSWORD, UserFactory, pass_mfa, user_with_role

User = get_user_model()

LANDINGS = {
    roles.YOUNG_PERSON: "/",
    roles.PARENT_CARER: "/",
    roles.BOARD_MEMBER: "/",
    roles.CASE_WORKER: "/staff/young-people/",
    roles.MODERATOR: "/staff/",
    roles.SAFEGUARDING_LEAD: "/staff/",
    roles.PROGRAMME_STAFF: "/admin/",
    roles.SERVICE_MANAGER: "/staff/",
    roles.ADMINISTRATOR: "/admin/",
}


def test_every_role_exists_as_a_group(db):
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL_ROLES)


def test_young_person_signs_up_with_username_and_password_only(client, db):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "skyblue",
            "password1": "long-enough-pass-1",
            "password2": "long-enough-pass-1",
            "who": "young_person",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="skyblue")
    assert user.email == "" and user.first_name == "" and user.last_name == ""
    assert set(user.groups.values_list("name", flat=True)) == {roles.YOUNG_PERSON}


def test_public_sign_up_cannot_make_a_staff_account(client, db):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "sneaky",
            "password1": "long-enough-pass-1",
            "password2": "long-enough-pass-1",
            "who": "Administrator",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not User.objects.filter(username="sneaky").exists()


def test_sign_up_errors_appear_next_to_the_field_and_keep_what_was_typed(client, db):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "keepme",
            "password1": "x",
            "password2": "y",
            "who": "young_person",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="keepme"' in html


@pytest.mark.parametrize("role", list(LANDINGS))
def test_each_role_lands_on_a_page_that_fits_it(client, db, settings, role):
    settings.STAFF_MFA_REQUIRED = False
    user_with_role(role, username="someone", is_superuser=role == roles.ADMINISTRATOR)
    response = client.post(
        "/accounts/login/", {"login": "someone", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == LANDINGS[role]


@pytest.mark.parametrize("path", ["/staff/", "/admin/"])
def test_staff_without_mfa_are_sent_to_set_it_up(client, db, settings, path):
    settings.STAFF_MFA_REQUIRED = True
    client.force_login(user_with_role(roles.MODERATOR))
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_staff_get_in_once_this_session_passed_mfa(client, db, settings):
    settings.STAFF_MFA_REQUIRED = True
    moderator = user_with_role(roles.MODERATOR)
    Authenticator.objects.create(user=moderator, type=Authenticator.Type.TOTP, data={})
    client.force_login(moderator)
    assert client.get("/staff/").status_code == 302  # having TOTP is not enough
    pass_mfa(client, moderator)
    assert client.get("/staff/").status_code == 200


def test_anonymous_visitor_to_a_staff_url_is_sent_to_sign_in(client, db):
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/staff/"


@pytest.mark.parametrize("path", ["/staff/", "/admin/", "/staff/young-people/"])
def test_young_person_on_a_staff_url_gets_403(client, db, path):
    client.force_login(user_with_role(roles.YOUNG_PERSON))
    response = client.get(path)
    assert response.status_code == 403
    assert b"You cannot open this page" in response.content


def test_case_worker_makes_an_account_and_the_code_lets_the_young_person_in(
    client, db, settings
):
    settings.STAFF_MFA_REQUIRED = False
    worker = user_with_role(roles.CASE_WORKER)
    client.force_login(worker)
    response = client.post("/staff/young-people/new/", {"username": "river"})
    assert response.status_code == 200
    code = response.context["code"]
    assert "data:image/svg+xml;base64," in response.content.decode()
    young = User.objects.get(username="river")
    assert young.case_worker == worker and not young.has_usable_password()
    assert young.groups.filter(name=roles.YOUNG_PERSON).exists()

    client.logout()
    response = client.post(
        "/accounts/code/",
        {
            "code": code.lower().replace("-", " "),
            "password1": "my-own-pass-9",
            "password2": "my-own-pass-9",
        },
    )
    assert response.status_code == 302
    young.refresh_from_db()
    assert young.check_password("my-own-pass-9")
    assert client.session["_auth_user_id"] == str(young.pk)


def test_a_sign_in_code_works_only_once(client, db):
    worker = user_with_role(roles.CASE_WORKER)
    _, code = create_supported_account(case_worker=worker, username="once")
    data = {"code": code, "password1": "my-own-pass-9", "password2": "my-own-pass-9"}
    assert client.post("/accounts/code/", data).status_code == 302
    client.logout()
    response = client.post("/accounts/code/", data)
    assert response.status_code == 200
    assert "That code does not work" in response.content.decode()


def test_only_the_hash_of_a_sign_in_code_is_stored(db):
    worker = user_with_role(roles.CASE_WORKER)
    _, code = create_supported_account(case_worker=worker, username="hashy")
    assert not SignInCode.objects.filter(code_hash__icontains=code).exists()


def test_case_worker_cannot_print_a_code_for_someone_they_do_not_support(
    client, db, settings
):
    settings.STAFF_MFA_REQUIRED = False
    stranger = UserFactory(username="stranger", roles=[roles.YOUNG_PERSON])
    client.force_login(user_with_role(roles.CASE_WORKER))
    assert client.post(f"/staff/young-people/{stranger.pk}/code/").status_code == 404


def test_failed_logins_are_rate_limited(client, db):
    UserFactory(username="target")
    for _ in range(6):
        response = client.post(
            "/accounts/login/", {"login": "target", "password": "wrong"}
        )
    assert "Too many failed login attempts" in response.content.decode()
    response = client.post(
        "/accounts/login/", {"login": "target", "password": DEFAULT_PASSWORD}
    )
    assert "_auth_user_id" not in client.session


def test_a_notification_shows_in_the_account_and_is_emailed_when_there_is_an_email(
    client, db, mailoutbox, django_capture_on_commit_callbacks
):
    from accounts.notifications import notify, unread_count

    person = UserFactory(username="withmail", email="kid@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            user=person, message="Your event has moved to Friday.", link="/programmes/"
        )
    assert [m.to for m in mailoutbox] == [["kid@example.org"]]
    assert unread_count(person) == 1
    client.force_login(person)
    assert (
        "Your event has moved to Friday."
        in client.get("/accounts/messages/").content.decode()
    )
    assert unread_count(person) == 0


def test_a_notification_without_an_email_stays_in_the_account_only(db, mailoutbox):
    from accounts.notifications import notify

    notify(user=UserFactory(username="nomail"), message="Hello")
    assert mailoutbox == []


def sign_up_with_email(client, username: str, email: str):
    return client.post(
        "/accounts/signup/",
        {
            "username": username,
            "email": email,
            "password1": "long-enough-pass-1",
            "password2": "long-enough-pass-1",
            "who": "young_person",
        },
    )


def test_sign_up_does_not_say_whether_an_email_address_is_already_in_use(client, db):
    cache.clear()
    UserFactory(username="owner", email="owner@example.org")
    taken = sign_up_with_email(client, "newcomer", "owner@example.org")
    client.logout()
    fresh = sign_up_with_email(client, "another", "fresh@example.org")
    assert taken.status_code == fresh.status_code == 302
    assert taken["Location"] == fresh["Location"]
    assert "already registered" not in taken.content.decode()
    # The address stays the owner's: the newcomer's copy is not verified.
    assert not EmailAddress.objects.filter(
        user__username="newcomer", verified=True
    ).exists()


def sign_in_from(address: str, login: str, password: str):
    browser = Client(REMOTE_ADDR=address)
    response = browser.post("/accounts/login/", {"login": login, "password": password})
    return browser, response


def signed_in_as(browser, user) -> bool:
    return browser.session.get("_auth_user_id") == str(user.pk)


def test_six_wrong_passwords_from_six_addresses_do_not_lock_a_young_person_out(db):
    cache.clear()
    young = UserFactory(username="locked-out-test", roles=[roles.YOUNG_PERSON])
    for number in range(6):
        sign_in_from(f"192.0.2.{number + 1}", young.username, "wrong-password")
    browser, response = sign_in_from("198.51.100.30", young.username, DEFAULT_PASSWORD)
    assert response.status_code == 302
    assert signed_in_as(browser, young)


def test_wrong_passwords_from_one_address_do_not_lock_the_account_elsewhere(db):
    cache.clear()
    young = UserFactory(username="elsewhere-test", roles=[roles.YOUNG_PERSON])
    for _ in range(6):
        _, answer = sign_in_from("192.0.2.50", young.username, "wrong-password")
    assert "Too many failed" in answer.content.decode()
    browser, response = sign_in_from("198.51.100.31", young.username, DEFAULT_PASSWORD)
    assert signed_in_as(browser, young)


def test_the_case_worker_can_lift_a_sign_in_lock_from_the_young_person_page(
    client, db, settings
):
    cache.clear()
    settings.STAFF_MFA_REQUIRED = False
    worker = user_with_role(roles.CASE_WORKER)
    young, _code = create_supported_account(case_worker=worker, username="lifted")
    young.set_password(DEFAULT_PASSWORD)
    young.save()
    for _ in range(6):
        sign_in_from("192.0.2.60", young.username, "wrong-password")
    _, still_locked = sign_in_from("192.0.2.60", young.username, DEFAULT_PASSWORD)
    assert "Too many failed" in still_locked.content.decode()

    client.force_login(worker)
    page = client.get("/staff/young-people/").content.decode()
    lift_url = f"/staff/young-people/{young.pk}/let-sign-in/"
    assert f'action="{lift_url}"' in page
    answer = client.post(lift_url, follow=True)
    assert answer.status_code == 200
    assert "lifted can try to sign in again now" in answer.content.decode()

    browser, response = sign_in_from("192.0.2.60", young.username, DEFAULT_PASSWORD)
    assert response.status_code == 302
    assert signed_in_as(browser, young)


def test_a_case_worker_cannot_lift_the_lock_of_someone_they_do_not_support(
    client, db, settings
):
    settings.STAFF_MFA_REQUIRED = False
    stranger = UserFactory(username="not-theirs", roles=[roles.YOUNG_PERSON])
    client.force_login(user_with_role(roles.CASE_WORKER))
    answer = client.post(f"/staff/young-people/{stranger.pk}/let-sign-in/")
    assert answer.status_code == 404


def redeem(client, code: str):
    return client.post(
        "/accounts/code/",
        {"code": code, "password1": "my-own-pass-9", "password2": "my-own-pass-9"},
    )


def test_guessing_sign_in_codes_is_rate_limited_and_says_so_beside_the_form(
    client, db, settings
):
    from django.core.cache import cache

    cache.clear()
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "redeem_sign_in_code": "3/m/ip",
    }
    worker = user_with_role(roles.CASE_WORKER)
    young, code = create_supported_account(case_worker=worker, username="guessed")
    for guess in ["AAAA-AAAA-AAAA", "CCCC-CCCC-CCCC", "DDDD-DDDD-DDDD"]:
        assert "That code does not work" in redeem(client, guess).content.decode()

    response = redeem(client, code)  # even the right code waits now
    assert response.status_code == 200
    html = response.content.decode()
    assert "Too many tries" in html
    assert f'value="{code}"' in html  # what was typed is kept
    assert "_auth_user_id" not in client.session
    young.refresh_from_db()
    assert not young.has_usable_password()
    cache.clear()


def test_a_sign_in_code_signs_in_through_allauth_and_is_recorded(client, db):
    from allauth.account.authentication import get_authentication_records

    worker = user_with_role(roles.CASE_WORKER)
    young, code = create_supported_account(case_worker=worker, username="recorded")
    response = redeem(client, code)
    assert response.status_code == 302
    assert response["Location"] == "/"
    request = response.wsgi_request
    assert request.user == young
    assert [r["method"] for r in get_authentication_records(request, young)] == [
        "sign_in_code"
    ]
