""" "I don't feel safe" is one tap from every page, for everyone, signed in or not.

It is one control, in the header: for signed-in young people (who can be
reached and need no words to be helped) one tap sends the alert; for everyone
else it leads to the help and the form.
"""

import pytest
from django.test import Client

from accounts import roles
from tests.factories import pass_mfa
from tests.routes import has_parameters, plain_routes
from voice.safeguarding.models import SafeguardingConcern

pytestmark = pytest.mark.django_db

HEADER_LINK = '<a class="help-link" href="/feedback/unsafe/" data-help-link>'
HEADER_FORM = (
    '<form method="post" action="/feedback/unsafe/" class="inline-form help-form"'
)
HEADER_BUTTON = (
    '<button type="submit" class="help-link" data-help-link data-sends-alert>'
    "I don't feel safe</button>"
)


def header_of(html: str) -> str:
    return html.split('<header class="site-header">', 1)[1].split("</header>")[0]


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
        assert HEADER_LINK in header_of(html), path


@pytest.mark.parametrize("role", [roles.PARENT_CARER, roles.CASE_WORKER])
def test_signed_in_people_have_the_help_link_on_their_pages(people, home_page, role):
    client = Client()
    user = people[role]
    client.force_login(user)
    pass_mfa(client, user)
    for path in ["/", "/feedback/", "/accounts/messages/"]:
        assert HEADER_LINK in client.get(path).content.decode(), path


@pytest.mark.parametrize("role", [roles.YOUNG_PERSON, roles.BOARD_MEMBER])
def test_for_signed_in_young_people_the_header_control_sends_the_alert_in_one_tap(
    people, home_page, role
):
    client = Client()
    client.force_login(people[role])
    for path in ["/", "/feedback/", "/feedback/shared/", "/accounts/messages/"]:
        html = client.get(path).content.decode()
        header = header_of(html)
        assert HEADER_FORM in header and HEADER_BUTTON in header, path
        assert 'name="csrfmiddlewaretoken"' in header, path
        assert HEADER_LINK not in html, path
        # One control in one place: no second button under the header.
        assert html.count("data-help-link") == 1, path
        assert "safety-bar" not in html, path


def test_the_header_control_of_a_young_person_raises_a_concern_and_signposts(
    people, home_page
):
    young = people[roles.YOUNG_PERSON]
    client = Client(enforce_csrf_checks=True)
    client.force_login(young)
    header = header_of(client.get("/").content.decode())
    token = header.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post("/feedback/unsafe/", {"csrfmiddlewaretoken": token})
    assert response["Location"] == "/feedback/unsafe/sent/"
    concern = SafeguardingConcern.objects.get()
    assert concern.raised_by == young
    assert concern.source == SafeguardingConcern.Source.UNSAFE_BUTTON
    html = client.get(response["Location"]).content.decode()
    assert "We have told someone" in html
    assert 'href="sms:85258"' in html and 'href="tel:08001111"' in html
    assert (
        'href="https://www.childline.org.uk/get-support/1-2-1-counsellor-chat/"' in html
    )
    assert 'href="tel:999"' in html


@pytest.mark.parametrize("role", [roles.PARENT_CARER, roles.MODERATOR, None])
def test_for_everyone_else_the_header_control_is_the_link_to_the_form(
    people, home_page, role
):
    client = Client()
    if role:
        client.force_login(people[role])
        pass_mfa(client, people[role])
    html = client.get("/").content.decode()
    assert HEADER_LINK in header_of(html)
    assert HEADER_FORM not in html
    assert html.count("data-help-link") == 1


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
