"""Health check, staff home, easy-read pages, shared-password doors and friendly error pages."""

import sys

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail import views as wagtail_page_views
from wagtail.documents.views import serve as wagtail_document_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

from accounts import ratelimit
from pages.health import channel_layer_reachable, database_reachable
from pages.ids import parse_id
from pages.navigation import items_for


@never_cache
def healthz(request):
    checks = {
        "database": database_reachable(),
        "channel_layer": channel_layer_reachable(),
    }
    healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


def staff_home(request):
    areas = items_for(request.user, "staff")
    scripts = list(dict.fromkeys(area["script"] for area in areas if area["script"]))
    return render(
        request, "pages/staff_home.html", {"areas": areas, "scripts": scripts}
    )


def easy_read(request, page: str):
    """An easy-read page: one short sentence a line, each beside a picture.

    Its words describe how the platform itself works, so they are templates
    kept with the code (pages/easy_read/), not page content an editor adds.
    """
    return render(request, f"pages/easy_read/{page}.html")


def forbidden(request, exception=None):
    # Refusals that explain themselves (e.g. accounts.roles.OutOfReach) say why.
    reason = getattr(exception, "plain_reason", "")
    return render(request, "errors/403.html", {"reason": reason}, status=403)


def bare_error_page(template_name: str) -> str:
    """An error page that needs neither the request nor the database.

    No context processors run: a bad Host header breaks anything that builds
    links from the request, and a failed database breaks anything that reads
    it. The site's name comes from settings instead of the service settings.
    """
    return render_to_string(template_name, {"site_name": settings.WAGTAIL_SITE_NAME})


def bad_request(request, exception=None):
    return HttpResponse(bare_error_page("errors/400.html"), status=400)


def csrf_failure(request, reason=""):
    """A form sent after its page was open too long (or from another site)."""
    return HttpResponse(bare_error_page("errors/csrf_failure.html"), status=403)


def not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    """500, or 503 when the cause is the database being out of reach.

    Rendered without the request's context processors: they may need the very
    database that has just failed.
    """
    if caused_by_database_outage(sys.exc_info()[1]):
        return service_unavailable()
    return HttpResponse(bare_error_page("errors/500.html"), status=500)


def caused_by_database_outage(error: BaseException | None) -> bool:
    """Whether a lost database connection is the error or anywhere in its chain.

    An outage can surface as a different error raised while the first one was
    being handled (a rollback or clean-up on the broken connection).
    """
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def service_unavailable() -> HttpResponse:
    response = HttpResponse(bare_error_page("errors/503.html"), status=503)
    response["Retry-After"] = "30"
    return response


TOO_MANY_PASSWORD_TRIES = _(
    "Too many tries from here. Please wait 10 minutes, then type the password again."
)


class _TooManyTriesForm(PasswordViewRestrictionForm):
    """The password form, saying "too many tries" beside the field without comparing it."""

    def clean_password(self):
        raise ValidationError(TOO_MANY_PASSWORD_TRIES)


def _refused_form(request, restriction) -> PasswordViewRestrictionForm:
    form = _TooManyTriesForm(request.POST, instance=restriction)
    form.is_valid()
    return form


def _id_or_404(value: str) -> int:
    number = parse_id(value)
    if number is None:
        raise Http404("no row could have this id")
    return number


def page_password(request, page_view_restriction_id: str, page_id: str):
    """Wagtail's shared-password door of a private page, with a limit on tries.

    Wagtail compares the password as often as it is sent; here every try
    counts through the site's one limiter first, so a page's password cannot
    be guessed from one browser or one network.
    """
    page_view_restriction_id = _id_or_404(page_view_restriction_id)
    page_id = _id_or_404(page_id)
    if request.method == "POST" and not ratelimit.allow(request, "page_password"):
        restriction = get_object_or_404(
            PageViewRestriction, id=page_view_restriction_id
        )
        page = get_object_or_404(Page, id=page_id).specific
        response = page.serve_password_required_response(
            request, _refused_form(request, restriction), request.path
        )
        response.status_code = 429
        return response
    return wagtail_page_views.authenticate_with_password(
        request, page_view_restriction_id, page_id
    )


def document_password(request, restriction_id: str):
    """Wagtail's shared-password door of a private document collection, limited the same way."""
    restriction_id = _id_or_404(restriction_id)
    if request.method == "POST" and not ratelimit.allow(request, "page_password"):
        restriction = get_object_or_404(CollectionViewRestriction, id=restriction_id)
        return TemplateResponse(
            request,
            settings.WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE,
            {"form": _refused_form(request, restriction), "action_url": request.path},
            status=429,
        )
    return wagtail_document_views.authenticate_with_password(request, restriction_id)
