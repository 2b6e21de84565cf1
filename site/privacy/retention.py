"""Retention periods turned into cut-off times, and the daily purge."""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from privacy.models import RetentionSettings
from privacy.registry import purge_everywhere


def months_before(moment: datetime, months: int) -> datetime:
    """The same time of day `months` calendar months earlier (31 March less 1 → 28/29 Feb)."""
    month_index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def years_before(moment: datetime, years: int) -> datetime:
    return months_before(moment, years * 12)


def days_before(moment: datetime, days: int) -> datetime:
    return moment - timedelta(days=days)


def current_policy() -> RetentionSettings:
    return RetentionSettings.load()


BACKGROUND_JOBS = _("Background jobs")


def purge_finished_tasks(policy, now: datetime) -> dict[str, int]:
    """Finished jobs in the task queue (their arguments hold addresses and words).

    Jobs still waiting or running stay, whatever their age.
    """
    cutoff = days_before(now, policy.finished_task_days)
    deleted, _counts = (
        DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    )
    return {"finished background jobs deleted": deleted}


@transaction.atomic
def purge_expired_data(*, now: datetime | None = None) -> dict[str, dict[str, int]]:
    """Remove or anonymise everything past its period, in every app, at once."""
    now = now or timezone.now()
    policy = current_policy()
    done = purge_everywhere(policy, now)
    done[str(BACKGROUND_JOBS)] = purge_finished_tasks(policy, now)
    return done
