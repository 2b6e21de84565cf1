"""Who may edit the shadow board's pages: the staff who run the board.

Programme staff run meetings and service managers answer the board, so both
write and publish the board's front page and its meeting pages.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from accounts import roles

BOARD_PAGE_PERMISSIONS = {
    roles.PROGRAMME_STAFF: ["add_page", "change_page", "publish_page"],
    roles.SERVICE_MANAGER: ["add_page", "change_page", "publish_page"],
}


def grant_board_page_permissions(index_page) -> None:
    """Give the board's staff their page permissions on the board's front page."""
    for group in Group.objects.filter(name__in=BOARD_PAGE_PERMISSIONS):
        for codename in BOARD_PAGE_PERMISSIONS[group.name]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=index_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
