"""The form a person fills in, built from the survey's question blocks."""

from __future__ import annotations

import re
import secrets

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.roles import speaker_choices_for
from voice.surveys.blocks import INVALID_CHOICE
from voice.surveys.models import AgeBand, SpeakerType, SurveyPage

TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
ABOUT_YOU_FIELDS = ("speaker_type", "age_band")


def field_name(question_id: str) -> str:
    return f"q_{question_id}"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SurveyForm(forms.Form):
    """One field per question (named after its block id), then the optional 'about you' questions."""

    template_name = "surveys/form.html"
    submission_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, survey: SurveyPage, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.questions = survey.question_blocks()
        for question in self.questions:
            self.fields[field_name(question.id)] = question.block.make_field(
                question.value
            )
        if survey.ask_about_you:
            self.fields["speaker_type"] = forms.ChoiceField(
                label=_("Who are you?"),
                choices=SpeakerType.choices,
                widget=forms.RadioSelect,
                required=False,
                error_messages={"invalid_choice": INVALID_CHOICE},
            )
            self.limit_speakers(user)
            self.fields["age_band"] = forms.ChoiceField(
                label=_("How old are you?"),
                choices=AgeBand.choices,
                widget=forms.RadioSelect,
                required=False,
                error_messages={"invalid_choice": INVALID_CHOICE},
            )
        if not self.is_bound and not self.initial.get("submission_token"):
            self.initial["submission_token"] = new_token()

    def limit_speakers(self, user) -> None:
        field = self.fields["speaker_type"]
        field.choices = speaker_choices_for(user, field.choices)

    def clean_submission_token(self) -> str:
        token = self.cleaned_data.get("submission_token", "")
        if not TOKEN_PATTERN.match(token or ""):
            # A missing or mangled token: keep the answers and give a fresh one.
            self.data = self.data.copy()
            self.data["submission_token"] = new_token()
            # Said above the questions: the token is not a field people can see.
            self.add_error(
                None,
                _(
                    "Something went wrong sending this. Your answers are still "
                    "here: please send them again."
                ),
            )
            return ""
        return token

    def steps(self) -> list[dict]:
        """Each question with its bound field, number and total, for one-per-screen display."""
        names = [field_name(q.id) for q in self.questions]
        if self.survey.ask_about_you:
            names += list(ABOUT_YOU_FIELDS)
        total = len(names)
        return [
            {"number": number, "total": total, "field": self[name]}
            for number, name in enumerate(names, start=1)
        ]

    def answers_by_question(self) -> dict[str, object]:
        return {q.id: self.cleaned_data.get(field_name(q.id)) for q in self.questions}


def initial_from_response(survey: SurveyPage, response) -> dict:
    """What a person answered before, to fill the form when they come back to change it."""
    rows_by_question: dict[str, list] = {}
    for answer in response.answers.select_related("moderated_text"):
        rows_by_question.setdefault(answer.question_id, []).append(answer)
    initial = {
        "speaker_type": response.speaker_type,
        "age_band": response.age_band,
    }
    for question in survey.question_blocks():
        value = question.block.initial_from_rows(rows_by_question.get(question.id, []))
        if value is not None:
            initial[field_name(question.id)] = value
    return initial
