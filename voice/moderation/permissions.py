"""Who may open the moderation queue; what each role may do there."""

from accounts import roles
from accounts.access import HasPermission, register

MODERATE = "moderation.moderate_text"

_THEMES = ["moderation.view_theme", "moderation.add_theme", "moderation.change_theme"]
_REASONS_VIEW = ["moderation.view_notsharedreason"]
_REASONS_EDIT = ["moderation.add_notsharedreason", "moderation.change_notsharedreason"]

ROLE_PERMISSIONS = {
    roles.MODERATOR: [MODERATE, *_THEMES, *_REASONS_VIEW],
    # A lead moderates too: a text found to be no concern comes back to the queue.
    roles.SAFEGUARDING_LEAD: [MODERATE, *_THEMES, *_REASONS_VIEW],
    roles.ADMINISTRATOR: [
        MODERATE,
        *_THEMES,
        "moderation.delete_theme",
        *_REASONS_VIEW,
        *_REASONS_EDIT,
    ],
}

register({"moderation:*": HasPermission(MODERATE)})

roles.register_role_permissions(ROLE_PERMISSIONS)
