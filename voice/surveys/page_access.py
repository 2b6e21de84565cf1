"""Who may write surveys in the Wagtail admin: the staff who run them.

Programme staff and service managers add, edit and publish survey pages under
the survey index. Given when the index is made (signals.py) and, for
a site that already had one, by migration 0005.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from accounts import roles

SURVEY_PAGE_PERMISSIONS = {
    roles.PROGRAMME_STAFF: ["add_page", "change_page", "publish_page"],
    roles.SERVICE_MANAGER: ["add_page", "change_page", "publish_page"],
}


def grant_survey_page_permissions(index_page) -> None:
    """Give the survey staff their page permissions on the survey index (only what is missing)."""
    for group in Group.objects.filter(name__in=SURVEY_PAGE_PERMISSIONS):
        for codename in SURVEY_PAGE_PERMISSIONS[group.name]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=index_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
