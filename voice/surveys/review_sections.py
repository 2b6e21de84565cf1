"""Survey results for a review cycle's dashboard and board report.

See voice/review/sections.py for the contract. The surveys that closed in
the cycle's period are summed up from three grouped queries, however many
surveys and responses there are. A question fewer than MIN_GROUP_SIZE people
answered shows no figures, so no child can be singled out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from privacy.small_groups import MIN_GROUP_SIZE
from voice.surveys.blocks import AnswerKind
from voice.surveys.models import Answer, SurveyPage, SurveyResponse
from voice.surveys.selectors import percent


@dataclass
class QuestionHeadline:
    question: str
    answered: int
    headline: str


@dataclass
class SurveyHeadlines:
    survey: SurveyPage
    responses: int
    questions: list[QuestionHeadline] = field(default_factory=list)


def _headline(question, counts: dict[str, int], answered: int) -> str:
    block, value = question.block, question.value
    if answered < MIN_GROUP_SIZE:
        return _("Fewer than %(n)s people answered, so no figures are shown.") % {
            "n": MIN_GROUP_SIZE
        }
    if block.answer_kind == AnswerKind.TEXT:
        return _("%(n)s written answers (read them on the survey's results page)") % {
            "n": answered
        }
    if block.has_mean:
        mean = round(sum(int(k) * n for k, n in counts.items()) / answered, 1)
        highest = 10 if question.block_type == "rating" else 5
        return _("Average %(mean)s out of %(top)s") % {"mean": mean, "top": highest}
    labels = dict(block.options(value))
    best = max(counts.values())
    winners = [labels.get(key, key) for key, n in counts.items() if n == best]
    return _("Most chosen: %(answer)s (%(percent)s%% of those who answered)") % {
        "answer": _(" and ").join(sorted(winners)),
        "percent": percent(best, answered),
    }


def survey_headlines(
    start, until, now=None, *, include_text: bool = True, newest: int | None = None
) -> list[SurveyHeadlines]:
    """Surveys that closed in [start, until) and before now, with headline figures.

    `include_text=False` leaves out written-answer questions (for pages beyond
    staff); `newest` keeps only that many of the most recently closed.
    """
    now = now or timezone.now()
    found_surveys = SurveyPage.objects.live().filter(
        closes_at__gte=start, closes_at__lt=until, closes_at__lte=now
    )
    if newest is not None:
        found_surveys = found_surveys.order_by("-closes_at", "-pk")[:newest]
    else:
        found_surveys = found_surveys.order_by("closes_at", "pk")
    surveys = list(found_surveys)
    if not surveys:
        return []
    ids = [survey.pk for survey in surveys]
    totals = dict(
        SurveyResponse.objects.filter(survey_id__in=ids)
        .values("survey_id")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("survey_id", "n")
    )
    counts: dict[tuple, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    answered: dict[tuple, int] = defaultdict(int)
    rows = (
        Answer.objects.filter(survey_id__in=ids)
        .values("survey_id", "question_id", "number", "choice")
        .annotate(n=Count("id"), people=Count("id", filter=Q(counts_person=True)))
        .order_by()
    )
    for row in rows:
        key = (row["survey_id"], row["question_id"])
        value = str(row["number"]) if row["number"] is not None else row["choice"]
        counts[key][value] += row["n"]
        answered[key] += row["people"]
    found = []
    for survey in surveys:
        item = SurveyHeadlines(survey=survey, responses=totals.get(survey.pk, 0))
        for question in survey.question_blocks():
            if not include_text and question.block.answer_kind == AnswerKind.TEXT:
                continue
            key = (survey.pk, question.id)
            item.questions.append(
                QuestionHeadline(
                    question=question.value["question"],
                    answered=answered.get(key, 0),
                    headline=str(
                        _headline(question, dict(counts.get(key, {})), answered[key])
                    ),
                )
            )
        found.append(item)
    return found
