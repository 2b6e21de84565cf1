"""Forms for finding events and signing up: only what the event needs."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pages.ids import IdChoiceField
from programmes import certificate_references
from programmes.models import Certificate, Consent
from programmes.participation import ParticipationEntry


class SignUpForm(forms.Form):
    access_needs = forms.CharField(
        label=_("Is there anything we should know so you can take part?"),
        help_text=_(
            "For example: a quiet space, help reading, a ramp. Only the event team "
            "sees this, and we delete it after the event."
        ),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    travel_help = forms.BooleanField(
        label=_("I would like help getting there"),
        required=False,
    )
    agrees_themself = forms.BooleanField(
        label=_("I am 16 or over and I agree to take part in this event"),
        help_text=_("This event needs consent. From 16 you can give it yourself."),
        required=False,
    )


class SupportedSignUpForm(SignUpForm):
    """A case worker signs up a young person they support."""

    person = IdChoiceField(
        queryset=None,
        label=_("Young person"),
        empty_label=_("Choose a young person"),
    )

    field_order = ["person", "access_needs", "travel_help"]

    def __init__(self, *args, supported, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["agrees_themself"]
        self.fields["person"].queryset = supported
        self.fields["access_needs"].label = _(
            "Is there anything the event team should know so they can take part?"
        )
        self.fields["travel_help"].label = _("They would like help getting there")


class CertificateForm(forms.Form):
    """What goes on a certificate: the name to show, the service's name or not, which activities."""

    name_shown = forms.CharField(
        label=_("Name to show"),
        max_length=Certificate.NAME_MAX_LENGTH,
        help_text=_(
            "The name you want a college or employer to see. It does not have to "
            "be your username."
        ),
        error_messages={
            "required": _("Type the name you want on the certificate."),
            "max_length": _(
                "That name is too long. Use %(limit_value)d letters or fewer."
            ),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    include_service_name = forms.BooleanField(
        label=_("Show the service's name"),
        required=False,
        help_text=_(
            "If you tick this, the certificate says it comes from %(service)s. "
            "Whoever reads it will see it is from a youth justice service. If you "
            "leave it, it only names the programme."
        ),
    )
    activities = forms.MultipleChoiceField(
        label=_("What to include"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one thing you took part in."),
            "invalid_choice": _("Choose from the list."),
        },
    )

    def __init__(
        self, *args, entries: list[ParticipationEntry], service_name: str, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.entries = {entry.key: entry for entry in entries}
        self.fields["activities"].choices = [
            (
                entry.key,
                f"{entry.title} ({entry.kind}, {date_format(entry.date, 'j F Y')})",
            )
            for entry in entries
        ]
        self.fields["activities"].initial = list(self.entries)
        self.fields["include_service_name"].help_text = self.fields[
            "include_service_name"
        ].help_text % {"service": service_name}

    def clean_name_shown(self) -> str:
        name = " ".join(self.cleaned_data["name_shown"].split())
        if not name:
            raise forms.ValidationError(_("Type the name you want on the certificate."))
        if any(not ch.isprintable() for ch in name):
            raise forms.ValidationError(
                _("Use letters, numbers, spaces and ordinary punctuation only.")
            )
        return name

    def chosen_entries(self) -> list[ParticipationEntry]:
        return [self.entries[key] for key in self.cleaned_data["activities"]]


class CertificateCheckForm(forms.Form):
    reference = forms.CharField(
        label=_("Certificate reference"),
        max_length=certificate_references.MAX_TYPED,
        help_text=_(
            "It is on the certificate and looks like %(example)s. Capitals, spaces "
            "and dashes do not matter."
        )
        % {"example": certificate_references.EXAMPLE},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters"}
        ),
        error_messages={
            "required": _("Type the reference from the certificate."),
            "max_length": _("A reference has 10 letters and numbers, like %(example)s.")
            % {"example": certificate_references.EXAMPLE},
        },
    )

    def clean_reference(self) -> str:
        reference = certificate_references.normalise_reference(
            self.cleaned_data["reference"]
        )
        if reference is None:
            raise forms.ValidationError(
                _(
                    "A reference has 10 letters and numbers, like %(example)s. "
                    "Check it and try again."
                )
                % {"example": certificate_references.EXAMPLE}
            )
        return reference


class RecordConsentForm(forms.Form):
    """Staff record consent as a youth service does: who, relationship, how, when, what for."""

    given_by_name = forms.CharField(
        label=_("Who gave consent"),
        max_length=120,
        help_text=_('Their name and who they are, for example "Mum, Sarah Jones".'),
        error_messages={"required": _("Write who gave consent.")},
    )
    relationship = forms.ChoiceField(
        label=_("Who they are to the young person"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who they are to the young person.")},
    )
    how = forms.ChoiceField(
        label=_("How they gave it"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how they gave consent.")},
    )
    for_what = forms.CharField(
        label=_("What it is for"),
        max_length=250,
        error_messages={"required": _("Say what the consent is for.")},
    )
    given_at = forms.DateTimeField(
        label=_("When they gave it"),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("The day and time. Not in the future."),
        error_messages={
            "required": _("Give the day and time consent was given."),
            "invalid": _("Give the day and time like 2026-12-04 14:30."),
        },
    )

    def __init__(self, *args, for_what: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        offered = {Consent.Relationship.NOT_RECORDED}
        self.fields["relationship"].choices = [
            c for c in Consent.Relationship.choices if c[0] not in offered
        ]
        self.fields["how"].choices = [
            c
            for c in Consent.How.choices
            if c[0] not in {Consent.How.ONLINE, Consent.How.NOT_RECORDED}
        ]
        self.initial.setdefault("for_what", for_what)
        self.initial.setdefault(
            "given_at", timezone.localtime().strftime("%Y-%m-%dT%H:%M")
        )

    def clean_given_by_name(self) -> str:
        name = self.cleaned_data["given_by_name"].strip()
        if not name:
            raise forms.ValidationError(_("Write who gave consent."))
        return name

    def clean_given_at(self):
        given_at = self.cleaned_data["given_at"]
        if given_at > timezone.now():
            raise forms.ValidationError(
                _("Consent cannot be given in the future. Check the date.")
            )
        return given_at


class WithdrawConsentForm(forms.Form):
    """How consent was taken back, and why if they said."""

    how = forms.ChoiceField(
        label=_("How they took it back"),
        error_messages={"required": _("Choose how consent was taken back.")},
    )
    reason = forms.CharField(
        label=_("Why, if they said"),
        max_length=300,
        required=False,
        help_text=_("Keep it short. Not health or other private details."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["how"].choices = [
            ("", _("Choose")),
            *(
                c
                for c in Consent.How.choices
                if c[0] not in {Consent.How.ONLINE, Consent.How.NOT_RECORDED}
            ),
        ]
