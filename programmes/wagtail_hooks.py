"""Audit log actions for what staff do with sign-ups."""

from wagtail import hooks

from programmes import log_actions


@hooks.register("register_log_actions")
def register_sign_up_actions(actions):
    for action, label, message in log_actions.LOG_ACTIONS:
        actions.register_action(action, label, message)
