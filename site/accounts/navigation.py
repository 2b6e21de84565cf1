"""A staff card for new sign-in codes waiting for a second member of staff."""

from django.utils.translation import gettext_lazy as _

from accounts.access import HasPermission
from accounts.permissions import AGREE_SIGN_IN_CODES
from pages.navigation import NavItem

NAV_ITEMS = [
    NavItem(
        _("New sign-in codes to agree"),
        "young_people:code_requests",
        HasPermission(AGREE_SIGN_IN_CODES),
        area="staff",
        description=_(
            "A worker asked for a new code for someone who has a password. "
            "Check and agree, or refuse."
        ),
        position=55,
    ),
]
