"""Moderation's audit log actions: each name, and how it reads in the log."""

from django.utils.translation import gettext_lazy as _

CLAIMED = "moderation.claim"
RELEASED = "moderation.release"
APPROVED = "moderation.approve"
NOT_SHARED = "moderation.not_shared"
ESCALATED = "moderation.escalate"
THEMES_CHANGED = "moderation.themes"
REPLY_WRITTEN = "moderation.reply"
BACK_FROM_SAFEGUARDING = "moderation.back_from_safeguarding"

# (action, label, message) for each step, as it reads in the audit log.
LOG_ACTIONS = [
    (CLAIMED, _("Claim"), _("Claimed for moderation")),
    (RELEASED, _("Release"), _("Given back to the queue")),
    (APPROVED, _("Approve"), _("Approved")),
    (NOT_SHARED, _("Not shared"), _("Not shared")),
    (ESCALATED, _("Escalate"), _("Passed to safeguarding")),
    (THEMES_CHANGED, _("Themes"), _("Themes changed")),
    (REPLY_WRITTEN, _("Reply"), _("Reply written")),
    (
        BACK_FROM_SAFEGUARDING,
        _("Back from safeguarding"),
        _("Back in the queue: a safeguarding lead found no concern"),
    ),
]
