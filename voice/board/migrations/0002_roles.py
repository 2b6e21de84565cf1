"""Give the roles the board permissions voice/board/permissions.py lists."""

from django.db import migrations

from accounts import roles


# What the roles were given when this migration was written. A frozen copy:
# later permissions (for models that do not exist yet at this point) are
# given by later migrations and by accounts' post_migrate sync.
ROLE_PERMISSIONS_AT_THIS_POINT = {
    "Shadow board member": ["board.access_members_area", "board.take_part_as_member"],
    "Programme staff": [
        "board.access_members_area",
        "board.run_meeting",
        "board.review_applications",
    ],
    "Service manager": [
        "board.access_members_area",
        "board.run_meeting",
        "board.review_applications",
        "board.respond_to_recommendations",
    ],
    "Administrator": [
        "board.access_members_area",
        "board.run_meeting",
        "board.review_applications",
        "board.respond_to_recommendations",
    ],
}


def grant(apps, schema_editor):
    roles.grant_permissions(apps, ROLE_PERMISSIONS_AT_THIS_POINT)


class Migration(migrations.Migration):
    dependencies = [
        ("board", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
