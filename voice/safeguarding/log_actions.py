"""Safeguarding's audit log actions: each name, and how it reads in the log."""

from django.utils.translation import gettext_lazy as _

CONCERN_RAISED = "safeguarding.raise"
PRESSED_AGAIN = "safeguarding.repeat_alert"
ACKNOWLEDGED = "safeguarding.acknowledge"
ACTION_RECORDED = "safeguarding.action"
CLOSED = "safeguarding.close"
CLOSED_NO_CONCERN = "safeguarding.no_concern"

# (action, label, message) for each step, as it reads in the audit log.
LOG_ACTIONS = [
    (CONCERN_RAISED, _("Concern raised"), _("Safeguarding concern raised")),
    (
        PRESSED_AGAIN,
        _("Pressed again"),
        _('"I don\'t feel safe" pressed again from the same source'),
    ),
    (ACKNOWLEDGED, _("Acknowledge"), _("Concern acknowledged")),
    (ACTION_RECORDED, _("Action"), _("Action recorded")),
    (CLOSED, _("Close"), _("Concern closed")),
    (CLOSED_NO_CONCERN, _("No concern"), _("Closed: no concern")),
]
