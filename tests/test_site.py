"""The site as a whole: pages, health, error pages and the closed second login door."""

import io
import json
import re
import time
from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import override_settings
from django.urls import path as route

from accounts import roles
from pages.views import server_error
from tests.factories import DEFAULT_PASSWORD, user_with_role


@pytest.fixture
def seeded(db):
    from django.core.management import call_command

    call_command("seed_demo", stdout=io.StringIO())


def test_seed_demo_builds_the_site_pages_and_is_safe_to_run_twice(seeded, client):
    from django.core.management import call_command

    call_command("seed_demo", stdout=io.StringIO())
    for path in ("/", "/about/", "/help/", "/privacy/", "/accessibility/"):
        response = client.get(path)
        assert response.status_code == 200, path
    assert b"Childline" in client.get("/help/").content


def test_every_page_has_a_skip_link_main_landmark_and_language(seeded, client):
    html = client.get("/").content.decode()
    assert '<html lang="en-gb">' in html
    assert 'href="#main"' in html and '<main id="main"' in html
    assert "Read this page aloud" in html


def test_no_page_loads_anything_from_another_host(seeded, client):
    html = client.get("/").content.decode()
    # A plain link to a helpline's own site is not a load; anything else is.
    without_links = re.sub(r'<a href="https://[^"]*"', "<a", html)
    assert "http://" not in without_links.replace("http://testserver", "")
    assert "https://" not in without_links


def test_healthz_reports_database_and_channel_layer(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "checks": {"database": True, "channel_layer": True},
    }


@contextmanager
def database_unreachable():
    """Every query fails as it would with the database server down."""

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with mock.patch.object(CursorWrapper, "execute", refuse):
        yield


def test_healthz_answers_503_when_the_database_is_unreachable(client, db):
    with database_unreachable():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["database"] is False


def test_database_outage_shows_the_friendly_503_page(client, db):
    client.raise_request_exception = False
    with database_unreachable():
        response = client.get("/about/")
    assert response.status_code == 503
    assert b"We will be back soon" in response.content
    assert b"Traceback" not in response.content


def test_an_error_raised_while_handling_a_database_outage_gets_the_503_page(rf):
    try:
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError:
            raise RuntimeError("the clean-up failed on the broken connection")
    except RuntimeError:
        response = server_error(rf.get("/feedback/"))
    assert response.status_code == 503
    assert b"We will be back soon" in response.content


def test_any_other_error_gets_the_friendly_500_page(rf):
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        response = server_error(rf.get("/feedback/"))
    assert response.status_code == 500
    assert b"Traceback" not in response.content


def test_unknown_address_gets_the_friendly_404_page(client, db, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"We cannot find that page" in response.content


def test_wagtail_login_form_is_closed_and_leads_to_allauth(client, db):
    user_with_role(roles.ADMINISTRATOR, username="boss", is_superuser=True)
    response = client.post(
        "/admin/login/", {"username": "boss", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_wagtail_login_redirect_keeps_where_the_person_was_going(client, db):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fpages%2F"


@override_settings(SECURE_SSL_REDIRECT=False)
def test_security_headers_are_sent(client, db, home_page):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy
        and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def broken_view(request):
    raise RuntimeError("a bug")


# This module doubles as a URL configuration with one broken view.
urlpatterns = [route("broken/", broken_view, name="broken")]
handler500 = "pages.views.server_error"


@override_settings(ROOT_URLCONF="tests.test_site")
def test_a_server_error_shows_the_friendly_page_and_no_traceback(client, db):
    from accounts.access import Public, register

    register({"broken": Public()})
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, something went wrong" in html
    assert "Traceback" not in html and "RuntimeError" not in html


def test_staff_with_mfa_must_give_their_code_to_sign_in(client, db, settings):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret, hotp_value

    settings.STAFF_MFA_REQUIRED = True
    moderator = user_with_role(roles.MODERATOR, username="mod-with-mfa")
    secret = generate_totp_secret()
    TOTP.activate(moderator, secret)
    response = client.post(
        "/accounts/login/", {"login": "mod-with-mfa", "password": DEFAULT_PASSWORD}
    )
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    assert client.get("/staff/").status_code == 302

    code = hotp_value(secret, int(time.time()) // 30)
    response = client.post("/accounts/2fa/authenticate/", {"code": f"{code:06d}"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(moderator.pk)
    assert Authenticator.objects.filter(user=moderator).exists()
    assert client.get("/staff/").status_code == 200
