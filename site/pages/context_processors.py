from django.utils.functional import SimpleLazyObject

from pages import service_settings
from pages.navigation import items_for


def site_navigation(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {
        "main_nav": lambda: items_for(user, "main"),
        "account_nav": lambda: items_for(user, "account"),
    }


def service(request):
    """`service_settings` (name, contact details) and `footer_links`, looked up only if shown."""
    return {
        "service_settings": SimpleLazyObject(
            lambda: service_settings.for_request(request)
        ),
        "footer_links": SimpleLazyObject(lambda: service_settings.links_for(request)),
    }
