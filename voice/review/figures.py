"""The board report's figures for a review cycle, as an inspector would ask for them.

Every figure is counted from rows, never from words, so the figures stay the
same after retention blanks old text. The rules are stated in `RULES` and
printed with the report.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import (
    Avg,
    Count,
)
from django.utils.translation import gettext_lazy as _

from accounts import roles
from voice.feedback import rollups
from voice.feedback.models import Speaker
from voice.review import selectors
from voice.review.models import Action, ActionRating, Rating, ReviewCycle
from voice.review.sections import ReviewSection, sections_for
from voice.surveys.models import SurveyResponse

HOURS_PER_DAY = 24
CHILD_ROLES = (roles.YOUNG_PERSON, roles.BOARD_MEMBER)

RULES = {
    "people": _(
        "People who gave their views: each signed-in person is counted once, however "
        "often they gave feedback in the period. Each anonymous piece of feedback is "
        "counted as one person, because we cannot tell anonymous people apart."
    ),
    "answered": _(
        "Feedback answered: a moderator replied to it, or made a decision on it "
        "(shared it, did not share it and said why, or passed it to safeguarding). "
        "The share is answered feedback out of all feedback given in the period."
    ),
    "response": _(
        "Days to a response: from the moment feedback was given to the first reply "
        "or decision, whichever came first, counted in whole hours. The median is "
        "the middle value."
    ),
    "changes": _(
        "Changes made because of feedback: this cycle's actions that are done and "
        "are linked to at least one piece of feedback."
    ),
    "reach": _(
        "Children who gave their view: each signed-in young person who gave "
        "feedback or answered a survey in the period is counted once; each "
        "anonymous piece of feedback from a young person counts as one child. "
        "Anonymous survey answers are not counted, as they cannot be told apart "
        "from the feedback. The share is out of the children the service says it "
        "worked with in the period."
    ),
    "ratings": _(
        "Ratings: how well young people think we responded to each “You said, we "
        "did” item from this cycle, from 1 (very badly) to 5 (very well)."
    ),
}


@dataclass
class PeopleCount:
    speaker: str
    label: str
    signed_in: int
    anonymous: int

    @property
    def total(self) -> int:
        return self.signed_in + self.anonymous


@dataclass
class RatedItem:
    action_id: int
    what_we_will_do: str
    status_label: str
    count: int
    average: float | None


@dataclass
class BoardReport:
    cycle: ReviewCycle
    people: list[PeopleCount]
    feedback_total: int
    answered: int
    median_days_to_response: float | None
    changes_made: int
    actions_by_status: dict[str, int]
    rating_count: int
    rating_average: float | None
    rating_distribution: dict[int, int]
    rated_items: list[RatedItem]
    children_heard: int = 0
    sections: list[ReviewSection] = field(default_factory=list)

    @property
    def children_worked_with(self) -> int | None:
        return self.cycle.children_worked_with

    @property
    def reach_percent(self) -> float | None:
        """The share of the children the service worked with who gave a view."""
        if not self.children_worked_with:
            return None
        return round(100 * self.children_heard / self.children_worked_with, 1)

    @property
    def people_total(self) -> int:
        return sum(row.total for row in self.people)

    @property
    def answered_percent(self) -> float | None:
        if not self.feedback_total:
            return None
        return round(100 * self.answered / self.feedback_total, 1)


def count_people(
    period: rollups.Period, authors: set[tuple[str, int]]
) -> list[PeopleCount]:
    signed_in = Counter(speaker for speaker, _author in authors)
    anonymous = {
        row["speaker"]: row["count"]
        for row in rollups.feedback_counts(period, ["speaker"], signed_in=False)
    }
    return [
        PeopleCount(
            speaker=value,
            label=str(label),
            signed_in=signed_in.get(value, 0),
            anonymous=anonymous.get(value, 0),
        )
        for value, label in Speaker.choices
    ]


def children_heard(
    cycle: ReviewCycle, authors: set[tuple[str, int]], anonymous: int
) -> int:
    """How many children gave a view in the period, by the rule in RULES["reach"].

    `authors` are the signed-in people who gave feedback, as (speaker, id);
    `anonymous` is the anonymous feedback young people gave.
    """
    start, until = cycle.period
    signed_in = {
        author for speaker, author in authors if speaker == Speaker.YOUNG_PERSON
    }
    signed_in |= set(
        SurveyResponse.objects.filter(
            submitted_at__gte=start,
            submitted_at__lt=until,
            respondent__groups__name__in=CHILD_ROLES,
        )
        .values_list("respondent_id", flat=True)
        .distinct()
    )
    return len(signed_in) + anonymous


def board_report(cycle: ReviewCycle) -> BoardReport:
    """The board report's figures, in a fixed number of queries whatever the data size."""
    period = selectors.cycle_period(cycle)
    answered_or_not = {
        row["answered"]: row["count"]
        for row in rollups.feedback_counts(period, ["answered"])
    }
    median_hours = rollups.median(rollups.response_hours(period))
    status_counts = dict(
        cycle.actions.values_list("status").annotate(count=Count("pk")).order_by()
    )
    changes_made = (
        cycle.actions.filter(status=Action.Status.DONE, feedback__isnull=False)
        .values("pk")
        .distinct()
        .count()
    )
    ratings = ActionRating.objects.filter(action__cycle=cycle)
    distribution = dict(
        ratings.values_list("score").annotate(count=Count("pk")).order_by()
    )
    rating_count = sum(distribution.values())
    rating_average = (
        round(sum(score * n for score, n in distribution.items()) / rating_count, 2)
        if rating_count
        else None
    )
    rated_items = [
        RatedItem(
            action_id=action.pk,
            what_we_will_do=action.what_we_will_do,
            status_label=action.get_status_display(),
            count=action.rating_count,
            average=round(action.rating_average, 2)
            if action.rating_average is not None
            else None,
        )
        # Not `cycle.actions`: the related manager would load each deferred cycle_id.
        for action in Action.objects.filter(
            cycle=cycle, status__in=Action.PUBLIC_STATUSES
        )
        .annotate(rating_count=Count("ratings"), rating_average=Avg("ratings__score"))
        .order_by("-status_changed_at", "-pk")
        .only("pk", "what_we_will_do", "status")
    ]
    authors = rollups.signed_in_authors(period)
    people = count_people(period, authors)
    anonymous_young = sum(
        row.anonymous for row in people if row.speaker == Speaker.YOUNG_PERSON
    )
    return BoardReport(
        cycle=cycle,
        people=people,
        feedback_total=sum(answered_or_not.values()),
        answered=answered_or_not.get(True, 0),
        median_days_to_response=round(median_hours / HOURS_PER_DAY, 1)
        if median_hours is not None
        else None,
        changes_made=changes_made,
        actions_by_status={
            value: status_counts.get(value, 0) for value in Action.Status.values
        },
        rating_count=rating_count,
        rating_average=rating_average,
        rating_distribution={
            value: distribution.get(value, 0) for value in Rating.values
        },
        rated_items=rated_items,
        children_heard=children_heard(cycle, authors, anonymous_young),
        sections=sections_for(cycle),
    )


REPORT_HEADER = ("Section", "Measure", "Value")


def report_rows(report: BoardReport) -> list[tuple[str, str, object]]:
    """(section, measure, value) rows: what the CSV and XLSX exports hold."""
    cycle = report.cycle
    rows: list[tuple[str, str, object]] = [
        ("Cycle", "Name", cycle.name),
        ("Cycle", "First day", cycle.start.isoformat()),
        ("Cycle", "Last day", cycle.end.isoformat()),
    ]
    for row in report.people:
        rows += [
            ("People who gave their views", f"{row.label}: signed in", row.signed_in),
            ("People who gave their views", f"{row.label}: anonymous", row.anonymous),
            ("People who gave their views", f"{row.label}: total", row.total),
        ]
    rows += [
        ("People who gave their views", "Everyone", report.people_total),
        ("People who gave their views", "Rule", str(RULES["people"])),
        ("Reach", "Children who gave their view", report.children_heard),
        ("Reach", "Children the service worked with", report.children_worked_with),
        ("Reach", "Share who gave their view (%)", report.reach_percent),
        ("Reach", "Rule", str(RULES["reach"])),
        ("Feedback answered", "Feedback given", report.feedback_total),
        ("Feedback answered", "Feedback answered", report.answered),
        ("Feedback answered", "Share answered (%)", report.answered_percent),
        ("Feedback answered", "Rule", str(RULES["answered"])),
        (
            "Time to respond",
            "Median days from feedback to response",
            report.median_days_to_response,
        ),
        ("Time to respond", "Rule", str(RULES["response"])),
        ("Changes made", "Changes made because of feedback", report.changes_made),
        ("Changes made", "Rule", str(RULES["changes"])),
    ]
    labels = dict(Action.Status.choices)
    rows += [
        ("Actions", f"Actions: {labels[status]}", count)
        for status, count in report.actions_by_status.items()
    ]
    rows += [
        ("Ratings", "Ratings given", report.rating_count),
        ("Ratings", "Average rating (1 to 5)", report.rating_average),
    ]
    rating_labels = dict(Rating.choices)
    rows += [
        ("Ratings", f"{score} – {rating_labels[score]}", count)
        for score, count in report.rating_distribution.items()
    ]
    rows += [
        (
            "Ratings of each item",
            f"#{item.action_id} {item.what_we_will_do} ({item.status_label})",
            f"{item.count} ratings, average {item.average}"
            if item.count
            else "No ratings yet",
        )
        for item in report.rated_items
    ]
    rows.append(("Ratings", "Rule", str(RULES["ratings"])))
    for section in report.sections:
        rows += [
            (section.title, measure, value) for measure, value in section.report_rows
        ]
    return rows
