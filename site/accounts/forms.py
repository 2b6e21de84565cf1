"""Sign-up and account forms, written for young readers."""

from allauth.account import forms as allauth_forms
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core import ratelimit
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from accounts import roles
from accounts.age_bands import PREFER_NOT_TO_SAY, WHY_WE_ASK, AgeBand
from accounts.services import find_usable_code

User = get_user_model()

# The ACCOUNT_RATE_LIMITS entry that limits attempts at the sign-in code page.
SIGN_IN_CODE_RATE_LIMIT = "redeem_sign_in_code"


HOW_OLD = _("How old are you?")


def age_band_field(*, label=HOW_OLD, help_text=WHY_WE_ASK):
    """The age group, never a date of birth; saying nothing is always allowed."""
    return forms.ChoiceField(
        label=label,
        choices=[*AgeBand.choices, PREFER_NOT_TO_SAY],
        required=False,
        widget=forms.RadioSelect,
        initial="",
        help_text=help_text,
    )


class AgeBandForm(forms.Form):
    """A young person's own age group, changed on My account."""

    age_band = age_band_field()


PASSWORD_HELP = _("At least 8 letters or numbers. Not just numbers.")


class PlainLabels:
    """Our words for the labels and help of one of allauth's forms.

    allauth's labels ("Current Password", "Password (again)") and Django's
    password rules are not the words the rest of the site uses, and allauth
    repeats each label inside its box as a placeholder. `labels` and `help`
    map a field's name to our words; fields not named keep theirs.
    """

    labels: dict = {}
    help: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name in self.labels:
                field.label = self.labels[name]
            if name in self.help:
                field.help_text = self.help[name]


NEW_PASSWORD_LABELS = {
    "password1": _("Your new password"),
    "password2": _("Type the new password again"),
}
NEW_PASSWORD_HELP = {"password1": PASSWORD_HELP}


class LoginForm(PlainLabels, allauth_forms.LoginForm):
    # The page itself links to "I forgot my password".
    labels = {"login": _("Username"), "password": _("Password")}
    help = {"password": ""}


class ResetPasswordForm(PlainLabels, allauth_forms.ResetPasswordForm):
    labels = {"email": _("Your email address")}


class ResetPasswordKeyForm(PlainLabels, allauth_forms.ResetPasswordKeyForm):
    labels = NEW_PASSWORD_LABELS
    help = NEW_PASSWORD_HELP


class ChangePasswordForm(PlainLabels, allauth_forms.ChangePasswordForm):
    labels = {"oldpassword": _("Your password now"), **NEW_PASSWORD_LABELS}
    help = {"oldpassword": "", **NEW_PASSWORD_HELP}


class SetPasswordForm(PlainLabels, allauth_forms.SetPasswordForm):
    labels = {
        "password1": _("Choose a password"),
        "password2": _("Type the password again"),
    }
    help = NEW_PASSWORD_HELP


class AddEmailForm(PlainLabels, allauth_forms.AddEmailForm):
    labels = {"email": _("Email address")}


class ReauthenticateForm(PlainLabels, allauth_forms.ReauthenticateForm):
    labels = {"password": _("Your password")}
    help = {"password": ""}


MFA_CODE_LABELS = {"code": _("The 6 numbers from your app, or a spare code")}


class MfaAuthenticateForm(PlainLabels, mfa_forms.AuthenticateForm):
    labels = MFA_CODE_LABELS


class MfaReauthenticateForm(PlainLabels, mfa_forms.ReauthenticateForm):
    labels = MFA_CODE_LABELS


class ActivateTotpForm(PlainLabels, totp_forms.ActivateTOTPForm):
    labels = {"code": _("The 6 numbers from your app")}


class SignupForm(PlainLabels, AllauthSignupForm):
    """Username and password only; email is optional and only for resets and news."""

    labels = {
        "email": _("Email address"),
        "password1": _("Choose a password"),
        "password2": _("Type the password again"),
    }
    help = {"password1": PASSWORD_HELP}

    WHO_CHOICES = [
        ("young_person", _("I am a young person")),
        ("parent_carer", _("I am a parent or carer")),
    ]
    who = forms.ChoiceField(
        label=_("Who are you?"),
        choices=WHO_CHOICES,
        widget=forms.RadioSelect,
        initial="young_person",
    )
    age_band = age_band_field(label=_("If you are a young person: how old are you?"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].help_text = _(
            "Make up a name. Do not use your real name."
        )
        if "email" in self.fields:
            self.fields["email"].required = False
            self.fields["email"].help_text = _(
                "You do not have to give one. We only use it to help you "
                "if you forget your password."
            )

    def role(self) -> str:
        return {
            "young_person": roles.YOUNG_PERSON,
            "parent_carer": roles.PARENT_CARER,
        }[self.cleaned_data["who"]]

    def chosen_age_band(self) -> str:
        """Kept for young people only: a parent's or carer's age decides nothing."""
        if self.cleaned_data["who"] != "young_person":
            return ""
        return self.cleaned_data.get("age_band", "")


class SupportedAccountForm(forms.Form):
    username = forms.CharField(
        label=_("Username for the young person"),
        max_length=150,
        help_text=_("Not their real name. They can change their password later."),
    )
    age_band = age_band_field(
        label=_("Their age group"),
        help_text=_(
            "Only if they are happy to say. It decides whether a parent or carer "
            "must agree before they come to some events. Never ask for a date of "
            "birth."
        ),
    )

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        validator = User._meta.get_field("username").validators[0]
        validator(username)
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("That username is taken. Try another."))
        return username


class AskForCodeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is a new code needed?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example: they forgot their password and are here with me. "
            "The member of staff who agrees will read this."
        ),
    )


class RedeemCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your sign-in code"),
        max_length=32,
        help_text=_("It looks like KXTR-9MPA-4HCW. Capitals do not matter."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 letters or numbers. Not just numbers."),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_code(self):
        # Limited like allauth's own sign-in, before the code is even looked at.
        if not ratelimit.consume(self.request, action=SIGN_IN_CODE_RATE_LIMIT):
            raise forms.ValidationError(
                _("Too many tries from here. Wait a few minutes, then try again.")
            )
        sign_in_code = find_usable_code(self.cleaned_data["code"])
        if sign_in_code is None:
            raise forms.ValidationError(
                _(
                    "That code does not work. Check it, or ask your worker for a new one."
                )
            )
        self.sign_in_code = sign_in_code
        return self.cleaned_data["code"]

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first and hasattr(self, "sign_in_code"):
            try:
                password_validation.validate_password(first, self.sign_in_code.user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
