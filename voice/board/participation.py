"""What a member did on the shadow board, for their record of taking part.

The board does not take a register, so a meeting counts when the member
voted in it. A recommendation counts when the member started it, sent it, or
wrote a comment on it that was approved. Drafts count too: writing one is
taking part, even before it is sent.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from programmes.participation import ParticipationEntry
from voice.board.models import MeetingPage, Recommendation
from voice.moderation.models import ModeratedText


def board_participation(user) -> list[ParticipationEntry]:
    if not getattr(user, "is_authenticated", False):
        return []
    entries = [
        ParticipationEntry(
            date=meeting.date,
            kind=_("Board meeting"),
            title=meeting.title,
            detail=_("Took part in the shadow board meeting and voted."),
        )
        for meeting in MeetingPage.objects.filter(questions__votes__member=user)
        .distinct()
        .order_by("-date")
    ]
    recommendations = (
        Recommendation.objects.filter(
            Q(created_by=user)
            | Q(submitted_by=user)
            | Q(
                comments__author=user,
                comments__moderated_text__status=ModeratedText.Status.APPROVED,
            )
        )
        .distinct()
        .order_by("-created_at")
    )
    for recommendation in recommendations:
        if recommendation.created_by_id == user.pk:
            role = _("Helped write the shadow board's recommendation.")
        else:
            role = _("Added ideas to the shadow board's recommendation.")
        entries.append(
            ParticipationEntry(
                date=timezone.localdate(
                    recommendation.submitted_at or recommendation.created_at
                ),
                kind=_("Board recommendation"),
                title=recommendation.title,
                detail=role,
            )
        )
    return entries
