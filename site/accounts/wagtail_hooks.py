"""Audit log actions of the account pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action(
        "accounts.sign_in_lock_lifted",
        _("Sign-in lock lifted"),
        _("Case worker let them sign in again"),
    )
