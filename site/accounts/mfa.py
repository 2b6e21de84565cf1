"""Has this session passed MFA? The one answer every staff check uses.

allauth keeps a list of how the current session authenticated (password, MFA
code, …) in the session itself, tied to the user it was recorded for. A staff
member counts as verified only when that list holds an MFA step: having an
authenticator is not enough, since a session started by any other means
(a password alone) has not used it.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode

from accounts.roles import is_staff_member

MFA_METHOD = "mfa"


def session_passed_mfa(session: Any, user) -> bool:
    """True when this session completed an MFA step for this very user."""
    if session is None or user is None or not user.is_authenticated:
        return False
    records = get_authentication_records(SimpleNamespace(session=session), user)
    return any(record.get("method") == MFA_METHOD for record in records)


def mfa_step_needed(session: Any, user) -> bool:
    """Staff whose session has not passed MFA get nothing a staff role gives."""
    if not settings.STAFF_MFA_REQUIRED or not is_staff_member(user):
        return False
    return not session_passed_mfa(session, user)


def mfa_step_url(user, next_path: str = "") -> str:
    """Where to pass MFA: set up an authenticator, or give a code from it."""
    if not is_mfa_enabled(user, [Authenticator.Type.TOTP]):
        return reverse("mfa_activate_totp")
    url = reverse("mfa_reauthenticate")
    if next_path:
        url += "?" + urlencode({"next": next_path})
    return url


def record_mfa_on_enrolment(sender, request, user, authenticator, **kwargs) -> None:
    """Setting up TOTP means typing a code from it: that is this session's MFA step.

    allauth records nothing when an authenticator is added, so without this a
    staff member who has just enrolled would be asked for a code at once.
    """
    if request is None or authenticator.type != Authenticator.Type.TOTP:
        return
    record_authentication(
        request, user, MFA_METHOD, id=authenticator.pk, type=authenticator.type
    )
