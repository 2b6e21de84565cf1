"""Checking a receipt code: what happened, in plain words, and stopping sharing."""

import re
import time
from types import SimpleNamespace

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import timezone

from accounts import roles
from tests.feedback.factories import approve, make_feedback, make_shared
from voice.moderation.models import ModeratedText, NotSharedReason

pytestmark = pytest.mark.django_db


def check(client, code):
    """Post a code and follow the redirect to the page that shows the result once."""
    return client.post("/feedback/check/", {"code": code}, follow=True)


@pytest.mark.parametrize(
    "typed",
    ["{code}", "{lower}", " {plain} ", "{spaced}", "{lower_plain}"],
)
def test_a_code_is_found_whatever_the_case_spaces_and_dashes(client, typed):
    feedback = make_feedback()
    code = feedback.receipt_code
    variants = {
        "code": code,
        "lower": code.lower(),
        "plain": code.replace("-", ""),
        "spaced": " ".join(code.replace("-", "")),
        "lower_plain": code.replace("-", "").lower(),
    }
    response = check(client, typed.format(**variants))
    assert response.status_code == 200
    assert f"Feedback {code}" in response.content.decode()


def test_a_wrong_code_gets_a_message_next_to_the_field(client):
    response = check(client, "ACDE-FGHJ")
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_code_error"' in html
    assert "We could not find that code" in html
    assert 'value="ACDE-FGHJ"' in html


def test_something_that_cannot_be_a_code_is_explained(client):
    html = check(client, "hey").content.decode()
    assert "A receipt code has 8 letters and numbers" in html


def test_new_feedback_shows_received(client):
    html = check(client, make_feedback().receipt_code).content.decode()
    assert "<strong>Received.</strong>" in html
    assert "Nobody has read it yet" in html


def test_claimed_feedback_shows_being_read(client, people):
    feedback = make_feedback()
    item = feedback.moderated_text
    item.claimed_by = people[roles.MODERATOR]
    item.claimed_at = timezone.now()
    item.save()
    html = check(client, feedback.receipt_code).content.decode()
    assert "<strong>Being read.</strong>" in html


def test_shared_feedback_shows_shared_with_the_reply(client):
    feedback = make_shared(reply="Thank you, we have fixed the heating.")
    html = check(client, feedback.receipt_code).content.decode()
    assert "<strong>Shared.</strong>" in html
    assert "Thank you, we have fixed the heating." in html
    assert "Stop sharing my words" in html


def test_not_shared_feedback_gives_the_reason_in_plain_words(client):
    feedback = make_feedback()
    reason = NotSharedReason.objects.create(
        title="Identifies a person",
        plain_words="It said who someone is, so we kept it private.",
    )
    item = feedback.moderated_text
    item.status = ModeratedText.Status.NOT_SHARED
    item.not_shared_reason = reason
    item.save()
    html = check(client, feedback.receipt_code).content.decode()
    assert "<strong>Read, not shared.</strong>" in html
    assert "It said who someone is, so we kept it private." in html
    assert "Stop sharing" not in html


def test_feedback_passed_to_safeguarding_is_worded_gently_with_help(client):
    feedback = make_feedback()
    item = feedback.moderated_text
    item.status = ModeratedText.Status.SAFEGUARDING
    item.save()
    html = check(client, feedback.receipt_code).content.decode()
    assert "keeps young people safe" in html
    assert "0800 1111" in html
    assert "secret" not in html.lower()


def test_feedback_they_did_not_want_shared_shows_read_and_private(client):
    feedback = approve(make_feedback(share=False))
    html = check(client, feedback.receipt_code).content.decode()
    assert "<strong>Read.</strong>" in html
    assert "Stop sharing" not in html


def test_the_words_themselves_are_not_shown_with_a_receipt_code(client):
    feedback = make_feedback("Something only I should read.")
    html = check(client, feedback.receipt_code).content.decode()
    assert "Something only I should read." not in html


def test_stop_sharing_takes_the_words_off_the_shared_page(client):
    feedback = make_shared("Please stop showing this one.")
    assert (
        "Please stop showing this one."
        in client.get("/feedback/shared/").content.decode()
    )
    response = client.post(
        "/feedback/check/stop-sharing/",
        {"code": feedback.receipt_code.lower()},
        follow=True,
    )
    html = response.content.decode()
    assert "no longer on the website" in html
    assert "<strong>Read, no longer shared.</strong>" in html
    feedback.refresh_from_db()
    assert feedback.share_consent_withdrawn_at is not None
    assert (
        "Please stop showing this one."
        not in client.get("/feedback/shared/").content.decode()
    )


def test_stop_sharing_needs_a_real_code(client):
    feedback = make_shared()
    response = client.post("/feedback/check/stop-sharing/", {"code": "ACDE-FGHJ"})
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.share_consent_withdrawn_at is None


def test_the_result_is_never_cached_and_the_code_is_never_in_the_address(client):
    feedback = make_feedback()
    response = check(client, feedback.receipt_code)
    assert "no-store" in response["Cache-Control"]
    assert feedback.receipt_code not in response.request["PATH_INFO"]
    assert 'action="/feedback/check/"' in response.content.decode()


def test_what_changed_is_filled_by_apps_that_know(client):
    from wagtail import hooks

    feedback = make_feedback()
    assert (
        "What changed because of it"
        not in check(client, feedback.receipt_code).content.decode()
    )

    def what_changed(items, **shown):
        return {
            item.pk: "We moved appointments later in the day."
            for item in items
            if item == feedback
        }

    with hooks.register_temporarily("feedback_what_changed", what_changed):
        html = check(client, feedback.receipt_code).content.decode()
    assert "What changed because of it" in html
    assert "We moved appointments later in the day." in html


@override_settings(FEEDBACK_RATE_LIMITS={"check": ((5, 600), (300, 600))})
def test_guessing_codes_is_stopped_per_session(client):
    for _ in range(5):
        assert check(client, "ACDE-FGHJ").status_code == 400
    real = make_feedback()
    response = check(client, real.receipt_code)
    assert response.status_code == 429
    assert "wait 10 minutes" in response.content.decode()


@override_settings(FEEDBACK_RATE_LIMITS={"check": ((5, 600), (40, 600))})
def test_guessing_without_cookies_is_stopped_per_address_but_a_room_of_thirty_is_fine():
    real = make_feedback()
    for _ in range(30):
        assert check(Client(), real.receipt_code).status_code == 200
    for _ in range(10):
        check(Client(), "ACDE-FGHJ")
    assert check(Client(), real.receipt_code).status_code == 429


def test_an_empty_check_gets_a_message(client):
    response = client.post("/feedback/check/", {})
    assert response.status_code == 400
    assert "Type your receipt code." in response.content.decode()


def test_a_checked_result_is_shown_once_and_reload_or_back_shows_an_empty_form(client):
    feedback = approve(make_feedback(wants_reply=True), reply="We hear you.")
    posted = client.post("/feedback/check/", {"code": feedback.receipt_code})
    # The post only redirects: re-sending it ("Confirm form resubmission")
    # shows the result to nobody but the next page load.
    assert posted.status_code == 302
    assert feedback.receipt_code not in posted["Location"]
    first = client.get(posted["Location"])
    assert "We hear you." in first.content.decode()
    assert "no-store" in first["Cache-Control"]
    again = client.get("/feedback/check/")
    html = again.content.decode()
    assert "We hear you." not in html
    assert feedback.receipt_code not in html
    assert "Type the receipt code" in html


def test_a_checked_result_waits_only_a_minute_for_its_page(client, monkeypatch):
    feedback = approve(make_feedback(wants_reply=True), reply="We hear you.")
    client.post("/feedback/check/", {"code": feedback.receipt_code})
    two_minutes_later = time.time() + 120
    monkeypatch.setattr(
        signing, "time", SimpleNamespace(time=lambda: two_minutes_later)
    )
    html = client.get("/feedback/check/").content.decode()
    assert "We hear you." not in html


def test_after_stop_sharing_reload_shows_nothing_of_the_child(client):
    feedback = make_shared("Please stop showing this one.")
    client.post("/feedback/check/stop-sharing/", {"code": feedback.receipt_code})
    assert feedback.receipt_code in client.get("/feedback/check/").content.decode()
    assert feedback.receipt_code not in client.get("/feedback/check/").content.decode()


def test_the_hint_shows_a_code_the_site_could_really_give(client):
    from voice.feedback.receipts import normalise_receipt_code

    html = client.get("/feedback/check/").content.decode()
    example = re.search(r"It looks like ([A-Z0-9-]+)\.", html).group(1)
    assert example != "ABCD-EFGH"
    assert normalise_receipt_code(example) == example
    # Typing the example is a real-looking code, just not anyone's.
    response = check(client, example)
    assert "We could not find that code" in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "named"),
    [("ABCD-EFGH", "B"), ("kxtr-9mpo", "O"), ("KXTR 1MPA", "1"), ("kxtl9mpa", "L")],
)
def test_a_look_alike_the_codes_never_use_is_named_in_the_message(client, typed, named):
    response = check(client, typed)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Receipt codes never use" in html
    assert re.search(rf"never use [^.]*\b{named}\b", html)
    assert f'value="{typed}"' in html  # what was typed is kept


@override_settings(FEEDBACK_HIDE_AFTER_REPORTS=3)
def test_after_reports_hide_it_the_receipt_moves_on_and_says_what_happened():
    cache.clear()  # reports counted in an earlier test must not count here
    feedback = make_shared("The youth club is great.")
    for network in ["203.0.113.7", "198.51.100.20", "192.0.2.99"]:
        Client(REMOTE_ADDR=network).post(
            f"/feedback/shared/{feedback.pk}/report/", {"reason": "unkind"}
        )
    html = check(Client(), feedback.receipt_code).content.decode()
    assert "Nobody has read it yet" not in html
    assert "Being looked at again" in html
    assert "Some people reported it" in html
    assert "a moderator is looking at it again" in html
    # Every step it passed stays done: a receipt only moves forward.
    assert "not yet" not in html


def test_the_receipt_says_when_words_were_taken_out_before_sharing(client):
    feedback = make_shared(
        "Dan at the office was rude.", redacted="[name] at the office was rude."
    )
    html = check(client, feedback.receipt_code).content.decode()
    assert "Shared" in html
    assert "took some words out" in html
    plain = make_shared("The office was rude.")
    assert (
        "took some words out" not in check(client, plain.receipt_code).content.decode()
    )


def test_an_anonymous_childs_receipt_never_promises_contact_after_a_disclosure(client):
    feedback = make_feedback("hes 19 n says im mature for my age, keep it our secret")
    assert feedback.moderated_text.status == ModeratedText.Status.SAFEGUARDING
    html = check(client, feedback.receipt_code).content.decode()
    assert "They may get in touch" not in html
    assert "we cannot get in touch with you" in html
    assert "0800 1111" in html
