"""Links to a person's own data, and to data requests for staff."""

from django.utils.translation import gettext_lazy as _

from accounts.access import HasPermission, SignedIn
from pages.navigation import NavItem, register

NAV_ITEMS = [
    NavItem(
        _("My data"),
        "privacy:index",
        SignedIn(),
        area="account",
        description=_("See, download or delete what we keep about you."),
        position=60,
    ),
    NavItem(
        _("Data requests"),
        "privacy_admin:index",
        HasPermission("privacy.handle_requests"),
        area="staff",
        description=_(
            "Show, download or delete a person's data when they ask in person."
        ),
        position=70,
    ),
    NavItem(
        _("Who looked at whose data"),
        "privacy_admin:access_log",
        HasPermission("privacy.view_accesslog"),
        area="staff",
        description=_("The record of staff opening people's records."),
        position=71,
    ),
]

register(NAV_ITEMS)
