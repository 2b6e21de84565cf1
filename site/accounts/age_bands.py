"""The age bands people may choose when we ask their age: never a date of birth.

Surveys and the optional "about you" questions after feedback both use these
bands, so their figures can be read side by side.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgeBand(models.TextChoices):
    UNDER_14 = "10_13", _("10 to 13")
    FROM_14 = "14_15", _("14 to 15")
    FROM_16 = "16_17", _("16 to 17")
    ADULT = "18_plus", _("18 or older")
