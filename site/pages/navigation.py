"""The links each person sees, decided by the same access rules as the pages themselves."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.access import HasPermission, Public, Rule, SignedIn


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    target: str  # a URL name, or a path starting with /
    rule: Rule
    area: str = "main"  # "main" (top of every page) or "staff" (staff home)
    description: str | Promise = ""

    def url(self) -> str:
        if self.target.startswith("/"):
            return self.target
        return reverse(self.target)


NAV_ITEMS = [
    NavItem(_("Home"), "/", Public()),
    NavItem(
        _("Staff work"),
        "staff:home",
        HasPermission("accounts.access_staff_area"),
    ),
    NavItem(
        _("Young people I support"),
        "young_people:list",
        HasPermission("accounts.create_supported_account"),
        area="staff",
        description=_(
            "Make an account for a young person and print their sign-in code."
        ),
    ),
    NavItem(
        _("Site admin"),
        "wagtailadmin_home",
        HasPermission("wagtailadmin.access_admin"),
        area="staff",
        description=_("Edit pages, programmes, events and lists."),
    ),
    NavItem(_("Messages"), "accounts:notifications", SignedIn()),
]


def items_for(user, area: str) -> list[dict]:
    from accounts.access import Outcome

    visible = []
    for item in NAV_ITEMS:
        if item.area != area or item.rule.outcome_for(user) is not Outcome.ALLOW:
            continue
        try:
            url = item.url()
        except NoReverseMatch:
            continue
        visible.append(
            {"label": item.label, "url": url, "description": item.description}
        )
    return visible
