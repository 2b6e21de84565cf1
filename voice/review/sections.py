"""Sections other apps add to the review dashboard and the board report.

An app adds a section by giving a `review_sections.py` module with
`sections(cycle) -> list[ReviewSection]` (surveys add survey results; the
shadow board adds its recommendations and the service's responses). Each
section is worked out with a fixed number of queries, whatever the data size.
"""

from dataclasses import dataclass, field

from accounts.access import project_modules


@dataclass
class ReviewSection:
    title: str
    template_name: str
    context: dict = field(default_factory=dict)
    # (measure, value) rows for the board report's CSV and XLSX exports.
    report_rows: list[tuple[str, object]] = field(default_factory=list)


def sections_for(cycle) -> list[ReviewSection]:
    found: list[ReviewSection] = []
    for module in project_modules("review_sections"):
        found.extend(module.sections(cycle))
    return found
