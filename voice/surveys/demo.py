"""Demo surveys: one open now, last year's run of it with results, and what we told young people."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable

from django.utils import timezone

from voice.moderation.models import ModeratedText
from voice.moderation.services import submit_text
from voice.surveys.models import (
    AgeBand,
    Answer,
    Audience,
    Mode,
    SpeakerType,
    SurveyIndexPage,
    SurveyPage,
    SurveyResponse,
    SurveySummaryPage,
)
from voice.surveys.page_access import grant_survey_page_permissions

QUESTIONS = [
    (
        "emoji_scale",
        {
            "question": "How do you feel about your meetings with your worker?",
            "help_text": "",
            "required": True,
            "label_1": "Very unhappy",
            "label_2": "Unhappy",
            "label_3": "Okay",
            "label_4": "Happy",
            "label_5": "Very happy",
        },
    ),
    (
        "yes_no",
        {
            "question": "Do you know who to talk to if you are worried?",
            "help_text": "",
            "required": True,
        },
    ),
    (
        "one_choice",
        {
            "question": "Where do you like to meet?",
            "help_text": "",
            "required": False,
            "choices": ["At the office", "At home", "Somewhere else, like a café"],
        },
    ),
    (
        "several_choices",
        {
            "question": "What would you like more of?",
            "help_text": "",
            "required": False,
            "choices": ["Sport", "Music", "Cooking", "Help with school", "Trips"],
        },
    ),
    (
        "rating",
        {
            "question": "How much do we listen to you?",
            "help_text": "0 means not at all. 10 means all the time.",
            "required": True,
            "low_label": "Not at all",
            "high_label": "All the time",
        },
    ),
    (
        "short_text",
        {
            "question": "What is one thing we do well?",
            "help_text": "",
            "required": False,
        },
    ),
    (
        "long_text",
        {
            "question": "What should we change?",
            "help_text": "Tell us as much as you like.",
            "required": False,
        },
    ),
]

GOOD_THINGS = [
    "My worker listens",
    "The trips",
    "You text me before meetings",
    "Being on time",
]
CHANGES = [
    "Meet somewhere that is not the office",
    "More things to do in the holidays",
    "Shorter meetings",
]


def seed(context: dict) -> None:
    home = context.get("home")
    if home is None:
        return
    index = SurveyIndexPage.objects.first()
    if index is None:
        index = SurveyIndexPage(
            title="Have your say",
            slug="have-your-say",
            intro="Answer a few questions. It only takes a few minutes.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    grant_survey_page_permissions(index)

    now = timezone.now()
    last_year = ensure_survey(
        index,
        slug="how-are-we-doing-last-year",
        title="How are we doing? (last year)",
        opens_at=now - datetime.timedelta(days=400),
        closes_at=now - datetime.timedelta(days=370),
        previous_run=None,
    )
    current = ensure_survey(
        index,
        slug="how-are-we-doing",
        title="How are we doing?",
        opens_at=now - datetime.timedelta(days=7),
        closes_at=now + datetime.timedelta(days=60),
        previous_run=last_year,
    )
    add_demo_responses(last_year, count=30, mood_shift=-1, seed=1)
    add_demo_responses(current, count=36, mood_shift=0, seed=2)
    ensure_summary(index, last_year)


def ensure_survey(
    index, *, slug, title, opens_at, closes_at, previous_run
) -> SurveyPage:
    survey = SurveyPage.objects.child_of(index).filter(slug=slug).first()
    if survey is None:
        survey = SurveyPage(
            slug=slug,
            title=title,
            intro="We want to know what it is like to work with us. Be honest: it helps.",
            questions=QUESTIONS,
            audience=Audience.ANYONE,
            mode=Mode.ANONYMOUS,
            opens_at=opens_at,
            closes_at=closes_at,
            previous_run=previous_run,
        )
        index.add_child(instance=survey)
        survey.save_revision().publish()
    return survey


def add_demo_responses(survey: SurveyPage, *, count: int, mood_shift: int, seed: int):
    """Believable anonymous answers, made once."""
    if SurveyResponse.objects.filter(survey=survey).exists():
        return
    chance = random.Random(seed)  # noqa: S311 - demo data, not security
    questions = survey.question_blocks()
    speakers = [SpeakerType.YOUNG_PERSON] * 2 + [SpeakerType.PARENT_CARER]
    ages = [AgeBand.UNDER_14, AgeBand.FROM_14, AgeBand.FROM_16, AgeBand.FROM_16]
    for number in range(count):
        speaker = chance.choice(speakers)
        response = SurveyResponse.objects.create(
            survey=survey,
            speaker_type=speaker,
            age_band=chance.choice(ages) if speaker == SpeakerType.YOUNG_PERSON else "",
            submitted_at=survey.opens_at + datetime.timedelta(hours=number * 5),
        )
        rows = made_up_answers(
            response,
            questions,
            chance,
            mood_shift=mood_shift,
            text_share=0.5,
            written=lambda kind: approved_text(
                chance.choice(GOOD_THINGS if kind == "short_text" else CHANGES)
            ),
        )
        Answer.objects.bulk_create(rows)


def made_up_answers(
    response: SurveyResponse,
    questions,
    chance: random.Random,
    *,
    mood_shift: int = 0,
    text_share: float,
    written: Callable[[str], ModeratedText],
) -> list[Answer]:
    """Unsaved answers of one response: one a question, two for several choices.

    Scales lean happy, moved by `mood_shift`. About `text_share` of the written
    questions get an answer, whose words `written(kind)` gives.
    """
    about = {"speaker_type": response.speaker_type, "age_band": response.age_band}
    rows = []
    for question in questions:
        kind = question.block_type
        if kind == "several_choices":
            picked = chance.sample(list(question.value["choices"]), 2)
            rows += [
                Answer(
                    survey_id=response.survey_id,
                    response=response,
                    question_id=question.id,
                    choice=choice,
                    counts_person=place == 0,
                    **about,
                )
                for place, choice in enumerate(picked)
            ]
            continue
        answer = Answer(
            survey_id=response.survey_id,
            response=response,
            question_id=question.id,
            **about,
        )
        if kind == "emoji_scale":
            answer.number = max(1, min(5, chance.randint(2, 5) + mood_shift))
        elif kind == "yes_no":
            answer.number = 1 if chance.random() < 0.75 else 0
        elif kind == "rating":
            answer.number = max(0, min(10, chance.randint(4, 10) + mood_shift))
        elif kind == "one_choice":
            answer.choice = chance.choice(question.value["choices"])
        elif chance.random() < 1 - text_share:
            continue  # this person left it empty
        else:
            answer.moderated_text = written(kind)
        rows.append(answer)
    return rows


def approved_text(words: str) -> ModeratedText:
    """A survey answer's words, screened and approved as a moderator would."""
    item = submit_text(text=words, kind=ModeratedText.Kind.SURVEY_ANSWER)
    item.status = ModeratedText.Status.APPROVED
    item.decided_at = timezone.now()
    item.save(update_fields=["status", "decided_at"])
    return item


def ensure_summary(index, survey: SurveyPage) -> None:
    if SurveySummaryPage.objects.filter(survey=survey).exists():
        return
    summary = SurveySummaryPage(
        title="What you told us last year",
        slug="what-you-told-us",
        survey=survey,
        intro="Thank you to everyone who answered. Here is what you said, and what we did.",
        body=[
            ("heading", "What we changed"),
            (
                "paragraph",
                "<p>You said the office is not a nice place to meet. Now you can "
                "choose to meet at the youth centre or a café instead.</p>",
            ),
        ],
    )
    index.add_child(instance=summary)
    summary.save_revision().publish()
