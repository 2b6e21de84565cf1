"""Reads for surveys: who may answer what, and results counted by the database.

The results are built from a fixed number of grouped queries, whatever the
number of responses, so the page stays fast with many thousands of them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.small_groups import MIN_GROUP_SIZE, groups_to_hide
from voice.moderation.models import ModeratedText
from voice.surveys.audience import in_audience
from voice.surveys.blocks import AnswerKind
from voice.surveys.models import (
    AgeBand,
    Answer,
    SpeakerType,
    SurveyPage,
    SurveyResponse,
    SurveySummaryPage,
)

APPROVED_TEXTS_SHOWN = 10


def open_surveys_for(user, now=None) -> list[SurveyPage]:
    """Live surveys open now that this person is someone they are for."""
    now = now or timezone.now()
    surveys = (
        SurveyPage.objects.live()
        .public()
        .filter(opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at")
    )
    return [survey for survey in surveys if in_audience(user, survey)]


def published_summaries() -> list[SurveySummaryPage]:
    return list(
        SurveySummaryPage.objects.live().public().order_by("-first_published_at")
    )


def surveys_with_counts():
    """Every survey, newest first, with how many responses it has (one query)."""
    return SurveyPage.objects.annotate(response_count=Count("responses")).order_by(
        "-closes_at"
    )


def response_for(survey: SurveyPage, user) -> SurveyResponse | None:
    """A signed-in person's own response to a signed-in survey."""
    if survey.is_anonymous or not user.is_authenticated:
        return None
    return SurveyResponse.objects.filter(survey=survey, respondent=user).first()


@dataclass
class OptionResult:
    value: str
    label: str
    count: int
    percent: float
    previous_percent: float | None = None

    @property
    def change(self) -> float | None:
        if self.previous_percent is None:
            return None
        return round(self.percent - self.previous_percent, 1)


@dataclass
class GroupRow:
    label: str
    suppressed: bool
    # True when the group itself is big enough, but showing it would let
    # someone work out a smaller hidden group by subtraction.
    hidden_by_difference: bool = False
    answered: int = 0
    cells: list[OptionResult] = field(default_factory=list)
    mean: float | None = None


@dataclass
class Breakdown:
    title: str
    rows: list[GroupRow]


@dataclass
class QuestionResult:
    id: str
    number: int
    question: str
    kind_label: str
    answer_kind: str
    has_mean: bool
    several: bool
    answered: int
    total: int
    options: list[OptionResult] = field(default_factory=list)
    mean: float | None = None
    previous: QuestionResult | None = None
    breakdowns: list[Breakdown] = field(default_factory=list)
    approved_texts: list[str] = field(default_factory=list)
    text_statuses: dict[str, int] = field(default_factory=dict)

    @property
    def is_text(self) -> bool:
        return self.answer_kind == AnswerKind.TEXT

    @property
    def mean_change(self) -> float | None:
        if self.mean is None or self.previous is None or self.previous.mean is None:
            return None
        return round(self.mean - self.previous.mean, 2)

    @property
    def skipped(self) -> int:
        return self.total - self.answered


@dataclass
class SurveyResults:
    survey: SurveyPage
    total: int
    questions: list[QuestionResult]
    previous_survey: SurveyPage | None = None
    previous_total: int | None = None


def percent(count: int, of: int) -> float:
    return round(100 * count / of, 1) if of else 0.0


def _option_results(block, value, counts: dict[str, int], answered: int):
    """Every option the question offers, then any answered option it no longer offers."""
    offered = block.options(value)
    known = {key for key, _label in offered}
    extra = [(key, key) for key in counts if key not in known]
    return [
        OptionResult(
            value=key,
            label=label,
            count=counts.get(key, 0),
            percent=percent(counts.get(key, 0), answered),
        )
        for key, label in offered + extra
    ]


def _mean(counts: dict[str, int], answered: int) -> float | None:
    if not answered:
        return None
    return round(sum(int(k) * n for k, n in counts.items()) / answered, 2)


BREAKDOWNS = [
    ("speaker_type", _("By who answered"), SpeakerType),
    ("age_band", _("By age"), AgeBand),
]


@dataclass
class _Tally:
    """Answer counts for one survey, overall and by group, from one grouped query."""

    counts: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    answered: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    # (dimension, question id, group) → option → count, and → people answering
    group_counts: dict[tuple, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    group_answered: dict[tuple, int] = field(default_factory=lambda: defaultdict(int))


def _tally(survey: SurveyPage) -> _Tally:
    """One scan of the survey's answers, grouped to at most a few thousand rows.

    The grouping happens in the database (on a covering index); what comes
    back is one row per question, option, speaker type and age band, whatever
    the number of responses, and is summed up here.
    """
    tally = _Tally()
    rows = (
        Answer.objects.filter(survey=survey)
        .values("question_id", "number", "choice", "speaker_type", "age_band")
        .annotate(n=Count("id"), people=Count("id", filter=Q(counts_person=True)))
        .order_by()
    )
    for row in rows:
        qid = row["question_id"]
        key = str(row["number"]) if row["number"] is not None else row["choice"]
        tally.counts[qid][key] += row["n"]
        tally.answered[qid] += row["people"]
        for dimension, _title, _choices in BREAKDOWNS:
            group = row[dimension]
            if group:
                tally.group_counts[(dimension, qid, group)][key] += row["n"]
                tally.group_answered[(dimension, qid, group)] += row["people"]
    return tally


def _question_results(
    survey: SurveyPage, total: int, tally: _Tally | None = None
) -> list[QuestionResult]:
    tally = tally or _tally(survey)
    results = []
    for number, question in enumerate(survey.question_blocks(), start=1):
        block, value = question.block, question.value
        people = tally.answered.get(question.id, 0)
        result = QuestionResult(
            id=question.id,
            number=number,
            question=value["question"],
            kind_label=str(block.kind_label),
            answer_kind=block.answer_kind,
            has_mean=block.has_mean,
            several=question.block_type == "several_choices",
            answered=people,
            total=total,
        )
        if block.answer_kind != AnswerKind.TEXT:
            by_key = dict(tally.counts.get(question.id, {}))
            result.options = _option_results(block, value, by_key, people)
            if block.has_mean:
                result.mean = _mean(by_key, people)
        results.append(result)
    return results


def _add_previous_run(results: list[QuestionResult], previous: SurveyPage) -> int:
    """Match each question to the same question last time (same block, or same words)."""
    previous_total = SurveyResponse.objects.filter(survey=previous).count()
    earlier = _question_results(previous, previous_total)
    by_id = {r.id: r for r in earlier}
    by_words = {r.question.strip().lower(): r for r in earlier}
    for result in results:
        match = by_id.get(result.id) or by_words.get(result.question.strip().lower())
        if match is None or match.answer_kind != result.answer_kind:
            continue
        result.previous = match
        before = {option.value: option.percent for option in match.options}
        for option in result.options:
            if match.answered:
                option.previous_percent = before.get(option.value, 0.0)
    return previous_total


def _add_breakdowns(
    survey: SurveyPage, results: list[QuestionResult], tally: _Tally
) -> None:
    """Results split by speaker type and age band; groups under 5 are suppressed."""
    blocks = {q.id: q for q in survey.question_blocks()}
    group_sizes: dict[tuple[str, str], int] = defaultdict(int)
    for row in (
        SurveyResponse.objects.filter(survey=survey)
        .values("speaker_type", "age_band")
        .annotate(n=Count("id"))
        .order_by()
    ):
        for dimension, _title, _choices in BREAKDOWNS:
            if row[dimension]:
                group_sizes[(dimension, row[dimension])] += row["n"]
    for dimension, title, choices in BREAKDOWNS:
        present = [
            (value, label)
            for value, label in choices.choices
            if (dimension, value) in group_sizes
        ]
        if not present:
            continue
        for result in results:
            if result.is_text:
                continue
            question = blocks[result.id]
            rows = []
            for group_value, group_label in present:
                where = (dimension, result.id, group_value)
                people = tally.group_answered.get(where, 0)
                if (
                    group_sizes[(dimension, group_value)] < MIN_GROUP_SIZE
                    or people < MIN_GROUP_SIZE
                ):
                    rows.append(GroupRow(label=str(group_label), suppressed=True))
                    continue
                by_key = dict(tally.group_counts.get(where, {}))
                row = GroupRow(
                    label=str(group_label),
                    suppressed=False,
                    answered=people,
                    cells=_option_results(
                        question.block, question.value, by_key, people
                    ),
                )
                if question.block.has_mean:
                    row.mean = _mean(by_key, people)
                rows.append(row)
            _suppress_by_difference(rows, result.answered)
            result.breakdowns.append(Breakdown(title=str(title), rows=rows))


def _suppress_by_difference(rows: list[GroupRow], answered: int) -> None:
    """Hide more groups while the hidden people could be worked out by subtraction.

    The whole-survey counts minus the groups shown give the counts of everyone
    not shown (small groups, and people who did not say): the rule is
    privacy.small_groups.groups_to_hide.
    """
    counts = {index: row.answered for index, row in enumerate(rows)}
    for index in groups_to_hide(counts, answered):
        row = rows[index]
        if row.suppressed:
            continue
        row.suppressed = True
        row.hidden_by_difference = True
        row.cells = []
        row.mean = None
        row.answered = 0


def _add_text_answers(survey: SurveyPage, results: list[QuestionResult]) -> None:
    """How many written answers wait, were approved or held back, and the newest approved ones."""
    text_results = {r.id: r for r in results if r.is_text}
    if not text_results:
        return
    for row in (
        Answer.objects.filter(survey=survey, moderated_text__isnull=False)
        .values("question_id", "moderated_text__status")
        .annotate(n=Count("id"))
        .order_by()
    ):
        if row["question_id"] in text_results:
            text_results[row["question_id"]].text_statuses[
                row["moderated_text__status"]
            ] = row["n"]
    for question_id, result in text_results.items():
        result.approved_texts = newest_approved_texts(survey, question_id)


def newest_approved_texts(survey: SurveyPage, question_id: str) -> list[str]:
    """The newest approved written answers to one question, in their shared form.

    Newest by the written answer's id, which the database hands out in the
    order answers arrive: read backwards along the answers' text index, this
    stops after the first few approved ones instead of sorting them all (one
    query per written question, whatever the number of responses).
    """
    newest = (
        Answer.objects.filter(
            survey=survey,
            question_id=question_id,
            moderated_text__isnull=False,
            moderated_text__status=ModeratedText.Status.APPROVED,
        )
        .select_related("moderated_text")
        .order_by("-moderated_text_id")[:APPROVED_TEXTS_SHOWN]
    )
    return [answer.moderated_text.public_text for answer in newest]


def survey_results(survey: SurveyPage) -> SurveyResults:
    """Everything the staff results page shows, in a fixed number of queries."""
    total = SurveyResponse.objects.filter(survey=survey).count()
    tally = _tally(survey)
    questions = _question_results(survey, total, tally)
    results = SurveyResults(survey=survey, total=total, questions=questions)
    if survey.previous_run_id:
        previous = survey.previous_run
        if previous is not None:
            results.previous_survey = previous
            results.previous_total = _add_previous_run(questions, previous)
    if survey.ask_about_you:
        _add_breakdowns(survey, questions, tally)
    _add_text_answers(survey, questions)
    return results


def public_results(survey: SurveyPage) -> SurveyResults:
    """Counts for young people: set-answer questions only, and only where 5 or more answered."""
    total = SurveyResponse.objects.filter(survey=survey).count()
    questions = [
        result
        for result in _question_results(survey, total)
        if not result.is_text and result.answered >= MIN_GROUP_SIZE
    ]
    return SurveyResults(survey=survey, total=total, questions=questions)


TEXT_STATUS_IN_EXPORT = {
    ModeratedText.Status.WAITING: _("[waiting for a moderator]"),
    ModeratedText.Status.NOT_SHARED: _("[not shared]"),
    ModeratedText.Status.SAFEGUARDING: _("[passed to safeguarding]"),
}


def export_header(survey: SurveyPage) -> list[str]:
    header = [str(_("Response")), str(_("Sent")), str(_("Last changed"))]
    if survey.ask_about_you:
        header += [str(_("Who answered")), str(_("Age"))]
    return header + [q.value["question"] for q in survey.question_blocks()]


Group = tuple[str, str]  # (speaker type, age band) as stored; "" for not said
HIDDEN = "*"  # stands for a value the export does not show


def export_group_labels(group_sizes: dict[Group, int]) -> dict[Group, Group]:
    """What the export may say of each (who answered, age) group: the results page's rule.

    A row shows who answered and their age only where at least MIN_GROUP_SIZE
    responses share both; otherwise the age is hidden, then who answered. If
    the rows showing neither could be told apart, more groups are hidden by
    the one rule, privacy.small_groups.groups_to_hide.
    """
    shown = {group: group for group in group_sizes}

    def sizes() -> dict[Group, int]:
        counted: dict[Group, int] = defaultdict(int)
        for group, n in group_sizes.items():
            counted[shown[group]] += n
        return counted

    for hide in (lambda g: (g[0], HIDDEN), lambda g: (HIDDEN, HIDDEN)):
        counted = sizes()
        for group, label in shown.items():
            if counted[label] < MIN_GROUP_SIZE:
                shown[group] = hide(label)
    counted = sizes()
    still_shown = {
        label: counted[label] for label in sorted(counted) if label != (HIDDEN, HIDDEN)
    }
    too_few = groups_to_hide(still_shown, sum(group_sizes.values()))
    for group, label in shown.items():
        if label in too_few:
            shown[group] = (HIDDEN, HIDDEN)
    return shown


def export_hidden_answers(
    survey: SurveyPage, groups: dict[Group, Group]
) -> dict[str, set[Group]]:
    """{question id: group labels whose answers to it the export does not show}.

    The results page hides a group's answers to a question when fewer than
    MIN_GROUP_SIZE of the group answered it; the export hides the same
    answers. If the whole-question counts would give the hidden answers away,
    more groups are hidden by privacy.small_groups.groups_to_hide.
    """
    answering: dict[str, dict[Group, int]] = defaultdict(lambda: defaultdict(int))
    for row in (
        Answer.objects.filter(survey=survey, counts_person=True)
        .values("question_id", "speaker_type", "age_band")
        .annotate(n=Count("id"))
        .order_by()
    ):
        label = groups.get((row["speaker_type"] or "", row["age_band"] or ""))
        if label is not None and label != (HIDDEN, HIDDEN):
            answering[row["question_id"]][label] += row["n"]
    hidden: dict[str, set[Group]] = {}
    for question_id, counts in answering.items():
        in_order = {label: counts[label] for label in sorted(counts)}
        hidden[question_id] = groups_to_hide(in_order, sum(counts.values()))
    return hidden


def export_rows(survey: SurveyPage):
    """One row per response, read in chunks from two ordered queries.

    No names or accounts are exported. Written answers appear only once a
    moderator has approved them (in their shared form); otherwise their status.
    """
    questions = survey.question_blocks()
    labels = {
        q.id: dict(q.block.options(q.value))
        for q in questions
        if q.block_type == "yes_no"
    }
    speaker_labels = dict(SpeakerType.choices)
    age_labels = dict(AgeBand.choices)
    groups = export_group_labels(
        {
            (row["speaker_type"] or "", row["age_band"] or ""): row["n"]
            for row in SurveyResponse.objects.filter(survey=survey)
            .values("speaker_type", "age_band")
            .annotate(n=Count("id"))
            .order_by()
        }
    )
    hidden_answers = (
        export_hidden_answers(survey, groups) if survey.ask_about_you else {}
    )
    not_shown = str(_("[fewer than %(n)s: not shown]") % {"n": MIN_GROUP_SIZE})
    responses = (
        SurveyResponse.objects.filter(survey=survey)
        .order_by("id")
        .values_list("id", "submitted_at", "updated_at", "speaker_type", "age_band")
        .iterator(chunk_size=2000)
    )
    answers = (
        Answer.objects.filter(survey=survey)
        .order_by("response_id", "id")
        .values_list(
            "response_id",
            "question_id",
            "number",
            "choice",
            "moderated_text__status",
            "moderated_text__redacted_text",
            "moderated_text__text",
        )
        .iterator(chunk_size=2000)
    )
    pending = next(answers, None)
    for response_id, sent, changed, speaker, age in responses:
        cells: dict[str, list[str]] = defaultdict(list)
        while pending is not None and pending[0] <= response_id:
            if pending[0] == response_id:
                _rid, qid, number, choice, status, redacted, text = pending
                if status:
                    if status == ModeratedText.Status.APPROVED:
                        cells[qid].append(redacted or text)
                    else:
                        cells[qid].append(str(TEXT_STATUS_IN_EXPORT.get(status, "")))
                elif number is not None:
                    cells[qid].append(labels.get(qid, {}).get(str(number), number))
                else:
                    cells[qid].append(choice)
            pending = next(answers, None)
        row = [response_id, sent, changed]
        label = groups.get((speaker or "", age or ""))
        if survey.ask_about_you:
            shown_speaker, shown_age = label
            row += [
                _export_label(shown_speaker, speaker_labels),
                _export_label(shown_age, age_labels),
            ]
        for question in questions:
            values = cells.get(question.id, [])
            if values and label in hidden_answers.get(question.id, ()):
                row.append(not_shown)
            elif len(values) == 1:
                row.append(values[0])
            else:
                row.append("; ".join(str(v) for v in values))
        yield row


def _export_label(value: str, labels: dict) -> str:
    if value == HIDDEN:
        return str(_("[fewer than %(n)s: not shown]") % {"n": MIN_GROUP_SIZE})
    return str(labels.get(value, ""))


def submission_token_used(token: str) -> bool:
    """Whether a survey form with this token was already sent (a token is used once)."""
    return (
        bool(token) and SurveyResponse.objects.filter(submission_token=token).exists()
    )
