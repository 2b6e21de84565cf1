"""Audit log actions for service review, shown in Wagtail's audit log and on each action's page."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from voice.review.models import Action, rating_choices
from voice.review.selectors import what_changed_for_each

CYCLE_CREATED = "review.cycle.create"
CYCLE_CHANGED = "review.cycle.edit"
ACTION_CREATED = "review.action.create"
ACTION_CHANGED = "review.action.edit"
ACTION_STATUS_CHANGED = "review.action.status"
ACTION_NOTE_ADDED = "review.action.note"

STATUS_LABELS = dict(Action.Status.choices)


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action(CYCLE_CREATED, _("Review cycle: start"), _("Started"))
    actions.register_action(CYCLE_CHANGED, _("Review cycle: change"), _("Changed"))

    @actions.register_action(ACTION_CREATED)
    class ActionCreated(LogFormatter):
        label = _("Action: create")

        def format_message(self, log_entry):
            status = STATUS_LABELS.get(log_entry.data.get("status"), "")
            count = len(log_entry.data.get("feedback", []))
            return _("Created as “%(status)s”, from %(count)s feedback item(s)") % {
                "status": status,
                "count": count,
            }

    @actions.register_action(ACTION_CHANGED)
    class ActionChanged(LogFormatter):
        label = _("Action: change")

        def format_message(self, log_entry):
            fields = ", ".join(log_entry.data.get("changed", [])) or _("nothing")
            return _("Changed: %(fields)s") % {"fields": fields}

    @actions.register_action(ACTION_STATUS_CHANGED)
    class StatusChanged(LogFormatter):
        label = _("Action: change status")

        def format_message(self, log_entry):
            return _("Status changed from “%(old)s” to “%(new)s”") % {
                "old": STATUS_LABELS.get(log_entry.data.get("old"), ""),
                "new": STATUS_LABELS.get(log_entry.data.get("new"), ""),
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")

    actions.register_action(
        ACTION_NOTE_ADDED, _("Action: progress note"), _("Progress note added")
    )


@hooks.register("feedback_what_changed")
def what_changed_because_of_feedback(
    feedback: list,
    *,
    request=None,
    back: str = "check",
    rating_error: tuple[int, int] | None = None,
) -> dict[int, str]:
    """For the receipt page and My feedback: {feedback id: the actions it led to}.

    Each public action carries the "How well did we respond?" form, which
    only the child who gave the feedback sees (their receipt proves it).
    """
    from django.template.loader import render_to_string

    by_feedback = {item.pk: item for item in feedback}
    return {
        pk: render_to_string(
            "review/includes/what_changed_items.html",
            {
                "what_changed": changes,
                "feedback": by_feedback[pk],
                "back": back,
                "rating_error": rating_error[1]
                if rating_error and rating_error[0] == pk
                else None,
                "ratings": rating_choices(),
            },
            request=request,
        )
        for pk, changes in what_changed_for_each(feedback).items()
    }
