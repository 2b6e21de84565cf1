"""A sample of the XSS payloads typed into the public forms of a real browser:
no dialog opens and no injected script runs, on the answer pages or on any page
anyone can open afterwards. (Every payload is checked for escaping, without a
browser, in tests/security/test_xss.py.)"""

import io

from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import Client

from accounts.access import Outcome, rule_for
from tests.htmlforms import post_forms
from tests.routes import openable_paths
from tests.security.test_xss import PAYLOADS

SAMPLE = PAYLOADS[::10]


def public_paths(people) -> list[str]:
    return [
        path
        for view_name, path in openable_paths(people)
        if rule_for(view_name, path).expected_outcome_for(AnonymousUser())
        is Outcome.ALLOW
    ]


def readable(paths: list[str]) -> list[str]:
    """The paths that answer a plain GET with a page (not POST-only actions)."""
    client = Client()
    found = []
    for path in paths:
        response = client.get(path)
        if response.status_code == 200 and "html" in response["Content-Type"]:
            found.append(path)
    return found


def public_forms(paths: list[str]) -> list[tuple[str, list[str]]]:
    """(page, text field names) for each page with a POST form that takes text."""
    client = Client()
    found = []
    for path in paths:
        response = client.get(path)
        for form in post_forms(response.content.decode()):
            names = [f.name for f in form.text_fields() if f.type != "password"]
            if names:
                found.append((path, names))
    return found


def test_injected_script_never_runs_in_a_real_browser(
    browser, live_server, transactional_db, people
):
    call_command("seed_demo", stdout=io.StringIO())
    paths = readable(public_paths(people))
    forms = public_forms(paths)
    assert forms, "no public form takes text"
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    submitted = 0
    for path, names in forms:
        for payload in SAMPLE:
            page.goto(path)
            form = page.locator(
                "form[method='post']", has=page.locator(f"[name='{names[0]}']")
            )
            for name in names:
                field = form.locator(f"[name='{name}']").first
                if field.is_visible():
                    field.fill(payload)
            form.locator(
                "button[type='submit'], button:not([type]), input[type='submit']"
            ).first.click()
            page.wait_for_load_state()
            assert page.evaluate("() => window.__xss === undefined"), (
                f"{path}: {payload}"
            )
            submitted += 1
    for path in paths:
        page.goto(path)
        assert page.evaluate("() => window.__xss === undefined"), path
    context.close()
    assert submitted >= len(SAMPLE)
    assert not dialogs, f"dialogs opened: {dialogs}"
