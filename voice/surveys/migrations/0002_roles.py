"""Give roles the survey permissions voice/surveys/permissions.py lists."""

from django.db import migrations

from accounts import roles


# What the roles were given when this migration was written. A frozen copy:
# later permissions (for models that do not exist yet at this point) are
# given by later migrations and by accounts' post_migrate sync.
ROLE_PERMISSIONS_AT_THIS_POINT = {
    "Programme staff": ["surveys.view_results"],
    "Service manager": ["surveys.view_results"],
    "Administrator": ["surveys.view_results"],
}


def grant(apps, schema_editor):
    roles.grant_permissions(apps, ROLE_PERMISSIONS_AT_THIS_POINT)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
