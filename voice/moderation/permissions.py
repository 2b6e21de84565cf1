"""Who may open the moderation queue and the safeguarding area; what each role may do."""

from accounts import roles
from accounts.access import HasPermission, register

MODERATE = "moderation.moderate_text"
HANDLE_SAFEGUARDING = "moderation.handle_safeguarding"

_THEMES = ["moderation.view_theme", "moderation.add_theme", "moderation.change_theme"]
_REASONS_VIEW = ["moderation.view_notsharedreason"]
_REASONS_EDIT = ["moderation.add_notsharedreason", "moderation.change_notsharedreason"]
_PHRASES = [
    "moderation.view_safeguardingphrase",
    "moderation.add_safeguardingphrase",
    "moderation.change_safeguardingphrase",
]

ROLE_PERMISSIONS = {
    roles.MODERATOR: [MODERATE, *_THEMES, *_REASONS_VIEW],
    roles.SAFEGUARDING_LEAD: [
        HANDLE_SAFEGUARDING,
        MODERATE,
        *_THEMES,
        *_REASONS_VIEW,
        *_PHRASES,
    ],
    roles.ADMINISTRATOR: [
        HANDLE_SAFEGUARDING,
        MODERATE,
        *_THEMES,
        "moderation.delete_theme",
        *_REASONS_VIEW,
        *_REASONS_EDIT,
        *_PHRASES,
    ],
}

register(
    {
        "moderation:*": HasPermission(MODERATE),
        "safeguarding:*": HasPermission(HANDLE_SAFEGUARDING),
    }
)
