"""One Content-Security-Policy for the site, and a wider one for the Wagtail admin only.

Wagtail 8's admin starts its own widgets (page and image choosers, date and
time pickers, inline panels) with inline ``<script>`` tags it writes itself,
so under ``script-src 'self'`` they do nothing. Its pages, and no others, get
the additions in ``ADMIN_CONTENT_SECURITY_POLICY_UPDATE``. The admin's sign-in
door and every public and staff page keep the strict policy.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def is_wagtail_admin_path(path: str) -> bool:
    """True for the Wagtail admin's own pages, False for its sign-in door."""
    prefix = settings.WAGTAILADMIN_PATH_PREFIX
    if not path.startswith(prefix):
        return False
    return not any(
        path.startswith(strict) for strict in settings.ADMIN_CSP_STRICT_PATHS
    )


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's additions on the admin's paths."""

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or not is_wagtail_admin_path(request.path_info):
            return parts
        update = dict(parts.update or {})
        for directive, sources in settings.ADMIN_CONTENT_SECURITY_POLICY_UPDATE.items():
            update[directive] = [*update.get(directive, []), *sources]
        parts.update = update
        # A nonce in script-src would make the browser ignore 'unsafe-inline'.
        parts.nonce = None
        return parts
