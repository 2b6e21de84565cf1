"""Give roles the permissions privacy/permissions.py declares."""

from django.db import migrations

from accounts import roles


# What the roles were given when this migration was written. A frozen copy:
# later permissions (for models that do not exist yet at this point) are
# given by later migrations and by accounts' post_migrate sync.
ROLE_PERMISSIONS_AT_THIS_POINT = {
    "Service manager": ["privacy.handle_requests", "privacy.view_accesslog"],
    "Administrator": [
        "privacy.handle_requests",
        "privacy.view_accesslog",
        "privacy.change_retentionsettings",
    ],
}


def grant(apps, schema_editor):
    roles.grant_permissions(apps, ROLE_PERMISSIONS_AT_THIS_POINT)


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
