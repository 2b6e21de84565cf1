"""What this app holds about a person: the record of staff opening their records."""

from django.utils.translation import gettext_lazy as _

from privacy.models import AccessLog
from privacy.registry import register
from privacy.retention import years_before

LABEL = _("When staff opened your records")


def export_for(user) -> list[dict]:
    return [
        {"When": entry.created_at.isoformat(), "What they looked at": entry.what}
        for entry in AccessLog.objects.filter(subject=user).order_by("created_at")
    ]


def erase_for(user, *, keep_anonymised: bool) -> list[str]:
    if not AccessLog.objects.filter(subject=user).exists():
        return []
    # The record of who looked stays (it protects the person too), linked only
    # to an account number that no longer exists.
    return [
        str(
            _(
                "We keep the record of when staff opened your records, without your "
                "name, so we can check that nobody looked who should not have."
            )
        )
    ]


def purge_expired(policy, now) -> dict[str, int]:
    cutoff = years_before(now, policy.access_log_years)
    deleted, _counts = AccessLog.objects.filter(created_at__lt=cutoff).delete()
    return {"records of staff opening records deleted": deleted}


register(__name__)
