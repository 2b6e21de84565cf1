"""Survey findings on the shadow board's evidence page: figures only, small groups hidden."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from tests.surveys.factories import make_survey, survey_index
from tests.surveys.test_results import add_response
from voice.surveys.models import SurveySummaryPage


def closed_survey(home_page, title, days_ago=3):
    closes = timezone.now() - datetime.timedelta(days=days_ago)
    return make_survey(
        home_page,
        title=title,
        opens_at=closes - datetime.timedelta(days=20),
        closes_at=closes,
    )


@pytest.mark.django_db
def test_the_board_sees_closed_survey_figures_and_summaries_but_no_words(
    client_for, people, home_page
):
    survey = closed_survey(home_page, "Meetings survey")
    for _ in range(5):
        add_response(survey, emoji_scale=4, yes_no=1, long_text="Secret words")
    add_response(survey, one_choice="Home")
    small = closed_survey(home_page, "Tiny survey")
    for _ in range(4):
        add_response(small, emoji_scale=1, yes_no=0)
    make_survey(home_page, title="Open survey")
    summary = SurveySummaryPage(
        title="What you told us about meetings", slug="told-us", survey=survey
    )
    survey_index(home_page).add_child(instance=summary)
    summary.save_revision().publish()

    body = (
        client_for(people[roles.BOARD_MEMBER])
        .get(reverse("board:evidence"))
        .content.decode()
    )
    assert "What you told us about meetings" in body
    assert f'href="{summary.url}"' in body
    assert "Meetings survey" in body
    assert "Average 4.0 out of 5" in body
    assert "Most chosen: Yes (100.0% of those who answered)" in body
    assert "Secret words" not in body
    assert "What should we change?" not in body  # written answers stay with staff
    assert "Fewer than 5 people answered" in body  # "Where do you like to meet?"
    assert "Tiny survey" not in body  # under 5 responses in all
    assert "Open survey" not in body


@pytest.mark.django_db
def test_the_board_is_told_when_there_are_no_survey_results_yet(client_for, people):
    body = (
        client_for(people[roles.BOARD_MEMBER])
        .get(reverse("board:evidence"))
        .content.decode()
    )
    assert "No survey results to show yet." in body


@pytest.mark.django_db
def test_survey_figures_on_the_evidence_page_need_the_same_queries_for_more_data(
    client_for, people, home_page
):
    client = client_for(people[roles.BOARD_MEMBER])
    first = closed_survey(home_page, "First")
    for _ in range(5):
        add_response(first, emoji_scale=3, rating=7)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("board:evidence")).status_code == 200
        return len(captured.captured_queries)

    client.get(reverse("board:evidence"))
    small = count()
    for _ in range(15):
        add_response(first, emoji_scale=5, rating=9)
    second = closed_survey(home_page, "Second", days_ago=10)
    for _ in range(6):
        add_response(second, emoji_scale=2)
    assert count() == small
