"""Reads for the shadow board: the evidence, the influence log, vote counts."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from privacy.small_groups import MIN_GROUP_SIZE
from voice.board.models import (
    Question,
    Vote,
)
from voice.feedback.models import Feedback
from voice.moderation.models import ModeratedText


def shared_feedback() -> QuerySet[Feedback]:
    """Feedback the board may read: approved, shared with consent, not withdrawn."""
    return Feedback.objects.filter(
        moderated_text__status=ModeratedText.Status.APPROVED,
        share_consent=True,
        share_consent_withdrawn_at__isnull=True,
    )


@dataclass(frozen=True)
class GroupCount:
    label: str
    count: int

    @property
    def shown(self) -> str:
        if self.count < MIN_GROUP_SIZE:
            return f"fewer than {MIN_GROUP_SIZE}"
        return str(self.count)

    @property
    def big_enough(self) -> bool:
        return self.count >= MIN_GROUP_SIZE


def quotable_feedback() -> QuerySet[Feedback]:
    """Shared feedback whose words may be shown: not blanked by the retention purge.

    Anonymised feedback still counts in the figures above, but has no words left.
    """
    return shared_feedback().filter(moderated_text__anonymised_at__isnull=True)


def evidence_by_topic() -> list[GroupCount]:
    rows = (
        shared_feedback()
        .values("topic__name", "topic__plain_words")
        .annotate(count=Count("pk"))
        .order_by("-count", "topic__name")
    )
    return [
        GroupCount(row["topic__plain_words"] or row["topic__name"], row["count"])
        for row in rows
    ]


def evidence_by_theme() -> list[GroupCount]:
    rows = (
        shared_feedback()
        .filter(moderated_text__themes__isnull=False)
        .values("moderated_text__themes__name")
        .annotate(count=Count("pk", distinct=True))
        .order_by("-count", "moderated_text__themes__name")
    )
    return [
        GroupCount(row["moderated_text__themes__name"], row["count"]) for row in rows
    ]


def evidence_quotes(limit: int = 30) -> list[Feedback]:
    """Recent shared words, only from topics with enough feedback to hide who said them."""
    big_topics = [
        row["topic"]
        for row in shared_feedback()
        .values("topic")
        .annotate(count=Count("pk"))
        .filter(count__gte=MIN_GROUP_SIZE)
    ]
    return list(
        quotable_feedback()
        .filter(topic__in=big_topics)
        .select_related("topic", "moderated_text")
        .order_by("-created_at")[:limit]
    )


def vote_counts(question_id: int) -> dict[str, int]:
    """Counts for each choice, always recomputed from the database."""
    rows = Vote.objects.filter(question_id=question_id).aggregate(
        **{
            choice.value: Count("pk", filter=Q(choice=choice.value))
            for choice in Vote.Choice
        }
    )
    return {choice.value: rows[choice.value] or 0 for choice in Vote.Choice}


def vote_counts_for(question_ids: list[int]) -> dict[int, dict[str, int]]:
    """Counts for several questions in one query."""
    counts = {
        question_id: {choice.value: 0 for choice in Vote.Choice}
        for question_id in question_ids
    }
    rows = (
        Vote.objects.filter(question_id__in=question_ids)
        .values("question_id", "choice")
        .annotate(count=Count("pk"))
    )
    for row in rows:
        counts[row["question_id"]][row["choice"]] = row["count"]
    return counts


def question_state(question_id: int) -> dict | None:
    """What a live meeting screen shows for one question."""
    question = Question.objects.filter(pk=question_id).first()
    if question is None:
        return None
    return {
        "question": question.pk,
        "status": question.status,
        "counts": question.result if not question.is_open else vote_counts(question.pk),
    }


def meeting_state(meeting_id: int) -> list[dict]:
    """What a live meeting screen shows for every question of the meeting, now."""
    questions = list(Question.objects.filter(meeting_id=meeting_id))
    open_counts = vote_counts_for([q.pk for q in questions if q.is_open])
    return [
        {
            "question": question.pk,
            "status": question.status,
            "counts": open_counts[question.pk] if question.is_open else question.result,
        }
        for question in questions
    ]
