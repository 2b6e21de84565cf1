"""Forms on a safeguarding concern's page."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ConcernActionForm(forms.Form):
    action = forms.CharField(
        label=_("What was done"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write what was done.")},
    )


class NoConcernForm(forms.Form):
    reason = forms.CharField(
        label=_("Why there is no concern"),
        help_text=_("A short reason, kept with this concern only."),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say briefly why there is no concern.")},
    )
