"""Service managers, who approve programme pages, may also edit them.

A frozen copy of what programmes/page_access.py adds at this point, applied to
the programmes section if the site already has one.
"""

from django.db import migrations

from accounts import roles

APPROVER_PAGE_PERMISSIONS_AT_THIS_POINT = {roles.SERVICE_MANAGER: ["change_page"]}


def grant(apps, schema_editor):
    roles.grant_page_permissions(
        apps, "programmes.ProgrammeIndexPage", APPROVER_PAGE_PERMISSIONS_AT_THIS_POINT
    )


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0002_roles_and_approval"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
