"""Side effects of saving survey pages, however they are saved.

Django's signals rather than Wagtail's admin hooks: migrations' follow-ups,
demo data and staff code make the survey section without the admin, and its
staff need their page permissions all the same. The work itself is in
`page_access.py`; the receiver only decides when.
"""

from django.db.models.signals import post_save

from voice.surveys.models import SurveyIndexPage
from voice.surveys.page_access import grant_survey_page_permissions


def grant_permissions_on_new_survey_section(
    sender, instance: SurveyIndexPage, created: bool, raw: bool = False, **kwargs
):
    if created and not raw:
        grant_survey_page_permissions(instance)


def connect_signals() -> None:
    post_save.connect(
        grant_permissions_on_new_survey_section,
        sender=SurveyIndexPage,
        dispatch_uid="survey-section-permissions",
    )
