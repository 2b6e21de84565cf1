"""Staff home cards for moderation and safeguarding."""

from django.utils.translation import gettext_lazy as _

from accounts.access import HasPermission
from pages.navigation import NavItem
from voice.moderation.permissions import HANDLE_SAFEGUARDING, MODERATE


def _waiting_badge(user) -> int | str:
    from voice.moderation.selectors import waiting_badge

    return waiting_badge()


def _open_concern_count(user) -> int:
    from voice.moderation.selectors import open_concern_count

    return open_concern_count()


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
    NavItem(
        _("Safeguarding"),
        "safeguarding:list",
        HasPermission(HANDLE_SAFEGUARDING),
        area="staff",
        description=_("Concerns about a young person's safety, newest first."),
        position=5,
        count=_open_concern_count,
        count_label=_("open"),
        live_socket="/ws/staff/safeguarding/",
        live_count_key="open",
        script="js/moderation.js",
    ),
]
