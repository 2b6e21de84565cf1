"""The audit log actions for what staff do with sign-ups: each name, and how it reads."""

from django.utils.translation import gettext_lazy as _

ATTENDANCE_MARKED = "programmes.attendance"
# No longer logged (consent is a record of its own now), but older log entries
# carry it and still read in the audit log.
CONSENT_RECEIVED = "programmes.consent_received"
CONSENT_RECORDED = "programmes.consent_recorded"
CONSENT_WITHDRAWN = "programmes.consent_withdrawn"
SIGN_UPS_EXPORTED = "programmes.export"

# (action, label, message) for each step, as it reads in the audit log.
LOG_ACTIONS = [
    (ATTENDANCE_MARKED, _("Mark attendance"), _("Attendance marked")),
    (
        CONSENT_RECEIVED,
        _("Mark consent received"),
        _("Parent or carer consent marked as received"),
    ),
    (CONSENT_RECORDED, _("Record consent"), _("Consent recorded")),
    (CONSENT_WITHDRAWN, _("Withdraw consent"), _("Consent withdrawn")),
    (SIGN_UPS_EXPORTED, _("Export sign-ups"), _("Sign-up list exported")),
]
