"""The staff home card for the safeguarding area, with its live count of open concerns."""

from django.utils.translation import gettext_lazy as _

from accounts.access import HasPermission
from pages.navigation import NavItem, register
from voice.safeguarding.permissions import HANDLE_SAFEGUARDING
from voice.safeguarding.selectors import open_concern_count


def _open_concern_count(user) -> int:
    return open_concern_count()


NAV_ITEMS = [
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

register(NAV_ITEMS)
