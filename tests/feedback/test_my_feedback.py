"""My feedback: a signed-in person's own feedback and what happened to each; nobody else's."""

import pytest

from accounts import roles
from tests.feedback.factories import approve, make_feedback

pytestmark = pytest.mark.django_db


def test_my_feedback_lists_only_my_own_with_its_status(client, people):
    me, other = people[roles.YOUNG_PERSON], people[roles.BOARD_MEMBER]
    make_feedback("Mine and waiting.", author=me)
    approve(make_feedback("Mine, shared.", author=me), reply="Thanks for this.")
    make_feedback("Someone else's words.", author=other)
    make_feedback("Anonymous words.")

    client.force_login(me)
    html = client.get("/feedback/mine/").content.decode()
    assert "Mine and waiting." in html and "Mine, shared." in html
    assert "<strong>Received.</strong>" in html and "<strong>Shared.</strong>" in html
    assert "Thanks for this." in html
    assert "Someone else&#x27;s words." not in html
    assert "Anonymous words." not in html
    assert "no-store" in client.get("/feedback/mine/")["Cache-Control"]


def test_stop_sharing_from_my_feedback_returns_there(client, people):
    me = people[roles.YOUNG_PERSON]
    feedback = approve(make_feedback("Shared by me.", author=me))
    client.force_login(me)
    response = client.post(
        "/feedback/check/stop-sharing/",
        {"code": feedback.receipt_code, "next": "mine"},
    )
    assert response["Location"] == "/feedback/mine/"
    feedback.refresh_from_db()
    assert feedback.share_consent_withdrawn_at is not None


def test_my_feedback_runs_the_same_number_of_queries_for_few_or_many(client, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    me = people[roles.YOUNG_PERSON]
    client.force_login(me)
    make_feedback(author=me)
    client.get("/feedback/mine/")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get("/feedback/mine/")
        return len(captured)

    few = queries()
    for _ in range(10):
        make_feedback(author=me)
    assert queries() == few


def test_my_feedback_is_in_the_account_links(client, people):
    client.force_login(people[roles.YOUNG_PERSON])
    html = client.get("/accounts/email/").content.decode()
    assert 'href="/feedback/mine/"' in html


def test_my_feedback_needs_signing_in(client):
    response = client.get("/feedback/mine/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_navigation_shows_give_and_shared_feedback_to_everyone(client, home_page):
    html = client.get("/").content.decode()
    assert 'href="/feedback/"' in html and 'href="/feedback/shared/"' in html
