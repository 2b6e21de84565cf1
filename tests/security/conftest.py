"""The demo site and a way to find every form each role can open."""

import io
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.management import call_command

from accounts.access import Outcome, rule_for
from tests.htmlforms import Form, post_forms
from tests.routes import openable_paths, user_for


@pytest.fixture
def seeded(db, settings):
    settings.STAFF_MFA_REQUIRED = False  # MFA has its own tests
    call_command("seed_demo", stdout=io.StringIO())
    cache.clear()  # rate-limit counters from other tests
    yield
    cache.clear()


@dataclass
class OpenPage:
    view_name: str
    path: str
    forms: list[Form]


def sign_in(client, user) -> None:
    client.logout()
    if user is not None:
        client.force_login(user)


def pages_open_to(client, people, role) -> list[OpenPage]:
    """Every route this role may open (by its rule) that answers 200, with its POST forms."""
    user = user_for(role, people)
    found = []
    for view_name, path in openable_paths(people):
        rule = rule_for(view_name, path)
        if rule.expected_outcome_for(user or AnonymousUser()) is not Outcome.ALLOW:
            continue
        sign_in(client, user)
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get(
            "Content-Type", ""
        ):
            continue
        forms = [
            form
            for form in post_forms(response.content.decode())
            if not is_sign_out(form)
        ]
        found.append(OpenPage(view_name, path, forms))
    return found


def is_sign_out(form: Form) -> bool:
    return "logout" in form.action


def form_action(page: OpenPage, form: Form) -> str:
    return form.action or page.path
