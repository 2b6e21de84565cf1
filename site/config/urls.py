"""The site's URL map. Every route here has an access rule (see accounts/access.py)."""

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import admin_login_redirect
from pages import views as page_views

handler400 = "pages.views.bad_request"
handler403 = "pages.views.forbidden"
handler404 = "pages.views.not_found"
handler500 = "pages.views.server_error"

urlpatterns = [
    path("healthz", page_views.healthz, name="healthz"),
    # Wagtail's own login forms (the admin's, and Django's plain LoginView that
    # its page-serving URLs mount for private pages) know nothing of allauth's
    # MFA stage or rate limits, so their doors are closed: each sends people to
    # allauth's instead. tests/security/test_doors.py finds any new one.
    path("admin/login/", admin_login_redirect, name="admin_login_redirect"),
    path("_util/login/", admin_login_redirect, name="wagtail_login_redirect"),
    # Wagtail's shared-password doors of private pages and documents, with
    # the site's limit on tries (pages.views); above Wagtail's routes, which
    # they shadow under the same names. They take every run of digits
    # Wagtail's int converter would, so no spelling of an id (leading zeros,
    # one too big) reaches Wagtail's view round the limit.
    re_path(
        r"^_util/authenticate_with_password/(?P<page_view_restriction_id>[0-9]+)/"
        r"(?P<page_id>[0-9]+)/\Z",
        page_views.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    re_path(
        r"^documents/authenticate_with_password/(?P<restriction_id>[0-9]+)/\Z",
        page_views.document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    # Wagtail's listings that download spreadsheets, served with formulas made
    # plain text (pages.admin_exports); above Wagtail's routes, which they shadow.
    path("admin/", include("pages.admin_export_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("easy-read/", include("pages.easy_read_urls")),
    path("staff/", include("pages.staff_urls")),
    path("staff/young-people/", include("accounts.staff_urls")),
    # Each app's own routes: public first, then its staff work area.
    path("feedback/", include("voice.feedback.urls")),
    path("staff/moderation/", include("voice.moderation.urls")),
    path("staff/safeguarding/", include("voice.safeguarding.urls")),
    path("surveys/", include("voice.surveys.urls")),
    path("staff/surveys/", include("voice.surveys.staff_urls")),
    path("board/", include("voice.board.urls")),
    path("staff/board/", include("voice.board.staff_urls")),
    path("you-said-we-did/", include("voice.review.urls")),
    path("staff/review/", include("voice.review.staff_urls")),
    path("events/", include("programmes.urls")),
    path("certificates/", include("programmes.certificate_urls")),
    path("staff/events/", include("programmes.staff_urls")),
    path("my-data/", include("privacy.urls")),
    path("staff/privacy/", include("privacy.staff_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree serves everything else (/, /programmes/, /shadow-board/, …).
urlpatterns.append(path("", include(wagtail_urls)))
