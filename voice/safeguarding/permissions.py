"""Who may open the safeguarding area and edit the phrase lists that raise concerns."""

from accounts import roles
from accounts.access import HasPermission, register

HANDLE_SAFEGUARDING = "safeguarding.handle_safeguarding"

_PHRASES = [
    "safeguarding.view_safeguardingphrase",
    "safeguarding.add_safeguardingphrase",
    "safeguarding.change_safeguardingphrase",
]

ROLE_PERMISSIONS = {
    roles.SAFEGUARDING_LEAD: [HANDLE_SAFEGUARDING, *_PHRASES],
    roles.ADMINISTRATOR: [HANDLE_SAFEGUARDING, *_PHRASES],
}

register({"safeguarding:*": HasPermission(HANDLE_SAFEGUARDING)})

roles.register_role_permissions(ROLE_PERMISSIONS)
