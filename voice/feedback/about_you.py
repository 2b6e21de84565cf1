"""The optional "about you" questions asked after feedback is sent, and their answers.

They help the service check it hears from everyone. Every question can be
skipped and every one has "prefer not to say". Only counts are kept (see
`AboutYouCount` in models.py): never a row per person, never a link to the
feedback, its receipt code or an account.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.age_bands import AgeBand

PREFER_NOT = ("prefer_not", _("I prefer not to say"))
NOT_ANSWERED = ""  # stored for a question left empty on a form that was sent


class Question(models.TextChoices):
    AGE_BAND = "age_band", _("Age")
    GENDER = "gender", _("Gender")
    ETHNICITY = "ethnicity", _("Ethnic group")
    SEND = "send", _("Special educational needs or disability (SEND)")
    CARE_EXPERIENCE = "care_experience", _("Care experience")


YES_NO_NOT_SURE = [
    ("yes", _("Yes")),
    ("no", _("No")),
    ("not_sure", _("I'm not sure")),
    PREFER_NOT,
]

OWN_WORDS = "own_words"

ANSWERS: dict[str, list[tuple[str, object]]] = {
    Question.AGE_BAND: [*AgeBand.choices, PREFER_NOT],
    Question.GENDER: [
        ("girl", _("Girl or young woman")),
        ("boy", _("Boy or young man")),
        ("non_binary", _("Non-binary")),
        (OWN_WORDS, _("In my own words")),
        PREFER_NOT,
    ],
    Question.ETHNICITY: [
        ("asian", _("Asian or Asian British")),
        ("black", _("Black, Black British, Caribbean or African")),
        ("mixed", _("Mixed or more than one group")),
        ("white", _("White")),
        ("other", _("Another ethnic group")),
        PREFER_NOT,
    ],
    Question.SEND: YES_NO_NOT_SURE,
    Question.CARE_EXPERIENCE: YES_NO_NOT_SURE,
}

QUESTION_WORDS = {
    Question.AGE_BAND: _("How old are you?"),
    Question.GENDER: _("What is your gender?"),
    Question.ETHNICITY: _("What is your ethnic group?"),
    Question.SEND: _(
        "Do you have special educational needs or a disability (SEND)? "
        "For example, you get extra help to learn."
    ),
    Question.CARE_EXPERIENCE: _(
        "Have you ever been in care? For example, lived with foster carers or "
        "in a children's home."
    ),
}
