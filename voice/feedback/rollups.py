"""Daily roll-ups of feedback, so review figures stay fast at a million items.

Each finished day is counted once into small tables (`FeedbackDay` and its
neighbours in `models.py`); figures for a period add up those rows and count
only the days not yet rolled up (today, at least) from the feedback itself.
Both come from the same queries below, so they cannot disagree.

A day's rows are rebuilt, whole, in the same transaction, whenever something
about its feedback changes after it was rolled up: a moderator's decision, reply or themes, a
new topic, an account deleted or unlinked (`connect_signals`, and
`refresh_days` after bulk updates). `manage.py rebuild_feedback_rollups` rebuilds every day, for
data loaded in bulk.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, Min, Q, Sum
from django.db.models.functions import Coalesce, Least, TruncDate
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import timezone

from voice.feedback.models import (
    Feedback,
    FeedbackAuthorDay,
    FeedbackDay,
    FeedbackResponseDay,
    FeedbackRollup,
    FeedbackThemeDay,
)
from voice.moderation.models import ModeratedText

ONE_DAY = datetime.timedelta(days=1)
DAY_FIELDS = ["topic_id", "speaker", "feeling", "approved", "answered", "signed_in"]
ROLLUP_MODELS = [FeedbackDay, FeedbackThemeDay, FeedbackResponseDay, FeedbackAuthorDay]


def midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(
        day, datetime.time.min, tzinfo=timezone.get_current_timezone()
    )


def given_between(first: datetime.date, last: datetime.date):
    return Feedback.objects.filter(
        created_at__gte=midnight(first), created_at__lt=midnight(last + ONE_DAY)
    )


# --- The counting, for roll-ups and for days not rolled up alike ------------


def _with_dimensions(feedback):
    answered = Q(moderated_text__replied_at__isnull=False) | Q(
        moderated_text__decided_at__isnull=False
    )
    return feedback.annotate(
        day=TruncDate("created_at"),
        approved=ExpressionWrapper(
            Q(moderated_text__status=ModeratedText.Status.APPROVED),
            output_field=BooleanField(),
        ),
        answered=ExpressionWrapper(answered, output_field=BooleanField()),
        signed_in=ExpressionWrapper(
            Q(author__isnull=False), output_field=BooleanField()
        ),
    )


def _day_counts(feedback, group_by, **filters):
    return (
        _with_dimensions(feedback)
        .filter(**filters)
        .values(*group_by)
        .annotate(count=Count("pk"))
        .order_by()
    )


def _theme_counts(feedback, group_by):
    through = ModeratedText.themes.through
    return (
        through.objects.filter(
            moderatedtext__status=ModeratedText.Status.APPROVED,
            moderatedtext__feedback__in=feedback.values("pk"),
        )
        .annotate(day=TruncDate("moderatedtext__feedback__created_at"))
        .values(*group_by)
        .annotate(count=Count("moderatedtext_id"))
        .order_by()
    )


def _response_hours(feedback) -> Counter:
    """{(day, whole hours from feedback to its first reply or decision): count}."""
    first_response = Coalesce(
        Least("moderated_text__replied_at", "moderated_text__decided_at"),
        "moderated_text__replied_at",
        "moderated_text__decided_at",
    )
    rows = (
        feedback.annotate(responded_at=first_response)
        .filter(responded_at__isnull=False)
        .values_list("created_at", "responded_at")
    )
    return Counter(
        (timezone.localdate(given), int((responded - given).total_seconds() // 3600))
        for given, responded in rows.iterator(chunk_size=5000)
    )


def _signed_in_authors(feedback):
    return (
        feedback.filter(author__isnull=False)
        .annotate(day=TruncDate("created_at"))
        .values("day", "speaker", "author_id")
        .distinct()
        .order_by()
    )


# --- Keeping the roll-ups ----------------------------------------------------


def _rollup_state() -> FeedbackRollup:
    FeedbackRollup.objects.get_or_create(pk=1)
    return FeedbackRollup.objects.select_for_update().get(pk=1)


def _build(first: datetime.date, last: datetime.date) -> None:
    """Replace the roll-up rows of every day from `first` to `last`."""
    for model in ROLLUP_MODELS:
        model.objects.filter(day__gte=first, day__lte=last).delete()
    feedback = given_between(first, last)
    FeedbackDay.objects.bulk_create(
        FeedbackDay(**row) for row in _day_counts(feedback, ["day", *DAY_FIELDS])
    )
    FeedbackThemeDay.objects.bulk_create(
        FeedbackThemeDay(**row) for row in _theme_counts(feedback, ["day", "theme_id"])
    )
    FeedbackResponseDay.objects.bulk_create(
        FeedbackResponseDay(day=day, hours=hours, count=count)
        for (day, hours), count in _response_hours(feedback).items()
    )
    FeedbackAuthorDay.objects.bulk_create(
        FeedbackAuthorDay(**row) for row in _signed_in_authors(feedback)
    )


def roll_up(last: datetime.date | None = None) -> datetime.date | None:
    """Roll up every finished day not yet rolled up; return the last day covered."""
    last = last or timezone.localdate() - ONE_DAY
    through = FeedbackRollup.objects.filter(pk=1).values_list("through", flat=True)
    if (known := through.first()) is not None and known >= last:
        return known  # the usual case: one small read, no lock
    with transaction.atomic():
        state = _rollup_state()
        if state.through is not None and state.through >= last:
            return state.through
        if state.through is not None:
            first = state.through + ONE_DAY
        else:
            earliest = Feedback.objects.aggregate(first=Min("created_at"))["first"]
            first = timezone.localdate(earliest) if earliest else last
        if first <= last:
            _build(first, last)
        state.through = last
        state.save(update_fields=["through"])
        return last


def rebuild() -> datetime.date | None:
    """Forget every roll-up and count every finished day again."""
    with transaction.atomic():
        state = _rollup_state()
        for model in ROLLUP_MODELS:
            model.objects.all().delete()
        state.through = None
        state.save(update_fields=["through"])
        return roll_up()


def days_of(feedback) -> set[datetime.date]:
    """The days this feedback (a queryset) was given on."""
    return set(
        feedback.annotate(day=TruncDate("created_at"))
        .values_list("day", flat=True)
        .distinct()
        .order_by()
    )


def refresh_days(days: set[datetime.date]) -> None:
    """Rebuild the roll-ups of these days, in the caller's transaction.

    In the same transaction as the change, so the figures can never count a
    change that was rolled back, nor miss one that was saved. Days not rolled
    up yet (today, at least) are skipped: they are counted from the feedback.
    """
    finished = sorted(day for day in days if day < timezone.localdate())
    if not finished:
        return
    with transaction.atomic():
        state = _rollup_state()
        for day in finished:
            if state.through is not None and day <= state.through:
                _build(day, day)


def refresh_for(feedback) -> None:
    """Rebuild the days of this feedback (a queryset)."""
    refresh_days(days_of(feedback))


# --- Changes that touch finished days ------------------------------------------


def _feedback_saved(sender, instance, **kwargs):
    refresh_days({timezone.localdate(instance.created_at)})


def _text_changed(instance):
    if instance.kind != ModeratedText.Kind.FEEDBACK:
        return
    if timezone.localdate(instance.created_at) >= timezone.localdate():
        return  # its feedback is from today, which is never rolled up
    refresh_for(Feedback.objects.filter(moderated_text=instance))


COUNTED_TEXT_FIELDS = {"status", "decided_at", "replied_at"}


def _text_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is None or COUNTED_TEXT_FIELDS & set(update_fields):
        _text_changed(instance)


def _themes_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        _text_changed(instance)


def _account_deleting(sender, instance, **kwargs):
    # Their feedback is unlinked (SET_NULL) between pre_delete and post_delete.
    instance._feedback_days = days_of(Feedback.objects.filter(author=instance))


def _account_deleted(sender, instance, **kwargs):
    refresh_days(getattr(instance, "_feedback_days", set()))


def connect_signals() -> None:
    post_save.connect(_feedback_saved, sender=Feedback)
    post_delete.connect(_feedback_saved, sender=Feedback)
    post_save.connect(_text_saved, sender=ModeratedText)
    m2m_changed.connect(_themes_changed, sender=ModeratedText.themes.through)
    pre_delete.connect(_account_deleting, sender=get_user_model())
    post_delete.connect(_account_deleted, sender=get_user_model())


# --- Reading a period ----------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Days `first` to `last`, split into rolled-up days and days counted live."""

    first: datetime.date
    last: datetime.date
    through: datetime.date | None

    @classmethod
    def of(cls, first: datetime.date, last: datetime.date) -> "Period":
        return cls(first, last, roll_up())

    @property
    def rolled_last(self) -> datetime.date | None:
        if self.through is None or self.through < self.first:
            return None
        return min(self.last, self.through)

    def rolled(self, model):
        if self.rolled_last is None:
            return model.objects.none()
        return model.objects.filter(day__gte=self.first, day__lte=self.rolled_last)

    def live_feedback(self):
        first = self.first if self.rolled_last is None else self.rolled_last + ONE_DAY
        if first > self.last:
            return Feedback.objects.none()
        return given_between(first, self.last)


def _merged(rows_lists, group_by) -> list[dict]:
    totals: Counter = Counter()
    for rows in rows_lists:
        for row in rows:
            totals[tuple(row[name] for name in group_by)] += row["count"]
    return [
        {**dict(zip(group_by, key, strict=True)), "count": count}
        for key, count in totals.items()
    ]


def feedback_counts(period: Period, group_by: list[str], **filters) -> list[dict]:
    """Feedback given in the period, counted by `group_by` (roll-up field names)."""
    rolled = (
        period.rolled(FeedbackDay)
        .filter(**filters)
        .values(*group_by)
        .annotate(count=Sum("count"))
        .order_by()
    )
    live = _day_counts(period.live_feedback(), group_by, **filters)
    return _merged([rolled, live], group_by)


def theme_counts(period: Period) -> list[dict]:
    """Approved feedback given in the period, counted by theme."""
    rolled = (
        period.rolled(FeedbackThemeDay)
        .values("theme_id")
        .annotate(count=Sum("count"))
        .order_by()
    )
    live = _theme_counts(period.live_feedback(), ["theme_id"])
    return _merged([rolled, live], ["theme_id"])


def response_hours(period: Period) -> Counter:
    """{whole hours from feedback to first response: how many}, for the period."""
    hours = Counter(
        dict(
            period.rolled(FeedbackResponseDay)
            .values_list("hours")
            .annotate(count=Sum("count"))
            .order_by()
        )
    )
    for (_day, each), count in _response_hours(period.live_feedback()).items():
        hours[each] += count
    return hours


def signed_in_authors(period: Period) -> set[tuple[str, int]]:
    """(speaker, account id) of every signed-in person who gave feedback in the period."""
    rolled = set(
        period.rolled(FeedbackAuthorDay).values_list("speaker", "author_id").distinct()
    )
    live = set(
        period.live_feedback()
        .filter(author__isnull=False)
        .values_list("speaker", "author_id")
        .distinct()
    )
    return rolled | live


def signed_in_people(period: Period) -> Counter:
    """{speaker: how many different signed-in people gave feedback in the period}."""
    return Counter(speaker for speaker, _author in signed_in_authors(period))


def median(histogram: Counter) -> float | None:
    """The median of the values a {value: count} histogram holds."""
    total = sum(histogram.values())
    if not total:
        return None
    wanted = {(total - 1) // 2, total // 2}
    found, seen = [], 0
    for value in sorted(histogram):
        count = histogram[value]
        found += [value for position in wanted if seen <= position < seen + count]
        seen += count
    return sum(found) / len(found)
