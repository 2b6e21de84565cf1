"""The service's name, contact details and footer links (`ServiceSettings`), from the cache.

Wagtail's `settings` context processor finds the site and its settings in the
database on every page view: two queries and a few milliseconds on each of
the busiest pages (the feedback form, its thank-you page). The details
change a few times a year, so they are kept in Django's cache, shared by
every worker, under one key holding each host's settings, and that key is
dropped whenever a setting, a site or a page is saved, moved or deleted.

The footer's links are the pages editors chose in the settings, so renaming
or moving the privacy page keeps the link working; the links are worked out
once when the settings are cached. While a page is not chosen (or is not
live) the link goes to its usual path.
"""

from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site, get_page_models
from wagtail.signals import page_slug_changed, page_unpublished, post_page_move

from pages.models import ServiceSettings

CACHE_KEY = "pages:service-settings"
CACHE_SECONDS = 60 * 60  # a safety net: saves drop the key at once

# The footer link's name → (the setting's page field, the path used while unset).
FOOTER_PAGES = {
    "about": ("about_page", "/about/"),
    "help": ("help_page", "/help/"),
    "privacy": ("privacy_page", "/privacy/"),
    "accessibility": ("accessibility_page", "/accessibility/"),
}
USUAL_LINKS = {name: path for name, (_field, path) in FOOTER_PAGES.items()}


def chosen_page_links(service: ServiceSettings, request) -> dict[str, str]:
    """Where each footer link goes: the chosen live page, else its usual path."""
    links = dict(USUAL_LINKS)
    for name, (field, _path) in FOOTER_PAGES.items():
        page = getattr(service, field)
        url = page.get_url(request) if page is not None and page.live else None
        if url:
            links[name] = url
    return links


def for_request(request) -> ServiceSettings | None:
    """The settings of the site this request is for; None if no site matches.

    The settings come with `footer_links`, a dict of the footer's link names
    to their paths (see `links_for`).
    """
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    by_host = cache.get(CACHE_KEY) or {}
    if host not in by_host:
        site = Site.find_for_request(request)
        service = ServiceSettings.for_site(site) if site else None
        if service is not None:
            service.footer_links = chosen_page_links(service, request)
        by_host = {**by_host, host: service}
        cache.set(CACHE_KEY, by_host, CACHE_SECONDS)
    return by_host[host]


def links_for(request) -> dict[str, str]:
    """The footer's links for this request's site: the usual paths if it has none."""
    service = for_request(request)
    return getattr(service, "footer_links", None) or dict(USUAL_LINKS)


def forget(**kwargs) -> None:
    cache.delete(CACHE_KEY)


def forget_if_footer_page(sender, instance, **kwargs) -> None:
    """Drop the cached links when a page the footer links to is saved or deleted.

    Other pages leave the cache alone: adding an event must not make the next
    page view look the settings up again.
    """
    by_host = cache.get(CACHE_KEY) or {}
    for service in filter(None, by_host.values()):
        chosen = {getattr(service, f"{field}_id") for field, _ in FOOTER_PAGES.values()}
        if instance.pk in chosen:
            forget()
            return


def connect_signals() -> None:
    for model in (ServiceSettings, Site):
        post_save.connect(forget, sender=model, dispatch_uid=f"forget-{model.__name__}")
        post_delete.connect(
            forget, sender=model, dispatch_uid=f"forget-del-{model.__name__}"
        )
    # A chosen page may be renamed, moved, unpublished or deleted.
    for model in get_page_models():
        for signal, what in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(
                forget_if_footer_page,
                sender=model,
                dispatch_uid=f"forget-page-{what}-{model._meta}",
            )
    for name, signal in (
        ("slug", page_slug_changed),
        ("unpublish", page_unpublished),
        ("move", post_page_move),
    ):
        signal.connect(forget, dispatch_uid=f"forget-page-{name}")
