"""Spreadsheet downloads (CSV and XLSX) that are safe to open, for every app and the admin.

Text that a spreadsheet would read as a formula (starting with =, +, -, @, a
tab or a carriage return) is written with a leading apostrophe, so a child's
answer such as `=HYPERLINK(...)` is shown as words and never run.

Every staff download is a `Spreadsheet` given to `download` with the format
its URL names. Wagtail's admin listings write CSV cells as given, so each one
we serve mixes in `SafeSpreadsheetExportMixin` (see `pages.admin_exports`).
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from io import BytesIO

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise_formula(value):
    """The value as a spreadsheet should hold it: text that looks like a formula is made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value).replace(tzinfo=None)
        return value.replace(microsecond=0)
    if value is None:
        return ""
    return neutralise_formula(value)


class _Echo:
    """A file-like object whose write returns the line, for streaming CSV."""

    def write(self, value: str) -> str:
        return value


@dataclass(frozen=True)
class Spreadsheet:
    """What a download holds: a file name (without extension), a header row and rows."""

    filename: str
    header: Sequence[str]
    rows: Iterable[Sequence]
    title: str = ""  # the sheet's name in an XLSX file


def download(sheet: Spreadsheet, file_format: str) -> HttpResponse:
    """The sheet as the file its URL asks for, `csv` or `xlsx`; any other is not found."""
    if file_format == "csv":
        return _csv_response(sheet)
    if file_format == "xlsx":
        return _xlsx_response(sheet)
    raise Http404


def _csv_response(sheet: Spreadsheet) -> StreamingHttpResponse:
    """Stream rows as CSV, so a large export never sits in memory whole."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"  # so spreadsheet programs read UTF-8 (faces, accents) correctly
        yield writer.writerow([_cell(value) for value in sheet.header])
        for row in sheet.rows:
            yield writer.writerow(
                [
                    _cell(value).isoformat(sep=" ")
                    if isinstance(value, datetime.datetime)
                    else _cell(value)
                    for value in row
                ]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{sheet.filename}.csv"'
    return response


def _xlsx_response(sheet: Spreadsheet) -> HttpResponse:
    """Write rows to an XLSX workbook (openpyxl's write-only mode, row by row)."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title=(sheet.title or "Export")[:31])
    worksheet.append([_cell(value) for value in sheet.header])
    for row in sheet.rows:
        worksheet.append([_cell(value) for value in row])
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{sheet.filename}.xlsx"'
    return response


class SafeSpreadsheetExportMixin:
    """Put before Wagtail's `SpreadsheetExportMixin` in a view's bases.

    Wagtail turns formulas into text in XLSX files but not in CSV ones, and
    a page title or a board member's words in a log entry can reach those
    files, so every cell of either format goes through `neutralise_formula`.
    """

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(
            super().preprocess_field_value(field, value, export_format)
        )
