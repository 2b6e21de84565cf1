"""No browser or cache keeps a young person's or parent's form, words or receipt.

Generated from the URL configuration and the page tree, so a new form or page
is checked as soon as it is mounted.
"""

import io
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from wagtail.models import Page

from accounts import roles
from accounts.access import Outcome, rule_for
from tests.routes import openable_paths

# Fields a person types or chooses in: a page with one of these in a form that
# posts is a form of theirs (the safety bar's one-tap button has none).
FORM_FIELD = re.compile(
    r"<form[^>]*method=\"post\"(?:(?!</form>).)*?"
    r"(<textarea|<select|<input(?![^>]*type=\"(?:hidden|submit)\"))",
    re.S | re.I,
)
PEOPLE_WHO_GIVE_FEEDBACK = ["anonymous", roles.YOUNG_PERSON, roles.PARENT_CARER]


def assert_never_kept(response, where):
    cache_control = response.get("Cache-Control", "")
    assert "no-store" in cache_control, f"{where}: Cache-Control is {cache_control!r}"
    assert response.get("Pragma") == "no-cache", f"{where}: no Pragma: no-cache"


def has_a_form(response) -> bool:
    content_type = response.get("Content-Type", "")
    if response.streaming or not content_type.startswith("text/html"):
        return False
    return bool(FORM_FIELD.search(response.content.decode()))


@pytest.fixture
def site_with_content(db):
    call_command("seed_demo", stdout=io.StringIO())


@pytest.mark.parametrize("role", PEOPLE_WHO_GIVE_FEEDBACK)
def test_every_form_and_page_of_a_young_person_or_parent_is_never_kept(
    client, settings, site_with_content, people, role
):
    settings.STAFF_MFA_REQUIRED = False
    user = None if role == "anonymous" else people[role]
    forms_seen = 0
    for view_name, path in openable_paths(people):
        client.logout()
        if user is not None:
            client.force_login(user)
        rule = rule_for(view_name, path)
        if rule.expected_outcome_for(user or AnonymousUser()) is not Outcome.ALLOW:
            continue
        response = client.get(path)
        where = f"{role} GET {path} ({view_name})"
        if user is not None:
            assert_never_kept(response, where)  # every page of a signed-in person
        elif has_a_form(response):
            forms_seen += 1
            assert_never_kept(response, where)
        if response.status_code == 200 and has_a_form(response):
            # What a form sends back (errors, with what was typed) is never kept.
            assert_never_kept(client.post(path, {}), f"{role} POST {path}")
    assert forms_seen or user is not None


@pytest.mark.parametrize("role", PEOPLE_WHO_GIVE_FEEDBACK)
def test_every_wagtail_page_with_a_form_is_never_kept(
    client, settings, site_with_content, people, role
):
    settings.STAFF_MFA_REQUIRED = False
    if role != "anonymous":
        client.force_login(people[role])
    forms_seen = 0
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        if role != "anonymous":
            assert_never_kept(response, f"{role} GET {page.url}")
        elif has_a_form(response):
            forms_seen += 1
            assert_never_kept(response, f"{role} GET {page.url}")
    if role == "anonymous":
        assert forms_seen, "the demo content has a survey anyone can answer"


def test_the_feedback_pages_with_a_childs_code_or_words_are_never_kept(client, db):
    for path in ["/feedback/thank-you/", "/feedback/unsafe/", "/feedback/check/"]:
        assert_never_kept(client.get(path), path)


def test_a_public_page_for_everyone_may_be_kept(client, site_with_content):
    response = client.get("/feedback/shared/")
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_signed_in_person_sees_an_obvious_im_done_step(client, people):
    client.force_login(people[roles.YOUNG_PERSON])
    html = client.get("/feedback/").content.decode()
    assert "I&#x27;m done: sign out" in html or "I'm done: sign out" in html
    assert 'class="button button--secondary sign-out"' in html
