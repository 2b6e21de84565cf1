"""The board report's figures, computed from known fixtures and asserted exactly."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import roles
from tests.factories import user_with_role
from tests.review.factories import ReviewCycleFactory, at, make_feedback
from voice.feedback import rollups
from voice.feedback.models import Speaker
from voice.moderation.models import ModeratedText
from voice.review import figures, services
from voice.review.models import Action, ActionRating
from voice.safeguarding.models import SafeguardingConcern

APPROVED = ModeratedText.Status.APPROVED
WAITING = ModeratedText.Status.WAITING
NOT_SHARED = ModeratedText.Status.NOT_SHARED


@pytest.fixture
def known(db, cycle, manager, topic):
    """A quarter with feedback, actions and ratings whose figures are worked out by hand."""
    yp1 = user_with_role(roles.YOUNG_PERSON, username="yp1")
    yp2 = user_with_role(roles.YOUNG_PERSON, username="yp2")
    yp3 = user_with_role(roles.YOUNG_PERSON, username="yp3")
    parent = user_with_role(roles.PARENT_CARER, username="p1")
    young, carer = Speaker.YOUNG_PERSON, Speaker.PARENT_CARER
    f = {}
    # Decided after 2 days.
    f["a"] = make_feedback(
        author=yp1, created_at=at(2026, 1, 10), decided_at=at(2026, 1, 12)
    )
    # Replied after 2 days, decided after 4: the first response counts.
    f["b"] = make_feedback(
        author=yp1,
        created_at=at(2026, 2, 1),
        decided_at=at(2026, 2, 5),
        replied_at=at(2026, 2, 3),
    )
    f["c"] = make_feedback(author=yp2, created_at=at(2026, 2, 10), status=WAITING)
    f["d"] = make_feedback(created_at=at(2026, 3, 1), decided_at=at(2026, 3, 7))
    f["e"] = make_feedback(
        created_at=at(2026, 3, 2), status=NOT_SHARED, decided_at=at(2026, 3, 3)
    )
    f["f"] = make_feedback(
        author=parent,
        speaker=carer,
        created_at=at(2026, 3, 5),
        replied_at=at(2026, 3, 15),
        decided_at=at(2026, 3, 20),
    )
    f["g"] = make_feedback(speaker=carer, created_at=at(2026, 3, 10), status=WAITING)
    # Outside the quarter: never counted.
    make_feedback(author=yp3, speaker=young, created_at=at(2026, 4, 1, 0, 30))
    make_feedback(author=yp3, created_at=at(2025, 12, 31, 23, 30))

    def action(status, linked, what, in_cycle=cycle):
        made = services.create_action(
            cycle=in_cycle,
            topic=topic,
            what_we_heard="Waiting is boring.",
            what_we_will_do=what,
            owner=manager,
            user=manager,
            feedback=linked,
        )
        if status != Action.Status.PROPOSED:
            made = services.change_action_status(
                action=made, status=status, user=manager, reason="No money."
            )
        return made

    done_from_feedback = action(Action.Status.DONE, [f["a"], f["b"]], "Games")
    action(Action.Status.DONE, [], "New paint")  # done, but not from feedback
    under_way = action(Action.Status.IN_PROGRESS, [f["d"]], "Texts")
    after_school = action(Action.Status.DONE, [f["d"], f["f"]], "After-school times")
    action(Action.Status.PROPOSED, [f["a"]], "Home visits")
    other_cycle = ReviewCycleFactory(
        name="Summer 2026",
        start=datetime.date(2026, 4, 1),
        end=datetime.date(2026, 6, 30),
    )
    action(Action.Status.DONE, [f["a"]], "Elsewhere", in_cycle=other_cycle)
    # One rating per child's feedback and item: "b" changing its mind counts once.
    for key, score in (("a", 5), ("b", 1), ("b", 4)):
        services.rate_action(action=done_from_feedback, feedback=f[key], score=score)
    services.rate_action(action=after_school, feedback=f["d"], score=4)
    services.rate_action(action=under_way, feedback=f["d"], score=2)
    return f


def test_board_report_figures_are_exact(known, cycle):
    report = figures.board_report(cycle)

    people = {row.speaker: row for row in report.people}
    assert (people["young_person"].signed_in, people["young_person"].anonymous) == (
        2,
        2,
    )
    assert (people["parent_carer"].signed_in, people["parent_carer"].anonymous) == (
        1,
        1,
    )
    assert report.people_total == 6
    assert report.feedback_total == 7
    assert report.answered == 5
    assert report.answered_percent == 71.4
    # First responses: 2, 2, 6, 1 and 10 days → the middle value is 2.
    assert report.median_days_to_response == 2.0
    assert report.changes_made == 2
    assert report.actions_by_status == {
        "proposed": 1,
        "agreed": 0,
        "in_progress": 1,
        "done": 3,
        "not_possible": 0,
    }
    assert report.rating_count == 4
    assert report.rating_average == 3.75
    assert report.rating_distribution == {1: 0, 2: 1, 3: 0, 4: 2, 5: 1}
    by_item = {
        item.what_we_will_do: (item.count, item.average) for item in report.rated_items
    }
    assert by_item == {
        "Games": (2, 4.5),
        "New paint": (0, None),
        "Texts": (1, 2.0),
        "After-school times": (1, 4.0),
    }


def test_the_median_of_an_even_number_is_the_mean_of_the_middle_two(known, cycle):
    # Answer the two waiting items: first responses 1, 2, 2, 6, 10, 3 and 4 days.
    for item, days in ((known["c"], 3), (known["g"], 4)):
        text = item.moderated_text
        text.decided_at = item.created_at + datetime.timedelta(days=days)
        text.save()
    # And one more, so there is an even number: 1, 2, 2, 3, 4, 6, 8, 10.
    make_feedback(created_at=at(2026, 3, 20), decided_at=at(2026, 3, 28))

    report = figures.board_report(cycle)

    assert report.answered == 8
    assert report.median_days_to_response == 3.5


def test_figures_are_unchanged_after_text_is_anonymised(known, cycle):
    before = figures.board_report(cycle)

    ModeratedText.objects.update(text="", redacted_text="", reply="")

    after = figures.board_report(cycle)
    assert figures.report_rows(after) == figures.report_rows(before)


def test_an_empty_cycle_reports_zeros_not_errors(cycle):
    report = figures.board_report(cycle)

    assert report.people_total == 0
    assert report.answered_percent is None
    assert report.median_days_to_response is None
    assert report.rating_average is None
    assert ("Feedback answered", "Share answered (%)", None) in figures.report_rows(
        report
    )


def make_many(count: int, cycle, manager, topic) -> None:
    for n in range(count):
        feedback = make_feedback(
            created_at=at(2026, 1 + n % 3, 1 + n % 27), replied_at=at(2026, 3, 30)
        )
        made = services.create_action(
            cycle=cycle,
            topic=topic,
            what_we_heard="Heard",
            what_we_will_do=f"Change {n}",
            owner=manager,
            user=manager,
            feedback=[feedback],
        )
        services.change_action_status(action=made, status="done", user=manager)
        ActionRating.objects.create(action=made, score=1 + n % 5)
        SafeguardingConcern.objects.create(
            source="moderator", created_at=at(2026, 2, 2)
        )


def queries_for_report(cycle) -> int:
    with CaptureQueriesContext(connection) as captured:
        figures.board_report(cycle)
    return len(captured.captured_queries)


def test_the_board_report_needs_the_same_queries_for_more_data(cycle, manager, topic):
    make_many(2, cycle, manager, topic)
    rollups.roll_up()  # finished days are counted once, on the first read
    small = queries_for_report(cycle)
    make_many(12, cycle, manager, topic)
    large = queries_for_report(cycle)

    assert small == large
    # Nine for the review's own figures, one for reach's survey answers, two
    # for the shadow board's section, one for who gave their view.
    assert large <= 13
