"""The plain words used to tell people where an action has got to."""

from django.utils.translation import gettext_lazy as _

from voice.review.models import Action

Status = Action.Status

# How the public page and the receipt page introduce what we will do.
WE_DID_LEAD = {
    Status.PROPOSED: _("We are thinking about this:"),
    Status.AGREED: _("We have agreed to do this:"),
    Status.IN_PROGRESS: _("We are doing this:"),
    Status.DONE: _("We did this:"),
    Status.NOT_POSSIBLE: _("We wanted to do this:"),
}

# What a linked person is told in their account (and by email).
NOTIFICATION = {
    Status.PROPOSED: _(
        "Your feedback about %(topic)s gave us an idea for a change. We are "
        "thinking about it: %(what)s"
    ),
    Status.AGREED: _(
        "Because of your feedback about %(topic)s, we have agreed to make a "
        "change: %(what)s"
    ),
    Status.IN_PROGRESS: _(
        "Because of your feedback about %(topic)s, we have started a change: %(what)s"
    ),
    Status.DONE: _(
        "Because of your feedback about %(topic)s, we made a change: %(what)s"
    ),
    Status.NOT_POSSIBLE: _(
        "We could not make the change about %(topic)s that came from your "
        "feedback, because: %(reason)s"
    ),
}


def notification_message(action: Action) -> str:
    message = NOTIFICATION[action.status] % {
        "topic": str(action.topic).lower(),
        "what": action.what_we_will_do,
        "reason": action.not_possible_reason,
    }
    return message if len(message) <= 500 else message[:497] + "…"
