"""Audit log actions for the shadow board."""

from wagtail import hooks

from voice.board import log_actions


@hooks.register("register_log_actions")
def register_board_log_actions(actions):
    for action, label, message in log_actions.LOG_ACTIONS:
        actions.register_action(action, label, message)
