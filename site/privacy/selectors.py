"""Reads for the privacy pages: what a person agreed to share, finding people, the log."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from privacy.models import AccessLog
from voice.feedback.models import Feedback
from voice.moderation.models import ModeratedText


@dataclass(frozen=True)
class ConsentRecord:
    feedback: Feedback
    where_it_is: str
    can_stop: bool


def consent_records(user) -> list[ConsentRecord]:
    """Each piece of feedback the person agreed to share, and where it is now."""
    given = (
        Feedback.objects.filter(author=user, share_consent=True)
        .select_related("topic", "moderated_text")
        .order_by("-created_at")
    )
    return [
        ConsentRecord(
            feedback=item,
            where_it_is=_sharing_state(item),
            can_stop=item.share_consent_withdrawn_at is None,
        )
        for item in given
    ]


def _sharing_state(item: Feedback) -> str:
    if item.share_consent_withdrawn_at is not None:
        return _("You stopped sharing this. It is not on our website.")
    if item.is_shared:
        return _("Shared on our website, without your name.")
    if item.moderated_text.status == ModeratedText.Status.WAITING:
        return _("Waiting to be read. It is not shared yet.")
    return _("Not shared.")


def find_people(query: str, *, limit: int = 20) -> QuerySet:
    """People whose username matches, the exact match first."""
    query = query.strip()
    if not query:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(username__icontains=query)
        .order_by("username")
        .only("username", "date_joined", "last_login")[:limit]
    )


def access_log_entries(*, username: str = "") -> QuerySet:
    entries = AccessLog.objects.select_related("subject").order_by("-created_at")
    if username:
        entries = entries.filter(
            Q(who_username=username) | Q(subject__username=username)
        )
    return entries
