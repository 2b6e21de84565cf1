"""Writes about taking part in events: sign-ups, the waiting list, consent, attendance."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts import roles
from accounts.notifications import notify
from programmes.certificate_references import new_reference
from programmes.models import (
    Certificate,
    Consent,
    ConsentRule,
    ConsentStatus,
    EventPage,
    SignUp,
    consent_rule,
)
from programmes.participation import ParticipationEntry
from voice.safeguarding.models import SafeguardingConcern
from voice.safeguarding.screening import screen
from voice.safeguarding.services import raise_concern

logger = logging.getLogger(__name__)


class SignUpRefused(Exception):
    """A sign-up or change that cannot be made, with a message for the person."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def when_text(event: EventPage) -> str:
    start = timezone.localtime(event.start)
    return date_format(start, "l j F Y, g:i A")


def _lock_event(event_id: int) -> EventPage:
    """Lock the event's row so places are counted and taken one request at a time."""
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event_id)


def can_sign_up_for(*, actor, person, event: EventPage) -> bool:
    """People sign themselves up for events meant for them; a case worker, a young person they support."""
    if not event.is_for(person):
        return False
    if actor.pk == person.pk:
        return actor.has_perm("programmes.take_part")
    return (
        actor.has_perm("programmes.sign_up_supported")
        and person.case_worker_id == actor.pk
        and roles.YOUNG_PERSON in roles.role_names(person)
    )


def sign_up(
    *,
    event: EventPage,
    person,
    signed_up_by,
    access_needs: str = "",
    travel_help: bool = False,
    agrees_themself: bool = False,
) -> SignUp:
    """Give the person a place, or a place in the queue if the event is full.

    `agrees_themself`: a young person of 16 or over, signing themselves up,
    ticked to agree to take part; it is recorded as their consent.
    """
    if not can_sign_up_for(actor=signed_up_by, person=person, event=event):
        raise SignUpRefused(_("You cannot sign this person up."))
    access_needs = access_needs.strip()
    with transaction.atomic():
        event = _lock_event(event.pk)
        if not event.live:
            raise SignUpRefused(_("This event is not open for sign-up."))
        if event.status == EventPage.Status.CANCELLED:
            raise SignUpRefused(_("This event has been cancelled."))
        if event.start <= timezone.now():
            raise SignUpRefused(
                _("This event has already started, so sign-up is closed.")
            )
        already = SignUp.objects.filter(
            event=event,
            person=person,
            status__in=[SignUp.Status.PLACE, SignUp.Status.WAITING],
        ).first()
        if already:
            raise SignUpRefused(
                _("You already have a place at this event.")
                if already.status == SignUp.Status.PLACE
                else _("You are already on the waiting list for this event.")
            )
        taken = SignUp.objects.filter(event=event, status=SignUp.Status.PLACE).count()
        now = timezone.now()
        has_place = taken < event.capacity
        entry = SignUp(
            event=event,
            person=person,
            signed_up_by=signed_up_by if signed_up_by.pk != person.pk else None,
            status=SignUp.Status.PLACE if has_place else SignUp.Status.WAITING,
            place_given_at=now if has_place else None,
            access_needs=access_needs,
            travel_help=travel_help,
        )
        entry.full_clean()
        entry.save()
        if (
            agrees_themself
            and signed_up_by.pk == person.pk
            and consent_rule(event, person) == ConsentRule.THEMSELVES
        ):
            Consent.objects.create(
                sign_up=entry,
                given_by_name=person.get_username(),
                relationship=Consent.Relationship.THEMSELF,
                how=Consent.How.ONLINE,
                for_what=consent_for_what(event),
                given_at=now,
                recorded_by=person,
                recorded_at=now,
            )
    if access_needs:
        screen_for_safeguarding(entry)
    if signed_up_by.pk != person.pk:
        notify(
            user=person,
            message=_("%(worker)s signed you up for %(event)s on %(when)s.")
            % {"worker": signed_up_by, "event": event.title, "when": when_text(event)},
            link=event.url or "",
            subject=_("You are signed up for %(event)s") % {"event": event.title},
        )
    return entry


@transaction.atomic
def screen_for_safeguarding(entry: SignUp) -> None:
    """Access needs are private, but words that suggest risk still reach safeguarding.

    The same screening as every other text the platform takes. Once they are a
    concern, programme staff see only that they were passed on.
    """
    findings = screen(entry.access_needs)
    if findings.is_concern:
        raise_concern(
            source=SafeguardingConcern.Source.PHRASE_MATCH,
            raised_by=entry.person,
            details=_("Written when signing up for %(event)s: %(text)s")
            % {"event": entry.event.title, "text": entry.access_needs},
            reasons=[match.as_dict() for match in findings.matches],
        )
        entry.access_needs_passed_on = True
        entry.save(update_fields=["access_needs_passed_on"])


def cancel_sign_up(*, sign_up: SignUp, cancelled_by) -> SignUp | None:
    """Give up a place (or leave the queue); the first in the queue moves up.

    Returns the sign-up that moved up into the freed place, if any.
    """
    with transaction.atomic():
        event = _lock_event(sign_up.event_id)
        entry = SignUp.objects.select_for_update().get(pk=sign_up.pk)
        if not entry.is_active:
            raise SignUpRefused(_("This sign-up was already cancelled."))
        if event.end <= timezone.now():
            raise SignUpRefused(_("This event is over, so it cannot be cancelled."))
        had_place = entry.status == SignUp.Status.PLACE
        entry.status = SignUp.Status.CANCELLED
        entry.cancelled_at = timezone.now()
        entry.access_needs = ""
        entry.save(update_fields=["status", "cancelled_at", "access_needs"])
        promoted = promote_from_waiting_list(event=event) if had_place else None
    return promoted


def promote_from_waiting_list(*, event: EventPage) -> SignUp | None:
    """Give the first in the queue any free place, and tell them. Call with the event locked."""
    taken = SignUp.objects.filter(event=event, status=SignUp.Status.PLACE).count()
    if taken >= event.capacity or event.start <= timezone.now():
        return None
    first = (
        SignUp.objects.filter(event=event, status=SignUp.Status.WAITING)
        .order_by("created_at", "pk")
        .first()
    )
    if first is None:
        return None
    first.status = SignUp.Status.PLACE
    first.place_given_at = timezone.now()
    first.save(update_fields=["status", "place_given_at"])
    notify(
        user=first.person,
        message=_(
            "Good news: a place came free and it is yours. "
            "You are going to %(event)s on %(when)s."
        )
        % {"event": event.title, "when": when_text(event)},
        link=event.url or "",
        subject=_("You have a place at %(event)s") % {"event": event.title},
    )
    return first


def consent_for_what(event: EventPage) -> str:
    """What consent is for, as the form first offers it: the event and its date."""
    return f"{event.title}, {when_text(event)}"[:250]


@transaction.atomic
def record_consent(
    *,
    sign_up: SignUp,
    recorded_by,
    given_by_name: str,
    relationship: str,
    how: str,
    for_what: str,
    given_at: datetime.datetime,
) -> Consent:
    """Record who agreed to this person taking part, when, how and to what."""
    rule = sign_up.consent_rule()
    if rule == ConsentRule.NOT_NEEDED:
        raise SignUpRefused(_("This person does not need consent for this event."))
    if relationship == Consent.Relationship.THEMSELF and rule != ConsentRule.THEMSELVES:
        raise SignUpRefused(
            _(
                "They are under 16, or their age is not known, so a parent, carer "
                "or social worker must give consent."
            )
        )
    consent = Consent(
        sign_up=sign_up,
        given_by_name=given_by_name.strip(),
        relationship=relationship,
        how=how,
        for_what=for_what.strip(),
        given_at=given_at,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
    )
    consent.full_clean()
    consent.save()
    return consent


@transaction.atomic
def withdraw_consent(
    *, consent: Consent, withdrawn_by, how: str = "", reason: str = ""
) -> Consent:
    """Consent taken back: the record stays, saying when, how, why and who recorded it."""
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is not None:
        raise SignUpRefused(_("This consent was already withdrawn."))
    consent.withdrawn_at = timezone.now()
    consent.withdrawn_by = withdrawn_by
    consent.withdrawn_how = how
    consent.withdrawal_reason = reason.strip()
    consent.full_clean()
    consent.save(
        update_fields=[
            "withdrawn_at",
            "withdrawn_by",
            "withdrawn_how",
            "withdrawal_reason",
        ]
    )
    return consent


def mark_attendance(*, sign_up: SignUp, attended: bool, marked_by) -> SignUp:
    """Record whether a person with a place came; possible from the start of the day."""
    if sign_up.status != SignUp.Status.PLACE:
        raise SignUpRefused(_("Only people with a place can be marked as here."))
    event_day = timezone.localdate(sign_up.event.start)
    if timezone.localdate() < event_day:
        raise SignUpRefused(_("Attendance can be marked from the day of the event."))
    if attended and sign_up.consent_stops_attendance:
        message = (
            _(
                "%(person)s cannot be marked as here: consent is needed for this "
                "event and has not been given."
            )
            if sign_up.consent_status == ConsentStatus.WAITING
            else _(
                "%(person)s cannot be marked as here: consent for this event was "
                "withdrawn."
            )
        )
        raise SignUpRefused(message % {"person": sign_up.person})
    sign_up.attended = attended
    sign_up.attendance_marked_at = timezone.now()
    sign_up.save(update_fields=["attended", "attendance_marked_at"])
    return sign_up


def tell_signed_up_about_change(*, event: EventPage, before: dict) -> int:
    """Tell everyone with a place or in the queue that the event was cancelled, moved or changed."""
    if event.status != before["status"]:
        if event.status == EventPage.Status.CANCELLED:
            message = _("%(event)s on %(when)s has been cancelled.")
        elif event.status == EventPage.Status.MOVED:
            message = _("%(event)s has moved.")
        else:
            message = _("%(event)s is going ahead after all, on %(when)s.")
    elif (
        event.start != before["start"] or event.location_name != before["location_name"]
    ):
        message = _("%(event)s has changed: it is now on %(when)s at %(place)s.")
    else:
        return 0
    text = message % {
        "event": event.title,
        "when": when_text(event),
        "place": event.location_name,
    }
    if event.status_note:
        text += " " + event.status_note
    told = 0
    for entry in SignUp.objects.filter(
        event=event, status__in=[SignUp.Status.PLACE, SignUp.Status.WAITING]
    ).select_related("person"):
        notify(
            user=entry.person,
            message=text[:500],
            link=event.url or "",
            subject=_("Change to %(event)s") % {"event": event.title},
        )
        told += 1
    return told


def send_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind everyone with a place at tomorrow's events (in UK time). Safe to rerun."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    day_start = timezone.make_aware(
        datetime.datetime.combine(tomorrow, datetime.time())
    )
    day_end = timezone.make_aware(
        datetime.datetime.combine(
            tomorrow + datetime.timedelta(days=1), datetime.time()
        )
    )
    due = SignUp.objects.filter(
        status=SignUp.Status.PLACE,
        reminder_sent_at__isnull=True,
        event__live=True,
        event__status__in=[EventPage.Status.SCHEDULED, EventPage.Status.MOVED],
        event__start__gte=day_start,
        event__start__lt=day_end,
    ).select_related("event", "person")
    sent = 0
    for entry in due:
        with transaction.atomic():
            notify(
                user=entry.person,
                message=_("Reminder: %(event)s is tomorrow, %(when)s, at %(place)s.")
                % {
                    "event": entry.event.title,
                    "when": when_text(entry.event),
                    "place": entry.event.location_name,
                },
                link=entry.event.url or "",
                subject=_("Tomorrow: %(event)s") % {"event": entry.event.title},
            )
            SignUp.objects.filter(pk=entry.pk).update(reminder_sent_at=now)
        sent += 1
    return sent


def erase_past_event_needs(*, now: datetime.datetime | None = None) -> int:
    """Erase what people wrote about access needs once their event is over."""
    now = now or timezone.now()
    return (
        SignUp.objects.filter(event__end__lte=now, needs_erased_at__isnull=True)
        .exclude(access_needs="", travel_help=False)
        .update(access_needs="", travel_help=False, needs_erased_at=now)
    )


def programme_names(entries: list[ParticipationEntry]) -> str:
    """The programmes these activities were part of, in plain words ("Inspire and X").

    Activities outside any programme (such as the shadow board) count as part
    of the site's own name, never the justice service's.
    """
    names: list[str] = []
    for entry in entries:
        name = entry.programme or settings.WAGTAIL_SITE_NAME
        if name not in names:
            names.append(name)
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s and %(last)s") % {
        "first": ", ".join(names[:-1]),
        "last": names[-1],
    }


def issue_certificate(
    *,
    person,
    name_shown: str,
    entries: list[ParticipationEntry],
    include_service_name: bool,
    service_name: str = "",
) -> Certificate:
    """Store a certificate as it is printed today, with a fresh reference to check it by."""
    certificate = Certificate(
        person=person,
        name_shown=name_shown,
        include_service_name=include_service_name,
        service_name=service_name if include_service_name else "",
        programme=programme_names(entries),
        activities=[
            {"date": entry.date.isoformat(), "title": entry.title, "kind": entry.kind}
            for entry in sorted(entries, key=lambda entry: entry.date)
        ],
    )
    for _attempt in range(5):
        certificate.reference = new_reference()
        certificate.full_clean(validate_unique=False)
        try:
            with transaction.atomic():
                certificate.save()
        except IntegrityError:  # the same reference twice: about 1 in 10^14
            certificate.pk = None
            continue
        return certificate
    raise RuntimeError("Could not find a free certificate reference")


def withdraw_certificate(*, certificate: Certificate) -> None:
    """Take a certificate back: it is deleted, so its reference no longer checks."""
    certificate.delete()
