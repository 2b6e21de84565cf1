"""The moderation queue: what is in it, in what order, filters, search, overdue, query counts."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pages.working_days import working_days_before
from tests.moderation.factories import (
    FeedbackFactory,
    ModeratedTextFactory,
    TopicFactory,
)
from voice.feedback.models import Speaker
from voice.moderation.models import ModeratedText

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def queue_ids(response):
    return [row["item"].pk for row in response.context["rows"]]


@pytest.fixture
def signed_in(client_for, moderator):
    return client_for(moderator)


def test_the_queue_shows_waiting_items_oldest_first_and_never_safeguarding_ones(
    signed_in, submit
):
    newer = ModeratedTextFactory(created_at=timezone.now() - timedelta(hours=1))
    older = ModeratedTextFactory(created_at=timezone.now() - timedelta(hours=5))
    decided = ModeratedTextFactory(status=ModeratedText.Status.APPROVED)
    held = submit("I want to kill myself")
    assert held.status == ModeratedText.Status.SAFEGUARDING

    response = signed_in.get(reverse("moderation:queue"))

    assert queue_ids(response) == [older.pk, newer.pk]
    content = response.content.decode()
    assert "kill myself" not in content
    assert decided.text not in content
    assert response.context["waiting"] == 2


def test_a_very_long_queue_shows_as_more_than_the_limit_on_the_badge(
    signed_in, monkeypatch
):
    monkeypatch.setattr("voice.moderation.selectors.WAITING_BADGE_LIMIT", 2)
    ModeratedTextFactory.create_batch(2)
    assert signed_in.get(reverse("moderation:queue")).context["waiting"] == 2

    ModeratedTextFactory()
    response = signed_in.get(reverse("moderation:queue"))

    assert response.context["waiting"] == "2+"
    assert "<span data-count-value>2+</span> waiting" in response.content.decode()


def test_filters_by_kind_topic_speaker_and_flag(signed_in):
    court = TopicFactory(name="Court")
    school = TopicFactory(name="School")
    by_parent = FeedbackFactory(topic=court, speaker=Speaker.PARENT_CARER)
    about_school = FeedbackFactory(
        topic=school,
        moderated_text__offensive_words=[{"start": 0, "end": 3, "word": "xxx"}],
    )
    survey = ModeratedTextFactory(
        kind=ModeratedText.Kind.SURVEY_ANSWER,
        personal_details=[{"start": 0, "end": 3, "kind": "name", "text": "Sam"}],
    )
    url = reverse("moderation:queue")

    assert queue_ids(signed_in.get(url, {"kind": "survey_answer"})) == [survey.pk]
    assert queue_ids(signed_in.get(url, {"topic": court.pk})) == [
        by_parent.moderated_text_id
    ]
    assert queue_ids(signed_in.get(url, {"speaker": "parent_carer"})) == [
        by_parent.moderated_text_id
    ]
    assert queue_ids(signed_in.get(url, {"flag": "offensive"})) == [
        about_school.moderated_text_id
    ]
    assert queue_ids(signed_in.get(url, {"flag": "personal"})) == [survey.pk]


def test_a_forged_filter_value_is_ignored_not_an_error(signed_in):
    item = ModeratedTextFactory()
    response = signed_in.get(
        reverse("moderation:queue"), {"kind": "<script>", "topic": "999999"}
    )
    assert response.status_code == 200
    assert queue_ids(response) == [item.pk]


def test_a_bad_filter_value_is_told_next_to_its_field_and_the_others_still_apply(
    signed_in,
):
    survey = ModeratedTextFactory(kind=ModeratedText.Kind.SURVEY_ANSWER)
    ModeratedTextFactory(kind=ModeratedText.Kind.FEEDBACK)

    response = signed_in.get(
        reverse("moderation:queue"), {"kind": "survey_answer", "topic": "999999"}
    )

    assert response.status_code == 200
    assert queue_ids(response) == [survey.pk]
    assert response.context["form"].errors.keys() == {"topic"}
    assert 'class="field field--error"' in response.content.decode()


def test_search_finds_words_and_receipt_codes(signed_in):
    wanted = ModeratedTextFactory(text="The waiting room smells of paint")
    ModeratedTextFactory(text="My worker is great")
    feedback = FeedbackFactory(receipt_code="KITE-4821")
    url = reverse("moderation:queue")

    assert queue_ids(signed_in.get(url, {"q": "SMELLS"})) == [wanted.pk]
    assert queue_ids(signed_in.get(url, {"q": "kite-4821"})) == [
        feedback.moderated_text_id
    ]


def test_search_finds_a_receipt_code_typed_without_its_dash_or_with_a_space(
    signed_in,
):
    feedback = FeedbackFactory(receipt_code="KXTR-9MPA")
    ModeratedTextFactory(text="Something else")
    url = reverse("moderation:queue")
    for typed in ("kxtr 9mpa", "KXTR9MPA", " kxtr-9mpa "):
        assert queue_ids(signed_in.get(url, {"q": typed})) == [
            feedback.moderated_text_id
        ], typed


def test_items_older_than_two_working_days_are_marked_overdue(signed_in):
    old = ModeratedTextFactory(created_at=timezone.now() - timedelta(days=6))
    fresh = ModeratedTextFactory(created_at=timezone.now() - timedelta(minutes=5))

    response = signed_in.get(reverse("moderation:queue"))

    overdue = {row["item"].pk: row["overdue"] for row in response.context["rows"]}
    assert overdue == {old.pk: True, fresh.pk: False}
    assert response.content.decode().count("Overdue") == 1


def test_two_working_days_skip_the_weekend():
    tuesday_afternoon = datetime(2026, 11, 24, 16, 0, tzinfo=LONDON)
    assert working_days_before(tuesday_afternoon, 2) == datetime(
        2026, 11, 20, 16, 0, tzinfo=LONDON
    )  # the Friday before
    thursday = datetime(2026, 11, 26, 9, 0, tzinfo=LONDON)
    assert working_days_before(thursday, 2) == datetime(
        2026, 11, 24, 9, 0, tzinfo=LONDON
    )


def test_the_queue_is_paginated(signed_in):
    items = [
        ModeratedTextFactory(created_at=timezone.now() - timedelta(minutes=60 - n))
        for n in range(30)
    ]
    first = signed_in.get(reverse("moderation:queue"))
    second = signed_in.get(reverse("moderation:queue"), {"page": 2})
    assert queue_ids(first) == [item.pk for item in items[:25]]
    assert queue_ids(second) == [item.pk for item in items[25:]]
    assert "Page 1 of 2" in first.content.decode()


def test_the_rows_alone_can_be_fetched_for_live_updates(signed_in):
    item = ModeratedTextFactory()
    response = signed_in.get(reverse("moderation:queue_rows"))
    content = response.content.decode()
    assert f'data-item-id="{item.pk}"' in content
    assert "<html" not in content


def _fill(count):
    topic = TopicFactory(name="Appointments")
    for _ in range(count):
        FeedbackFactory(
            topic=topic,
            moderated_text__personal_details=[
                {"start": 0, "end": 3, "kind": "name", "text": "The"}
            ],
        )
        ModeratedTextFactory(kind=ModeratedText.Kind.BOARD_COMMENT)


@pytest.mark.parametrize("view", ["moderation:queue", "moderation:queue_rows"])
def test_the_queue_runs_the_same_number_of_queries_for_few_or_many_items(
    signed_in, moderator, other_moderator, django_assert_num_queries, view
):
    from voice.moderation import services

    url = reverse(view)
    _fill(3)
    services.claim_item(item=ModeratedText.objects.first(), moderator=other_moderator)
    signed_in.get(url)  # warm the session and permission caches alike
    with CaptureQueriesContext(connection) as few:
        assert signed_in.get(url).status_code == 200
    assert len(few.captured_queries) < 20
    _fill(20)
    with django_assert_num_queries(len(few.captured_queries)):
        response = signed_in.get(url)
    assert len(response.context["rows"]) == 25  # a full page, where there were 6 rows
