"""Forms for deleting an account and finding a person, in plain words."""

from allauth.core import ratelimit
from django import forms
from django.utils.translation import gettext_lazy as _

KEEP_CHOICES = [
    (
        "erase",
        _(
            "Erase my words. We remove everything you wrote. We only keep a count, "
            "like “one person felt happy about appointments”, with no words and no "
            "name."
        ),
    ),
    (
        "keep",
        _(
            "Keep my words without my name. What you wrote stays, so it can still "
            "help change things, but nobody can tell it was you."
        ),
    ),
]


class DeleteAccountForm(forms.Form):
    what_happens = forms.ChoiceField(
        label=_("What should happen to the things you wrote?"),
        choices=KEEP_CHOICES,
        widget=forms.RadioSelect,
    )
    password = forms.CharField(
        label=_("Your password"),
        help_text=_("So we know it is really you."),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        strip=False,
    )
    sure = forms.BooleanField(
        label=_("I understand that my account cannot come back once it is deleted."),
    )

    def __init__(self, *args, user, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request
        if not user.has_usable_password():
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        # A password check is a door too: allauth's limit for confirming one's
        # own password stops guessing from an open session on a shared phone.
        if not ratelimit.consume(self.request, action="reauthenticate", user=self.user):
            raise forms.ValidationError(
                _("Too many tries. Wait a minute, then try again.")
            )
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password. Try again."))
        return password

    @property
    def keep_words(self) -> bool:
        return self.cleaned_data["what_happens"] == "keep"


class StaffDeleteAccountForm(forms.Form):
    what_happens = forms.ChoiceField(
        label=_("What did the person choose for the things they wrote?"),
        choices=KEEP_CHOICES,
        widget=forms.RadioSelect,
    )
    checked = forms.BooleanField(
        label=_(
            "The person asked for this themselves, and I have checked who they are."
        ),
    )

    @property
    def keep_words(self) -> bool:
        return self.cleaned_data["what_happens"] == "keep"


class FindPersonForm(forms.Form):
    q = forms.CharField(label=_("Username"), max_length=150, required=False)
