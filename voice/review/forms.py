"""Forms for review cycles and actions. Writes go through services.py."""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts import roles
from pages.ids import IdChoiceField, IdMultipleChoiceField, parse_id
from voice.board.models import Recommendation
from voice.feedback.models import Feedback, Topic
from voice.moderation.models import ModeratedText, Theme
from voice.review.models import Action, Rating, ReviewCycle
from voice.surveys.models import SurveyPage


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


# Enough for any one action; keeps the lookup small.
MAX_LINKED_CODES = 200


class ReviewCycleForm(forms.ModelForm):
    class Meta:
        model = ReviewCycle
        fields = ["name", "start", "end"]
        labels = {"start": _("First day"), "end": _("Last day")}
        widgets = {"start": DateInput(), "end": DateInput()}


class ReachForm(forms.Form):
    """How many children the service worked with: the reach figure's denominator."""

    children_worked_with = forms.IntegerField(
        label=_("Children the service worked with in this period"),
        help_text=_("From your case records. Counted once each, whatever the visits."),
    )

    def __init__(self, *args, children_heard: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.children_heard = children_heard

    def clean_children_worked_with(self) -> int:
        number = self.cleaned_data["children_worked_with"]
        if number < 0:
            raise forms.ValidationError(_("This cannot be below 0."))
        if number < self.children_heard:
            raise forms.ValidationError(
                _(
                    "%(heard)s children gave their view in this period, so the "
                    "service worked with at least %(heard)s."
                ),
                params={"heard": self.children_heard},
            )
        return number


def staff_people():
    """People who can own an action: anyone in a staff role."""
    return (
        get_user_model()
        .objects.filter(
            Q(groups__name__in=roles.STAFF_ROLES) | Q(is_superuser=True),
            is_active=True,
        )
        .distinct()
        .order_by("username")
    )


def survey_questions() -> list[tuple[str, str, str]]:
    """Every question of every published survey, as ("survey:block", survey title, question)."""
    choices = []
    for survey in SurveyPage.objects.live().order_by("-first_published_at", "pk"):
        for block in survey.question_blocks():
            question = str(block.value.get("question", ""))
            choices.append((f"{survey.pk}:{block.id}", survey.title, question))
    return choices


def read_feedback_numbers(typed: str) -> tuple[list[int], list[str]]:
    """The feedback numbers in what staff typed, and anything that is not one.

    Staff refer to feedback by its own number (`Feedback 123`, or `#123`),
    never by the receipt code, which is the young person's secret. Numbers
    are separated by commas, semicolons, new lines or spaces.
    """
    numbers: list[int] = []
    not_numbers: list[str] = []
    for piece in re.split(r"[\s,;]+", typed):
        if not piece or piece.lower() == "feedback":
            continue
        number = parse_id(piece.lstrip("#"))
        if number is not None:
            numbers.append(number)
        else:
            not_numbers.append(piece)
    return list(dict.fromkeys(numbers)), not_numbers


class ActionForm(forms.ModelForm):
    recommendations = IdMultipleChoiceField(
        label=_("Shadow board recommendations this answers"),
        queryset=Recommendation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(),
        help_text=_(
            "Board members are told about this action, and again when its status "
            "changes."
        ),
    )
    survey_questions = forms.MultipleChoiceField(
        label=_("Survey questions this came from"),
        required=False,
        widget=forms.CheckboxSelectMultiple(),
    )
    feedback_numbers = forms.CharField(
        label=_("Feedback this came from"),
        required=False,
        help_text=_(
            "Numbers of approved feedback (as in “Feedback 123”), separated by "
            "spaces or commas. The people who gave it will be told about this "
            "action."
        ),
    )

    class Meta:
        model = Action
        fields = [
            "topic",
            "what_we_heard",
            "what_we_will_do",
            "themes",
            "owner",
            "due_date",
        ]
        labels = {
            "what_we_heard": _("What we heard (“You said…”)"),
            "what_we_will_do": _("What we will do (“We did…”)"),
        }
        widgets = {
            "what_we_heard": forms.Textarea(attrs={"rows": 3}),
            "what_we_will_do": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.CheckboxSelectMultiple(),
            "due_date": DateInput(),
        }
        field_classes = {
            "topic": IdChoiceField,
            "themes": IdMultipleChoiceField,
            "owner": IdChoiceField,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.all()
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["owner"].queryset = staff_people()
        self.fields[
            "recommendations"
        ].queryset = Recommendation.objects.submitted().order_by("-submitted_at", "-pk")
        questions = survey_questions()
        self.question_texts = {value: text for value, _title, text in questions}
        self.fields["survey_questions"].choices = [
            (value, f"{title}: {text}") for value, title, text in questions
        ]
        if self.instance.pk and not self.is_bound:
            self.initial["recommendations"] = list(
                self.instance.recommendations.values_list("pk", flat=True)
            )
            self.initial["survey_questions"] = [
                f"{link.survey_id}:{link.block_id}"
                for link in self.instance.survey_questions.all()
            ]
            self.initial["feedback_numbers"] = " ".join(
                str(pk)
                for pk in self.instance.feedback.order_by("pk").values_list(
                    "pk", flat=True
                )
            )

    def clean_survey_questions(self) -> list[tuple]:
        """The chosen questions as (survey page, block id, question text)."""
        values = self.cleaned_data["survey_questions"]
        chosen = [value.split(":", 1) for value in values]
        surveys = SurveyPage.objects.in_bulk([int(pk) for pk, _block in chosen])
        return [
            (surveys[int(pk)], block_id, self.question_texts[value])
            for (pk, block_id), value in zip(chosen, values, strict=True)
        ]

    def clean_feedback_numbers(self) -> list[Feedback]:
        numbers, not_numbers = read_feedback_numbers(
            self.cleaned_data["feedback_numbers"]
        )
        if not_numbers:
            raise forms.ValidationError(
                _(
                    "These are not feedback numbers (a number like 123, as in "
                    "“Feedback 123”): %(numbers)s"
                ),
                params={"numbers": ", ".join(not_numbers)},
            )
        numbers = numbers[:MAX_LINKED_CODES]
        if not numbers:
            return []
        found = Feedback.objects.select_related("moderated_text").in_bulk(numbers)
        missing = [str(number) for number in numbers if number not in found]
        if missing:
            raise forms.ValidationError(
                _("We could not find feedback with these numbers: %(numbers)s"),
                params={"numbers": ", ".join(missing)},
            )
        waiting = [
            str(number)
            for number in numbers
            if found[number].moderated_text.status != ModeratedText.Status.APPROVED
        ]
        if waiting:
            raise forms.ValidationError(
                _("Only approved feedback can be linked. Not approved: %(numbers)s"),
                params={"numbers": ", ".join(waiting)},
            )
        return [found[number] for number in numbers]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Action.Status.choices)
    reason = forms.CharField(
        label=_("Why it was not possible"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed for “Not possible”. Plain words: it is shown publicly."),
    )
    note = forms.CharField(
        label=_("Progress note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For staff only."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == Action.Status.NOT_POSSIBLE
            and not (cleaned.get("reason") or "").strip()
        ):
            self.add_error("reason", _("Say why it was not possible."))
        return cleaned


class ProgressNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Progress note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("For staff only."),
    )


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(choices=Rating.choices, coerce=int)
