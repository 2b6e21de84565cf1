"""Who may see and delete their own data, and who may do it for a person who asks."""

from accounts import roles
from accounts.access import HasPermission, Public, SignedIn, register
from privacy import never_kept

HANDLE_REQUESTS = "privacy.handle_requests"
VIEW_ACCESS_LOG = "privacy.view_accesslog"

ROLE_PERMISSIONS = {
    roles.SERVICE_MANAGER: [HANDLE_REQUESTS, VIEW_ACCESS_LOG],
    roles.ADMINISTRATOR: [
        HANDLE_REQUESTS,
        VIEW_ACCESS_LOG,
        # Retention periods are a Wagtail site setting.
        "privacy.change_retentionsettings",
    ],
}

register(
    {
        "privacy:index": SignedIn(),
        "privacy:download_json": SignedIn(),
        "privacy:printable": SignedIn(),
        "privacy:stop_sharing": SignedIn(),
        "privacy:delete_account": SignedIn(),
        # Shown just after deletion, when the person is already signed out.
        "privacy:account_deleted": Public(),
        "privacy_admin:access_log": HasPermission(VIEW_ACCESS_LOG),
        "privacy_admin:*": HasPermission(HANDLE_REQUESTS),
    }
)

# Sign-in, sign-up and one-time-code forms, and this app's own pages: never
# kept by a browser or cache, so a shared phone gives nothing of them back.
never_kept.declare(
    "account_*",
    "accounts:*",
    "mfa_*",
    "privacy:*",
    "wagtailcore_login",
    "wagtail*_authenticate_with_password",
)

roles.register_role_permissions(ROLE_PERMISSIONS)
