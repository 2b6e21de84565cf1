"""The feedback form and the small forms around it, in words for young readers."""

import secrets

from django import forms
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.translation import gettext_lazy as _

from accounts.roles import speaker_choices_for
from pages.faces import face_for
from pages.ids import IdChoiceField
from voice.feedback.about_you import ANSWERS, OWN_WORDS, QUESTION_WORDS, Question
from voice.feedback.models import FeedbackReport, Feeling, Speaker, Topic
from voice.feedback.receipts import EXAMPLE, look_alikes_in, normalise_receipt_code

TEXT_LIMIT = 2000
DETAILS_LIMIT = 1000
REACH_LIMIT = 200

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def yes_no_field(*, label, help_text) -> forms.ChoiceField:
    """A question answered "yes" or "no" with two radio buttons."""
    return forms.ChoiceField(
        label=label,
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={
            "required": _("Choose yes or no."),
            "invalid_choice": _("Choose yes or no."),
        },
    )


def new_submission_token() -> str:
    return secrets.token_urlsafe(32)


class StandAloneMessagesForm(forms.Form):
    """A form whose every message says what it is about ("Choose how you feel.").

    The list of things to fix at the top (forms/error_summary.html) then shows
    the message alone, not after the question's words.
    """

    summary_names_fields = False


class TopicChoiceField(IdChoiceField):
    def label_from_instance(self, obj: Topic) -> str:
        return str(obj)


class YoungPersonChoiceField(IdChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.username


class FeedbackForm(StandAloneMessagesForm):
    """Who is speaking, about what, how they feel, what they want to say."""

    young_person = YoungPersonChoiceField(
        label=_("Are you helping a young person give this feedback?"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("No, this is my own feedback"),
        help_text=_("If you choose a young person, the feedback is theirs."),
        error_messages={
            "invalid_choice": _("Choose a young person from the list."),
        },
    )
    speaker = forms.ChoiceField(
        label=_("Who is giving this feedback?"),
        choices=Speaker.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose who is giving this feedback."),
            "invalid_choice": _("Choose one of the answers."),
        },
    )
    topic = TopicChoiceField(
        label=_("What is it about?"),
        queryset=Topic.objects.filter(active=True),
        empty_label=_("Choose a topic"),
        error_messages={
            "required": _("Choose what your feedback is about."),
            "invalid_choice": _("Choose a topic from the list."),
        },
    )
    feeling = forms.TypedChoiceField(
        label=_("How do you feel about it?"),
        choices=Feeling.choices,
        coerce=int,
        widget=forms.RadioSelect,
        template_name="feedback/fields/feelings.html",
        error_messages={
            "required": _("Choose how you feel."),
            "invalid_choice": _("Choose one of the five faces."),
        },
    )
    text = forms.CharField(
        label=_("What do you want to tell us?"),
        help_text=_(
            "You can write up to 2,000 characters. Please do not write anyone's "
            "name, or what happened in your case."
        ),
        widget=forms.Textarea(attrs={"rows": 8, "data-count-limit": TEXT_LIMIT}),
        template_name="feedback/fields/counted_text.html",
        error_messages={
            "required": _("Write what you want to tell us."),
        },
    )
    share = yes_no_field(
        label=_("Can we share this on the website, without your name?"),
        help_text=_("We read it first. We never show your name."),
    )
    wants_reply = yes_no_field(
        label=_("Do you want a reply?"),
        help_text=_("You can read our reply with your receipt code."),
    )
    without_account = forms.BooleanField(
        label=_("Send it without my username"),
        required=False,
        help_text=_(
            "Then it will not be in My feedback. Keep your receipt code to check it."
        ),
    )
    submission_token = forms.CharField(
        widget=forms.HiddenInput, max_length=64, required=False
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        signed_in = user is not None and user.is_authenticated
        supported = (
            get_user_model().objects.filter(case_worker=user).order_by("username")
            if signed_in
            else get_user_model().objects.none()
        )
        if signed_in and supported.exists():
            self.fields["young_person"].queryset = supported
        else:
            del self.fields["young_person"]
        if not signed_in:
            del self.fields["without_account"]
        self.limit_speakers(user)
        if not self.is_bound and not self.initial.get("submission_token"):
            self.initial["submission_token"] = new_submission_token()

    def limit_speakers(self, user) -> None:
        """A parent cannot speak as a young person; one fitting answer is chosen."""
        field = self.fields["speaker"]
        field.choices = speaker_choices_for(user, field.choices)
        if len(field.choices) == 1:
            self.initial.setdefault("speaker", field.choices[0][0])

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if len(text) > TEXT_LIMIT:
            raise forms.ValidationError(
                _(
                    "This is %(length)s characters long. The most you can write is "
                    "2,000. Please make it shorter: nothing you wrote is lost."
                )
                % {"length": f"{len(text):,}"}
            )
        return text

    def clean_submission_token(self) -> str:
        token = self.cleaned_data.get("submission_token", "")
        # A missing or odd token only loses the double-post guard; never the words.
        if not token or not token.replace("-", "").replace("_", "").isalnum():
            return new_submission_token()
        return token

    def feeling_options(self) -> list[tuple]:
        """Each feeling radio with its face, for a face and words on every choice."""
        return [
            (radio, face_for(int(radio.data["value"]))) for radio in self["feeling"]
        ]


class CheckReceiptForm(StandAloneMessagesForm):
    code = forms.CharField(
        label=_("Your receipt code"),
        max_length=40,
        help_text=_(
            "It looks like %(example)s. Capitals, spaces and the dash do not matter."
        )
        % {"example": EXAMPLE},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters"}
        ),
        error_messages={"required": _("Type your receipt code.")},
    )

    def clean_code(self) -> str:
        typed = self.cleaned_data["code"]
        code = normalise_receipt_code(typed)
        if code is not None:
            return code
        look_alikes = look_alikes_in(typed)
        if look_alikes:
            raise forms.ValidationError(
                _(
                    "Receipt codes never use %(characters)s, because they look "
                    "like other letters and numbers. Check what is on your "
                    "receipt and try again."
                )
                % {"characters": ", ".join(look_alikes)}
            )
        raise forms.ValidationError(
            _(
                "A receipt code has 8 letters and numbers, like %(example)s. "
                "Check it and try again."
            )
            % {"example": EXAMPLE}
        )


class ReportForm(StandAloneMessagesForm):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"),
        choices=FeedbackReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what is wrong with it."),
            "invalid_choice": _("Choose one of the answers."),
        },
    )


class UnsafeForm(StandAloneMessagesForm):
    """Both boxes can be left empty: one tap is enough."""

    details = forms.CharField(
        label=_("Do you want to tell us more?"),
        required=False,
        max_length=DETAILS_LIMIT,
        help_text=_("You can leave this empty. Up to 1,000 characters."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _(
                "The most you can write here is 1,000 characters. Please make it "
                "shorter."
            ),
        },
    )
    how_to_reach = forms.CharField(
        label=_("How can we reach you?"),
        required=False,
        max_length=REACH_LIMIT,
        help_text=_(
            "You can leave this empty. For example, a phone number, or where you are."
        ),
        error_messages={
            "max_length": _("The most you can write here is 200 characters."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Over-long words get a message, not a silent cut by the browser.
        for name in self.fields:
            self.fields[name].widget.attrs.pop("maxlength", None)


ABOUT_YOU_SALT = "feedback-about-you"
ABOUT_YOU_MAX_AGE = 2 * 60 * 60  # seconds a thank-you page's form can still be sent
GENDER_WORDS_LIMIT = 60


def new_about_you_value(speaker: str) -> str:
    """The form's one-time value: random, signed with who was speaking, nothing else."""
    return signing.dumps(
        {"once": secrets.token_urlsafe(24), "speaker": speaker}, salt=ABOUT_YOU_SALT
    )


class AboutYouForm(StandAloneMessagesForm):
    """The optional questions after feedback: each can be left empty."""

    form_value = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in Question:
            self.fields[question.value] = forms.ChoiceField(
                label=QUESTION_WORDS[question],
                choices=ANSWERS[question],
                widget=forms.RadioSelect,
                required=False,
            )
            if question == Question.GENDER:
                self.fields["gender_words"] = forms.CharField(
                    label=_("In my own words (you can skip this)"),
                    help_text=_(
                        "We only count that you used your own words. "
                        "We do not keep the words."
                    ),
                    max_length=GENDER_WORDS_LIMIT,
                    required=False,
                )

    def clean_form_value(self) -> dict:
        try:
            value = signing.loads(
                self.cleaned_data["form_value"],
                salt=ABOUT_YOU_SALT,
                max_age=ABOUT_YOU_MAX_AGE,
            )
        except signing.BadSignature:
            raise forms.ValidationError(
                _("This form is too old to send. Thank you anyway."), code="expired"
            ) from None
        if value.get("speaker") not in Speaker.values or not value.get("once"):
            raise forms.ValidationError(_("This form cannot be sent."), code="bad")
        return value

    def clean(self):
        data = super().clean()
        if data.get("gender_words") and data.get("gender") not in ("", OWN_WORDS):
            self.add_error(
                "gender_words",
                _(
                    "You chose an answer and wrote your own words. Choose "
                    "“In my own words”, or clear this box."
                ),
            )
        elif data.get("gender_words"):
            data["gender"] = OWN_WORDS
        return data

    def answers(self) -> dict[str, str]:
        """Each question's answer, "" where it was left empty (the words are not kept)."""
        return {question: self.cleaned_data.get(question, "") for question in Question}
