"""A sign-in starts from a clean session: nothing a visitor left in it survives.

Django keeps a session's contents when an anonymous visitor signs in (it only
changes the key), so whatever the last person on a shared phone left there
(an "I don't feel safe" alert, reports, ratings) would belong to whoever signs
in next. Only what signing in itself needs is kept.
"""

# Django's record of who is signed in, allauth's login and MFA stages, and the
# CSRF token (rotated at sign-in) if it is ever kept in the session.
KEPT_AT_SIGN_IN = ("_auth_user_", "account_", "mfa_", "socialaccount_", "_csrftoken")


def forget_what_came_before_sign_in(sender, request, user, **kwargs) -> None:
    session = getattr(request, "session", None)
    if session is None:
        return
    for key in list(session.keys()):
        if not key.startswith(KEPT_AT_SIGN_IN):
            del session[key]
