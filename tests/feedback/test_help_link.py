""" "I don't feel safe" is one tap from every page, for everyone, signed in or not."""

import pytest
from django.test import Client

from accounts import roles
from tests.factories import pass_mfa
from tests.routes import has_parameters, plain_routes

pytestmark = pytest.mark.django_db

HEADER_LINK = '<a class="help-link" href="/feedback/unsafe/" data-help-link>'


def public_pages(client) -> list[tuple[str, str]]:
    """Every route without parameters that answers a visitor with an HTML page."""
    found = []
    for _view_name, path in plain_routes():
        if path.startswith("/admin/") or has_parameters(path):
            continue
        response = client.get(path)
        if response.status_code == 200 and "text/html" in response.get(
            "Content-Type", ""
        ):
            found.append((path, response.content.decode()))
    return found


def test_every_page_a_visitor_can_open_has_the_help_link_in_its_header(home_page):
    shown = public_pages(Client())
    assert len(shown) > 10
    missing = [path for path, html in shown if HEADER_LINK not in html]
    assert missing == []
    # In the header, not only at the foot of a form.
    for path, html in shown:
        header = html.split('<header class="site-header">', 1)[1].split("</header>")[0]
        assert HEADER_LINK in header, path


@pytest.mark.parametrize(
    "role", [roles.YOUNG_PERSON, roles.PARENT_CARER, roles.CASE_WORKER]
)
def test_signed_in_people_have_the_help_link_on_their_pages(people, home_page, role):
    client = Client()
    user = people[role]
    client.force_login(user)
    pass_mfa(client, user)
    for path in ["/", "/feedback/", "/accounts/messages/"]:
        assert HEADER_LINK in client.get(path).content.decode(), path


def test_a_page_that_is_not_found_still_has_the_help_link(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert HEADER_LINK in response.content.decode()


def test_the_help_link_leads_to_signposting_and_the_unsafe_form(client):
    html = client.get("/feedback/unsafe/").content.decode()
    assert "Text SHOUT to" in html and 'href="sms:85258"' in html
    assert 'href="tel:08001111"' in html
    assert (
        'href="https://www.childline.org.uk/get-support/1-2-1-counsellor-chat/"' in html
    )
    assert 'href="tel:999"' in html
    assert 'action="/feedback/unsafe/"' in html
