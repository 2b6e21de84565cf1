"""Links to "You said, we did" for everyone, and to service review for staff."""

from django.utils.translation import gettext_lazy as _

from accounts.access import HasPermission, Public
from pages.navigation import NavItem, register
from voice.review.permissions import RUN_REVIEW

NAV_ITEMS = [
    NavItem(_("You said, we did"), "you_said_we_did:list", Public(), position=40),
    NavItem(
        _("Service review"),
        "review:index",
        HasPermission(RUN_REVIEW),
        area="staff",
        description=_("Review cycles, actions from feedback, and the board report."),
        position=60,
    ),
]

register(NAV_ITEMS)
