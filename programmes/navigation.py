from django.utils.translation import gettext_lazy as _

from accounts.access import HasPermission, Public
from pages.navigation import NavItem, register
from programmes.permissions import MANAGE_SIGN_UPS, TAKE_PART

NAV_ITEMS = [
    NavItem(_("Events"), "events:list", Public(), position=20),
    NavItem(
        _("My participation"),
        "events:my_participation",
        HasPermission(TAKE_PART),
        area="account",
        description=_(
            "Events you are going to and have been to, and your certificate."
        ),
        position=30,
    ),
    NavItem(
        _("Events and sign-ups"),
        "event_admin:list",
        HasPermission(MANAGE_SIGN_UPS),
        area="staff",
        description=_("Who is coming, consent, attendance on the day, and the list."),
        position=40,
    ),
]

register(NAV_ITEMS)
