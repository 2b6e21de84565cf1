"""Giving feedback: one record per submission, anonymous means anonymous, bad input is answered kindly."""

import logging

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import models
from django.test import Client, override_settings
from django_redis import get_redis_connection

from accounts import roles
from tests.factories import UserFactory, pass_mfa
from tests.feedback.conftest import receipt_code_in
from voice.feedback.models import Feedback, Speaker, Topic
from voice.feedback.receipts import normalise_receipt_code
from voice.moderation.models import ModeratedText
from voice.safeguarding.models import SafeguardingConcern, SafeguardingPhrase

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
AGENT = "DistinctiveBrowser/9.9 (feedback-test)"


def post_feedback(client, data, **extra):
    return client.post(
        "/feedback/", data, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT, **extra
    )


def test_the_form_offers_every_active_topic_and_five_feelings_with_words(client, topic):
    Topic.objects.create(name="Old topic", active=False)
    html = client.get("/feedback/").content.decode()
    for active in Topic.objects.filter(active=True):
        assert str(active) in html
    assert "Old topic" not in html
    for words in ["Very unhappy", "Unhappy", "Okay", "Happy", "Very happy"]:
        assert words in html
    assert "<legend>How do you feel about it?</legend>" in html
    assert "2,000 characters" in html
    assert "do not write anyone&#x27;s name" in html


def test_feedback_is_kept_with_its_words_and_the_person_gets_a_receipt_code(
    client, form_data, topic
):
    response = post_feedback(client, form_data(text="The sessions are good."))
    assert response.status_code == 302
    assert response["Location"] == "/feedback/thank-you/"

    feedback = Feedback.objects.get()
    assert feedback.topic == topic
    assert feedback.feeling == 4
    assert feedback.speaker == Speaker.YOUNG_PERSON
    assert feedback.share_consent is True
    assert feedback.wants_reply is False
    assert feedback.moderated_text.text == "The sessions are good."
    assert feedback.moderated_text.kind == ModeratedText.Kind.FEEDBACK
    assert feedback.moderated_text.status == ModeratedText.Status.WAITING

    thanks = client.get("/feedback/thank-you/")
    code = receipt_code_in(thanks.content.decode())
    assert code == feedback.receipt_code
    assert "Write it down, or print this page" in thanks.content.decode()


def test_receipt_codes_are_two_groups_of_four_without_look_alike_characters():
    from tests.feedback.factories import make_feedback

    for _ in range(20):
        make_feedback()
    codes = list(Feedback.objects.values_list("receipt_code", flat=True))
    assert len(set(codes)) == 20
    for code in codes:
        assert len(code) == 9 and code[4] == "-"
        assert not set(code) & set("0O1IL5S2Z8B")
        assert normalise_receipt_code(code) == code


def every_stored_value():
    """Every text value in every table of the database."""
    for model in apps.get_models():
        text_fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(
                field,
                models.CharField | models.TextField | models.JSONField,
            )
        ]
        if not text_fields:
            continue
        for row in model.objects.values_list(*text_fields):
            for value in row:
                if value:
                    yield model.__name__, str(value)


def everything_cached() -> str:
    """Every key and (pickled) value in the cache, local-memory or Redis."""
    if isinstance(caches["default"], LocMemCache):
        backend = caches["default"]._cache
        return " ".join(f"{key!r} {value!r}" for key, value in backend.items())
    client = get_redis_connection("default")
    return " ".join(f"{key!r} {client.get(key)!r}" for key in client.keys("*"))


def test_anonymous_feedback_keeps_no_account_address_or_browser_anywhere(
    client, form_data, caplog
):
    caplog.set_level(logging.DEBUG)
    post_feedback(client, form_data(text="Anonymous words."))
    client.get("/feedback/thank-you/")

    feedback = Feedback.objects.get()
    assert feedback.author is None
    assert feedback.supported_by is None
    assert feedback.moderated_text.author is None
    for model_name, value in every_stored_value():
        assert ADDRESS not in value, f"address stored in {model_name}"
        assert AGENT not in value, f"user agent stored in {model_name}"
    assert ADDRESS not in caplog.text and AGENT not in caplog.text
    assert "Anonymous words." not in caplog.text
    assert ADDRESS not in everything_cached()


def test_no_words_are_left_in_the_session_or_cache_after_submitting(client, form_data):
    post_feedback(client, form_data(text="Private words here."))
    client.get("/feedback/thank-you/")
    session = client.session
    assert "Private words here." not in str(dict(session.items()))
    assert "Private words here." not in everything_cached()


def test_signed_in_feedback_is_linked_to_the_account(client, form_data, young_person):
    client.force_login(young_person)
    post_feedback(client, form_data())
    feedback = Feedback.objects.get()
    assert feedback.author == young_person
    assert feedback.moderated_text.author == young_person


def test_a_signed_in_person_can_choose_to_send_it_without_their_username(
    client, form_data, young_person
):
    client.force_login(young_person)
    post_feedback(client, form_data(without_account="on"))
    feedback = Feedback.objects.get()
    assert feedback.author is None and feedback.moderated_text.author is None


def test_a_case_worker_gives_feedback_with_a_young_person_they_support(
    client, form_data, people
):
    case_worker = people[roles.CASE_WORKER]
    supported = UserFactory(username="supported-yp", roles=[roles.YOUNG_PERSON])
    supported.case_worker = case_worker
    supported.save()
    client.force_login(case_worker)
    pass_mfa(client, case_worker)
    form = client.get("/feedback/").content.decode()
    assert "supported-yp" in form

    post_feedback(
        client, form_data(young_person=str(supported.pk), speaker="parent_carer")
    )
    feedback = Feedback.objects.get()
    assert feedback.author == supported
    assert feedback.supported_by == case_worker
    assert feedback.speaker == Speaker.YOUNG_PERSON


def test_a_case_worker_cannot_give_feedback_as_someone_they_do_not_support(
    client, form_data, people
):
    other = UserFactory(username="not-theirs", roles=[roles.YOUNG_PERSON])
    theirs = UserFactory(username="theirs", roles=[roles.YOUNG_PERSON])
    theirs.case_worker = people[roles.CASE_WORKER]
    theirs.save()
    client.force_login(people[roles.CASE_WORKER])
    pass_mfa(client, people[roles.CASE_WORKER])
    response = post_feedback(client, form_data(young_person=str(other.pk)))
    assert response.status_code == 400
    assert "Choose a young person from the list." in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_form_sent_again_saves_nothing_and_says_it_was_already_sent(
    client, form_data
):
    data = form_data(
        text="Words from the first child.", submission_token="same-token-for-both"
    )
    first = post_feedback(client, data)
    code_first = receipt_code_in(client.get(first["Location"]).content.decode())
    # Back, then Send again (by the next child on a shared phone, or a double tap).
    second = post_feedback(client, data)
    html = second.content.decode()
    assert second.status_code == 409
    assert "This was already sent" in html
    assert "data-receipt-code" not in html
    assert code_first not in html
    assert "Words from the first child." not in html
    assert "feedback_thanks" not in second.cookies
    assert "no-store" in second["Cache-Control"]
    assert Feedback.objects.count() == 1
    assert ModeratedText.objects.count() == 1
    # What it shows instead is an empty form with a new token.
    assert 'value="same-token-for-both"' not in html
    assert post_feedback(client, form_data()).status_code == 302


def test_the_forms_ask_the_browser_not_to_fill_them_back_in(client):
    for path in ["/feedback/", "/feedback/check/"]:
        html = client.get(path).content.decode()
        form = html.split(f'action="{path}"')[1].split(">")[0]
        assert 'autocomplete="off"' in form, path


def test_each_render_of_the_form_has_its_own_submission_token(client):
    first = client.get("/feedback/").content.decode()
    second = client.get("/feedback/").content.decode()

    def token(html):
        return html.split('name="submission_token" value="')[1].split('"')[0]

    assert token(first) != token(second)


LONG = "a" * 2001

BAD_INPUTS = [
    ({"text": ""}, "text", "Write what you want to tell us."),
    ({"text": "   \n  "}, "text", "Write what you want to tell us."),
    ({"text": LONG}, "text", "The most you can write is 2,000"),
    ({"topic": "999999"}, "topic", "Choose a topic from the list."),
    ({"topic": "not-a-number"}, "topic", "Choose a topic from the list."),
    ({"topic": None}, "topic", "Choose what your feedback is about."),
    ({"feeling": "6"}, "feeling", "Choose one of the five faces."),
    ({"feeling": "happy"}, "feeling", "Choose one of the five faces."),
    ({"feeling": None}, "feeling", "Choose how you feel."),
    ({"speaker": "moderator"}, "speaker", "Choose one of the answers."),
    ({"speaker": None}, "speaker", "Choose who is giving this feedback."),
    ({"share": "maybe"}, "share", "Choose yes or no."),
    ({"wants_reply": None}, "wants_reply", "Choose yes or no."),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD_INPUTS)
def test_bad_input_gets_a_message_next_to_the_field_and_keeps_what_was_typed(
    client, form_data, changes, field, message
):
    data = form_data(**changes)
    if "text" not in changes:
        data["text"] = "Words I typed & want back <b>safe</b>"
    response = post_feedback(client, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert not Feedback.objects.exists()
    # The message sits with its field, and the summary links to the field.
    assert f'id="id_{field}_error"' in html
    assert message.replace("'", "&#x27;") in html
    assert 'href="#id_' + field in html
    if "text" not in changes:
        assert "Words I typed &amp; want back &lt;b&gt;safe&lt;/b&gt;" in html


def test_over_long_text_is_kept_in_the_box_so_nothing_is_lost(client, form_data):
    text = "I want to say " + "x" * 2100
    html = post_feedback(client, form_data(text=text)).content.decode()
    assert text in html
    assert "2,114 characters long" in html


def test_inactive_topic_is_refused(client, form_data, topic):
    topic.active = False
    topic.save()
    response = post_feedback(client, form_data())
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_html_and_script_are_stored_as_typed_and_never_run(client, form_data):
    text = '<script>alert("hi")</script><img src=x onerror=alert(1)> it was okay'
    post_feedback(client, form_data(text=text))
    feedback = Feedback.objects.get()
    assert feedback.moderated_text.text == text

    from tests.feedback.factories import approve

    approve(feedback)
    html = client.get("/feedback/shared/").content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;" in html


def test_a_safeguarding_phrase_raises_a_concern_and_shows_a_calm_message(
    client, form_data
):
    SafeguardingPhrase.objects.get_or_create(
        phrase="hurt myself", category=SafeguardingPhrase.Category.SELF_HARM
    )
    post_feedback(client, form_data(text="Sometimes I want to hurt myself."))
    feedback = Feedback.objects.get()
    assert feedback.moderated_text.is_safeguarding
    concern = SafeguardingConcern.objects.get()
    assert concern.moderated_text == feedback.moderated_text
    assert concern.source == SafeguardingConcern.Source.PHRASE_MATCH

    html = client.get("/feedback/thank-you/").content.decode()
    assert "will read it today" in html
    assert "0800 1111" in html and "999" in html
    assert "secret" not in html.lower()
    assert "confidential" not in html.lower()
    assert receipt_code_in(html) == feedback.receipt_code


@override_settings(FEEDBACK_RATE_LIMITS={"submit": ((2, 600), (100, 600))})
def test_too_many_posts_from_one_session_are_refused_without_losing_the_words(
    client, form_data
):
    for _ in range(2):
        assert post_feedback(client, form_data()).status_code == 302
    response = post_feedback(client, form_data(text="Please keep these words."))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please keep these words." in html
    assert "wait 10 minutes" in html
    assert Feedback.objects.count() == 2


def browser_post(browser, data):
    """A post as a browser sends it: with the CSRF cookie the form page gave."""
    token = browser.cookies[settings.CSRF_COOKIE_NAME].value
    return post_feedback(browser, {**data, "csrfmiddlewaretoken": token})


def test_a_visitor_who_is_not_signed_in_leaves_no_session_behind(form_data):
    browser = Client(enforce_csrf_checks=True)
    browser.get("/feedback/")
    response = browser_post(browser, form_data(text="No session for this."))
    assert response.status_code == 302
    thanks = browser.get(response["Location"]).content.decode()
    assert receipt_code_in(thanks) == Feedback.objects.get().receipt_code
    assert not Session.objects.exists()
    assert not browser.cookies.get(settings.SESSION_COOKIE_NAME)


@override_settings(FEEDBACK_RATE_LIMITS={"submit": ((2, 600), (100, 600))})
def test_a_browser_without_a_session_is_still_limited_and_keeps_its_words(form_data):
    browser = Client(enforce_csrf_checks=True)
    browser.get("/feedback/")
    for _ in range(2):
        assert browser_post(browser, form_data()).status_code == 302
    refused = browser_post(browser, form_data(text="Keep these words too."))
    assert refused.status_code == 429
    assert "Keep these words too." in refused.content.decode()
    other_browser = Client(enforce_csrf_checks=True)
    other_browser.get("/feedback/")
    assert browser_post(other_browser, form_data()).status_code == 302
    assert Feedback.objects.count() == 3


def test_a_room_of_thirty_on_one_network_can_all_give_feedback(form_data):
    for _ in range(30):
        room_client = Client()
        for _ in range(2):
            response = room_client.post("/feedback/", form_data(), REMOTE_ADDR=ADDRESS)
            assert response.status_code == 302
    assert Feedback.objects.count() == 60


def test_the_form_page_and_thank_you_page_are_never_cached(client, form_data):
    assert "no-store" in client.get("/feedback/")["Cache-Control"]
    post_feedback(client, form_data())
    assert "no-store" in client.get("/feedback/thank-you/")["Cache-Control"]


def test_the_thank_you_page_shows_the_code_only_once(client, form_data):
    post_feedback(client, form_data(text="Only for me."))
    first = client.get("/feedback/thank-you/").content.decode()
    receipt_code_in(first)
    again = client.get("/feedback/thank-you/").content.decode()
    assert "data-receipt-code" not in again
    assert "This page has gone" in again
    assert Feedback.objects.get().receipt_code not in again


def test_the_next_person_on_the_same_device_sees_an_empty_form(client, form_data):
    post_feedback(client, form_data(text="Words from the first person."))
    client.get("/feedback/thank-you/")
    html = client.get("/feedback/").content.decode()
    assert "Words from the first person." not in html


@override_settings(FEEDBACK_RATE_LIMITS={"submit": ((2, 600), (100, 600))})
def test_signing_in_again_gives_a_young_person_no_fresh_budget(people, form_data):
    young = people[roles.YOUNG_PERSON]
    for _ in range(2):
        browser = Client()
        browser.force_login(young)
        assert post_feedback(browser, form_data()).status_code == 302
    browser = Client()
    browser.force_login(young)  # a new session, the same person
    refused = post_feedback(browser, form_data(text="Still mine."))
    assert refused.status_code == 429
    assert "Still mine." in refused.content.decode()


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_a_room_of_thirty_behind_the_load_balancer_can_all_give_feedback_at_once(
    form_data,
):
    office = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": ADDRESS}
    for _ in range(30):
        response = Client().post("/feedback/", form_data(), **office)
        assert response.status_code == 302
    assert Feedback.objects.count() == 30


def lead_notifications(people):
    return people[roles.SAFEGUARDING_LEAD].notifications


def test_worrying_words_sent_again_and_again_from_one_place_tell_the_lead_once(
    people, form_data
):
    SafeguardingPhrase.objects.get_or_create(
        phrase="hurt myself", category=SafeguardingPhrase.Category.SELF_HARM
    )
    for number in range(5):
        response = Client().post(
            "/feedback/",
            form_data(text=f"I want to hurt myself ({number})."),
            REMOTE_ADDR=ADDRESS,
        )
        assert response.status_code == 302
    # Every piece is kept and is its own concern for the lead to read ...
    assert SafeguardingConcern.objects.count() == 5
    # ... but the lead is told once, not five times.
    assert lead_notifications(people).count() == 1
    Client().post(
        "/feedback/",
        form_data(text="I want to hurt myself, from elsewhere."),
        REMOTE_ADDR="198.51.100.44",
    )
    assert lead_notifications(people).count() == 2
