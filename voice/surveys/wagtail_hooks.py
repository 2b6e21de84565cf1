"""A way from the Wagtail admin to the survey results, for those who may see them."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from voice.surveys.models import SurveyPage
from voice.surveys.permissions import VIEW_RESULTS


class SurveyResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_RESULTS)


@hooks.register("register_admin_menu_item")
def register_survey_results_menu_item():
    return SurveyResultsMenuItem(
        _("Survey results"),
        reverse("survey_admin:list"),
        icon_name="table",
        order=310,
    )


@hooks.register("register_page_header_buttons")
def survey_results_button(page, user, view_name=None, next_url=None):
    survey_page = page.specific_class and issubclass(page.specific_class, SurveyPage)
    if survey_page and user.has_perm(VIEW_RESULTS):
        yield Button(
            _("Results"),
            reverse("survey_admin:results", args=[page.pk]),
            icon_name="table",
            priority=60,
        )
