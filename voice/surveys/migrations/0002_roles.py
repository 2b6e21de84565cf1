"""Give roles the survey permissions voice/surveys/permissions.py lists."""

from django.db import migrations

from accounts import roles


def grant(apps, schema_editor):
    from voice.surveys.permissions import ROLE_PERMISSIONS

    roles.grant_permissions(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
