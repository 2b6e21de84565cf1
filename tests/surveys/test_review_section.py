"""Survey results in a review cycle's dashboard and board report."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import roles
from tests.factories import user_with_role
from tests.review.factories import ReviewCycleFactory
from tests.surveys.factories import make_survey
from tests.surveys.test_results import add_response
from voice.review.sections import survey_sections as sections

IN_CYCLE = datetime.datetime(2026, 2, 10, 12, tzinfo=datetime.UTC)


@pytest.fixture
def cycle(db):
    return ReviewCycleFactory(name="Spring 2026")


@pytest.fixture
def staff(client_for, db):
    return client_for(user_with_role(roles.SERVICE_MANAGER, username="review-lead"))


def closed_survey(home_page, title, closes_at=IN_CYCLE):
    return make_survey(
        home_page,
        title=title,
        opens_at=closes_at - datetime.timedelta(days=20),
        closes_at=closes_at,
    )


def fill(survey, count):
    for n in range(count):
        add_response(
            survey,
            emoji_scale=4 if n % 2 else 2,
            yes_no=1,
            several_choices=["Sport", "Music"] if n % 3 else ["Trips"],
            rating=8,
        )


@pytest.mark.django_db
def test_surveys_closed_in_the_cycle_show_their_headline_figures(home_page, cycle):
    survey = closed_survey(home_page, "Meetings")
    fill(survey, 6)
    closed_survey(
        home_page, "Too late", closes_at=IN_CYCLE + datetime.timedelta(days=90)
    )
    make_survey(home_page, title="Still open")

    (section,) = sections(cycle)
    assert section.title == "Survey results"
    (item,) = section.context["surveys"]
    assert item.survey.title == "Meetings"
    assert item.responses == 6
    headlines = {q.question: q.headline for q in item.questions}
    assert headlines["How was today?"] == "Average 3.0 out of 5"
    assert headlines["How much do we listen?"] == "Average 8.0 out of 10"
    assert headlines["Did you feel safe?"] == (
        "Most chosen: Yes (100.0% of those who answered)"
    )
    assert headlines["What would you like more of?"] == (
        "Most chosen: Music and Sport (66.7% of those who answered)"
    )
    assert headlines["Where do you like to meet?"].startswith("Fewer than 5")
    rows = dict(section.report_rows)
    assert rows["Surveys closed"] == 1
    assert rows["Meetings: responses"] == 6
    assert rows["Meetings: How was today?"] == "Average 3.0 out of 5"


@pytest.mark.django_db
def test_questions_fewer_than_five_answered_show_no_figures(home_page, cycle):
    survey = closed_survey(home_page, "Small group")
    fill(survey, 4)
    (section,) = sections(cycle)
    (item,) = section.context["surveys"]
    assert all(q.headline.startswith("Fewer than 5") for q in item.questions)
    assert not any("Average" in str(value) for _, value in section.report_rows)


@pytest.mark.django_db
def test_the_dashboard_and_exports_show_the_survey_section_in_fixed_queries(
    home_page, cycle, staff
):
    first = closed_survey(home_page, "Meetings")
    fill(first, 5)
    url = f"/staff/review/cycles/{cycle.pk}/"

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            page = staff.get(url)
        assert page.status_code == 200
        return len(captured.captured_queries)

    staff.get(url)
    small = count()
    page = staff.get(url).content.decode()
    assert "Survey results" in page and "Meetings" in page
    assert "Average 2.8 out of 5" in page

    fill(first, 20)
    second = closed_survey(
        home_page, "Trips", closes_at=IN_CYCLE + datetime.timedelta(days=5)
    )
    fill(second, 7)
    assert count() == small

    report = staff.get(f"/staff/review/cycles/{cycle.pk}/report.csv")
    body = b"".join(report.streaming_content) if report.streaming else report.content
    text = body.decode("utf-8-sig")
    cells = [row for row in csv.reader(io.StringIO(text))]
    assert ["Survey results", "Trips: responses", "7"] in cells
    assert timezone.now() > IN_CYCLE
