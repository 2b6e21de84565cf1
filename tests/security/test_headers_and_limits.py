"""Security headers on every page, HSTS in production, CSRF on every form, rate limits."""

import importlib
import sys

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import Client, override_settings

from accounts import roles
from accounts.access import Outcome, rule_for
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.routes import ROLES, openable_paths, user_for
from tests.security.conftest import form_action, pages_open_to


def script_sources(policy: str) -> str:
    for directive in policy.split(";"):
        name, _, value = directive.strip().partition(" ")
        if name == "script-src":
            return value
    return ""


def test_every_page_anyone_can_open_sends_the_security_headers(client, seeded, people):
    checked = 0
    for view_name, path in openable_paths(people):
        rule = rule_for(view_name, path)
        if rule.expected_outcome_for(AnonymousUser()) is not Outcome.ALLOW:
            continue
        response = client.get(path)
        if "html" not in response.get("Content-Type", ""):
            continue
        policy = response["Content-Security-Policy"]
        assert "'self'" in script_sources(policy), path
        assert "unsafe-inline" not in script_sources(policy), path
        assert "unsafe-eval" not in script_sources(policy), path
        assert "frame-ancestors 'none'" in policy, path
        assert response["X-Frame-Options"] == "DENY", path
        assert response["Referrer-Policy"] == "same-origin", path
        assert response["X-Content-Type-Options"] == "nosniff", path
        checked += 1
    assert checked > 5


def production_settings(monkeypatch):
    monkeypatch.setenv(
        "SECRET_KEY", "a-production-like-secret-for-this-test-only-1234567890"
    )
    monkeypatch.setenv("ALLOWED_HOSTS", "voice.example.org")
    sys.modules.pop("config.settings.production", None)
    return importlib.import_module("config.settings.production")


def test_production_sends_hsts_for_two_years_with_subdomains(
    client, db, home_page, monkeypatch
):
    production = production_settings(monkeypatch)
    assert production.SECURE_SSL_REDIRECT is True
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    with override_settings(
        SECURE_HSTS_SECONDS=production.SECURE_HSTS_SECONDS,
        SECURE_HSTS_INCLUDE_SUBDOMAINS=production.SECURE_HSTS_INCLUDE_SUBDOMAINS,
        SECURE_HSTS_PRELOAD=production.SECURE_HSTS_PRELOAD,
        SECURE_SSL_REDIRECT=False,
    ):
        response = client.get("/", secure=True)
    hsts = response["Strict-Transport-Security"]
    assert "max-age=63072000" in hsts and "includeSubDomains" in hsts


@pytest.mark.parametrize("role", ROLES)
def test_every_form_refuses_a_post_without_its_csrf_token(seeded, people, role):
    browser = Client(enforce_csrf_checks=True)
    user = user_for(role, people)
    refused = 0
    for page in pages_open_to(browser, people, role):
        for form in page.forms:
            if user is not None:
                browser.force_login(user)
            data = {
                name: "x"
                for name in form.field_names()
                if name != "csrfmiddlewaretoken"
            }
            response = browser.post(form_action(page, form), data)
            assert response.status_code == 403, (
                f"{role} POST {form_action(page, form)} without a CSRF token: "
                f"{response.status_code}"
            )
            refused += 1
    if role == "anonymous":
        assert refused >= 3  # sign-in, sign-up, password reset at least


def test_repeated_wrong_passwords_for_one_account_are_slowed_down(client, seeded):
    UserFactory(username="target-account")
    answers = [
        client.post(
            "/accounts/login/", {"login": "target-account", "password": f"wrong-{n}"}
        )
        for n in range(6)
    ]
    assert all(answer.status_code == 200 for answer in answers)  # the form again
    assert b"Too many failed" not in answers[0].content
    assert b"Too many failed" in answers[-1].content
    # Even the right password is refused until the limit runs out.
    right = client.post(
        "/accounts/login/", {"login": "target-account", "password": DEFAULT_PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert b"Too many failed" in right.content


def test_sign_ups_from_one_address_are_limited(client, seeded):
    statuses = []
    for n in range(45):
        response = client.post(
            "/accounts/signup/",
            {
                "username": f"newperson{n}",
                "password1": "a-long-enough-password-9",
                "password2": "a-long-enough-password-9",
            },
        )
        statuses.append(response.status_code)
        client.logout()
    assert 429 not in statuses[:40]
    assert statuses[-1] == 429


def test_thirty_young_people_in_one_room_can_all_sign_in_at_once(seeded):
    cache.clear()
    young = [
        UserFactory(username=f"group-member-{n}", roles=[roles.YOUNG_PERSON])
        for n in range(30)
    ]
    for person in young:
        browser = Client(REMOTE_ADDR="203.0.113.7")
        response = browser.post(
            "/accounts/login/", {"login": person.username, "password": DEFAULT_PASSWORD}
        )
        assert response.status_code == 302, f"{person.username}: {response.status_code}"
        assert browser.session.get("_auth_user_id") == str(person.pk)


STAFF_ROLES_WITH_ADMIN = [
    roles.PROGRAMME_STAFF,
    roles.SERVICE_MANAGER,
    roles.ADMINISTRATOR,
]


@pytest.mark.parametrize("role", roles.STAFF_ROLES)
def test_every_staff_page_keeps_the_strict_script_policy(client, seeded, people, role):
    checked = 0
    for page in pages_open_to(client, people, role):
        if page.path.startswith("/admin/"):
            continue
        response = client.get(page.path)
        sources = script_sources(response["Content-Security-Policy"])
        assert sources.split() == ["'self'"], (page.path, sources)
        checked += 1
    assert checked > 1


@pytest.mark.parametrize("role", STAFF_ROLES_WITH_ADMIN)
def test_the_wagtail_admin_alone_may_run_its_own_inline_scripts(
    client, seeded, people, role
):
    client.force_login(people[role])
    for path in ["/admin/", "/admin/images/chooser/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response["Content-Security-Policy"]
        assert script_sources(policy).split() == ["'self'", "'unsafe-inline'"], path
        assert "unsafe-eval" not in policy, path
        assert "frame-ancestors 'none'" in policy, path


def test_the_admin_sign_in_door_keeps_the_strict_policy(client, db):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert script_sources(response["Content-Security-Policy"]).split() == ["'self'"]
    response = client.get("/admin/", follow=True)
    assert response.request["PATH_INFO"] == "/accounts/login/"
    assert script_sources(response["Content-Security-Policy"]).split() == ["'self'"]
