"""The Wagtail admin's spreadsheet downloads, with typed text kept as text.

Wagtail's listings export CSV cells as given (only its XLSX files turn
formulas into text), and its reports have no setting to change that. So each
listing of the admin that offers a download is served here by a subclass that
mixes in `SafeSpreadsheetExportMixin`, at the very path (and results path, which
exports too) where Wagtail mounts its own; `config.urls` puts these routes
(`pages.admin_export_urls`) first, so Wagtail's names and menu links lead to them and its own views are
never reached:

- the reports: site history (its "Name" is the logged object as it read then,
  such as a recommendation's title a board member wrote), locked pages, aging
  pages, and workflows and their tasks (page titles);
- redirects (paths and links that editors type).

Our snippet viewsets derive from `SnippetViewSet` below, whose index view
carries the same mixin, so a `list_export` added to one is safe from the start.

Wagtail's downloads left as they are, because none of them can hold a child's
words or any of our data: form submissions (`wagtail.contrib.forms` is
installed, but no page of ours is a form page, so its submissions list has
nothing to list) and search promotions (`wagtail.contrib.search_promotions` is
not installed). The page types usage report, users, images and documents
listings offer no download.
"""

from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.contrib.redirects.views import IndexView as RedirectIndexView
from wagtail.snippets.views import snippets

from pages.spreadsheets import SafeSpreadsheetExportMixin


class SnippetIndexView(SafeSpreadsheetExportMixin, snippets.IndexView):
    pass


class SnippetViewSet(snippets.SnippetViewSet):
    """The base of our snippet viewsets: Wagtail's, with a safe download."""

    index_view_class = SnippetIndexView


class SiteHistoryView(SafeSpreadsheetExportMixin, LogEntriesView):
    pass


class LockedPagesReportView(SafeSpreadsheetExportMixin, LockedPagesView):
    pass


class AgingPagesReportView(SafeSpreadsheetExportMixin, AgingPagesView):
    pass


class WorkflowReportView(SafeSpreadsheetExportMixin, WorkflowView):
    pass


class WorkflowTasksReportView(SafeSpreadsheetExportMixin, WorkflowTasksView):
    pass


class RedirectsView(SafeSpreadsheetExportMixin, RedirectIndexView):
    pass
