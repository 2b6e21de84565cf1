"""The service's name and contact details (`ServiceSettings`) for every page, from the cache.

Wagtail's `settings` context processor finds the site and its settings in the
database on every page view: two queries and a few milliseconds on each of
the busiest pages (the feedback form, its thank-you page). The details
change a few times a year, so they are kept in Django's cache, shared by
every worker, under one key holding each host's settings, and that key is
dropped whenever a setting or a site is saved or deleted.
"""

from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site

from pages.models import ServiceSettings

CACHE_KEY = "pages:service-settings"
CACHE_SECONDS = 60 * 60  # a safety net: saves drop the key at once


def for_request(request) -> ServiceSettings | None:
    """The settings of the site this request is for; None if no site matches."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    by_host = cache.get(CACHE_KEY) or {}
    if host not in by_host:
        site = Site.find_for_request(request)
        by_host = {**by_host, host: ServiceSettings.for_site(site) if site else None}
        cache.set(CACHE_KEY, by_host, CACHE_SECONDS)
    return by_host[host]


def forget(**kwargs) -> None:
    cache.delete(CACHE_KEY)


def connect_signals() -> None:
    for model in (ServiceSettings, Site):
        post_save.connect(forget, sender=model, dispatch_uid=f"forget-{model.__name__}")
        post_delete.connect(
            forget, sender=model, dispatch_uid=f"forget-del-{model.__name__}"
        )
