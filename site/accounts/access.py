"""Access rules for every route of the site, declared in each app's `permissions.py`.

A rule says who may open a view. `AccessRuleMiddleware` applies the rule of
the resolved view before the view runs, and a view with no rule is refused:
adding a URL without saying who may use it fails closed (and fails the access
matrix test in tests/test_access_matrix.py).
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from enum import StrEnum

from django.utils.module_loading import autodiscover_modules


class Outcome(StrEnum):
    ALLOW = "allow"
    LOGIN = "login"  # anonymous: sent to sign in
    FORBID = "forbid"  # signed in but not allowed: 403


class Rule:
    """Who may open a view. Subclasses answer for a user."""

    description = ""

    def outcome_for(self, user) -> Outcome:
        raise NotImplementedError

    def expected_outcome_for(self, user) -> Outcome:
        """What a request by this user should end in (used by the access matrix test)."""
        return self.outcome_for(user)


@dataclass(frozen=True)
class Public(Rule):
    """Anyone, signed in or not."""

    description: str = "anyone"

    def outcome_for(self, user) -> Outcome:
        return Outcome.ALLOW


@dataclass(frozen=True)
class SignedIn(Rule):
    """Anyone who has signed in."""

    description: str = "signed-in people"

    def outcome_for(self, user) -> Outcome:
        return Outcome.ALLOW if user.is_authenticated else Outcome.LOGIN


@dataclass(frozen=True)
class HasPermission(Rule):
    """Signed-in people holding any one of the named permissions."""

    perms: tuple[str, ...] = ()
    description: str = ""

    def __init__(self, *perms: str, description: str = ""):
        object.__setattr__(self, "perms", perms)
        object.__setattr__(self, "description", description or " or ".join(perms))

    def outcome_for(self, user) -> Outcome:
        if not user.is_authenticated:
            return Outcome.LOGIN
        if any(user.has_perm(perm) for perm in self.perms):
            return Outcome.ALLOW
        return Outcome.FORBID


@dataclass(frozen=True)
class LeadsToSignIn(Rule):
    """A closed login door: it opens for anyone and sends them on to allauth's sign-in."""

    description: str = "anyone, sent on to allauth's sign-in"

    def outcome_for(self, user) -> Outcome:
        return Outcome.ALLOW

    def expected_outcome_for(self, user) -> Outcome:
        return Outcome.LOGIN


@dataclass(frozen=True)
class Delegated(Rule):
    """The view applies its own checks (e.g. Wagtail's page privacy); say which.

    `expect` is a rule that describes what the view itself gives a visitor with
    nothing in progress (by default, it opens for everyone).
    """

    description: str = ""
    expect: Rule | None = None

    def outcome_for(self, user) -> Outcome:
        return Outcome.ALLOW

    def expected_outcome_for(self, user) -> Outcome:
        return self.expect.outcome_for(user) if self.expect else Outcome.ALLOW


_rules: dict[str, Rule] = {}
_prefix_rules: dict[str, Rule] = {}
_discovered = False


def discover_permissions() -> None:
    """Import every app's `permissions.py` once; each registers what it declares.

    Done on first use rather than in `AccountsConfig.ready`: accounts is ready
    before Wagtail's apps, and Django's `autodiscover_modules` imports every
    installed app's `permissions` module, Wagtail's images one too, which must
    wait until its app is ready. Accounts sits below the apps it finds, so it
    never imports them by name.
    """
    global _discovered
    if not _discovered:
        autodiscover_modules("permissions")
        _discovered = True


def register(rules: dict[str, Rule]) -> None:
    """Declare rules by view name; a name may end in `*` to cover a family.

    Called at import of each app's `permissions.py` (see `discover_permissions`).
    """
    for name, rule in rules.items():
        if name in _rules and _rules[name] != rule:
            raise ValueError(f"Two different access rules for {name!r}")
        _rules[name] = rule


def register_prefix(path_prefix: str, rule: Rule) -> None:
    """Declare a rule for every route under a path (e.g. the Wagtail admin)."""
    _prefix_rules[path_prefix] = rule


def all_rules() -> dict[str, Rule]:
    discover_permissions()
    return _rules


def rule_for(view_name: str, path: str = "") -> Rule | None:
    """The rule for a view: its own name first, then its path, then a family."""
    rules = all_rules()
    if view_name in rules:
        return rules[view_name]
    prefixes = [prefix for prefix in _prefix_rules if path.startswith(prefix)]
    if prefixes:
        return _prefix_rules[max(prefixes, key=len)]
    matches = [
        pattern
        for pattern in rules
        if "*" in pattern and fnmatch.fnmatchcase(view_name, pattern)
    ]
    if not matches:
        return None
    return rules[max(matches, key=len)]
