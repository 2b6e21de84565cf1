"""Programme staff and service managers write and publish surveys, without demo content.

Before this, only the demo content gave them page permissions on the survey
index. A frozen copy of voice/surveys/page_access.py's grants at this point,
applied to the survey index if the site already has one (a new one gets them
when it is made).
"""

from django.db import migrations

from accounts import roles

SURVEY_PAGE_PERMISSIONS_AT_THIS_POINT = {
    roles.PROGRAMME_STAFF: ["add_page", "change_page", "publish_page"],
    roles.SERVICE_MANAGER: ["add_page", "change_page", "publish_page"],
}


def grant(apps, schema_editor):
    roles.grant_page_permissions(
        apps, "surveys.SurveyIndexPage", SURVEY_PAGE_PERMISSIONS_AT_THIS_POINT
    )


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0004_survey_invitations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
