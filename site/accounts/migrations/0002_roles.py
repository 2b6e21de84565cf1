"""Create the roles as groups with the permissions accounts/permissions.py gives them."""

from django.db import migrations

from accounts import roles


# What the roles were given when this migration was written. A frozen copy:
# later permissions (for models that do not exist yet at this point) are
# given by later migrations and by accounts' post_migrate sync.
ROLE_PERMISSIONS_AT_THIS_POINT = {
    "Case worker": ["accounts.access_staff_area", "accounts.create_supported_account"],
    "Moderator": ["accounts.access_staff_area", "wagtailadmin.access_admin"],
    "Safeguarding lead": ["accounts.access_staff_area", "wagtailadmin.access_admin"],
    "Programme staff": ["accounts.access_staff_area", "wagtailadmin.access_admin"],
    "Service manager": ["accounts.access_staff_area", "wagtailadmin.access_admin"],
    "Administrator": [
        "accounts.access_staff_area",
        "wagtailadmin.access_admin",
        "accounts.create_supported_account",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_user",
        "auth.view_group",
        "auth.change_group",
    ],
    # Roles with no permissions yet still exist as groups.
    "Young person": [],
    "Parent or carer": [],
    "Shadow board member": [],
}


def create_roles(apps, schema_editor):
    roles.grant_permissions(apps, ROLE_PERMISSIONS_AT_THIS_POINT)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=roles.ALL_ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
