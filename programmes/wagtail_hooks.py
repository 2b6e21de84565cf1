"""Audit log actions for what staff do with sign-ups."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_sign_up_actions(actions):
    actions.register_action(
        "programmes.attendance", _("Mark attendance"), _("Attendance marked")
    )
    actions.register_action(
        "programmes.consent_received",
        _("Mark consent received"),
        _("Parent or carer consent marked as received"),
    )
    actions.register_action(
        "programmes.consent_recorded", _("Record consent"), _("Consent recorded")
    )
    actions.register_action(
        "programmes.consent_withdrawn", _("Withdraw consent"), _("Consent withdrawn")
    )
    actions.register_action(
        "programmes.export", _("Export sign-ups"), _("Sign-up list exported")
    )
