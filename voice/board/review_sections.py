"""The shadow board's section of the service review dashboard and board report.

For a cycle: the recommendations the board sent during it, the managers'
answers (outcome and days to answer) and the actions that followed. Two
queries whatever the number of recommendations: one for recommendations with
their answers, one for their actions.
"""

from __future__ import annotations

import statistics

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from voice.board.models import ManagementResponse, Recommendation
from voice.review.sections import ReviewSection

SECTION = "Shadow board recommendations"


def recommendations_in(cycle) -> list[Recommendation]:
    from voice.review.models import Action

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


def figures(recommendations: list[Recommendation]) -> dict:
    answered = [item for item in recommendations if hasattr(item, "response")]
    outcomes = [item.response.outcome for item in answered]
    days = [item.response_days for item in answered]
    return {
        "submitted": len(recommendations),
        "responded": len(answered),
        "accepted": outcomes.count(ManagementResponse.Outcome.ACCEPTED),
        "accepted_in_part": outcomes.count(ManagementResponse.Outcome.ACCEPTED_IN_PART),
        "not_accepted": outcomes.count(ManagementResponse.Outcome.NOT_ACCEPTED),
        "waiting": len(recommendations) - len(answered),
        "median_days": statistics.median(days) if days else None,
        "actions": sum(len(item.followed_actions) for item in recommendations),
    }


def sections(cycle) -> list[ReviewSection]:
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
