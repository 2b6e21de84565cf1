"""What the service review holds about a person: their ratings of "You said, we did".

See privacy/registry.py for the contract this module follows.

Actions are written by staff in their own words ("what we heard" must never
copy a child's words or identify anyone), so an action is not personal data
of the children whose feedback led to it. The link from an action to a
child's feedback is handled with that feedback by the feedback module. The
owner of an action is a member of staff doing their job; actions they own
are listed in their export, and are handed to someone else by a service
manager before a staff account is closed.

A rating belongs to a piece of feedback: it is the person's while the
feedback is linked to them, and erasing them unlinks the feedback (the
feedback module), which leaves a score that identifies nobody, so the board
report's rating figures stay the same.
"""

from django.utils.translation import gettext_lazy

from privacy.registry import register
from voice.review.models import Action, ActionRating

LABEL = gettext_lazy("You said, we did")


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def export_for(user) -> list[dict]:
    rows: list[dict] = [
        {
            "You rated": rating.action.what_we_will_do,
            "Your rating": rating.get_score_display(),
            "Rated on": _when(rating.updated_at),
        }
        for rating in ActionRating.objects.filter(feedback__author=user)
        .select_related("action")
        .order_by("created_at")
    ]
    rows += [
        {
            "Action you look after": action.what_we_will_do,
            "Status": action.get_status_display(),
            "Due": action.due_date.isoformat() if action.due_date else None,
        }
        for action in Action.objects.filter(owner=user).order_by("created_at")
    ]
    return rows


def erase_for(user, *, keep_anonymised: bool) -> list[str]:
    """Nothing of its own: the ratings go with the feedback the feedback module unlinks."""
    return []


register(__name__)
