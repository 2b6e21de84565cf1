"""Wagtail's user bar (edit this page) on public pages, for signed-in editors only."""

import re

import pytest
from django.test import override_settings

from accounts import roles

pytestmark = pytest.mark.django_db

USERBAR = "<wagtail-userbar>"


def userbar_embed(html: str) -> str:
    start = html.index("<!-- Wagtail user bar embed code -->")
    end = html.index("<!-- end Wagtail user bar embed code -->")
    return html[start:end]


@override_settings(SECURE_SSL_REDIRECT=False)
def test_an_editor_gets_the_user_bar_on_a_public_page(client_for, people, home_page):
    response = client_for(people[roles.ADMINISTRATOR]).get(home_page.url)
    html = response.content.decode()
    assert USERBAR in html
    assert f"/admin/pages/{home_page.pk}/edit/" in userbar_embed(html)


@override_settings(SECURE_SSL_REDIRECT=False)
def test_a_young_person_and_a_visitor_get_no_user_bar(
    client, client_for, young_person, home_page
):
    assert USERBAR not in client.get(home_page.url).content.decode()
    html = client_for(young_person).get(home_page.url).content.decode()
    assert USERBAR not in html
    assert "Wagtail user bar" not in html


@override_settings(SECURE_SSL_REDIRECT=False)
def test_the_user_bar_keeps_the_public_security_policy(
    client, client_for, people, home_page
):
    visitor_policy = client.get(home_page.url)["Content-Security-Policy"]
    response = client_for(people[roles.SERVICE_MANAGER]).get(home_page.url)
    assert response["Content-Security-Policy"] == visitor_policy
    script_src = visitor_policy.split("script-src")[1].split(";")[0]
    assert "unsafe-inline" not in script_src
    # Every script the user bar runs is a file from this site, none written
    # inline (its JSON settings are data, which the policy does not block).
    scripts = re.findall(r"<script([^>]*)>", userbar_embed(response.content.decode()))
    run = [a for a in scripts if 'type="application/json"' not in a]
    assert run
    for attributes in run:
        assert re.search(r'src="((https?:)?//testserver)?/static/', attributes)
