"""Reads for the safeguarding leads' pages."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import timezone

from pages.working_days import working_days_before
from voice.safeguarding.models import SafeguardingConcern

UNACKNOWLEDGED_AFTER_WORKING_DAYS = 1


def unacknowledged_cutoff(now: datetime | None = None) -> datetime:
    return working_days_before(
        timezone.localtime(now or timezone.now()), UNACKNOWLEDGED_AFTER_WORKING_DAYS
    )


def open_concerns() -> QuerySet[SafeguardingConcern]:
    return SafeguardingConcern.objects.filter(closed_at__isnull=True)


def open_concern_count() -> int:
    return open_concerns().count()


def concern_list() -> QuerySet[SafeguardingConcern]:
    """Every concern: open ones first, newest first within each."""
    return SafeguardingConcern.objects.select_related(
        "acknowledged_by", "closed_by", "moderated_text"
    ).order_by(
        Case(
            When(closed_at__isnull=True, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        ),
        "-created_at",
        "-pk",
    )


def feedback_about(concern: SafeguardingConcern):
    """The feedback a concern's words belong to, or None (survey answers, board text, the button)."""
    if concern.moderated_text_id is None:
        return None
    try:
        return concern.moderated_text.feedback
    except ObjectDoesNotExist:
        return None
