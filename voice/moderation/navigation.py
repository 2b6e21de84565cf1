"""The staff home card for the moderation queue."""

from django.utils.translation import gettext_lazy as _

from accounts.access import HasPermission
from pages.navigation import NavItem, register
from voice.moderation.permissions import MODERATE
from voice.moderation.selectors import waiting_badge


def _waiting_badge(user) -> int | str:
    return waiting_badge()


NAV_ITEMS = [
    NavItem(
        _("Moderation queue"),
        "moderation:queue",
        HasPermission(MODERATE),
        area="staff",
        description=_("Read what young people and parents wrote before it is shared."),
        position=10,
        count=_waiting_badge,
        count_label=_("waiting"),
        live_socket="/ws/staff/moderation/",
        live_count_key="waiting",
        script="js/moderation.js",
    ),
]

register(NAV_ITEMS)
