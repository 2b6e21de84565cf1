"""Forms for the moderation queue, decisions and safeguarding steps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pages.ids import IdChoiceField, IdMultipleChoiceField
from voice.moderation.models import ModeratedText, NotSharedReason, Theme
from voice.moderation.selectors import Flag, QueueFilters, feedback_model
from voice.moderation.services import REPLY_MAX_LENGTH

TEXT_MAX_LENGTH = 5000


class QueueFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Any kind")), *ModeratedText.Kind.choices],
    )
    topic = IdChoiceField(
        label=_("Topic"),
        required=False,
        queryset=None,
        empty_label=_("Any topic"),
    )
    flag = forms.ChoiceField(
        label=_("Flag"), required=False, choices=[("", _("Any")), *Flag.CHOICES]
    )
    speaker = forms.ChoiceField(label=_("Speaker"), required=False, choices=[])
    q = forms.CharField(label=_("Search"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        feedback = feedback_model()._meta
        topics = feedback.get_field("topic").related_model.objects.all()
        self.fields["topic"].queryset = topics
        speakers = feedback.get_field("speaker").choices
        self.fields["speaker"].choices = [("", _("Anyone")), *speakers]

    def filters(self) -> QueueFilters:
        """The filters asked for; anything invalid is simply not applied."""
        data = self.cleaned_data if self.is_valid() else {}
        topic = data.get("topic")
        return QueueFilters(
            kind=data.get("kind", ""),
            topic_id=topic.pk if topic else None,
            flag=data.get("flag", ""),
            speaker=data.get("speaker", ""),
            search=data.get("q", ""),
        )


class ApproveForm(forms.Form):
    redacted_text = forms.CharField(
        label=_("Text to share (edit to remove personal details)"),
        help_text=_(
            "Leave it the same as the original to share it as written. "
            "The original is kept and never shown to the public."
        ),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class NotSharedForm(forms.Form):
    reason = IdChoiceField(
        label=_("Why it will not be shared"),
        queryset=NotSharedReason.objects.all(),
        empty_label=_("Choose a reason"),
        error_messages={"required": _("Choose a reason from the list.")},
    )


class EscalateForm(forms.Form):
    why = forms.CharField(
        label=_("Why are you worried?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why you are worried.")},
    )


class ThemesForm(forms.Form):
    themes = IdMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Reply to the person who wrote this"),
        help_text=_(
            "Short and plain. They see it with their receipt code or in their account."
        ),
        max_length=REPLY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a reply first.")},
    )
