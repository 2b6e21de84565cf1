"""Error pages show the site's header, its "I don't feel safe" link and plain words.

The pages for 400, a form open too long, 500 and 503 must show when nothing
else works, so these tests run with the database blocked.
"""

import pytest
from django.db import OperationalError
from django.test import Client

from pages.views import bad_request, csrf_failure, server_error

SITE_HEADER = '<a class="site-name" href="/">Youth Voice</a>'
HELP_LINK = '<a class="help-link" href="/feedback/unsafe/" data-help-link>'
# A signed-in young person's control sends the alert in one tap.
ONE_TAP_ALERT = 'class="help-link" data-help-link data-sends-alert>'


def assert_site_header(html: str) -> None:
    assert SITE_HEADER in html
    assert HELP_LINK in html
    assert "Need help now?" in html


def failing_response(error: Exception, request):
    try:
        raise error
    except type(error):
        return server_error(request)


def test_a_page_that_fails_with_the_database_blocked_gets_our_500_page():
    # No database in this test: the sign-in page cannot even read its session.
    client = Client(raise_request_exception=False)
    response = client.get("/accounts/login/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, something went wrong" in html
    assert "It is not your fault." in html
    assert_site_header(html)
    assert "Traceback" not in html


@pytest.mark.parametrize(
    ("make_response", "status", "words"),
    [
        (
            lambda rf: bad_request(rf.get("/")),
            400,
            "Something went wrong with that link",
        ),
        (lambda rf: csrf_failure(rf.post("/")), 403, "This page was open too long"),
        (
            lambda rf: failing_response(RuntimeError("a bug"), rf.get("/")),
            500,
            "Sorry, something went wrong",
        ),
        (
            lambda rf: failing_response(OperationalError("gone"), rf.get("/")),
            503,
            "We will be back soon",
        ),
    ],
)
def test_error_pages_that_need_no_database_show_the_site_header(
    rf, make_response, status, words
):
    response = make_response(rf)
    assert response.status_code == status
    html = response.content.decode()
    assert words in html
    assert_site_header(html)
    assert "<title>" in html and "– Youth Voice</title>" in html


@pytest.mark.django_db
def test_not_found_and_forbidden_pages_show_the_site_header(
    client_for, young_person, home_page
):
    client = client_for(young_person)
    not_found = client.get("/no-such-page/")
    assert not_found.status_code == 404
    assert "We cannot find that page" in not_found.content.decode()
    assert ONE_TAP_ALERT in not_found.content.decode()
    forbidden = client.get("/staff/")
    assert forbidden.status_code == 403
    assert "You cannot open this page" in forbidden.content.decode()
    assert ONE_TAP_ALERT in forbidden.content.decode()
