"""Every message allauth can flash on a page is in the site's own plain words.

The list comes from the allauth package itself, for each allauth app in
INSTALLED_APPS, so a release that adds a message fails here until we have
written our own.
"""

import re
from pathlib import Path

import allauth
import pytest
from django.apps import apps
from django.template.loader import get_template, render_to_string
from django.urls import reverse

from accounts import roles
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ALLAUTH_TEMPLATES = Path(allauth.__file__).parent / "templates"

# What allauth passes to its message templates, with values a test can look for.
MESSAGE_CONTEXT = {
    "email": "sam@example.org",
    "recipient": "sam@example.org",
    "phone": "+447700900123",
    "MFA_RECOVERY_CODES_SHOW_ONCE": True,
}

# allauth's words and jargon that must not reach a young person.
NOT_OUR_WORDS = [
    "successfully",
    "logged",
    "primary",
    "verif",
    "authenticator",
    "recovery code",
    "confirmation email",
    "unable to",
]


def allauth_message_templates() -> list[str]:
    """Template names of every message the installed allauth apps ship."""
    names = []
    for config in apps.get_app_configs():
        if not config.name.startswith("allauth."):
            continue
        folder = config.name.rsplit(".", 1)[1]
        names += sorted(
            f"{folder}/messages/{path.name}"
            for path in (ALLAUTH_TEMPLATES / folder / "messages").glob("*.txt")
        )
    return names


def test_the_installed_allauth_apps_ship_messages_we_can_find():
    names = allauth_message_templates()
    assert "account/messages/logged_in.txt" in names
    assert "mfa/messages/totp_activated.txt" in names


@pytest.mark.parametrize("name", allauth_message_templates())
def test_every_allauth_message_is_one_of_ours(name):
    origin = Path(get_template(name).origin.name)
    assert not origin.is_relative_to(ALLAUTH_TEMPLATES), (
        f"{name} still has allauth's words: add templates/{name}"
    )


@pytest.mark.parametrize("name", allauth_message_templates())
def test_every_allauth_message_reads_in_plain_words(name):
    person = UserFactory(username="skyblue")
    words = render_to_string(name, {**MESSAGE_CONTEXT, "user": person}).strip()
    assert words, f"{name} says nothing"
    for jargon in NOT_OUR_WORDS:
        assert jargon not in words.lower(), f"{name} says {jargon!r}: {words}"
    allauths = (ALLAUTH_TEMPLATES / name).read_text()
    for key in ("email", "recipient", "phone"):
        if re.search(r"\{\{\s*" + key + r"\s*\}\}", allauths):
            assert MESSAGE_CONTEXT[key] in words, f"{name} no longer says the {key}"


def messages_on(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_signing_in_says_who_you_are_signed_in_as(client, home_page):
    UserFactory(username="skyblue", roles=[roles.YOUNG_PERSON])
    response = client.post(
        reverse("account_login"),
        {"login": "skyblue", "password": DEFAULT_PASSWORD},
        follow=True,
    )
    assert messages_on(response) == ["You are signed in as skyblue."]
    assert "You are signed in as skyblue." in response.content.decode()


def test_signing_out_says_you_are_signed_out(client, home_page):
    client.force_login(UserFactory(roles=[roles.YOUNG_PERSON]))
    response = client.post(reverse("account_logout"), follow=True)
    said = "You are signed out. The next person on this phone cannot see your account."
    assert messages_on(response) == [said]
    assert said in response.content.decode()


def test_the_sign_in_page_has_no_remember_me_box(client):
    html = client.get(reverse("account_login")).content.decode()
    assert 'name="remember"' not in html
    assert "remember me" not in html.lower()


def test_a_sign_in_lasts_only_until_the_browser_is_closed(client):
    UserFactory(username="skyblue", roles=[roles.YOUNG_PERSON])
    response = client.post(
        reverse("account_login"), {"login": "skyblue", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie.value
    assert not cookie["expires"] and not cookie["max-age"]  # a browser-session cookie
