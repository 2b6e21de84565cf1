from django.utils.translation import gettext_lazy as _

from accounts.access import HasPermission, Public
from pages.navigation import NavItem, register
from voice.surveys.permissions import VIEW_RESULTS

NAV_ITEMS = [
    NavItem(_("Surveys"), "surveys:list", Public(), position=30),
    NavItem(
        _("Survey results"),
        "survey_admin:list",
        HasPermission(VIEW_RESULTS),
        area="staff",
        description=_("See what people answered, by group and over time; download it."),
        position=40,
    ),
]

register(NAV_ITEMS)
