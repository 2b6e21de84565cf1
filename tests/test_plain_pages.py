"""Error and sign-in pages speak in our plain words, not Django's or allauth's."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client

from accounts import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ALLAUTH_PHRASES = [
    "You should really add an email address",
    "Sign In",
    "Forgot Password?",
    "Are you sure you want to sign out?",
    "Password Reset",
]


def assert_plain(html, sentence):
    assert sentence in html
    for phrase in ALLAUTH_PHRASES:
        assert phrase not in html


def test_a_form_sent_without_a_valid_token_gets_our_open_too_long_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "a", "password": "b"})
    assert response.status_code == 403
    assert_plain(
        response.content.decode(),
        "This page was open too long. Go back, reload and try again. "
        "What you typed may still be there.",
    )


def test_a_bad_host_gets_our_plain_400_page(settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = Client(HTTP_HOST="evil.example").get("/accounts/login/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Something went wrong with that link" in html
    assert 'href="/"' in html


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("/accounts/login/", "Type your username and password."),
        ("/accounts/password/reset/", "No email? Ask your worker for a code."),
        ("/accounts/password/reset/done/", "Check your email"),
    ],
)
def test_sign_in_pages_use_our_words(client, url, sentence):
    response = client.get(url)
    assert response.status_code == 200
    assert_plain(response.content.decode(), sentence)


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("/accounts/logout/", "Then the next person on this phone cannot see"),
        ("/accounts/password/change/", "Type your password now"),
    ],
)
def test_signed_in_account_pages_use_our_words(client, url, sentence):
    client.force_login(UserFactory())
    response = client.get(url)
    assert response.status_code == 200
    assert_plain(response.content.decode(), sentence)


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        (
            "/accounts/password/reset/key/1-bad-token/",
            "This link does not work any more",
        ),
        ("/accounts/password/reset/key/done/", "Your new password is saved"),
        ("/accounts/inactive/", "This account is switched off"),
    ],
)
def test_reset_link_and_inactive_pages_use_our_words(client, url, sentence):
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert_plain(response.content.decode(), sentence)


def test_staff_asked_for_their_code_see_our_words(client, settings):
    settings.STAFF_MFA_REQUIRED = True
    lead = UserFactory(roles=[roles.SAFEGUARDING_LEAD])
    TOTP.activate(lead, generate_totp_secret())
    client.force_login(lead)
    response = client.get("/staff/", follow=True)
    assert response.status_code == 200
    assert_plain(response.content.decode(), "Type the 6 numbers it shows.")
    assert "Two-Factor Authentication" not in response.content.decode()
