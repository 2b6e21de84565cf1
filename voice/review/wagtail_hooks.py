"""Service review in Wagtail: its audit log actions, and what changed because of feedback."""

from wagtail import hooks

from voice.review import log_actions
from voice.review.models import rating_choices
from voice.review.selectors import what_changed_for_each


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    for action, label, message in log_actions.LOG_ACTIONS:
        actions.register_action(action, label, message)
    for action, formatter in log_actions.LOG_FORMATTERS.items():
        actions.register_action(action)(formatter)


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
