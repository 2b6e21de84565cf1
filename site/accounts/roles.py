"""The roles people have, as Django groups, and where each one lands after signing in.

Each app grants its own permissions to these roles in a data migration with
`grant_permissions`, so a role's powers are read in one place per app.
"""

from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from accounts.access import discover_permissions

YOUNG_PERSON = "Young person"
PARENT_CARER = "Parent or carer"
BOARD_MEMBER = "Shadow board member"
CASE_WORKER = "Case worker"
MODERATOR = "Moderator"
SAFEGUARDING_LEAD = "Safeguarding lead"
PROGRAMME_STAFF = "Programme staff"
SERVICE_MANAGER = "Service manager"
ADMINISTRATOR = "Administrator"

PUBLIC_ROLES = [YOUNG_PERSON, PARENT_CARER, BOARD_MEMBER]
STAFF_ROLES = [
    CASE_WORKER,
    MODERATOR,
    SAFEGUARDING_LEAD,
    PROGRAMME_STAFF,
    SERVICE_MANAGER,
    ADMINISTRATOR,
]
ALL_ROLES = PUBLIC_ROLES + STAFF_ROLES

# Where each role lands after signing in: the first role a person holds wins.
LANDING_PAGES = [
    (ADMINISTRATOR, "wagtailadmin_home"),
    (SERVICE_MANAGER, "staff:home"),
    (SAFEGUARDING_LEAD, "staff:home"),
    (MODERATOR, "staff:home"),
    (PROGRAMME_STAFF, "wagtailadmin_home"),
    (CASE_WORKER, "young_people:list"),
    (BOARD_MEMBER, "/"),
    (PARENT_CARER, "/"),
    (YOUNG_PERSON, "/"),
]


# Who outranks whom. Staff may act on another person's account (delete, deactivate,
# change roles, print sign-in codes, carry out data requests) only when they rank
# above every role that person holds. Public roles share the lowest rank.
RANKS = {
    YOUNG_PERSON: 0,
    PARENT_CARER: 0,
    BOARD_MEMBER: 0,
    CASE_WORKER: 1,
    MODERATOR: 1,
    PROGRAMME_STAFF: 1,
    SAFEGUARDING_LEAD: 3,
    SERVICE_MANAGER: 3,
    ADMINISTRATOR: 4,
}
SUPERUSER_RANK = max(RANKS.values()) + 1


def role_names(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def is_staff_member(user) -> bool:
    """Staff are people in a staff role (or superusers); they must use MFA."""
    return user.is_authenticated and (
        user.is_superuser or bool(role_names(user) & set(STAFF_ROLES))
    )


def is_asked_age_band(user) -> bool:
    """Young people (board members too) are asked their age group: it decides consent."""
    return bool(role_names(user) & {YOUNG_PERSON, BOARD_MEMBER})


# Which answer to "who is giving this?" each public role may give for itself.
SPEAKER_FOR_ROLE = {
    YOUNG_PERSON: {"young_person"},
    BOARD_MEMBER: {"young_person", "board_member"},
    PARENT_CARER: {"parent_carer"},
}


def speakers_for(user) -> set[str] | None:
    """The "who are you?" answers that fit a signed-in person's own roles.

    None means any answer may fit: a visitor who is not signed in, or staff
    (who speak as themselves, or for a young person through their own field).
    """
    if not user.is_authenticated or is_staff_member(user):
        return None
    fitting = set()
    for name in role_names(user):
        fitting |= SPEAKER_FOR_ROLE.get(name, set())
    return fitting or None


def speaker_choices_for(user, choices) -> list[tuple[str, str]]:
    """Those "who are you?" `choices` that fit who is signed in (all, when any fits).

    Forms that ask who is speaking offer only these, so a forged answer is
    refused as an invalid choice, beside the question.
    """
    fitting = speakers_for(user) if user is not None else None
    if fitting is None:
        return list(choices)
    return [(value, label) for value, label in choices if value in fitting]


def rank_of(user) -> int:
    """The highest rank among the person's roles (superusers rank above all)."""
    if user.is_superuser:
        return SUPERUSER_RANK
    return max((RANKS.get(name, 0) for name in role_names(user)), default=0)


def can_act_on(actor, target) -> bool:
    """May `actor` change, delete or stand in for `target`'s account?

    Only on accounts ranked below their own, never on their own account
    (people change that from their own pages). Superusers may act on anyone
    else, other superusers included.
    """
    if not actor.is_authenticated or not actor.is_active:
        return False
    if target.pk is not None and target.pk == actor.pk:
        return False
    return actor.is_superuser or rank_of(actor) > rank_of(target)


def can_grant(actor, role: str) -> bool:
    """May `actor` give (or take away) this role? Only roles below their own."""
    if not actor.is_authenticated or not actor.is_active:
        return False
    return actor.is_superuser or RANKS.get(role, SUPERUSER_RANK) < rank_of(actor)


class OutOfReach(PermissionDenied):
    """Refused because the account ranks as high as the actor's own, or higher."""

    plain_reason = _(
        "You cannot do this for this account. Only someone in a more senior "
        "role can. Ask your service manager or an administrator."
    )


def account_in_reach(actor, **lookup):
    """The account found by `lookup` (404 if none), if `actor` may act on it."""
    target = get_object_or_404(get_user_model(), **lookup)
    if not can_act_on(actor, target):
        raise OutOfReach
    return target


def landing_for(user) -> str:
    held = role_names(user)
    if user.is_superuser:
        held = held | {ADMINISTRATOR}
    for role, target in LANDING_PAGES:
        if role in held:
            return target
    return "/"


def grant_permissions(apps, role_permissions: dict[str, list[str]]) -> None:
    """Give roles permissions (from a data migration, or the live app registry).

    Permission rows are normally made after all migrations (post_migrate), so
    they are made here first for the apps that exist at this point.
    """
    for app_config in apps.get_app_configs():
        # create_permissions skips app configs without a models module, which
        # historical (migration) app configs never have.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for role, dotted_names in role_permissions.items():
        group, _ = group_model.objects.get_or_create(name=role)
        for dotted in dotted_names:
            app_label, codename = dotted.split(".", 1)
            group.permissions.add(
                permission_model.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )


_declared_grants: list[dict[str, list[str]]] = []


def register_role_permissions(grants: dict[str, list[str]]) -> None:
    """Declare what each role may do: called by each app's `permissions.py`.

    `sync_roles` imports every app's `permissions.py` first
    (`accounts.access.discover_permissions`), so every table is applied.
    """
    if not any(grants is declared for declared in _declared_grants):
        _declared_grants.append(grants)


def sync_roles(apps=django_apps) -> None:
    """Apply every app's ROLE_PERMISSIONS (from its permissions.py) to the groups.

    Role migrations grant frozen copies of what they knew; this applies the
    tables as they are now. It runs after every `migrate` (post_migrate) and
    after a test flushes the database.
    """
    discover_permissions()
    for grants in _declared_grants:
        grant_permissions(apps, grants)


def sync_roles_after_migrate(sender, apps=django_apps, **kwargs) -> None:
    """post_migrate receiver: bring the roles up to date with the declared tables."""
    sync_roles(apps)


def grant_page_permissions(
    apps, page_model: str, role_permissions: dict[str, list[str]]
) -> None:
    """Give roles Wagtail page permissions on every page of `page_model` ("app.Model").

    For data migrations: pass a frozen copy of what is granted. Makes a role's
    group if it is missing, then only adds what is missing.
    """
    app_label, model_name = page_model.split(".")
    group_model = apps.get_model("auth", "Group")
    for role in role_permissions:
        group_model.objects.get_or_create(name=role)
    pages = apps.get_model(app_label, model_name).objects.all()
    for page_id in pages.values_list("pk", flat=True):
        grant_page_permissions_on(page_id, role_permissions, apps)


def grant_page_permissions_on(
    page_id: int, role_permissions: dict[str, list[str]], apps=django_apps
) -> None:
    """Give roles Wagtail page permissions on one page; its descendants inherit them.

    Only adds what is missing. A role whose group does not exist yet is passed
    over (migrations and `sync_roles` make the groups).
    """
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    grant_model = apps.get_model("wagtailcore", "GroupPagePermission")
    for group in group_model.objects.filter(name__in=role_permissions):
        for codename in role_permissions[group.name]:
            grant_model.objects.get_or_create(
                group=group,
                page_id=page_id,
                permission=permission_model.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )


def people_with_permission(codename: str, app_label: str):
    """Active people who hold a permission through a role, directly or as superusers."""
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    query = Q(is_superuser=True)
    if permission is not None:
        query |= Q(groups__permissions=permission) | Q(user_permissions=permission)
    return get_user_model().objects.filter(query, is_active=True).distinct()
