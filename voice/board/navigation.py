"""The shadow board's links."""

from django.utils.translation import gettext_lazy as _

from accounts.access import HasPermission, Public
from pages.navigation import NavItem, register
from voice.board.permissions import MEMBERS_AREA, RESPOND, REVIEW_APPLICATIONS

NAV_ITEMS = [
    NavItem(_("Shadow board"), "/shadow-board/", Public(), position=40),
    NavItem(
        _("Board members' area"), "board:home", HasPermission(MEMBERS_AREA), position=45
    ),
    NavItem(
        _("Shadow board"),
        "board_admin:home",
        HasPermission(REVIEW_APPLICATIONS, RESPOND),
        area="staff",
        description=_(
            "Applications to join the board, and answers to its recommendations."
        ),
        position=40,
    ),
]

register(NAV_ITEMS)
