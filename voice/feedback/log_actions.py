"""Feedback's audit log actions: each name, and how it reads in the log."""

from django.utils.translation import gettext_lazy as _

SENT_BACK_AFTER_REPORTS = "feedback.sent_back_after_reports"

# (action, label, message) for each step, as it reads in the audit log.
LOG_ACTIONS = [
    (
        SENT_BACK_AFTER_REPORTS,
        _("Sent back to moderators after reports"),
        _("Taken off the shared page and sent back to moderators after reports"),
    ),
]
