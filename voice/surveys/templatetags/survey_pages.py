"""What the survey pages list and count, read when their templates need it.

The survey section, the /surveys/ list and a 'what you told us' page show
these; page models do not read selectors, so the reads are here.
"""

from django import template

from voice.surveys.models import SurveyPage
from voice.surveys.selectors import (
    SurveyResults,
    open_surveys_for,
    public_results,
    published_summaries,
)

register = template.Library()


@register.inclusion_tag("surveys/includes/survey_cards.html", takes_context=True)
def survey_cards(context):
    """The surveys this person may answer now, and what earlier surveys told us."""
    user = context["request"].user
    return {
        "user": user,
        "surveys": open_surveys_for(user),
        "summaries": published_summaries(),
    }


@register.simple_tag
def survey_public_results(survey: SurveyPage) -> SurveyResults:
    """Counts young people may see: set-answer questions that 5 or more answered."""
    return public_results(survey)
