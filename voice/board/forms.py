"""Forms for the shadow board, with messages in plain words."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pages.ids import IdChoiceField, IdMultipleChoiceField
from voice.board.models import (
    ManagementResponse,
    MeetingPage,
    MemberProfile,
    Question,
    Vote,
)
from voice.board.selectors import shared_feedback
from voice.moderation.models import Theme


class ApplicationForm(forms.Form):
    chosen_name = forms.CharField(
        label=_("What should we call you?"),
        max_length=30,
        help_text=_("Your first name or a name you choose. Not your surname."),
        error_messages={"required": _("Please tell us what to call you.")},
    )
    why = forms.CharField(
        label=_("Why would you like to join the board?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        help_text=_("A few words is fine. A worker will read this."),
        error_messages={"required": _("Please tell us a little about why.")},
    )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = MemberProfile
        fields = ["chosen_name", "avatar", "is_public"]
        widgets = {"avatar": forms.RadioSelect}
        labels = {
            "chosen_name": _("Name to show"),
            "avatar": _("Picture to show"),
            "is_public": _("Yes, show my name and picture on the board's public page"),
        }
        error_messages = {
            "chosen_name": {"required": _("Please choose a name to show.")},
            "avatar": {"required": _("Please choose a picture.")},
        }


class RecommendationForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=150,
        error_messages={"required": _("Please give it a short title.")},
    )
    what_we_found = forms.CharField(
        label=_("What we found"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Please say what you found.")},
    )
    what_we_ask = forms.CharField(
        label=_("What we ask for"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Please say what you are asking for.")},
    )
    evidence_themes = IdMultipleChoiceField(
        label=_("Themes this is about"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    evidence_feedback = IdMultipleChoiceField(
        label=_("Feedback that shows it"),
        queryset=shared_feedback().select_related("moderated_text", "topic"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    meeting = IdChoiceField(
        label=_("Meeting where it was agreed"),
        queryset=MeetingPage.objects.live().order_by("-date"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["evidence_feedback"]
        field.queryset = shared_feedback().select_related("moderated_text", "topic")
        field.label_from_instance = lambda feedback: (
            f"{feedback.topic}: “{feedback.moderated_text.public_text[:140]}”"
        )


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("A moderator checks comments before others see them."),
        error_messages={"required": _("Please write your comment first.")},
    )


class ResponseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Our answer"),
        choices=ManagementResponse.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose an answer.")},
    )
    reasons = forms.CharField(
        label=_("Why"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In plain words the board will read."),
        error_messages={"required": _("Please give your reasons.")},
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("decline", _("Not this time"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose a decision.")},
    )
    reason = forms.CharField(
        label=_("Kind reason (if not this time)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("The young person reads this. Thank them and say why."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == "decline"
            and not cleaned.get("reason", "").strip()
        ):
            self.add_error("reason", _("Please give a kind reason."))
        return cleaned


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Question or proposal"),
        max_length=300,
        error_messages={"required": _("Please write the question.")},
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=Question.Kind.choices,
        initial=Question.Kind.QUESTION,
        widget=forms.RadioSelect,
    )


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        choices=Vote.Choice.choices,
        error_messages={"required": _("Please choose yes, no or not sure.")},
    )
