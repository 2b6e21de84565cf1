"""Who gave their view in a cycle: the optional "about you" answers, for the review and board report.

An inspection asks whether some groups are heard less. Each question's
answers are counted over the cycle's days in one query. A group of fewer than
MIN_GROUP_SIZE people is never shown, on the page or in the exports, and
neither is any group that would let it be worked out from the total
(`privacy.small_groups.groups_to_hide`). A group nobody answered is shown as
0: it says who is not heard and picks no one out.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from privacy.small_groups import MIN_GROUP_SIZE, groups_to_hide
from voice.feedback.about_you import ANSWERS, NOT_ANSWERED, Question
from voice.feedback.models import AboutYouCount

NOT_SHOWN = f"Fewer than {MIN_GROUP_SIZE}: not shown"
DID_NOT_ANSWER = _("Did not answer")


@dataclass
class AnswerRow:
    label: str
    count: int
    hidden: bool
    total: int

    @property
    def share(self) -> int | None:
        """Whole per cent of everyone who was asked, or None when hidden."""
        if self.hidden or not self.total:
            return None
        return round(100 * self.count / self.total)


@dataclass
class QuestionTable:
    question: str
    total: int
    rows: list[AnswerRow]


def counts_in(cycle) -> dict[tuple[str, str], int]:
    """(question, answer) → people, over the cycle's days, every speaker together."""
    return {
        (row["question"], row["answer"]): row["people"]
        for row in AboutYouCount.objects.filter(
            day__gte=cycle.start, day__lte=cycle.end
        )
        .values("question", "answer")
        .annotate(people=Sum("count"))
    }


def question_tables(counts: dict[tuple[str, str], int]) -> list[QuestionTable]:
    tables = []
    for question in Question:
        answers = [*ANSWERS[question], (NOT_ANSWERED, DID_NOT_ANSWER)]
        by_answer = {value: counts.get((question, value), 0) for value, _ in answers}
        total = sum(by_answer.values())
        answered = {value: n for value, n in by_answer.items() if n}
        hidden = groups_to_hide(answered, total)
        tables.append(
            QuestionTable(
                question=str(question.label),
                total=total,
                rows=[
                    AnswerRow(str(label), by_answer[value], value in hidden, total)
                    for value, label in answers
                ],
            )
        )
    return tables
