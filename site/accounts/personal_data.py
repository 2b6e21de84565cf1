"""What the accounts app holds about a person: the account, messages and sign-in codes.

See privacy/registry.py for the contract this module follows. Accounts sits
below privacy, so privacy registers this module (privacy/apps.py) rather than
this module importing privacy.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Notification, SignInCode, SignInCodeRequest

LABEL = _("Your account")


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def export_for(user) -> list[dict]:
    rows: list[dict] = [
        {
            "Username": user.get_username(),
            "First name": user.first_name,
            "Last name": user.last_name,
            "Email": user.email,
            "Joined on": _when(user.date_joined),
            "Last signed in": _when(user.last_login),
            "Roles": ", ".join(sorted(user.groups.values_list("name", flat=True))),
            "Your case worker": user.case_worker.get_username()
            if user.case_worker_id
            else None,
            "Your age group": user.get_age_band_display() or None,
        }
    ]
    rows += [
        {
            "Email address": address.email,
            "Checked": address.verified,
            "Main address": address.primary,
        }
        for address in EmailAddress.objects.filter(user=user)
    ]
    rows += [
        {
            "Sign-in security": authenticator.get_type_display(),
            "Set up on": _when(authenticator.created_at),
            "Last used": _when(authenticator.last_used_at),
        }
        for authenticator in Authenticator.objects.filter(user=user)
    ]
    rows += [
        {
            "Message": note.message,
            "Link": note.link,
            "Sent on": _when(note.created_at),
            "Read on": _when(note.read_at),
        }
        for note in Notification.objects.filter(user=user).order_by("created_at")
    ]
    # Only when codes were made and used: the codes themselves are never stored.
    rows += [
        {
            "Sign-in code made on": _when(code.created_at),
            "Runs out on": _when(code.expires_at),
            "Used on": _when(code.used_at),
        }
        for code in SignInCode.objects.filter(user=user).order_by("created_at")
    ]
    rows += [
        {
            "New sign-in code asked for on": _when(asked.requested_at),
            "Why": asked.reason,
            "What was decided": asked.get_status_display(),
            "Decided on": _when(asked.decided_at),
        }
        for asked in SignInCodeRequest.objects.filter(user=user).order_by(
            "requested_at"
        )
    ]
    return rows


def erase_for(user, *, keep_anonymised: bool) -> list[str]:
    Notification.objects.filter(user=user).delete()
    SignInCode.objects.filter(user=user).delete()
    SignInCodeRequest.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    # Codes a case worker made for others keep working; only the link to them goes.
    SignInCode.objects.filter(created_by=user).update(created_by=None)
    return []


def purge_expired(policy, now) -> dict[str, int]:
    note_cutoff = now - timedelta(days=policy.notification_days)
    notes, _counts = Notification.objects.filter(created_at__lt=note_cutoff).delete()
    code_cutoff = now - timedelta(days=policy.sign_in_code_days)
    codes, _counts = SignInCode.objects.filter(
        Q(used_at__lt=code_cutoff) | Q(used_at__isnull=True, expires_at__lt=code_cutoff)
    ).delete()
    asked, _counts = SignInCodeRequest.objects.filter(
        Q(decided_at__lt=code_cutoff)
        | Q(decided_at__isnull=True, requested_at__lt=code_cutoff)
    ).delete()
    return {
        "messages deleted": notes,
        "used or run-out sign-in codes deleted": codes,
        "requests for new sign-in codes deleted": asked,
    }
