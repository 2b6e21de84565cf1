"""Reads for the moderation queue."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils import timezone

from pages.history import log_entries_for
from pages.working_days import working_days_before
from voice.moderation.models import ModeratedText
from voice.safeguarding.models import SafeguardingConcern

OVERDUE_AFTER_WORKING_DAYS = 2
WAITING_BADGE_LIMIT = 1000


class Flag:
    OFFENSIVE = "offensive"
    PERSONAL = "personal"
    CHOICES = [(OFFENSIVE, "Offensive words"), (PERSONAL, "Personal details")]


def claim_stale_after() -> timedelta:
    return timedelta(minutes=settings.MODERATION_CLAIM_STALE_MINUTES)


def overdue_cutoff(now: datetime | None = None) -> datetime:
    """Waiting items that arrived before this are overdue (two working days)."""
    return working_days_before(
        timezone.localtime(now or timezone.now()), OVERDUE_AFTER_WORKING_DAYS
    )


def waiting_items() -> QuerySet[ModeratedText]:
    """Items a moderator may pick up: waiting, never the ones held for safeguarding."""
    return ModeratedText.objects.filter(status=ModeratedText.Status.WAITING)


def waiting_badge() -> int | str:
    """How many items wait, for the badges on staff pages: exact up to a thousand, then "1,000+".

    Every new piece of feedback sends this to moderators' open pages, so it
    must cost the same with 50 waiting or 50,000: counting stops after the
    limit (unordered, so no sort of the whole queue).
    """
    limit = WAITING_BADGE_LIMIT
    counted = waiting_items().order_by()[: limit + 1].count()
    return counted if counted <= limit else f"{limit:,}+"


def feedback_model():
    """The feedback model, reached through its relation to the words.

    Feedback keeps its words in ModeratedText and so sits above moderation;
    the queue filters on the feedback a text belongs to without importing it.
    """
    return ModeratedText._meta.get_field("feedback").related_model


def moderation_queue() -> QuerySet[ModeratedText]:
    """The queue, oldest first, with what each row shows loaded in the same query."""
    return (
        waiting_items()
        .select_related("feedback__topic", "claimed_by")
        .order_by("created_at", "pk")
    )


def item_for_moderation(pk: int) -> ModeratedText:
    return ModeratedText.objects.select_related(
        "feedback__topic",
        "claimed_by",
        "decided_by",
        "replied_by",
        "not_shared_reason",
        "author",
    ).get(pk=pk)


def active_claimant(item: ModeratedText, now: datetime | None = None):
    """Who holds the item now, if anyone (a claim older than the setting has lapsed)."""
    if item.claimed_by_id is None or item.claimed_at is None:
        return None
    if item.claimed_at < (now or timezone.now()) - claim_stale_after():
        return None
    return item.claimed_by


def feedback_for(item: ModeratedText):
    """The feedback an item belongs to, or None for survey answers and board comments."""
    try:
        return item.feedback
    except ModeratedText.feedback.RelatedObjectDoesNotExist:
        return None


def item_history(item: ModeratedText, feedback=None) -> list:
    """The item's audit log with its feedback's (e.g. sent back after reports), oldest first."""
    entries = list(log_entries_for(item))
    if feedback is not None:
        entries += list(log_entries_for(feedback))
    return sorted(entries, key=lambda entry: (entry.timestamp, entry.pk))


def report_summary(feedback) -> dict | None:
    """How often a shared item was reported, and for which reasons (most first)."""
    if feedback is None:
        return None
    reports = feedback.reports.all()
    counts = reports.values("reason").annotate(count=Count("pk")).order_by("-count")
    if not counts:
        return None
    reason_labels = dict(reports.model.Reason.choices)
    return {
        "total": sum(row["count"] for row in counts),
        "reasons": [
            {
                "label": reason_labels.get(row["reason"], row["reason"]),
                "count": row["count"],
            }
            for row in counts
        ],
        "latest": reports.order_by("-created_at")
        .values_list("created_at", flat=True)
        .first(),
    }


def passed_on_at(item: ModeratedText) -> datetime | None:
    """When a moderator passed this item to the safeguarding leads, if they did.

    Its own `created_at` stays when the child wrote it, so pages show both.
    """
    return (
        SafeguardingConcern.objects.filter(
            moderated_text=item, source=SafeguardingConcern.Source.MODERATOR
        )
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
