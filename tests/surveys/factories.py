"""Surveys for tests: made under a survey index page, with every question type by default."""

import datetime

from django.utils import timezone

from voice.surveys.models import Audience, Mode, SurveyIndexPage, SurveyPage

EVERY_QUESTION_TYPE = [
    (
        "emoji_scale",
        {
            "question": "How was today?",
            "help_text": "Pick a face.",
            "required": True,
            "label_1": "Very unhappy",
            "label_2": "Unhappy",
            "label_3": "Okay",
            "label_4": "Happy",
            "label_5": "Very happy",
        },
    ),
    ("yes_no", {"question": "Did you feel safe?", "help_text": "", "required": True}),
    (
        "one_choice",
        {
            "question": "Where do you like to meet?",
            "help_text": "",
            "required": False,
            "choices": ["Office", "Home", "Café"],
        },
    ),
    (
        "several_choices",
        {
            "question": "What would you like more of?",
            "help_text": "",
            "required": False,
            "choices": ["Sport", "Music", "Trips"],
        },
    ),
    (
        "short_text",
        {"question": "One good thing?", "help_text": "", "required": False},
    ),
    (
        "long_text",
        {"question": "What should we change?", "help_text": "", "required": False},
    ),
    (
        "rating",
        {
            "question": "How much do we listen?",
            "help_text": "",
            "required": True,
            "low_label": "Not at all",
            "high_label": "All the time",
        },
    ),
]


def survey_index(home_page) -> SurveyIndexPage:
    index = SurveyIndexPage.objects.first()
    if index is None:
        index = SurveyIndexPage(title="Have your say", slug="have-your-say")
        home_page.add_child(instance=index)
    return index


def make_survey(home_page, *, questions=None, **fields) -> SurveyPage:
    """A live survey open now (unless the fields say otherwise)."""
    now = timezone.now()
    index = survey_index(home_page)
    defaults = {
        "title": "How are we doing?",
        "slug": f"survey-{SurveyPage.objects.count() + 1}",
        "questions": questions if questions is not None else EVERY_QUESTION_TYPE,
        "audience": Audience.ANYONE,
        "mode": Mode.ANONYMOUS,
        "opens_at": now - datetime.timedelta(days=1),
        "closes_at": now + datetime.timedelta(days=7),
    }
    defaults.update(fields)
    survey = SurveyPage(**defaults)
    index.add_child(instance=survey)
    survey.save_revision().publish()
    survey.refresh_from_db()
    return survey


def question_ids(survey) -> dict[str, str]:
    """Block type → the field name of the first question of that type."""
    return {
        block.block_type: f"q_{block.id}" for block in reversed(list(survey.questions))
    }
