from django.utils.translation import gettext_lazy as _

from accounts.access import Public, SignedIn
from pages.navigation import NavItem, register

NAV_ITEMS = [
    NavItem(_("Give feedback"), "feedback:give", Public(), position=10),
    NavItem(_("Shared feedback"), "feedback:shared", Public(), position=12),
    NavItem(
        _("My feedback"),
        "feedback:mine",
        SignedIn(),
        area="account",
        description=_("What you told us, and what happened next."),
        position=20,
    ),
]

register(NAV_ITEMS)
