"""The board's section of the service review, and actions shown in the influence log."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.review.factories import ReviewCycleFactory, TopicFactory, at
from voice.board.models import ManagementResponse, Recommendation
from voice.review import figures, sections
from voice.review import services as review_services
from voice.review.models import Action

pytestmark = pytest.mark.django_db


def sent(title, *, on, by):
    return Recommendation.objects.create(
        title=title,
        what_we_found="Found",
        what_we_ask="Ask",
        status=Recommendation.Status.SUBMITTED,
        created_by=by,
        submitted_by=by,
        submitted_at=on,
    )


def answer(recommendation, outcome, *, after_days):
    ManagementResponse.objects.create(
        recommendation=recommendation,
        outcome=outcome,
        reasons="Because.",
        responded_at=recommendation.submitted_at + datetime.timedelta(days=after_days),
    )
    recommendation.status = Recommendation.Status.RESPONDED
    recommendation.save()


def act(recommendation, manager, cycle, *, what="Later opening", status=None):
    action = review_services.create_action(
        cycle=cycle,
        topic=TopicFactory(name="Appointments"),
        what_we_heard="Heard",
        what_we_will_do=what,
        owner=manager,
        user=manager,
        recommendations=[recommendation],
    )
    if status:
        review_services.change_action_status(action=action, status=status, user=manager)
    return action


@pytest.fixture
def cycle(db):
    return ReviewCycleFactory(
        name="Spring", start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31)
    )


def test_the_section_counts_sent_answered_accepted_and_the_median_days(
    cycle, member, manager
):
    accepted = sent("A", on=at(2026, 1, 10), by=member)
    answer(accepted, ManagementResponse.Outcome.ACCEPTED, after_days=4)
    in_part = sent("B", on=at(2026, 2, 1), by=member)
    answer(in_part, ManagementResponse.Outcome.ACCEPTED_IN_PART, after_days=10)
    refused = sent("C", on=at(2026, 3, 1), by=member)
    answer(refused, ManagementResponse.Outcome.NOT_ACCEPTED, after_days=20)
    sent("D waiting", on=at(2026, 3, 30), by=member)
    sent("Outside the cycle", on=at(2026, 4, 2), by=member)
    Recommendation.objects.create(title="Draft", what_we_found="x", what_we_ask="y")
    act(accepted, manager, cycle, what="Open until 6pm")

    (section,) = sections.board_sections(cycle)
    rows = dict(section.report_rows)
    assert rows["Recommendations sent"] == 4
    assert rows["Recommendations answered"] == 3
    assert rows["Recommendations accepted"] == 1
    assert rows["Recommendations accepted in part"] == 1
    assert rows["Recommendations not accepted"] == 1
    assert rows["Recommendations waiting for an answer"] == 1
    assert rows["Median days to answer"] == 10
    assert rows["Actions that followed"] == 1
    titles = [item.title for item in section.context["recommendations"]]
    assert titles == ["A", "B", "C", "D waiting"]


def test_the_board_report_page_and_csv_hold_the_board_figures(
    client_for, cycle, member, manager
):
    accepted = sent("Later appointments", on=at(2026, 1, 10), by=member)
    answer(accepted, ManagementResponse.Outcome.ACCEPTED, after_days=4)
    act(accepted, manager, cycle, what="Open until 6pm on Thursdays")
    page = client_for(manager).get(reverse("review:report", args=[cycle.pk]))
    text = page.content.decode()
    assert "Shadow board recommendations" in text
    assert "Later appointments" in text
    assert "Open until 6pm on Thursdays" in text
    rows = figures.report_rows(figures.board_report(cycle))
    assert ("Shadow board recommendations", "Median days to answer", 4) in rows
    assert ("Shadow board recommendations", "Recommendations accepted", 1) in rows


def _queries(cycle) -> int:
    with CaptureQueriesContext(connection) as captured:
        (section,) = sections.board_sections(cycle)
        for item in section.context["recommendations"]:
            list(item.followed_actions)
            getattr(item, "response", None)
    return len(captured)


def test_the_section_runs_the_same_number_of_queries_for_two_or_twelve(
    cycle, member, manager
):
    def add(count):
        for number in range(count):
            recommendation = sent(f"R{number}", on=at(2026, 2, 1 + number), by=member)
            answer(recommendation, ManagementResponse.Outcome.ACCEPTED, after_days=2)
            act(recommendation, manager, cycle, what=f"Action {number}")

    add(2)
    small = _queries(cycle)
    Recommendation.objects.all().delete()
    add(12)
    assert _queries(cycle) == small == 2


def test_the_influence_log_shows_the_actions_that_followed_each_recommendation(
    client_for, cycle, member, manager, board_page
):
    accepted = sent("Later appointments", on=at(2026, 1, 10), by=member)
    answer(accepted, ManagementResponse.Outcome.ACCEPTED, after_days=4)
    act(accepted, manager, cycle, what="Open until 6pm", status=Action.Status.DONE)
    act(accepted, manager, cycle, what="A plan still being agreed")
    members_log = (
        client_for(member).get(reverse("board:influence_log")).content.decode()
    )
    assert "Open until 6pm" in members_log
    assert "A plan still being agreed" in members_log
    # The public page shows only actions under way, done or not possible.
    public = Client().get(board_page.url).content.decode()
    assert "Open until 6pm" in public
    assert "A plan still being agreed" not in public
    export = client_for(member).get(reverse("board:influence_log_export", args=["csv"]))
    assert "Open until 6pm (Done)" in b"".join(export.streaming_content).decode()
