"""The shared page: only what was approved and agreed, without names, fast, and reportable."""

import re

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from accounts import roles
from tests.feedback.factories import approve, make_feedback, make_shared
from voice.feedback.log_actions import SENT_BACK_AFTER_REPORTS
from voice.feedback.models import Feedback, FeedbackReport
from voice.feedback.selectors import SHARED_PER_PAGE
from voice.feedback.services import withdraw_share_consent
from voice.moderation.models import ModeratedText
from voice.safeguarding.models import SafeguardingPhrase

pytestmark = pytest.mark.django_db


def shared_html(client, older=""):
    query = f"?older={older}" if older else ""
    return client.get(f"/feedback/shared/{query}").content.decode()


def test_only_approved_agreed_and_not_withdrawn_feedback_is_shown(client):
    make_shared("Approved and agreed.")
    make_feedback("Still waiting to be read.")
    approve(make_feedback("Approved but not agreed.", share=False))
    withdraw_share_consent(feedback=make_shared("Agreed then withdrawn."))
    not_shared = make_feedback("Moderator said no.")
    not_shared.moderated_text.status = ModeratedText.Status.NOT_SHARED
    not_shared.moderated_text.save()

    html = shared_html(client)
    assert "Approved and agreed." in html
    for hidden in [
        "Still waiting to be read.",
        "Approved but not agreed.",
        "Agreed then withdrawn.",
        "Moderator said no.",
    ]:
        assert hidden not in html


def test_shared_items_show_topic_feeling_words_and_reply_but_no_name(client, people):
    author = people[roles.YOUNG_PERSON]
    feedback = approve(
        make_feedback("The football is great.", author=author, feeling=5),
        reply="Glad you like it!",
    )
    html = shared_html(client)
    assert str(feedback.topic) in html
    assert "Very happy" in html and "😄" in html
    assert "The football is great." in html
    assert "Glad you like it!" in html
    assert author.username not in html
    assert feedback.receipt_code not in html


def test_the_public_sees_the_redacted_words_and_the_original_stays_intact(client):
    original = "My worker Sam at Oakfield School was great."
    feedback = make_shared(original, redacted="My worker [name] at [school] was great.")
    html = shared_html(client)
    assert "My worker [name] at [school] was great." in html
    assert "Sam" not in html and "Oakfield" not in html
    feedback.moderated_text.refresh_from_db()
    assert feedback.moderated_text.text == original


def test_words_that_raised_a_safeguarding_concern_never_reach_the_shared_page(client):
    SafeguardingPhrase.objects.get_or_create(
        phrase="county lines", category=SafeguardingPhrase.Category.EXPLOITATION
    )
    feedback = make_feedback("Older boys want me to do county lines.", share=True)
    assert feedback.moderated_text.status == ModeratedText.Status.SAFEGUARDING
    assert "county lines" not in shared_html(client)


def test_newest_first_and_paginated_without_counting_the_whole_table(client):
    items = [make_shared(f"Item number {n}.") for n in range(SHARED_PER_PAGE + 3)]
    first = shared_html(client)
    assert first.index(f"Item number {len(items) - 1}.") < first.index(
        f"Item number {len(items) - 2}."
    )
    assert "Item number 0." not in first
    older = re.search(r'href="\?older=([0-9-]+)" rel="next"', first).group(1)
    second = shared_html(client, older)
    assert "Item number 0." in second
    assert "Item number 3." not in second  # already on the first page
    assert 'rel="next"' not in second
    assert "Back to the newest" in second


def test_items_made_in_the_same_moment_are_neither_lost_nor_repeated(client):
    items = [make_shared(f"Same moment {n}.") for n in range(SHARED_PER_PAGE * 2)]
    Feedback.objects.update(created_at=items[0].created_at)
    seen, older = [], ""
    for _ in range(3):
        html = shared_html(client, older)
        seen += re.findall(r"Same moment (\d+)\.", html)
        found = re.search(r'href="\?older=([0-9-]+)" rel="next"', html)
        if not found:
            break
        older = found.group(1)
    assert sorted(map(int, seen)) == list(range(len(items)))


def test_a_made_up_position_shows_the_newest_and_never_fails(client):
    make_shared("Still here.")
    for bad in ["abc", "1-", "-5", "99999999999999999999-1", "<script>"]:
        response = client.get("/feedback/shared/", {"older": bad})
        assert response.status_code == 200
        assert "Still here." in response.content.decode()


def count_queries(client) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/feedback/shared/").status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_the_shared_page_runs_the_same_number_of_queries_for_few_or_many_items(client):
    for _ in range(2):
        make_shared(reply="A reply")
    count_queries(client)  # the first visit makes the site's settings row
    few = count_queries(client)
    for _ in range(SHARED_PER_PAGE + 5):
        make_shared(redacted="Redacted words", reply="A reply")
    many = count_queries(client)
    assert len(few) == len(many)
    assert not any("COUNT(" in sql.upper() for sql in many)


def report(client, feedback, reason="unkind"):
    return client.post(f"/feedback/shared/{feedback.pk}/report/", {"reason": reason})


def test_a_visitor_reports_a_shared_item_with_a_reason(client):
    feedback = make_shared()
    page = client.get(f"/feedback/shared/{feedback.pk}/report/")
    assert "It is rude, unkind or hurtful" in page.content.decode()
    response = report(client, feedback, "personal_details")
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.report_count == 1
    assert FeedbackReport.objects.get().reason == "personal_details"
    assert (
        "Our team will look at it again"
        in client.get(response["Location"]).content.decode()
    )


def test_a_report_without_a_reason_or_with_a_made_up_one_is_refused(client):
    feedback = make_shared()
    for data in [{}, {"reason": "because"}]:
        response = client.post(f"/feedback/shared/{feedback.pk}/report/", data)
        assert response.status_code == 400
        assert 'id="id_reason_error"' in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.report_count == 0


def test_one_visitor_reporting_again_counts_once(client):
    feedback = make_shared()
    for _ in range(3):
        report(client, feedback)
    feedback.refresh_from_db()
    assert feedback.report_count == 1
    assert feedback.moderated_text.status == ModeratedText.Status.APPROVED


def visitor_from(place: int) -> Client:
    """A visitor who is not signed in, on their own network."""
    return Client(REMOTE_ADDR=f"198.51.100.{place}")


def test_reports_from_fresh_browsers_on_one_network_count_once():
    feedback = make_shared("Words someone wants gone.")
    for _ in range(3):
        assert report(Client(REMOTE_ADDR="203.0.113.90"), feedback).status_code == 302
    feedback.refresh_from_db()
    assert feedback.report_count == 1
    assert feedback.moderated_text.status == ModeratedText.Status.APPROVED
    assert "Words someone wants gone." in shared_html(Client())


def test_a_signed_in_person_reporting_from_new_sessions_counts_once(people):
    feedback = make_shared()
    for _ in range(3):
        browser = Client()
        browser.force_login(people[roles.YOUNG_PERSON])
        report(browser, feedback)
    feedback.refresh_from_db()
    assert feedback.report_count == 1


def test_enough_reports_send_it_back_to_the_moderators_and_off_the_page():
    feedback = make_shared("Reported words.")
    for network in ["203.0.113.7", "198.51.100.20"]:
        report(Client(REMOTE_ADDR=network), feedback)
    assert "Reported words." in shared_html(Client())
    report(Client(REMOTE_ADDR="192.0.2.99"), feedback)

    feedback.refresh_from_db()
    assert feedback.report_count == 3
    assert feedback.moderated_text.status == ModeratedText.Status.WAITING
    assert "Reported words." not in shared_html(Client())
    entry = ModelLogEntry.objects.get(action=SENT_BACK_AFTER_REPORTS)
    assert entry.object_id == str(feedback.pk)
    assert entry.data["report_count"] == 3
    assert entry.data["reasons"] == ["unkind"]


@override_settings(FEEDBACK_HIDE_AFTER_REPORTS=1)
def test_the_number_of_reports_that_hides_an_item_is_a_setting(client):
    feedback = make_shared()
    report(client, feedback)
    feedback.moderated_text.refresh_from_db()
    assert feedback.moderated_text.status == ModeratedText.Status.WAITING


@override_settings(FEEDBACK_HIDE_AFTER_REPORTS=2)
def test_after_a_moderator_approves_it_again_only_new_reports_count():
    feedback = make_shared()
    report(Client(REMOTE_ADDR="203.0.113.7"), feedback)
    report(Client(REMOTE_ADDR="198.51.100.20"), feedback)
    feedback.refresh_from_db()
    approve(feedback)  # a moderator looked again and kept it up
    report(Client(REMOTE_ADDR="203.0.113.8"), feedback)
    feedback.moderated_text.refresh_from_db()
    assert feedback.moderated_text.status == ModeratedText.Status.APPROVED
    report(Client(REMOTE_ADDR="192.0.2.99"), feedback)
    feedback.moderated_text.refresh_from_db()
    assert feedback.moderated_text.status == ModeratedText.Status.WAITING


def test_only_shared_items_can_be_reported(client):
    waiting = make_feedback()
    assert client.get(f"/feedback/shared/{waiting.pk}/report/").status_code == 404
    assert report(client, waiting).status_code == 404
    assert Feedback.objects.get().report_count == 0


@override_settings(FEEDBACK_RATE_LIMITS={"report": ((2, 600), (100, 600))})
def test_reports_are_rate_limited(client):
    items = [make_shared() for _ in range(3)]
    assert report(client, items[0]).status_code == 302
    assert report(client, items[1]).status_code == 302
    assert report(client, items[2]).status_code == 429
    assert Feedback.objects.filter(report_count=1).count() == 2


def test_feedback_whose_words_were_purged_leaves_the_shared_page(client):
    from datetime import timedelta

    from django.utils import timezone

    from privacy.retention import purge_expired_data

    old = make_shared("Old words kept too long.", reply="An old reply.")
    old.moderated_text.decided_at = timezone.now() - timedelta(days=800)
    old.moderated_text.save()
    make_shared("Recent words still shared.")

    purge_expired_data(now=timezone.now())

    old.moderated_text.refresh_from_db()
    assert old.moderated_text.anonymised_at is not None
    assert Feedback.objects.filter(pk=old.pk).exists()  # the row stays for counts
    html = shared_html(client)
    assert "Recent words still shared." in html
    assert "An old reply." not in html
    assert html.count('class="card shared-item"') == 1  # no empty card left behind
