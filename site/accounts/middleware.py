"""Access rules on every view, and MFA before any staff page opens."""

import logging

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from accounts.access import Outcome, rule_for
from accounts.roles import is_staff_member

logger = logging.getLogger(__name__)

STAFF_PATH_PREFIXES = ("/admin/", "/staff/")


class AccessRuleMiddleware:
    """Apply the declared access rule of the resolved view; refuse views without one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        rule = rule_for(match.view_name, request.path_info)
        if rule is None:
            logger.error("No access rule for view %s; refusing it", match.view_name)
            raise PermissionDenied("This page has no access rule.")
        outcome = rule.outcome_for(request.user)
        if outcome is Outcome.LOGIN:
            return redirect_to_login(request.get_full_path())
        if outcome is Outcome.FORBID:
            raise PermissionDenied
        return None


class StaffMFAMiddleware:
    """Send staff without an authenticator to set one up before staff pages open."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.STAFF_MFA_REQUIRED:
            return None
        if not request.path_info.startswith(STAFF_PATH_PREFIXES):
            return None
        if request.path_info.startswith("/admin/login/"):
            return None
        user = request.user
        if not is_staff_member(user) or has_mfa(user):
            return None
        return redirect("mfa_activate_totp")


def has_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()
