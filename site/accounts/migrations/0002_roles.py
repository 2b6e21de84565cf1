"""Create the roles as groups with the permissions accounts/permissions.py gives them."""

from django.db import migrations

from accounts import roles


def create_roles(apps, schema_editor):
    from accounts.permissions import AGREE_SIGN_IN_CODES, ROLE_PERMISSIONS

    # That permission arrives with 0004, which grants it.
    roles.grant_permissions(
        apps,
        {
            role: [name for name in granted if name != AGREE_SIGN_IN_CODES]
            for role, granted in ROLE_PERMISSIONS.items()
        },
    )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=roles.ALL_ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
