"""The site's URLs with the baseline mounted under /bench/ (bench settings only)."""

from django.urls import include, path

from config import urls as site_urls

handler403 = site_urls.handler403
handler404 = site_urls.handler404
handler500 = site_urls.handler500

urlpatterns = [
    path("bench/", include("tests.perf.baseline.urls")),
    *site_urls.urlpatterns,
]
