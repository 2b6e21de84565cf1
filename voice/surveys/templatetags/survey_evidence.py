"""Survey findings for the shadow board's evidence page: published summaries and headline figures."""

import datetime

from django import template
from django.utils import timezone

from privacy.small_groups import MIN_GROUP_SIZE
from voice.surveys.review_sections import survey_headlines
from voice.surveys.selectors import published_summaries

register = template.Library()

CLOSED_WITHIN = datetime.timedelta(days=365)
SURVEYS_SHOWN = 6


@register.inclusion_tag("surveys/includes/board_evidence.html")
def survey_evidence():
    """Surveys closed in the last year (5 or more responses) and 'what you told us' pages.

    Only counts and averages: no written answers, no question fewer than MIN_GROUP_SIZE
    people answered. A fixed number of queries, whatever the data size.
    """
    now = timezone.now()
    surveys = [
        item
        for item in survey_headlines(
            now - CLOSED_WITHIN,
            now,
            now,
            include_text=False,
            newest=SURVEYS_SHOWN,
        )
        if item.responses >= MIN_GROUP_SIZE
    ]
    return {
        "summaries": published_summaries()[:SURVEYS_SHOWN],
        "surveys": surveys,
        "min_group_size": MIN_GROUP_SIZE,
    }
