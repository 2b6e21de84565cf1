"""Figures for the shadow board's section of the service review and board report.

For a cycle's recommendations (gathered with their answers and the actions that
followed in voice/review/sections.py, in two queries whatever their number):
how many were answered, the outcomes and the days to answer.
"""

from __future__ import annotations

import statistics

from voice.board.models import ManagementResponse, Recommendation

SECTION = "Shadow board recommendations"


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
