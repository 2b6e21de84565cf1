"""How Wagtail serves survey pages, and a way from its admin to the survey results.

A survey page is answered through `views.answer_survey`. It is wrapped
around Wagtail's serving with `on_serve_page` at an order after Wagtail's own
page-privacy check (order 0), so a private survey stays private. Not
`before_serve_page`: those hooks run before the privacy check, and a page
served from one would skip it.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from voice.surveys import views
from voice.surveys.models import SurveyPage
from voice.surveys.permissions import VIEW_RESULTS

# Inside Wagtail's page-privacy check, which is registered at order 0.
AFTER_PAGE_PRIVACY = 10


@hooks.register("on_serve_page", order=AFTER_PAGE_PRIVACY)
def answer_survey_pages(serve_page):
    def serve(page, request, serve_args, serve_kwargs):
        if isinstance(page, SurveyPage):
            return views.answer_survey(request, page)
        return serve_page(page, request, serve_args, serve_kwargs)

    return serve


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
