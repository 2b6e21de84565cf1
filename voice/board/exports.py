"""The influence log as a spreadsheet (CSV or XLSX), safe to open."""

from __future__ import annotations

from pages import spreadsheets
from voice.board.models import Recommendation

HEADERS = [
    "Title",
    "Status",
    "Sent to managers",
    "Answer",
    "Answered on",
    "Days to answer",
    "Reasons",
    "Actions that followed",
]


def influence_rows(recommendations) -> list[tuple]:
    rows = []
    for recommendation in recommendations:
        response = getattr(recommendation, "response", None)
        answered = response is not None
        rows.append(
            (
                recommendation.title,
                recommendation.get_status_display(),
                recommendation.submitted_at.date().isoformat()
                if recommendation.submitted_at
                else "",
                response.get_outcome_display() if answered else "",
                response.responded_at.date().isoformat() if answered else "",
                recommendation.response_days if answered else "",
                response.reasons if answered else "",
                "; ".join(
                    f"{action.what_we_will_do} ({action.get_status_display()})"
                    for action in getattr(recommendation, "followed_actions", [])
                ),
            )
        )
    return rows


def influence_log_sheet(
    recommendations: list[Recommendation],
) -> spreadsheets.Spreadsheet:
    return spreadsheets.Spreadsheet(
        filename="board-influence-log",
        header=HEADERS,
        rows=influence_rows(recommendations),
        title="Influence log",
    )
