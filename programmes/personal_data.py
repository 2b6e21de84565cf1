"""What events hold about a person: sign-ups, what they told us, attendance, certificates.

See privacy/registry.py for the contract this module follows. Access needs
are already erased once each event is over (`erase_past_event_needs`); consent
records lose the name of who gave them a set time after the event (`purge_expired`).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.registry import register
from privacy.retention import months_before
from programmes import services
from programmes.models import Certificate, Consent, SignUp

LABEL = _("Events and certificates")


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def export_for(user) -> list[dict]:
    sign_ups = (
        SignUp.objects.filter(person=user)
        .select_related("event", "signed_up_by")
        .order_by("created_at")
    )
    return [
        {
            "Event": entry.event.title,
            "Event starts": _when(entry.event.start),
            "Signed up on": _when(entry.created_at),
            "Signed up by your worker": str(entry.signed_up_by or "") or None,
            "Place": entry.get_status_display(),
            "What you told us you need": entry.access_needs or None,
            "You wanted help with travel": entry.travel_help,
            "Consent": entry.get_consent_status_display(),
            # Who gave it is named by relationship only: never another person's name.
            "Consents recorded": [
                {
                    "Given by your": consent.get_relationship_display(),
                    "How": consent.get_how_display(),
                    "For": consent.for_what,
                    "Given on": _when(consent.given_at),
                    "Withdrawn on": _when(consent.withdrawn_at),
                    "How it was taken back": consent.get_withdrawn_how_display()
                    or None,
                    "Why it was taken back": consent.withdrawal_reason or None,
                }
                for consent in entry.consents.all()
            ]
            or None,
            "You came": entry.attended,
        }
        for entry in sign_ups
    ] + [
        {
            "Certificate reference": certificate.reference,
            "Issued on": _when(certificate.issued_at),
            "Name shown": certificate.name_shown,
            "Shows the service's name": certificate.include_service_name,
            "Programme": certificate.programme,
            "Activities": "; ".join(
                f"{activity['title']} ({activity['date']})"
                for activity in certificate.activities
            ),
        }
        for certificate in Certificate.objects.filter(person=user).order_by("issued_at")
    ]


def erase_for(user, *, keep_anonymised: bool) -> list[str]:
    """Give up any places still to come (the queue moves up), then remove every sign-up.

    A sign-up or a certificate only means something with the person attached,
    so none are kept; a deleted certificate's reference is no longer found.
    """
    upcoming = SignUp.objects.filter(
        person=user,
        status__in=[SignUp.Status.PLACE, SignUp.Status.WAITING],
        event__end__gt=timezone.now(),
    )
    for entry in upcoming:
        services.cancel_sign_up(sign_up=entry, cancelled_by=user)
    SignUp.objects.filter(person=user).delete()
    Certificate.objects.filter(person=user).delete()
    return []


def purge_expired(policy, now) -> dict[str, int]:
    """Consent records lose the name of who gave them, and any reason, after the period.

    The period runs from the end of the event. That consent was given, by a
    parent or carer or the young person, how and when, stays with the sign-up.
    """
    cutoff = months_before(now, policy.consent_months)
    expired = Consent.objects.filter(
        sign_up__event__end__lt=cutoff, name_removed_at__isnull=True
    )
    count = expired.update(given_by_name="", withdrawal_reason="", name_removed_at=now)
    return {"consent records with who gave them removed": count}


register(__name__)
