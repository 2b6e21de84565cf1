"""Every spreadsheet download, ours and Wagtail's own, keeps typed text as text."""

import csv
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask
from wagtail.snippets.models import get_snippet_models

from accounts import roles
from pages.models import StandardPage
from pages.spreadsheets import SafeSpreadsheetExportMixin
from voice.board import services as board_services


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


FORMULA = '=HYPERLINK("http://bad","Click")'


def csv_cells(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(content)) for cell in row]


def assert_formula_shown_as_text(cells: list[str]) -> None:
    assert "'" + FORMULA in cells
    assert FORMULA not in cells


@pytest.fixture
def admin_client(client_for, people):
    return client_for(people[roles.ADMINISTRATOR])


@pytest.fixture
def formula_page(home_page, people):
    page = home_page.add_child(instance=StandardPage(title=FORMULA, slug="formula"))
    page.save_revision(user=people[roles.ADMINISTRATOR]).publish(
        user=people[roles.ADMINISTRATOR]
    )
    return page


@pytest.mark.parametrize("part", ["", "results/"])
def test_site_history_csv_shows_a_board_members_formula_title_as_text(
    admin_client, people, part
):
    recommendation = board_services.save_recommendation(
        user=people[roles.BOARD_MEMBER],
        title=FORMULA,
        what_we_found="Appointments clash with school.",
        what_we_ask="Offer appointments after 4pm.",
    )
    board_services.submit_recommendation(
        recommendation=recommendation, user=people[roles.BOARD_MEMBER]
    )

    response = admin_client.get(
        f"/admin/reports/site-history/{part}", {"export": "csv"}
    )

    assert_formula_shown_as_text(csv_cells(response))


@pytest.mark.parametrize("part", ["", "results/"])
def test_locked_pages_csv_shows_a_formula_title_as_text(
    admin_client, people, formula_page, part
):
    formula_page.locked = True
    formula_page.locked_by = people[roles.ADMINISTRATOR]
    formula_page.locked_at = timezone.now()
    formula_page.save()

    response = admin_client.get(f"/admin/reports/locked/{part}", {"export": "csv"})

    assert_formula_shown_as_text(csv_cells(response))


@pytest.mark.parametrize("part", ["", "results/"])
def test_aging_pages_csv_shows_a_formula_title_as_text(
    admin_client, formula_page, part
):
    response = admin_client.get(f"/admin/reports/aging-pages/{part}", {"export": "csv"})

    assert_formula_shown_as_text(csv_cells(response))


@pytest.fixture
def page_in_workflow(formula_page, people):
    workflow = Workflow.objects.create(name="Checks")
    task = GroupApprovalTask.objects.create(name="Check the words")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    formula_page.save_revision(user=people[roles.ADMINISTRATOR])
    workflow.start(formula_page, people[roles.ADMINISTRATOR])
    return formula_page


@pytest.mark.parametrize("report", ["workflow", "workflow_tasks"])
@pytest.mark.parametrize("part", ["", "results/"])
def test_workflow_reports_csv_show_a_formula_title_as_text(
    admin_client, page_in_workflow, report, part
):
    response = admin_client.get(f"/admin/reports/{report}/{part}", {"export": "csv"})

    assert_formula_shown_as_text(csv_cells(response))


@pytest.mark.parametrize("part", ["", "results/"])
def test_redirects_csv_shows_a_formula_link_as_text(admin_client, home_page, part):
    Redirect.objects.create(old_path="/old", redirect_link=FORMULA)

    response = admin_client.get(f"/admin/redirects/{part}", {"export": "csv"})

    assert_formula_shown_as_text(csv_cells(response))


def test_every_snippet_listing_downloads_through_the_safe_export():
    viewsets = [model.snippet_viewset for model in get_snippet_models()]

    assert viewsets
    for viewset in viewsets:
        assert issubclass(viewset.index_view_class, SafeSpreadsheetExportMixin), (
            f"{viewset.model.__name__}'s listing would export formulas as formulas"
        )


@pytest.mark.parametrize(
    "path",
    [
        "/admin/reports/site-history/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/redirects/",
    ],
)
def test_the_admin_listings_that_download_still_open_as_pages_with_their_buttons(
    admin_client, path
):
    response = admin_client.get(path)

    assert response.status_code == 200
    assert "Download CSV" in response.content.decode()
    assert admin_client.get(f"{path}results/").status_code == 200


def test_the_admin_downloads_ask_a_visitor_to_sign_in(client, db):
    response = client.get("/admin/reports/site-history/", {"export": "csv"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
