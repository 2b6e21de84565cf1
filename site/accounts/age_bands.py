"""The age bands people may choose when we ask their age: never a date of birth.

Surveys and the optional "about you" questions after feedback both use these
bands, so their figures can be read side by side, and an event that needs
consent asks a young person for theirs.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgeBand(models.TextChoices):
    UNDER_14 = "10_13", _("10 to 13")
    FROM_14 = "14_15", _("14 to 15")
    FROM_16 = "16_17", _("16 to 17")
    ADULT = "18_plus", _("18 or older")


# From 16 a young person can agree to take part in an event for themselves.
SIXTEEN_OR_OVER = {AgeBand.FROM_16, AgeBand.ADULT}

WHY_WE_ASK = _(
    "We ask so we know whether a parent or carer needs to say yes before you "
    "come to some events. You do not have to tell us: if you do not, a parent "
    "or carer is asked for those events."
)
PREFER_NOT_TO_SAY = ("", _("I prefer not to say"))


def is_sixteen_or_over(age_band: str) -> bool:
    """Whether the age group is 16 or over; an unknown age counts as under 16."""
    return age_band in SIXTEEN_OR_OVER
