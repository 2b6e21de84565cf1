"""Who may open the site-wide routes."""

from accounts.access import HasPermission, Public, register

register(
    {
        "healthz": Public(),
        "easy_read:*": Public(),
        "staff:home": HasPermission("accounts.access_staff_area"),
    }
)
