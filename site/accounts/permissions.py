"""Who may open the account pages, allauth's pages and the Wagtail admin; what each role may do."""

from accounts import roles
from accounts.access import (
    Delegated,
    HasPermission,
    LeadsToSignIn,
    Public,
    SignedIn,
    register,
    register_prefix,
)

_ADMIN_ROLES = [
    roles.MODERATOR,
    roles.SAFEGUARDING_LEAD,
    roles.PROGRAMME_STAFF,
    roles.SERVICE_MANAGER,
    roles.ADMINISTRATOR,
]

ROLE_PERMISSIONS = {role: [] for role in roles.ALL_ROLES}
for _role in roles.STAFF_ROLES:
    ROLE_PERMISSIONS[_role].append("accounts.access_staff_area")
for _role in _ADMIN_ROLES:
    ROLE_PERMISSIONS[_role].append("wagtailadmin.access_admin")
for _role in (roles.CASE_WORKER, roles.ADMINISTRATOR):
    ROLE_PERMISSIONS[_role].append("accounts.create_supported_account")
AGREE_SIGN_IN_CODES = "accounts.agree_sign_in_codes"
# A second pair of eyes before a code replaces someone's password.
for _role in (roles.SAFEGUARDING_LEAD, roles.SERVICE_MANAGER, roles.ADMINISTRATOR):
    ROLE_PERMISSIONS[_role].append(AGREE_SIGN_IN_CODES)
ROLE_PERMISSIONS[roles.ADMINISTRATOR] += [
    "accounts.add_user",
    "accounts.change_user",
    "accounts.view_user",
    "auth.view_group",
    "auth.change_group",
]

register(
    {
        "accounts:landing": SignedIn(),
        "accounts:my_account": SignedIn(),
        "accounts:redeem_code": Public(),
        "accounts:notifications": SignedIn(),
        "young_people:*": HasPermission("accounts.create_supported_account"),
        "young_people:code_requests": HasPermission(AGREE_SIGN_IN_CODES),
        "young_people:decide_code_request": HasPermission(AGREE_SIGN_IN_CODES),
        # Wagtail's login doors, closed: see config/urls.py.
        "admin_login_redirect": LeadsToSignIn(),
        "wagtail_login_redirect": LeadsToSignIn(),
        "wagtailcore_login": LeadsToSignIn(),  # shadowed by wagtail_login_redirect
        # allauth: sign-in, sign-up and reset are open; the rest need an account.
        "account_login": Public(),
        "account_signup": Public(),
        "account_logout": Public(),
        "account_reset_password*": Public(),
        "account_confirm_email": Public(),
        "account_email_verification_sent": Public(),
        "account_inactive": Public(),
        "account_login_code_confirm": Delegated(
            "allauth login stage", expect=SignedIn()
        ),
        "account_*": SignedIn(),
        "mfa_authenticate": Delegated("allauth login stage", expect=SignedIn()),
        "mfa_reauthenticate": SignedIn(),
        "mfa_*": SignedIn(),
        "wagtail_serve": Delegated("Wagtail page privacy and publishing"),
        "wagtail_serve_preview": Delegated("Wagtail preview tokens"),
        "wagtaildocs_serve": Delegated("Wagtail collection privacy"),
        "wagtaildocs_authenticate_with_password": Public(),
        "wagtailcore_authenticate_with_password": Public(),
        "wagtailimages_serve": Public(),
    }
)

# Everything under /admin/ is the Wagtail admin; its own permission checks apply inside.
register_prefix("/admin/", HasPermission("wagtailadmin.access_admin"))

roles.register_role_permissions(ROLE_PERMISSIONS)
