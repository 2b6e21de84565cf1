"""Audit log actions for the shadow board."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_board_log_actions(actions):
    actions.register_action(
        "board.recommendation.create", _("Start a recommendation"), _("Started")
    )
    actions.register_action(
        "board.recommendation.submit", _("Send to managers"), _("Sent to managers")
    )
    actions.register_action(
        "board.recommendation.respond", _("Record an answer"), _("Managers answered")
    )
    actions.register_action(
        "board.application.accept", _("Accept an application"), _("Accepted")
    )
    actions.register_action(
        "board.application.decline", _("Decline an application"), _("Declined")
    )
    actions.register_action("board.question.close", _("Close a vote"), _("Vote closed"))
