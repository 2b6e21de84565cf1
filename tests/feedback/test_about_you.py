"""The optional "about you" questions after feedback: offered once, never needed, unlinkable."""

from datetime import timedelta

import pytest
from django.utils import timezone

from privacy.retention import purge_expired_data
from tests.feedback.test_giving_feedback import post_feedback
from tests.htmlforms import parse_forms
from voice.feedback.models import AboutYouCount, SpentAboutYouForm
from voice.feedback.services import ABOUT_YOU_FORM_DAYS

pytestmark = pytest.mark.django_db


def about_you_form(html: str):
    forms = [
        form for form in parse_forms(html) if form.action == "/feedback/about-you/"
    ]
    return forms[0] if forms else None


def chosen(form) -> dict[str, str]:
    """The answers a form shows as already picked."""
    return {field.name: field.value for field in form.fields if field.checked}


def thank_you_page(client, form_data) -> str:
    post_feedback(client, form_data())
    return client.get("/feedback/thank-you/").content.decode()


def test_the_questions_are_offered_after_feedback_and_only_then(client, form_data):
    assert about_you_form(client.get("/feedback/").content.decode()) is None
    html = thank_you_page(client, form_data)
    form = about_you_form(html)
    assert form is not None
    assert "About you (you can skip this)" in html
    assert "to check we hear from everyone" in html
    assert not any(field.required for field in form.fields)
    assert "prefer_not" in form.choices()["ethnicity"]
    # the thank-you page has gone: no second offer
    assert about_you_form(client.get("/feedback/thank-you/").content.decode()) is None


def test_skip_saves_nothing_and_an_empty_form_saves_nothing(client, form_data):
    values = about_you_form(thank_you_page(client, form_data)).hidden_values()
    skipped = client.post("/feedback/about-you/", {**values, "skip": "1"})
    assert skipped.status_code == 200
    assert "Nothing was saved" in skipped.content.decode()
    empty = client.post("/feedback/about-you/", {**values, "send_answers": "1"})
    assert empty.status_code == 200
    assert not AboutYouCount.objects.exists()
    assert not SpentAboutYouForm.objects.exists()


def test_answers_are_counted_with_no_link_to_the_feedback_or_person(client, form_data):
    values = about_you_form(thank_you_page(client, form_data)).hidden_values()
    response = client.post(
        "/feedback/about-you/",
        {**values, "ethnicity": "white", "gender_words": "me"},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    fields = {field.name for field in AboutYouCount._meta.get_fields()}
    assert fields == {"id", "day", "speaker", "question", "answer", "count"}
    assert not any(field.is_relation for field in AboutYouCount._meta.get_fields())
    rows = {
        (row.question, row.answer): row.count for row in AboutYouCount.objects.all()
    }
    assert rows == {
        ("age_band", ""): 1,
        ("gender", "own_words"): 1,
        ("ethnicity", "white"): 1,
        ("send", ""): 1,
        ("care_experience", ""): 1,
    }
    # the words are not kept anywhere
    assert not AboutYouCount.objects.filter(answer="me").exists()


def test_sending_the_same_form_again_counts_it_once(client, form_data):
    values = about_you_form(thank_you_page(client, form_data)).hidden_values()
    data = {**values, "send": "yes", "care_experience": "yes"}
    assert client.post("/feedback/about-you/", data).status_code == 200
    again = client.post("/feedback/about-you/", data)
    assert again.status_code == 409
    assert AboutYouCount.objects.get(question="care_experience").count == 1


def test_a_bad_answer_is_explained_beside_the_field_and_keeps_the_rest(
    client, form_data
):
    values = about_you_form(thank_you_page(client, form_data)).hidden_values()
    response = client.post(
        "/feedback/about-you/",
        {**values, "gender": "girl", "gender_words": "my words", "ethnicity": "asian"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "or clear this box" in html
    assert 'value="asian" ' in html and "checked" in html
    assert not AboutYouCount.objects.exists()


def test_kept_blank_questions_never_carry_an_earlier_answer_or_one_time_value(
    client, form_data
):
    first = about_you_form(thank_you_page(client, form_data))
    refused = client.post(
        "/feedback/about-you/",
        {**first.hidden_values(), "gender": "girl", "gender_words": "my words"},
    )
    assert chosen(about_you_form(refused.content.decode())) == {"gender": "girl"}
    html = thank_you_page(client, form_data)
    second = about_you_form(html)
    assert second.hidden_values()["form_value"] != first.hidden_values()["form_value"]
    assert chosen(second) == {}
    assert "or clear this box" not in html
    assert set(second.choices()) == {
        "age_band",
        "gender",
        "ethnicity",
        "send",
        "care_experience",
    }
    again = client.post(
        "/feedback/about-you/",
        {**second.hidden_values(), "ethnicity": "mixed", "gender": "x"},
    )
    assert again.status_code == 400
    assert chosen(about_you_form(again.content.decode())) == {"ethnicity": "mixed"}


def test_the_daily_purge_removes_spent_form_hashes_and_keeps_the_counts(db):
    """As the README's retention table says: hashes go after two days, counts stay."""
    now = timezone.now()
    today = timezone.localdate(now)
    old_day = today - timedelta(days=ABOUT_YOU_FORM_DAYS + 1)
    last_kept_day = today - timedelta(days=ABOUT_YOU_FORM_DAYS)
    SpentAboutYouForm.objects.create(digest="a" * 64, day=old_day)
    SpentAboutYouForm.objects.create(digest="b" * 64, day=last_kept_day)
    years_ago = today - timedelta(days=3650)
    AboutYouCount.objects.create(
        day=years_ago,
        speaker="young_person",
        question="age_band",
        answer="14_15",
        count=7,
    )

    done = purge_expired_data(now=now)

    assert done["Feedback"]["spent 'about you' form hashes deleted"] == 1
    assert set(SpentAboutYouForm.objects.values_list("day", flat=True)) == {
        last_kept_day
    }
    assert AboutYouCount.objects.get(day=years_ago).count == 7
