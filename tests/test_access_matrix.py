"""Every route of the site × every role, checked against the route's declared access rule.

Routes are collected from the URL configuration (and pages from the page tree),
never from a hand-written list, so a new URL without a rule fails here.
"""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from accounts.access import Outcome, rule_for
from tests.access_expectations import EXPECTED, expected_outcome
from tests.routes import ALL_ROUTES, ROLES, SAMPLE_KWARGS, plain_routes, user_for


def test_routes_were_collected():
    assert len(ALL_ROUTES) > 100  # ours plus allauth's and Wagtail's


@pytest.mark.parametrize(
    ("view_name", "route"), [(name, route) for name, route, _ in ALL_ROUTES]
)
def test_every_route_has_an_access_rule(view_name, route):
    assert rule_for(view_name, route) is not None, (
        f"No access rule for {view_name} ({route})"
    )


def assert_outcome(response, expected, where):
    status = response.status_code
    login_redirect = status == 302 and response["Location"].startswith(
        "/accounts/login/"
    )
    assert status < 500, f"{where}: server error {status}"
    if expected is Outcome.LOGIN:
        assert login_redirect, f"{where}: expected a sign-in redirect, got {status}"
    elif expected is Outcome.FORBID:
        assert status == 403, f"{where}: expected 403, got {status}"
    else:
        assert status != 403 and not login_redirect, (
            f"{where}: expected to open, got {status} {response.get('Location', '')}"
        )


def test_every_checked_route_has_a_hand_written_expectation():
    missing = sorted({name for name, _ in plain_routes()} - EXPECTED.keys())
    assert not missing, f"Write who may open these in access_expectations: {missing}"


def test_hand_written_expectations_name_only_real_routes():
    unknown = sorted(EXPECTED.keys() - {name for name, _, _ in ALL_ROUTES})
    assert not unknown, f"No such route: {unknown}"


@pytest.mark.parametrize("role", ROLES)
def test_hand_written_expectations_agree_with_the_rule_table(people, role):
    from django.contrib.auth.models import AnonymousUser

    user = user_for(role, people) or AnonymousUser()
    disagree = [
        (view_name, str(rule_for(view_name, route).expected_outcome_for(user)))
        for view_name, route in plain_routes()
        if str(rule_for(view_name, route).expected_outcome_for(user))
        != expected_outcome(view_name, role)
    ]
    assert not disagree, f"{role}: the rule table says otherwise for {disagree}"


@pytest.fixture
def site_with_content(db):
    call_command("seed_demo", stdout=io.StringIO())


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_the_hand_written_table_says(
    client, settings, site_with_content, people, role
):

    settings.STAFF_MFA_REQUIRED = False  # MFA has its own tests
    user = user_for(role, people)
    checked = 0
    for view_name, route in plain_routes():
        path = route
        if view_name in SAMPLE_KWARGS:
            from django.urls import reverse

            path = reverse(view_name, kwargs=SAMPLE_KWARGS[view_name](people))
        client.logout()
        if user is not None:
            client.force_login(user)
        expected = Outcome(expected_outcome(view_name, role))
        assert_outcome(client.get(path), expected, f"{role} GET {path} ({view_name})")
        checked += 1
    assert checked > 10


@pytest.mark.parametrize("role", ROLES)
def test_each_role_can_open_exactly_the_pages_wagtail_allows(
    client, settings, site_with_content, people, role
):
    from django.contrib.auth.models import AnonymousUser

    settings.STAFF_MFA_REQUIRED = False
    user = user_for(role, people)
    if user is not None:
        client.force_login(user)
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages
    for page in pages:
        expected = page_outcome(page, user or AnonymousUser())
        response = client.get(page.url)
        assert_outcome(response, expected, f"{role} GET {page.url}")


def page_outcome(page, user) -> Outcome:
    """What Wagtail's page privacy should give this user on this page."""
    outcome = Outcome.ALLOW
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type == restriction.LOGIN:
            if not user.is_authenticated:
                return Outcome.LOGIN
        elif restriction.restriction_type == restriction.GROUPS:
            if not user.is_authenticated:
                return Outcome.LOGIN
            if (
                not user.is_superuser
                and not user.groups.filter(pk__in=restriction.groups.all()).exists()
            ):
                outcome = Outcome.FORBID
        elif restriction.restriction_type == restriction.PASSWORD:
            outcome = Outcome.LOGIN if not user.is_authenticated else outcome
    return outcome
