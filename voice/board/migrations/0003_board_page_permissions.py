"""Programme staff and service managers edit the shadow board's pages.

A frozen copy of voice/board/page_access.py's grants at this point, applied to
the board's front page if the site already has one (new ones get them when
they are made).
"""

from django.db import migrations

from accounts import roles

BOARD_PAGE_PERMISSIONS_AT_THIS_POINT = {
    roles.PROGRAMME_STAFF: ["add_page", "change_page", "publish_page"],
    roles.SERVICE_MANAGER: ["add_page", "change_page", "publish_page"],
}


def grant(apps, schema_editor):
    roles.grant_page_permissions(
        apps, "board.BoardIndexPage", BOARD_PAGE_PERMISSIONS_AT_THIS_POINT
    )


class Migration(migrations.Migration):
    dependencies = [
        ("board", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
