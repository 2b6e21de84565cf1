"""What the shadow board holds about a person: profile, applications, comments and votes.

See privacy/registry.py for the contract this module follows. The words of
an application or a comment are moderated texts, so their text is exported
and erased (or kept without a name) by moderation's module as well; this
module handles the board's own records around them.

Recommendations are written by the board together and belong to it: they stay,
without the person's name. Votes on questions still open are removed and the
live count updates; closed questions keep the counts saved when voting closed,
so meeting results do not change.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from privacy.registry import register
from voice.board import services
from voice.board.models import (
    BoardApplication,
    MemberProfile,
    Question,
    Recommendation,
    RecommendationComment,
    Vote,
)

LABEL = gettext_lazy("Shadow board")


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def export_for(user) -> list[dict]:
    rows: list[dict] = []
    profile = MemberProfile.objects.filter(user=user).first()
    if profile is not None:
        rows.append(
            {
                "Your board name": profile.chosen_name,
                "Your picture": profile.get_avatar_display(),
                "Shown on the board's page": profile.is_public,
                "You agreed on": _when(profile.agreed_at),
                "You took it down on": _when(profile.withdrawn_at),
            }
        )
    for application in (
        BoardApplication.objects.filter(applicant=user)
        .select_related("why")
        .order_by("created_at")
    ):
        rows.append(
            {
                "Asked to join the board on": _when(application.created_at),
                "Name you gave": application.chosen_name,
                "Why you want to join": application.why.text,
                "Decision": application.get_status_display(),
                "Reason": application.decline_reason or None,
                "Decided on": _when(application.decided_at),
            }
        )
    for recommendation in (
        Recommendation.objects.filter(Q(created_by=user) | Q(submitted_by=user))
        .distinct()
        .order_by("created_at")
    ):
        rows.append(
            {
                "Recommendation you worked on": recommendation.title,
                "You started it": recommendation.created_by_id == user.pk,
                "You sent it to managers": recommendation.submitted_by_id == user.pk,
                "Where it is": recommendation.get_status_display(),
            }
        )
    for comment in (
        RecommendationComment.objects.filter(author=user)
        .select_related("recommendation", "moderated_text")
        .order_by("created_at")
    ):
        rows.append(
            {
                "Comment on": comment.recommendation.title,
                "Written on": _when(comment.created_at),
                "What you wrote": comment.moderated_text.text,
                "Where it is up to": comment.moderated_text.get_status_display(),
            }
        )
    for vote in (
        Vote.objects.filter(member=user)
        .select_related("question__meeting")
        .order_by("question__opened_at")
    ):
        rows.append(
            {
                "Vote in meeting": vote.question.meeting.title,
                "Question": vote.question.text,
                "Your vote": vote.get_choice_display(),
                "Voted on": _when(vote.updated_at),
            }
        )
    return rows


def erase_for(user, *, keep_anonymised: bool) -> list[str]:
    MemberProfile.objects.filter(user=user).delete()
    # The words of the application are a moderated text: moderation's module
    # erases them or keeps them without a name, as chosen.
    BoardApplication.objects.filter(applicant=user).delete()

    comments = RecommendationComment.objects.filter(author=user)
    if keep_anonymised:
        comments.update(author=None)
    else:
        comments.delete()

    open_votes = Vote.objects.filter(member=user, question__status=Question.Status.OPEN)
    for meeting_id, question_id in set(
        open_votes.values_list("question__meeting_id", "question_id")
    ):
        services.announce_to_meeting(
            meeting_id=meeting_id,
            event={"type": "question.counts", "question": question_id},
        )
    open_votes.delete()
    # Closed questions keep the counts saved when voting closed.
    Vote.objects.filter(member=user).delete()

    worked_on = Recommendation.objects.filter(Q(created_by=user) | Q(submitted_by=user))
    kept = worked_on.count()
    Recommendation.objects.filter(created_by=user).update(created_by=None)
    Recommendation.objects.filter(submitted_by=user).update(submitted_by=None)
    if not kept:
        return []
    return [
        _(
            "%(count)s shadow board recommendation(s) you helped write are kept, "
            "because they belong to the whole board and show what it changed. "
            "Your name is no longer on them."
        )
        % {"count": kept}
    ]


register(__name__)
