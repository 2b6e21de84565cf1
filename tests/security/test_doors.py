"""One door: only allauth's views take a person's password and sign them in.

Every route comes from the URL configuration (and every page from the page
tree), so a login form added later, by us or by a library's URLs, fails here
until it is closed or named below with the reason it may stay.
"""

from __future__ import annotations

import re
import time
from re import _parser as regex_parser  # noqa: PLC2701 (the stdlib's own regex parser)

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret, hotp_value
from django.core.cache import cache
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.urls.resolvers import RegexPattern
from wagtail.models import Page, PageViewRestriction

from accounts import roles
from tests.factories import DEFAULT_PASSWORD, UserFactory, page_behind_a_password
from tests.htmlforms import parse_forms
from tests.routes import ALL_ROUTES, SAMPLE_KWARGS

# The views that may sign someone in with their own password: allauth's
# sign-in (which asks staff for their MFA code before signing them in).
PASSWORD_SIGN_IN_VIEWS = {"account_login"}

# Every view a form with a password field may post to, and why it may.
PASSWORD_FORMS = {
    "account_login": "allauth's sign-in: rate-limited, MFA stage for staff",
    "account_signup": "allauth's sign-up: a new public account, rate-limited",
    "account_reauthenticate": "allauth: the signed-in person confirms their password",
    "account_change_password": "allauth: change one's own password, rate-limited",
    "account_set_password": "allauth: set a first password when signed in",
    "account_reset_password_from_key": "allauth: new password from an emailed key",
    "privacy:delete_account": (
        "the signed-in person confirms their password before deleting their "
        "account; allauth's reauthentication limit applies"
    ),
    "accounts:redeem_code": (
        "a case worker's one-time code; signs in through allauth's login flow "
        "and its rate limits"
    ),
    "wagtailcore_authenticate_with_password": (
        "a private page's shared password (Wagtail page view restriction): "
        "it opens that page for this browser and signs no one in"
    ),
    "wagtaildocs_authenticate_with_password": (
        "a private document collection's shared password: opens those "
        "documents for this browser and signs no one in"
    ),
}

CONVERTER_SAMPLES = {"int": "1", "uuid": "00000000-0000-0000-0000-000000000001"}


def sample_from_regex(pattern: str) -> str:
    """The shortest plain text a URL regex accepts (one of each repeat)."""
    return "".join(_sample(regex_parser.parse(pattern)))


def _sample(parsed) -> list[str]:
    out: list[str] = []
    for op, value in parsed:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(value))
        elif name == "SUBPATTERN":
            out += _sample(value[-1])
        elif name == "BRANCH":
            out += _sample(value[1][-1])
        elif name in {"MAX_REPEAT", "MIN_REPEAT"}:
            low, _high, item = value
            out += _sample(item) * max(low, 1)
        elif name == "IN":
            out.append(_sample_class(value))
        elif name == "ANY":
            out.append("a")
        elif name == "CATEGORY":
            out.append("1" if "DIGIT" in str(value) else "a")
    return out


def _sample_class(items) -> str:
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            return chr(value)
        if name == "RANGE":
            return chr(value[0])
        if name == "CATEGORY":
            return "1" if "DIGIT" in str(value) else "a"
    return "a"


def path_for_route(view_name: str, route: str, pattern, people) -> str:
    if view_name in SAMPLE_KWARGS:
        return reverse(view_name, kwargs=SAMPLE_KWARGS[view_name](people))
    if isinstance(pattern.pattern, RegexPattern) or "(" in route:
        return sample_from_regex(route)
    return re.sub(
        r"<(?:(\w+):)?\w+>",
        lambda m: CONVERTER_SAMPLES.get(m.group(1) or "str", "a"),
        route,
    )


@pytest.fixture
def private_page(home_page):
    """A page behind a shared password, so its password form is among those checked."""
    return page_behind_a_password(
        home_page, Page(title="Staff noticeboard", slug="board-pw"), password="shared-1"
    )


@pytest.fixture
def every_path(seeded, people, private_page) -> list[str]:
    """A path for every route of the URL configuration, and every live page."""
    paths = [
        path_for_route(view_name, route, pattern, people)
        for view_name, route, pattern in ALL_ROUTES
    ]
    paths += [page.url for page in Page.objects.live().filter(depth__gt=1)]
    return list(dict.fromkeys(paths))


def view_name_of(path: str) -> str:
    try:
        return resolve(path.split("?")[0]).view_name
    except Resolver404:
        return ""


def signed_in_user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def post_credentials_everywhere(user, paths) -> dict[str, str]:
    """POST the user's username and password to every path; where did it sign them in?"""
    signed_in = {}
    credentials = {
        "login": user.username,
        "username": user.username,
        "password": DEFAULT_PASSWORD,
    }
    for path in paths:
        cache.clear()  # each door gets a fresh rate-limit budget
        client = Client(raise_request_exception=False)
        client.post(path, credentials)
        if signed_in_user_id(client) == str(user.pk):
            signed_in[path] = view_name_of(path)
    return signed_in


def test_a_staff_password_signs_in_nowhere_without_the_mfa_code(every_path, settings):
    settings.STAFF_MFA_REQUIRED = True
    lead = UserFactory(username="lead-with-totp", roles=[roles.SAFEGUARDING_LEAD])
    TOTP.activate(lead, generate_totp_secret())
    assert len(every_path) > 300

    assert post_credentials_everywhere(lead, every_path) == {}


def test_only_allauths_sign_in_takes_a_password_and_signs_someone_in(every_path):
    young = UserFactory(username="door-tester", roles=[roles.YOUNG_PERSON])

    signed_in = post_credentials_everywhere(young, every_path)

    assert set(signed_in.values()) == PASSWORD_SIGN_IN_VIEWS, signed_in


def test_a_staff_member_signs_in_at_allauths_door_with_password_then_code(
    client, seeded, settings
):
    settings.STAFF_MFA_REQUIRED = True
    lead = UserFactory(username="lead-at-door", roles=[roles.SAFEGUARDING_LEAD])
    secret = generate_totp_secret()
    TOTP.activate(lead, secret)
    client.post(
        "/accounts/login/", {"login": lead.username, "password": DEFAULT_PASSWORD}
    )
    assert signed_in_user_id(client) is None
    code = hotp_value(secret, int(time.time()) // 30)
    client.post("/accounts/2fa/authenticate/", {"code": f"{code:06d}"})
    assert signed_in_user_id(client) == str(lead.pk)
    assert client.get("/staff/safeguarding/").status_code == 200


def password_form_targets(client: Client, paths) -> dict[str, str]:
    """For each form with a password field: the view it posts to, and where it was seen."""
    found = {}
    for path in paths:
        response = client.get(path)
        if "html" not in response.get("Content-Type", ""):
            continue
        for form in parse_forms(response.content.decode()):
            if any(f.tag == "input" and f.type == "password" for f in form.fields):
                found[view_name_of(form.action or path)] = path
    return found


def test_every_form_that_takes_a_password_is_a_known_door(
    every_path, people, settings, client
):
    settings.STAFF_MFA_REQUIRED = False  # a signed-in person sees their own forms
    client.raise_request_exception = False
    targets = password_form_targets(client, every_path)
    client.force_login(people[roles.YOUNG_PERSON])
    targets |= password_form_targets(client, every_path)

    unknown = {
        view: path for view, path in targets.items() if view not in PASSWORD_FORMS
    }
    assert unknown == {}, f"Password forms outside allauth: {unknown}"
    # The scan sees the doors that are meant to be there.
    assert {
        "account_login",
        "accounts:redeem_code",
        "wagtailcore_authenticate_with_password",
    } <= set(targets)


@pytest.mark.parametrize("door", ["/_util/login/", "/admin/login/"])
def test_wagtails_login_doors_lead_to_allauth_keeping_next(client, seeded, door):
    staff = UserFactory(username="door-admin", roles=[roles.ADMINISTRATOR])
    response = client.post(
        f"{door}?next=/staff/",
        {"username": staff.username, "password": DEFAULT_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fstaff%2F"
    assert signed_in_user_id(client) is None


def test_a_page_that_needs_sign_in_sends_people_to_allauth(client, home_page):
    page = home_page.add_child(instance=Page(title="Members", slug="members-only"))
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_wagtails_own_password_views_are_switched_off(settings):
    assert settings.WAGTAIL_PASSWORD_RESET_ENABLED is False
    assert settings.WAGTAIL_PASSWORD_MANAGEMENT_ENABLED is False
