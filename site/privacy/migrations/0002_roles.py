"""Give roles the permissions privacy/permissions.py declares."""

from django.db import migrations

from accounts import roles


def grant(apps, schema_editor):
    from privacy.permissions import ROLE_PERMISSIONS

    roles.grant_permissions(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
