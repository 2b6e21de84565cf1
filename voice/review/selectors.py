"""Reads for service review: the dashboard, the public page and "what changed" for a receipt."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)

from voice.feedback import rollups
from voice.feedback.models import Feedback, Feeling, Topic
from voice.moderation.models import ModeratedText, Theme
from voice.review.models import Action, ActionRating, ReviewCycle
from voice.review.sections import sections_for
from voice.review.stats import median_duration
from voice.review.wording import WE_DID_LEAD
from voice.safeguarding.models import SafeguardingConcern

# A cycle up to this long shows its feeling trend week by week, else by month.
WEEKLY_TREND_MAX_DAYS = 100


def bar_rows(rows: list[dict], key: str = "count") -> list[dict]:
    """Give each row `share`: its value as a percentage of the largest, for drawing bars."""
    largest = max((row[key] or 0 for row in rows), default=0)
    for row in rows:
        row["share"] = round(100 * (row[key] or 0) / largest, 1) if largest else 0
    return rows


def approved_feedback_in(cycle: ReviewCycle) -> QuerySet:
    start, until = cycle.period
    return Feedback.objects.filter(
        created_at__gte=start,
        created_at__lt=until,
        moderated_text__status=ModeratedText.Status.APPROVED,
    )


def cycle_period(cycle: ReviewCycle) -> rollups.Period:
    return rollups.Period.of(cycle.start, cycle.end)


def with_feelings(row: dict, feelings: Counter) -> dict:
    """Add `count`, `average_feeling` and `feeling_<n>` counts from {feeling: count}."""
    count = sum(feelings.values())
    row["count"] = count
    row["average_feeling"] = (
        sum(value * n for value, n in feelings.items()) / count if count else None
    )
    row.update({f"feeling_{value}": feelings.get(value, 0) for value in Feeling.values})
    return row


def feedback_by_topic(period: rollups.Period) -> list[dict]:
    feelings: dict[int, Counter] = defaultdict(Counter)
    for row in rollups.feedback_counts(period, ["topic_id", "feeling"], approved=True):
        feelings[row["topic_id"]][row["feeling"]] += row["count"]
    topics = Topic.objects.filter(pk__in=feelings).only("name", "plain_words")
    rows = [
        with_feelings(
            {"topic_id": topic.pk, "name": topic.plain_words or topic.name},
            feelings[topic.pk],
        )
        for topic in topics
    ]
    return bar_rows(sorted(rows, key=lambda row: (-row["count"], row["name"])))


def feedback_by_theme(period: rollups.Period) -> list[dict]:
    counts = {row["theme_id"]: row["count"] for row in rollups.theme_counts(period)}
    rows = [
        {"theme_id": pk, "name": name, "count": counts[pk]}
        for pk, name in Theme.objects.filter(pk__in=counts).values_list("pk", "name")
    ]
    return bar_rows(sorted(rows, key=lambda row: (-row["count"], row["name"])))


def feeling_trend(cycle: ReviewCycle, period: rollups.Period) -> tuple[str, list[dict]]:
    """("week" or "month", rows of count, average feeling and count per feeling)."""
    weekly = (cycle.end - cycle.start).days <= WEEKLY_TREND_MAX_DAYS
    feelings: dict[datetime.date, Counter] = defaultdict(Counter)
    for row in rollups.feedback_counts(period, ["day", "feeling"], approved=True):
        day = row["day"]
        start = (
            day - datetime.timedelta(days=day.weekday())
            if weekly
            else day.replace(day=1)
        )
        feelings[start][row["feeling"]] += row["count"]
    rows = [
        with_feelings({"period": start}, feelings[start]) for start in sorted(feelings)
    ]
    for row in rows:
        row["segments"] = feeling_segments(row)
    return ("week" if weekly else "month"), bar_rows(rows)


def feeling_segments(row: dict) -> list[dict]:
    """Stacked-bar pieces (x and width in percent) for the five feelings."""
    segments, x = [], 0.0
    for value, label in Feeling.choices:
        count = row[f"feeling_{value}"]
        width = 100 * count / row["count"] if row["count"] else 0
        segments.append(
            {"value": value, "label": label, "count": count, "x": x, "width": width}
        )
        x += width
    return segments


def safeguarding_counts(cycle: ReviewCycle) -> dict:
    """Numbers only: concerns raised and acknowledged, and the median time to acknowledge."""
    start, until = cycle.period
    concerns = SafeguardingConcern.objects.filter(
        created_at__gte=start, created_at__lt=until
    )
    counts = concerns.aggregate(
        raised=Count("pk"),
        acknowledged=Count("pk", filter=Q(acknowledged_at__isnull=False)),
    )
    counts["median_to_acknowledge"] = median_duration(
        concerns.filter(acknowledged_at__isnull=False),
        ExpressionWrapper(
            F("acknowledged_at") - F("created_at"), output_field=DurationField()
        ),
        count=counts["acknowledged"],
    )
    median = counts["median_to_acknowledge"]
    counts["median_hours"] = (
        round(median.total_seconds() / 3600, 1) if median is not None else None
    )
    return counts


def actions_by_status(cycle: ReviewCycle) -> list[dict]:
    counts = dict(
        cycle.actions.values_list("status").annotate(count=Count("pk")).order_by()
    )
    return bar_rows(
        [
            {"status": value, "name": label, "count": counts.get(value, 0)}
            for value, label in Action.Status.choices
        ]
    )


def cycle_dashboard(cycle: ReviewCycle) -> dict:
    """Everything the review dashboard shows, in a fixed number of queries."""
    period = cycle_period(cycle)
    trend_unit, trend = feeling_trend(cycle, period)
    # The totals are the trend's rows added up: one scan of the feedback fewer.
    count = sum(row["count"] for row in trend)
    totals = {
        "count": count,
        "average_feeling": sum(
            value * row[f"feeling_{value}"] for row in trend for value in Feeling.values
        )
        / count
        if count
        else None,
    }
    return {
        "totals": totals,
        "by_topic": feedback_by_topic(period),
        "by_theme": feedback_by_theme(period),
        "trend_unit": trend_unit,
        "trend": trend,
        "safeguarding": safeguarding_counts(cycle),
        "actions_by_status": actions_by_status(cycle),
        "sections": sections_for(cycle),
    }


def recent_approved_feedback(cycle: ReviewCycle) -> QuerySet:
    """Approved feedback of the cycle, newest first, ready for a paginated list."""
    return (
        approved_feedback_in(cycle)
        .select_related("topic", "moderated_text")
        .order_by("-created_at", "-pk")
    )


def with_action_counts(feedback: list[Feedback]) -> list[Feedback]:
    """Set `action_count` on each item: how many actions it is linked to (one query)."""
    counts = dict(
        Action.feedback.through.objects.filter(
            feedback_id__in=[item.pk for item in feedback]
        )
        .values_list("feedback_id")
        .annotate(count=Count("action_id"))
        .order_by()
    )
    for item in feedback:
        item.action_count = counts.get(item.pk, 0)
    return feedback


def cycle_actions(cycle: ReviewCycle) -> QuerySet:
    return (
        cycle.actions.select_related("topic", "owner")
        .annotate(feedback_count=Count("feedback", distinct=True))
        .order_by("-status_changed_at", "-pk")
    )


# --- "You said, we did" ----------------------------------------------------


def public_actions() -> QuerySet:
    """Actions under way, done or not possible, newest change first.

    Only staff-written words are ever read from here: never feedback text.
    """
    return (
        Action.objects.filter(status__in=Action.PUBLIC_STATUSES)
        .select_related("topic")
        .only(
            "pk",
            "what_we_heard",
            "what_we_will_do",
            "status",
            "not_possible_reason",
            "status_changed_at",
            "topic__name",
            "topic__plain_words",
        )
        .order_by("-status_changed_at", "-pk")
    )


def topics_with_public_actions() -> QuerySet:
    return Topic.objects.filter(
        pk__in=Action.objects.filter(status__in=Action.PUBLIC_STATUSES).values(
            "topic_id"
        )
    ).order_by("sort_order", "name")


@dataclass(frozen=True)
class WhatChanged:
    """What happened because of one piece of feedback, told to the person who gave it."""

    action_id: int
    topic: str
    you_said: str
    lead: str
    what: str
    status: str
    status_label: str
    reason: str
    changed_at: datetime.datetime
    is_public: bool
    given: int | None  # the score the child gave it, if they rated it


def what_changed_for(feedback: Feedback) -> list[WhatChanged]:
    """Every action that came from this feedback, newest change first (one query)."""
    return what_changed_for_each([feedback]).get(feedback.pk, [])


def what_changed_for_each(
    feedback: list[Feedback],
) -> dict[int, list[WhatChanged]]:
    """{feedback id: its actions, newest change first}, with the score each child gave.

    One query however many pieces of feedback (My feedback lists up to 200).
    """
    links = Action.feedback.through.objects
    given = ActionRating.objects.filter(
        action=OuterRef("action_id"), feedback=OuterRef("feedback_id")
    )
    rows = (
        links.filter(feedback__in=[item.pk for item in feedback])
        .select_related("action__topic")
        .annotate(given=Subquery(given.values("score")[:1]))
        .order_by("-action__status_changed_at", "-action_id")
    )
    found: dict[int, list[WhatChanged]] = defaultdict(list)
    for row in rows:
        found[row.feedback_id].append(what_changed(row.action, given=row.given))
    return dict(found)


def what_changed(action: Action, *, given: int | None) -> WhatChanged:
    return WhatChanged(
        action_id=action.pk,
        topic=str(action.topic),
        you_said=action.what_we_heard,
        lead=str(WE_DID_LEAD[action.status]),
        what=action.what_we_will_do,
        status=action.status,
        status_label=action.get_status_display(),
        reason=action.not_possible_reason
        if action.status == Action.Status.NOT_POSSIBLE
        else "",
        changed_at=action.status_changed_at,
        is_public=action.is_public,
        given=given,
    )
