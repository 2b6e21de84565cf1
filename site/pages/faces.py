"""The faces scale: five points, each with a face and words, used everywhere a face is.

Feedback (how a young person felt), survey faces questions, ratings of what
we did in answer, and every staff page or spreadsheet that shows them read
their faces from here, so a face means the same thing on every page.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Feeling(models.IntegerChoices):
    """A five-point scale; every point has words as well as a face."""

    VERY_UNHAPPY = 1, _("Very unhappy")
    UNHAPPY = 2, _("Unhappy")
    OKAY = 3, _("Okay")
    HAPPY = 4, _("Happy")
    VERY_HAPPY = 5, _("Very happy")


FACES: dict[int, str] = {1: "😢", 2: "🙁", 3: "😐", 4: "🙂", 5: "😄"}


def face_for(point: int) -> str:
    """The face for one point of the scale; empty for anything else."""
    return FACES.get(point, "")
