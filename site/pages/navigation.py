"""The links each person sees, decided by the same access rules as the pages themselves.

Site-wide links (and the accounts app's) are listed here; each app adds its own
in `<app>/navigation.py` with `register(NAV_ITEMS)`, shown in the order given by
`position`. `PagesConfig.ready` imports every app's `navigation.py` with
Django's `autodiscover_modules`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.access import HasPermission, Outcome, Public, Rule, SignedIn
from accounts.notifications import unread_count
from accounts.permissions import AGREE_SIGN_IN_CODES


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    target: str  # a URL name, or a path starting with /
    rule: Rule
    area: str = "main"  # "main" (top of every page), "account" or "staff" (staff home)
    description: str | Promise = ""
    position: int = 50  # lower comes first
    # A number shown on the staff card (e.g. items waiting), kept live when
    # `live_socket` names a websocket whose events carry `live_count_key`.
    count: Callable | None = None
    count_label: str | Promise = ""
    live_socket: str = ""
    live_count_key: str = ""
    script: str = ""  # a static JS file the card needs (loaded once, deferred)

    def url(self) -> str:
        if self.target.startswith("/"):
            return self.target
        return reverse(self.target)


NAV_ITEMS = [
    NavItem(_("Home"), "/", Public(), position=0),
    NavItem(
        _("Staff work"),
        "staff:home",
        HasPermission("accounts.access_staff_area"),
        position=90,
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
    NavItem(
        _("Site admin"),
        "wagtailadmin_home",
        HasPermission("wagtailadmin.access_admin"),
        area="staff",
        description=_("Edit pages, programmes, events and lists."),
        position=90,
    ),
    NavItem(
        _("Messages"),
        "accounts:notifications",
        SignedIn(),
        position=80,
        count=unread_count,
        count_label=_("unread"),
    ),
]


_registered: list[NavItem] = []


def register(items: list[NavItem]) -> None:
    """Add an app's links; called at import of each app's `navigation.py`."""
    _registered.extend(item for item in items if item not in _registered)
    all_nav_items.cache_clear()


@cache
def all_nav_items() -> list[NavItem]:
    """These links and every app's, in order of position (stable within a position)."""
    return sorted([*NAV_ITEMS, *_registered], key=lambda item: item.position)


def items_for(user, area: str) -> list[dict]:
    visible = []
    for item in all_nav_items():
        if item.area != area or item.rule.outcome_for(user) is not Outcome.ALLOW:
            continue
        try:
            url = item.url()
        except NoReverseMatch:
            continue
        visible.append(
            {
                "label": item.label,
                "url": url,
                "description": item.description,
                "count": item.count(user) if item.count else None,
                "count_label": item.count_label,
                "live_socket": item.live_socket,
                "live_count_key": item.live_count_key,
                "script": item.script,
            }
        )
    return visible
