"""Forms for the moderation queue, decisions and safeguarding steps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pages.ids import IdChoiceField, IdMultipleChoiceField
from voice.moderation.models import NotSharedReason, Theme
from voice.moderation.services import REPLY_MAX_LENGTH

TEXT_MAX_LENGTH = 5000


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
