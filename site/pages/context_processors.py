from pages.navigation import items_for


def site_navigation(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {
        "main_nav": lambda: items_for(user, "main"),
        "account_nav": lambda: items_for(user, "account"),
    }
