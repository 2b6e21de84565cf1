"""The audit log's account actions: each name, and how it reads in the log."""

from django.utils.translation import gettext_lazy as _

SIGN_IN_LOCK_LIFTED = "accounts.sign_in_lock_lifted"
SIGN_IN_CODE_MADE = "accounts.sign_in_code.issue"
SIGN_IN_CODE_ASKED_FOR = "accounts.sign_in_code.ask"
SIGN_IN_CODE_AGREED = "accounts.sign_in_code.agree"
SIGN_IN_CODE_REFUSED = "accounts.sign_in_code.refuse"

# (action, label, message) for each step, as it reads in the audit log.
LOG_ACTIONS = [
    (
        SIGN_IN_LOCK_LIFTED,
        _("Sign-in lock lifted"),
        _("Case worker let them sign in again"),
    ),
    (SIGN_IN_CODE_MADE, _("Make a sign-in code"), _("Code made")),
    (SIGN_IN_CODE_ASKED_FOR, _("Ask for a new sign-in code"), _("Code asked for")),
    (SIGN_IN_CODE_AGREED, _("Agree to a new sign-in code"), _("Agreed")),
    (SIGN_IN_CODE_REFUSED, _("Refuse a new sign-in code"), _("Refused")),
]
