"""The sections of the review dashboard and the board report, one per app it reads.

The review sits above the apps whose figures it shows: feedback ("who gave
their view"), surveys (results) and the shadow board (recommendations and the
service's answers). Each app works out its own figures in its
`review_sections.py`; this module turns them into sections, so those apps never
import the review. Each section is worked out with a fixed number of queries,
whatever the data size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from privacy.small_groups import MIN_GROUP_SIZE
from voice.board.models import Recommendation
from voice.board.review_sections import figures
from voice.feedback.review_sections import NOT_SHOWN, counts_in, question_tables
from voice.review.models import Action
from voice.surveys.review_sections import survey_headlines


@dataclass
class ReviewSection:
    title: str
    template_name: str
    context: dict = field(default_factory=dict)
    # (measure, value) rows for the board report's CSV and XLSX exports.
    report_rows: list[tuple[str, object]] = field(default_factory=list)


def feedback_sections(cycle) -> list[ReviewSection]:
    tables = question_tables(counts_in(cycle))
    return [
        ReviewSection(
            title=str(_("Who gave their view")),
            template_name="feedback/includes/about_you_section.html",
            context={"tables": tables, "min_group_size": MIN_GROUP_SIZE},
            report_rows=[
                (
                    f"{table.question}: {row.label}",
                    NOT_SHOWN if row.hidden else row.count,
                )
                for table in tables
                for row in table.rows
            ],
        )
    ]


def survey_sections(cycle) -> list[ReviewSection]:
    start, until = cycle.period
    surveys = survey_headlines(start, until)
    report_rows: list[tuple[str, object]] = [("Surveys closed", len(surveys))]
    for item in surveys:
        report_rows.append((f"{item.survey.title}: responses", item.responses))
        report_rows += [
            (f"{item.survey.title}: {question.question}", question.headline)
            for question in item.questions
        ]
    return [
        ReviewSection(
            title=str(_("Survey results")),
            template_name="surveys/review_section.html",
            context={"surveys": surveys, "min_group_size": MIN_GROUP_SIZE},
            report_rows=report_rows,
        )
    ]


def recommendations_in(cycle) -> list[Recommendation]:
    start, until = cycle.period
    return list(
        Recommendation.objects.submitted()
        .filter(submitted_at__gte=start, submitted_at__lt=until)
        .select_related("response")
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=Action.objects.order_by("-status_changed_at", "-pk"),
                to_attr="followed_actions",
            )
        )
        .order_by("submitted_at", "pk")
    )


def board_sections(cycle) -> list[ReviewSection]:
    recommendations = recommendations_in(cycle)
    numbers = figures(recommendations)
    return [
        ReviewSection(
            title=str(_("Shadow board recommendations")),
            template_name="board/includes/review_section.html",
            context={"recommendations": recommendations, "figures": numbers},
            report_rows=[
                ("Recommendations sent", numbers["submitted"]),
                ("Recommendations answered", numbers["responded"]),
                ("Recommendations accepted", numbers["accepted"]),
                ("Recommendations accepted in part", numbers["accepted_in_part"]),
                ("Recommendations not accepted", numbers["not_accepted"]),
                ("Recommendations waiting for an answer", numbers["waiting"]),
                ("Median days to answer", numbers["median_days"]),
                ("Actions that followed", numbers["actions"]),
            ],
        )
    ]


def sections_for(cycle) -> list[ReviewSection]:
    """Every section, in the order the apps are installed."""
    return [*feedback_sections(cycle), *survey_sections(cycle), *board_sections(cycle)]
