"""Routes of the admin's downloads that shadow Wagtail's own (see `pages.admin_exports`)."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from pages import admin_exports as views

app_name = "admin_exports"


def _listing_routes(prefix: str, view_class, name: str) -> list:
    """The listing at `prefix` and its results-only part (used by the filters)."""
    return [
        path(prefix, view_class.as_view(), name=name),
        path(
            f"{prefix}results/",
            view_class.as_view(results_only=True),
            name=f"{name}_results",
        ),
    ]


# Mounted under the admin's path by config.urls, with the guards Wagtail puts
# on its own admin routes.
urlpatterns = [
    *_listing_routes("reports/site-history/", views.SiteHistoryView, "site_history"),
    *_listing_routes("reports/locked/", views.LockedPagesReportView, "locked_pages"),
    *_listing_routes("reports/aging-pages/", views.AgingPagesReportView, "aging_pages"),
    *_listing_routes("reports/workflow/", views.WorkflowReportView, "workflow"),
    *_listing_routes(
        "reports/workflow_tasks/", views.WorkflowTasksReportView, "workflow_tasks"
    ),
    *_listing_routes("redirects/", views.RedirectsView, "redirects"),
]
for guard in (require_admin_access, never_cache):
    urlpatterns = decorate_urlpatterns(urlpatterns, guard)
