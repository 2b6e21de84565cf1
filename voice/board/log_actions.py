"""The shadow board's audit log actions: each name, and how it reads in the log."""

from django.utils.translation import gettext_lazy as _

RECOMMENDATION_CREATED = "board.recommendation.create"
RECOMMENDATION_SUBMITTED = "board.recommendation.submit"
RECOMMENDATION_ANSWERED = "board.recommendation.respond"
APPLICATION_ACCEPTED = "board.application.accept"
APPLICATION_DECLINED = "board.application.decline"
QUESTION_CLOSED = "board.question.close"

# (action, label, message) for each step, as it reads in the audit log.
LOG_ACTIONS = [
    (RECOMMENDATION_CREATED, _("Start a recommendation"), _("Started")),
    (RECOMMENDATION_SUBMITTED, _("Send to managers"), _("Sent to managers")),
    (RECOMMENDATION_ANSWERED, _("Record an answer"), _("Managers answered")),
    (APPLICATION_ACCEPTED, _("Accept an application"), _("Accepted")),
    (APPLICATION_DECLINED, _("Decline an application"), _("Declined")),
    (QUESTION_CLOSED, _("Close a vote"), _("Vote closed")),
]
