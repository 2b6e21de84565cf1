"""Service review's audit log actions: each name, and how it reads in Wagtail's
audit log and on each action's page.

Three actions read the same every time; the other three put their entry's data
(status, fields changed, reason) into words, so each has a formatter.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from voice.review.models import Action

CYCLE_CREATED = "review.cycle.create"
CYCLE_CHANGED = "review.cycle.edit"
ACTION_CREATED = "review.action.create"
ACTION_CHANGED = "review.action.edit"
ACTION_STATUS_CHANGED = "review.action.status"
ACTION_NOTE_ADDED = "review.action.note"

STATUS_LABELS = dict(Action.Status.choices)


class ActionCreated(LogFormatter):
    label = _("Action: create")

    def format_message(self, log_entry):
        status = STATUS_LABELS.get(log_entry.data.get("status"), "")
        count = len(log_entry.data.get("feedback", []))
        return _("Created as “%(status)s”, from %(count)s feedback item(s)") % {
            "status": status,
            "count": count,
        }


class ActionChanged(LogFormatter):
    label = _("Action: change")

    def format_message(self, log_entry):
        fields = ", ".join(log_entry.data.get("changed", [])) or _("nothing")
        return _("Changed: %(fields)s") % {"fields": fields}


class StatusChanged(LogFormatter):
    label = _("Action: change status")

    def format_message(self, log_entry):
        return _("Status changed from “%(old)s” to “%(new)s”") % {
            "old": STATUS_LABELS.get(log_entry.data.get("old"), ""),
            "new": STATUS_LABELS.get(log_entry.data.get("new"), ""),
        }

    def format_comment(self, log_entry):
        return log_entry.data.get("reason", "")


# (action, label, message) for the actions that read the same every time.
LOG_ACTIONS = [
    (CYCLE_CREATED, _("Review cycle: start"), _("Started")),
    (CYCLE_CHANGED, _("Review cycle: change"), _("Changed")),
    (ACTION_NOTE_ADDED, _("Action: progress note"), _("Progress note added")),
]

# action: formatter, for the actions whose words come from their entry's data.
LOG_FORMATTERS = {
    ACTION_CREATED: ActionCreated,
    ACTION_CHANGED: ActionChanged,
    ACTION_STATUS_CHANGED: StatusChanged,
}
