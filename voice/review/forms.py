"""Forms for review cycles and actions. Writes go through services.py."""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts import roles
from voice.board.models import Recommendation
from voice.feedback.models import Feedback, Topic
from voice.feedback.receipts import normalise_receipt_code
from voice.moderation.models import ModeratedText, Theme
from voice.review.models import Action, Rating, ReviewCycle


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
    from voice.surveys.models import SurveyPage

    choices = []
    for survey in SurveyPage.objects.live().order_by("-first_published_at", "pk"):
        for block in survey.question_blocks():
            question = str(block.value.get("question", ""))
            choices.append((f"{survey.pk}:{block.id}", survey.title, question))
    return choices


def read_receipt_codes(typed: str) -> tuple[list[str], list[str]]:
    """The receipt codes in what staff typed, as stored, and anything that is not one.

    Codes may be typed as people type them: any case, with or without the
    dash, or with a space between the two halves (`kxtr 9mpa`). Codes are
    separated by commas, semicolons, new lines or spaces.
    """
    pieces = [piece for piece in re.split(r"[\s,;]+", typed) if piece]
    codes: list[str] = []
    not_codes: list[str] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        code = normalise_receipt_code(piece)
        if code is None and index + 1 < len(pieces):
            joined = normalise_receipt_code(piece + pieces[index + 1])
            if joined is not None:
                code = joined
                index += 1
        if code is None:
            not_codes.append(piece)
        else:
            codes.append(code)
        index += 1
    return list(dict.fromkeys(codes)), not_codes


class ActionForm(forms.ModelForm):
    recommendations = forms.ModelMultipleChoiceField(
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
    feedback_codes = forms.CharField(
        label=_("Feedback this came from"),
        required=False,
        help_text=_(
            "Receipt codes of approved feedback, separated by spaces or commas. The "
            "people who gave it will be told about this action."
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
            self.initial["feedback_codes"] = " ".join(
                self.instance.feedback.order_by("pk").values_list(
                    "receipt_code", flat=True
                )
            )

    def clean_survey_questions(self) -> list[tuple]:
        """The chosen questions as (survey page, block id, question text)."""
        from voice.surveys.models import SurveyPage

        values = self.cleaned_data["survey_questions"]
        chosen = [value.split(":", 1) for value in values]
        surveys = SurveyPage.objects.in_bulk([int(pk) for pk, _block in chosen])
        return [
            (surveys[int(pk)], block_id, self.question_texts[value])
            for (pk, block_id), value in zip(chosen, values, strict=True)
        ]

    def clean_feedback_codes(self) -> list[Feedback]:
        codes, not_codes = read_receipt_codes(self.cleaned_data["feedback_codes"])
        if not_codes:
            raise forms.ValidationError(
                _(
                    "These are not receipt codes (a code has 8 letters and "
                    "numbers, like KXTR-9MPA): %(codes)s"
                ),
                params={"codes": ", ".join(not_codes)},
            )
        codes = codes[:MAX_LINKED_CODES]
        if not codes:
            return []
        # Codes are stored as `KXTR-9MPA`; some older ones have no dash.
        stored_forms = codes + [code.replace("-", "") for code in codes]
        found = {
            normalise_receipt_code(item.receipt_code): item
            for item in Feedback.objects.filter(
                receipt_code__in=stored_forms
            ).select_related("moderated_text")
        }
        missing = [code for code in codes if code not in found]
        if missing:
            raise forms.ValidationError(
                _("We could not find feedback with these codes: %(codes)s"),
                params={"codes": ", ".join(missing)},
            )
        waiting = [
            code
            for code, item in found.items()
            if item.moderated_text.status != ModeratedText.Status.APPROVED
        ]
        if waiting:
            raise forms.ValidationError(
                _("Only approved feedback can be linked. Not approved: %(codes)s"),
                params={"codes": ", ".join(sorted(waiting))},
            )
        return list(dict.fromkeys(found[code] for code in codes))


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
