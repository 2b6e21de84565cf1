"""What feedback holds about a person: each piece they gave, and what they agreed to share.

See privacy/registry.py for the contract this module follows. The words live
in moderation's `ModeratedText`, whose own module erases them; here the link
to the person goes, while topic, feeling and date stay for reports.
"""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.registry import register, register_sharing
from privacy.retention import months_before
from voice.feedback import rollups, services
from voice.feedback.models import Feedback
from voice.feedback.selectors import consent_records
from voice.feedback.services import withdraw_share_consent

LABEL = _("Feedback")


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def export_for(user) -> list[dict]:
    items = (
        Feedback.objects.filter(author=user)
        .select_related("topic", "moderated_text")
        .order_by("created_at")
    )
    return [
        {
            "Receipt code": item.receipt_code,
            "Given on": _when(item.created_at),
            "Who was speaking": item.get_speaker_display(),
            "Topic": str(item.topic),
            "How you felt": item.get_feeling_display(),
            "What you said": item.moderated_text.text,
            "You agreed to share it (without your name)": item.share_consent,
            "You stopped sharing it on": _when(item.share_consent_withdrawn_at),
            "You wanted a reply": item.wants_reply,
            "Reply": item.moderated_text.reply,
        }
        for item in items
    ]


def erase_for(user, *, keep_anonymised: bool) -> list[str]:
    given = Feedback.objects.filter(author=user)
    if not keep_anonymised:
        # Erased words can no longer be shown, so sharing stops with them.
        given.filter(share_consent=True, share_consent_withdrawn_at=None).update(
            share_consent_withdrawn_at=timezone.now()
        )
    days = rollups.days_of(given)
    given.update(author=None, submission_token=None)
    rollups.refresh_days(days)
    return []


def purge_expired(policy, now) -> dict[str, int]:
    cutoff = months_before(now, policy.free_text_months)
    unlinked = Feedback.objects.filter(
        moderated_text__decided_at__lt=cutoff,
        moderated_text__anonymised_at__isnull=False,
    ).exclude(author=None, supported_by=None, submission_token=None)
    days = rollups.days_of(unlinked)
    count = unlinked.update(author=None, supported_by=None, submission_token=None)
    rollups.refresh_days(days)
    return {
        "feedback no longer linked to a person": count,
        "spent 'about you' form hashes deleted": services.forget_spent_about_you_forms(
            today=timezone.localdate(now)
        ),
    }


def stop_sharing(user, feedback_id: int) -> None:
    """Stop sharing one piece of the person's own feedback (404 if not theirs)."""
    feedback = get_object_or_404(Feedback, pk=feedback_id, author=user)
    withdraw_share_consent(feedback=feedback)


register(__name__)
register_sharing(consent_records, stop_sharing)
