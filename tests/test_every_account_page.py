"""Every page allauth mounts is ours: our header, our plain words, none of allauth's.

The walk finds the pages from the URL configuration (names `account_*` and
`mfa_*`), so a page mounted later without a template of ours fails here.
"""

from pathlib import Path
from types import SimpleNamespace

import allauth
import pytest
from allauth.account.internal.flows.login import record_authentication
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse

from accounts import roles
from tests.factories import UserFactory, pass_mfa

pytestmark = pytest.mark.django_db

ALLAUTH_TEMPLATES = str(Path(allauth.__file__).parent / "templates")

# allauth's own wording: none of it may reach a page of ours.
ALLAUTH_WORDING = [
    "You should really",
    "Email Addresses",
    "Sign In",
    "Sign Up",
    "Already have an account?",
    "Forgot your password?",
    "Current Password",
    "New Password",
    "Password (again)",
    "Your password can’t be too similar",
    "Two-Factor Authentication",
    "Authenticator App",
    "Authenticator code",
    "Recovery Codes",
    "Confirm Access",
    "Confirm Email Address",
    "Verify Your Email Address",
    "Make Primary",
    "Re-send Verification",
]

# Pages that, in this site's set-up, only ever send people on to another page:
# sign-in and re-check by emailed code are switched off, the code step of
# sign-in needs a half-done sign-in, and signing out needs someone signed in.
ONLY_SEND_ON = {
    "account_confirm_login_code",
    "account_request_reauthentication_code",
    "account_confirm_reauthentication_code",
    "mfa_authenticate",
}


def allauth_page_names() -> list[str]:
    """Names of every mounted page of allauth's (outside any namespace of ours)."""

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if not pattern.namespace:
                    yield from walk(pattern.url_patterns)
            elif pattern.name and pattern.name.startswith(("account_", "mfa_")):
                yield pattern

    return sorted(
        pattern.name
        for pattern in walk(get_resolver().url_patterns)
        if pattern.callback.__module__.startswith("allauth.")
    )


def address_of(name: str, person) -> str:
    """The page's address, with a real key where it needs one."""
    if name == "account_confirm_email":
        email = EmailAddress.objects.create(
            user=person, email=f"{person.username}@example.org", primary=True
        )
        return reverse(name, kwargs={"key": EmailConfirmationHMAC(email).key})
    if name == "account_reset_password_from_key":
        return reverse(
            name,
            kwargs={
                "uidb36": user_pk_to_url_str(person),
                "key": default_token_generator.make_token(person),
            },
        )
    # A page that needs other parts in its address must be taught here.
    return reverse(name)


def is_allauth_page(url: str, names: list[str]) -> bool:
    return resolve(url.split("?")[0]).url_name in names


def open_page(client: Client, url: str, names: list[str]):
    """GET the page, following it on only while it sends to another allauth page."""
    response = client.get(url)
    for _ in range(5):
        if response.status_code not in (301, 302):
            break
        target = response["Location"]
        if not is_allauth_page(target, names):
            break
        response = client.get(target)
    return response


def assert_ours(response, where: str) -> None:
    assert response.status_code < 500, f"{where}: {response.status_code}"
    from_allauth = sorted(
        template.origin.name
        for template in response.templates
        if template.origin and template.origin.name.startswith(ALLAUTH_TEMPLATES)
    )
    assert not from_allauth, f"{where} uses allauth's templates: {from_allauth}"
    if response.status_code < 400 and response.status_code != 200:
        return  # sent on to a page of the site's own
    if response["Content-Type"].startswith("text/html"):
        html = response.content.decode()
        assert "data-help-link" in html, f"{where}: no site header"
        for words in ALLAUTH_WORDING:
            assert words not in html, f"{where} says {words!r}"


def visitor():
    return Client(), UserFactory()


def young_person():
    person = UserFactory(roles=[roles.YOUNG_PERSON])
    client = Client()
    client.force_login(person)
    return client, person


def young_person_with_no_password_yet():
    """Someone a worker made an account for, before they chose a password."""
    person = UserFactory(roles=[roles.YOUNG_PERSON])
    person.set_unusable_password()
    person.save()
    client = Client()
    client.force_login(person)
    return client, person


def staff_member_with_mfa():
    """A lead with an app and spare codes who has just typed password and code."""
    lead = UserFactory(roles=[roles.SAFEGUARDING_LEAD])
    TOTP.activate(lead, generate_totp_secret())
    RecoveryCodes.activate(lead)
    client = Client()
    client.force_login(lead)
    pass_mfa(client, lead)
    return just_typed_password(client, lead), lead


def new_staff_member():
    """A lead with no sign-in app yet, who has just typed their password."""
    lead = UserFactory(roles=[roles.SAFEGUARDING_LEAD])
    client = Client()
    client.force_login(lead)
    return just_typed_password(client, lead), lead


def just_typed_password(client: Client, person) -> Client:
    """As after allauth's "type your password again" step, so MFA pages open."""
    session = client.session
    record_authentication(
        SimpleNamespace(session=session), person, "password", reauthenticated=True
    )
    session.save()
    return client


def test_every_mounted_allauth_page_is_ours_for_everyone_who_can_open_it(settings):
    settings.STAFF_MFA_REQUIRED = True
    names = allauth_page_names()
    shown = set()
    for who, sign_in in [
        ("visitor", visitor),
        ("young person", young_person),
        ("young person with no password yet", young_person_with_no_password_yet),
        ("staff member with MFA", staff_member_with_mfa),
        ("new staff member", new_staff_member),
    ]:
        for name in names:
            # Someone new each time: some pages (a reset link) use up their key.
            client, person = sign_in()
            response = open_page(client, address_of(name, person), names)
            assert_ours(response, f"{name} for a {who}")
            if response.status_code == 200:
                shown.add(resolve(response.request["PATH_INFO"]).url_name)
    never_shown = set(names) - shown - ONLY_SEND_ON
    assert not never_shown, f"pages this walk never reached: {sorted(never_shown)}"
