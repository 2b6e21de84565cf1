"""Every spreadsheet download, ours and Wagtail's own, keeps typed text as text."""

import csv
import io

from openpyxl import load_workbook
from wagtail.log_actions import log

from accounts import roles
from pages.models import StandardPage


def site_history_csv(client) -> list[list[str]]:
    response = client.get("/admin/reports/site-history/", {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_wagtail_admin_csv_export_shows_a_formula_title_as_text(
    client_for, people, home_page
):
    page = home_page.add_child(
        instance=StandardPage(title='=HYPERLINK("http://bad","Click")', slug="x")
    )
    log(instance=page, action="wagtail.create", user=people[roles.ADMINISTRATOR])

    cells = [
        cell
        for row in site_history_csv(client_for(people[roles.ADMINISTRATOR]))
        for cell in row
    ]

    assert '\'=HYPERLINK("http://bad","Click")' in cells
    assert '=HYPERLINK("http://bad","Click")' not in cells


def test_wagtail_admin_xlsx_export_holds_no_formula(client_for, people, home_page):
    page = home_page.add_child(instance=StandardPage(title="=1+1", slug="sum"))
    log(instance=page, action="wagtail.create", user=people[roles.ADMINISTRATOR])

    response = client_for(people[roles.ADMINISTRATOR]).get(
        "/admin/reports/site-history/", {"export": "xlsx"}
    )
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    sheet = load_workbook(io.BytesIO(content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]

    assert "'=1+1" in values
