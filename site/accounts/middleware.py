"""Access rules on every view, and MFA before a staff member opens anything."""

import logging

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from accounts.access import Outcome, rule_for
from accounts.mfa import mfa_step_needed, mfa_step_url

logger = logging.getLogger(__name__)

# The only views a staff member may open before this session has passed MFA:
# the MFA steps themselves (setting up TOTP asks for the password again
# first), signing out, and the health check. Everything else a staff role
# reaches, public pages included, waits for MFA.
MFA_STEP_VIEWS = frozenset(
    {
        "mfa_activate_totp",
        "mfa_authenticate",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_logout",
        "healthz",
    }
)


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
    """Send staff whose session has not passed MFA to the MFA step, whatever they open."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.view_name in MFA_STEP_VIEWS:
            return None
        if not mfa_step_needed(request.session, request.user):
            return None
        return redirect(mfa_step_url(request.user, request.get_full_path()))
