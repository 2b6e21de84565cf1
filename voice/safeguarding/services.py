"""Writes for safeguarding concerns: each one a single transaction.

Each step is written to Wagtail's audit log in the same transaction (facts
only, never anyone's words); live alerts and notifications go out once the
transaction has committed.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.notifications import notify
from accounts.roles import people_with_permission
from voice.safeguarding import live, log_actions
from voice.safeguarding.models import SafeguardingConcern

# Concerns from one sender within this time of the first are told to the leads once.
NOTICE_GROUP_SECONDS = 10 * 60

# What happens to a text when its concern is closed as "no concern" belongs to
# the app that holds the text (moderation puts it back in its queue). That app
# registers its step here, so safeguarding never imports it.
_no_concern_steps: list[Callable] = []


class ConcernStepError(Exception):
    """A safeguarding step out of order (e.g. closing before acknowledging)."""


def when_no_concern(step: Callable) -> Callable:
    """Register `step(text, lead)`, run in the closing transaction for the concern's text."""
    _no_concern_steps.append(step)
    return step


@transaction.atomic
def raise_concern(
    *,
    source: str,
    moderated_text=None,
    raised_by=None,
    details: str = "",
    sender_key: str = "",
    reasons: list[dict] | None = None,
) -> SafeguardingConcern:
    """Record a possible risk of harm and tell every safeguarding lead at once.

    Each lead gets a live alert on their open safeguarding page, a message in
    their account and an email. None of these carry the child's words: the
    lead reads them on the concern's page.

    `sender_key` says where the words came from, as far as the sender cannot
    reset it (an account, or a hashed network address). Concerns from one
    sender within `NOTICE_GROUP_SECONDS` of the first are all kept and all
    shown live, but the message and email go out once, so a flood from one
    place cannot bury the leads' inboxes.
    """
    concern = SafeguardingConcern(
        source=source,
        moderated_text=moderated_text,
        raised_by=raised_by
        if raised_by is not None and raised_by.is_authenticated
        else None,
        details=details,
        reasons=list(reasons or []),
    )
    concern.full_clean()
    concern.save()
    log(
        concern,
        log_actions.CONCERN_RAISED,
        user=concern.raised_by
        if concern.raised_by is not None and source == concern.Source.MODERATOR
        else None,
        data={"source": source},
    )
    if sender_key and not _first_notice_from(sender_key):
        live.safeguarding_event("concern.raised", concern.pk)
        return concern
    link = reverse("safeguarding:detail", kwargs={"pk": concern.pk})
    message = _(
        "A new safeguarding concern (%(source)s) needs a safeguarding lead now."
    ) % {"source": concern.get_source_display()}
    for lead in people_with_permission("handle_safeguarding", "safeguarding"):
        notify(
            user=lead,
            message=message,
            link=link,
            subject=_("Urgent: new safeguarding concern"),
        )
    live.safeguarding_event("concern.raised", concern.pk)
    return concern


def _first_notice_from(sender_key: str) -> bool:
    """True unless the leads were told of a concern from this sender just now."""
    key = f"concern-notice:{sender_key}"
    if cache.get(key) is not None:
        return False
    cache.set(key, 1, NOTICE_GROUP_SECONDS)
    return True


def _lock_concern(concern: SafeguardingConcern) -> SafeguardingConcern:
    return SafeguardingConcern.objects.select_for_update().get(pk=concern.pk)


@transaction.atomic
def acknowledge_concern(*, concern: SafeguardingConcern, lead) -> SafeguardingConcern:
    """Say a lead has seen the concern; the time it took is kept and shown."""
    concern = _lock_concern(concern)
    if concern.acknowledged_at is not None:
        raise ConcernStepError(_("This concern has already been acknowledged."))
    concern.acknowledged_by = lead
    concern.acknowledged_at = timezone.now()
    concern.save(update_fields=["acknowledged_by", "acknowledged_at"])
    seconds = int((concern.acknowledged_at - concern.created_at).total_seconds())
    log(
        concern,
        log_actions.ACKNOWLEDGED,
        user=lead,
        data={"seconds_to_acknowledge": seconds},
    )
    live.safeguarding_event("concern.acknowledged", concern.pk)
    return concern


@transaction.atomic
def record_action(
    *, concern: SafeguardingConcern, lead, action: str
) -> SafeguardingConcern:
    """Add what was done to the concern's record; earlier notes are kept, never replaced."""
    concern = _lock_concern(concern)
    action = action.strip()
    if not action:
        raise ConcernStepError(_("Write what was done."))
    if concern.acknowledged_at is None:
        raise ConcernStepError(_("Acknowledge the concern first."))
    if concern.closed_at is not None:
        raise ConcernStepError(_("This concern is closed."))
    stamp = timezone.localtime().strftime("%d %b %Y %H:%M")
    entry = f"[{stamp}, {lead}] {action}"
    concern.action_taken = (
        f"{concern.action_taken}\n\n{entry}" if concern.action_taken else entry
    )
    concern.save(update_fields=["action_taken"])
    # Only the length: the log outlives the record, whose notes the purge removes.
    log(concern, log_actions.ACTION_RECORDED, user=lead, data={"length": len(action)})
    live.safeguarding_event("concern.updated", concern.pk)
    return concern


@transaction.atomic
def close_concern(*, concern: SafeguardingConcern, lead) -> SafeguardingConcern:
    """Close a concern once what was done is recorded. Nothing is deleted."""
    concern = _lock_concern(concern)
    if concern.closed_at is not None:
        raise ConcernStepError(_("This concern is already closed."))
    if concern.acknowledged_at is None:
        raise ConcernStepError(_("Acknowledge the concern first."))
    if not concern.action_taken.strip():
        raise ConcernStepError(_("Record what was done before closing."))
    concern.closed_by = lead
    concern.closed_at = timezone.now()
    concern.save(update_fields=["closed_by", "closed_at"])
    log(concern, log_actions.CLOSED, user=lead)
    live.safeguarding_event("concern.closed", concern.pk)
    return concern


@transaction.atomic
def close_as_no_concern(
    *, concern: SafeguardingConcern, lead, reason: str
) -> SafeguardingConcern:
    """Close a concern raised wrongly; its text goes back to the ordinary queue.

    The reason is kept on the concern (the retention purge removes it with the
    record's other notes), never in the audit log, which outlives the record.
    """
    concern = _lock_concern(concern)
    reason = reason.strip()
    if concern.closed_at is not None:
        raise ConcernStepError(_("This concern is already closed."))
    if concern.acknowledged_at is None:
        raise ConcernStepError(_("Acknowledge the concern first."))
    if not reason:
        raise ConcernStepError(_("Say briefly why there is no concern."))
    concern.closed_by = lead
    concern.closed_at = timezone.now()
    concern.no_concern_reason = reason
    concern.full_clean()
    concern.save(update_fields=["closed_by", "closed_at", "no_concern_reason"])
    log(concern, log_actions.CLOSED_NO_CONCERN, user=lead)
    if concern.moderated_text_id is not None:
        for step in _no_concern_steps:
            step(concern.moderated_text, lead)
    live.safeguarding_event("concern.closed", concern.pk)
    return concern
