"""The roles people have, as Django groups, and where each one lands after signing in.

Each app grants its own permissions to these roles in a data migration with
`grant_permissions`, so a role's powers are read in one place per app.
"""

from django.contrib.auth.management import create_permissions

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


def landing_for(user) -> str:
    held = role_names(user)
    if user.is_superuser:
        held = held | {ADMINISTRATOR}
    for role, target in LANDING_PAGES:
        if role in held:
            return target
    return "/"


def grant_permissions(apps, role_permissions: dict[str, list[str]]) -> None:
    """Give roles permissions from a data migration.

    Permission rows are normally made after all migrations (post_migrate), so
    they are made here first for the apps that exist at this point.
    """
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
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


def sync_roles() -> None:
    """Apply every app's ROLE_PERMISSIONS (from its permissions.py) to the groups.

    Migrations do this as apps arrive; this restores it at once, e.g. after a
    test flushes the database or after an upgrade adds permissions.
    """
    from django.apps import apps

    from accounts.access import project_permission_modules

    for module in project_permission_modules():
        grants = getattr(module, "ROLE_PERMISSIONS", None)
        if grants:
            grant_permissions(apps, grants)


def grant_page_permissions(
    apps, page_model: str, role_permissions: dict[str, list[str]]
) -> None:
    """Give roles Wagtail page permissions on every page of `page_model` ("app.Model").

    For data migrations: pass a frozen copy of what is granted. Only adds what
    is missing; the pages' descendants inherit the permissions.
    """
    app_label, model_name = page_model.split(".")
    model = apps.get_model(app_label, model_name)
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    grant_model = apps.get_model("wagtailcore", "GroupPagePermission")
    for page in model.objects.all():
        for role, codenames in role_permissions.items():
            group, _ = group_model.objects.get_or_create(name=role)
            for codename in codenames:
                grant_model.objects.get_or_create(
                    group=group,
                    page_id=page.pk,
                    permission=permission_model.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )
