"""Starter safeguarding phrases, not-shared reasons and themes; moderation permissions for roles.

Services edit these lists in the admin ("Moderation lists"); this only gives a
new site a sensible start. Existing rows are never overwritten.
"""

from django.db import migrations

from accounts import roles
from voice.safeguarding import starter_lists

ROLE_PERMISSIONS_AT_THIS_POINT = {
    roles.MODERATOR: [
        "moderation.moderate_text",
        "moderation.view_theme",
        "moderation.add_theme",
        "moderation.change_theme",
        "moderation.view_notsharedreason",
    ],
    roles.SAFEGUARDING_LEAD: [
        "moderation.handle_safeguarding",
        "moderation.moderate_text",
        "moderation.view_theme",
        "moderation.add_theme",
        "moderation.change_theme",
        "moderation.view_notsharedreason",
        "moderation.view_safeguardingphrase",
        "moderation.add_safeguardingphrase",
        "moderation.change_safeguardingphrase",
    ],
    roles.ADMINISTRATOR: [
        "moderation.handle_safeguarding",
        "moderation.moderate_text",
        "moderation.view_theme",
        "moderation.add_theme",
        "moderation.change_theme",
        "moderation.delete_theme",
        "moderation.view_notsharedreason",
        "moderation.add_notsharedreason",
        "moderation.change_notsharedreason",
        "moderation.view_safeguardingphrase",
        "moderation.add_safeguardingphrase",
        "moderation.change_safeguardingphrase",
    ],
}


def add_starter_lists(apps, schema_editor):
    starter_lists.add_starter_lists(apps, phrase_app="moderation")


def grant_role_permissions(apps, schema_editor):
    roles.grant_permissions(apps, ROLE_PERMISSIONS_AT_THIS_POINT)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0004_proposed_redaction"),
        ("accounts", "0002_roles"),
    ]

    operations = [
        migrations.RunPython(add_starter_lists, migrations.RunPython.noop),
        migrations.RunPython(grant_role_permissions, migrations.RunPython.noop),
    ]
