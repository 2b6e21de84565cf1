"""Finding events, calendar files, signing up and a young person's record."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import ratelimit, roles
from pages import service_settings
from programmes import calendar, selectors, services
from programmes.filters import EventFilter
from programmes.forms import (
    CertificateCheckForm,
    CertificateForm,
    SignUpForm,
    SupportedSignUpForm,
)
from programmes.models import (
    Certificate,
    ConsentRule,
    ConsentStatus,
    EventPage,
    ProgrammePage,
    SignUp,
    consent_rule,
)
from programmes.participation import participation_entries


def _public_event(event_id: int) -> EventPage:
    return get_object_or_404(EventPage.objects.live().public(), pk=event_id)


def event_list(request):
    """Upcoming events across all programmes, filtered by programme, month, audience."""
    event_filter = EventFilter(request.GET or None, selectors.upcoming_events())
    page = selectors.paginate(request, event_filter.qs)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "programmes/event_list.html",
        {"form": event_filter.form, "events": page, "query": query.urlencode()},
    )


def past_events(request):
    """Events that have happened, with what came of them."""
    page = selectors.paginate(request, selectors.past_events())
    return render(request, "programmes/past_events.html", {"events": page})


def all_events_calendar(request):
    events = selectors.all_feed_events()
    return calendar.calendar_response(
        calendar.build_calendar(events, name=_("All events")),
        filename="events.ics",
    )


def programme_calendar(request, programme_id: int):
    programme = get_object_or_404(
        ProgrammePage.objects.live().public(), pk=programme_id
    )
    events = selectors.all_feed_events(programme=programme)
    return calendar.calendar_response(
        calendar.build_calendar(events, name=programme.title),
        filename=f"{programme.slug}.ics",
    )


def event_calendar(request, event_id: int):
    """The "add to calendar" file for one event."""
    event = _public_event(event_id)
    return calendar.calendar_response(
        calendar.build_calendar([event], name=event.title),
        filename=f"{event.slug}.ics",
    )


def sign_up(request, event_id: int):
    """Sign yourself up, or (for a case worker) a young person you support."""
    event = _public_event(event_id)
    offer = event.sign_up_offer(request.user)
    as_case_worker = offer == "supported"
    data = request.POST if request.method == "POST" else None
    if as_case_worker:
        supported = get_user_model().objects.filter(
            case_worker=request.user, groups__name=roles.YOUNG_PERSON
        )
        form = SupportedSignUpForm(data, supported=supported)
    else:
        form = SignUpForm(data)
        if consent_rule(event, request.user) != ConsentRule.THEMSELVES:
            del form.fields["agrees_themself"]
    existing = None if as_case_worker else event.active_sign_up_of(request.user)
    refusal = _closed_reason(event) or (None if offer else event.who_signs_up())
    if request.method == "POST" and refusal is None and form.is_valid():
        person = form.cleaned_data.get("person", request.user)
        try:
            entry = services.sign_up(
                event=event,
                person=person,
                signed_up_by=request.user,
                access_needs=form.cleaned_data["access_needs"],
                travel_help=form.cleaned_data["travel_help"],
                agrees_themself=form.cleaned_data.get("agrees_themself", False),
            )
        except services.SignUpRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _sign_up_message(entry, as_case_worker))
            if as_case_worker:
                return redirect(event.url)
            return redirect("events:my_participation")
    status = 400 if request.method == "POST" else 200
    if not offer and refusal and not _closed_reason(event) and request.method == "POST":
        status = 403  # the page explains who the event is for; a post is refused
    return render(
        request,
        "programmes/sign_up.html",
        {
            "event": event,
            "form": form,
            "refusal": refusal,
            "existing": existing,
            "places_left": event.places_left(),
            "as_case_worker": as_case_worker,
        },
        status=status,
    )


def _closed_reason(event: EventPage) -> str | None:
    if event.status == EventPage.Status.CANCELLED:
        return _("This event has been cancelled, so you cannot sign up.")
    if event.start <= timezone.now():
        return _("This event has already started or finished, so sign-up is closed.")
    return None


def _sign_up_message(entry: SignUp, as_case_worker: bool) -> str:
    names = {"person": entry.person, "event": entry.event.title}
    if entry.status == SignUp.Status.WAITING:
        text = (
            _("The event is full, so %(person)s is on the waiting list.")
            if as_case_worker
            else _("The event is full, so you are on the waiting list.")
        ) % names
        return text + " " + _("If a place comes free, we will send a message.")
    text = (
        _("Done! %(person)s has a place at %(event)s.")
        if as_case_worker
        else _("Done! You have a place at %(event)s.")
    ) % names
    if entry.consent_status == ConsentStatus.WAITING:
        text += " " + _(
            "A parent or carer needs to say yes. The event team will check this "
            "before the day."
        )
    return text


@require_POST
def cancel_sign_up(request, sign_up_id: int):
    """Give up a place or leave the queue; for the person, or the worker who supports them."""
    entry = get_object_or_404(SignUp.objects.select_related("person"), pk=sign_up_id)
    if (
        entry.person_id != request.user.pk
        and entry.person.case_worker_id != request.user.pk
    ):
        raise Http404
    try:
        services.cancel_sign_up(sign_up=entry, cancelled_by=request.user)
    except services.SignUpRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            _("Your place at %(event)s is cancelled. Thank you for letting us know.")
            % {"event": entry.event.title},
        )
    if entry.person_id != request.user.pk:
        return redirect(entry.event.url or reverse("events:list"))
    return redirect("events:my_participation")


def my_participation(request):
    """What a young person is signed up for, and what they have taken part in."""
    sign_ups = list(selectors.sign_ups_for(request.user))
    for entry in sign_ups:
        if entry.status == SignUp.Status.WAITING:
            entry.position = selectors.waiting_position(entry)
    return render(
        request,
        "programmes/my_participation.html",
        {
            "sign_ups": sign_ups,
            "entries": participation_entries(request.user),
            "certificates": request.user.certificates.all(),
        },
    )


def certificate(request):
    """Choose what goes on a certificate of taking part (GET), then issue it (POST)."""
    entries = participation_entries(request.user)
    service_name = _service_name(request)
    last = request.user.certificates.first()
    form = CertificateForm(
        request.POST if request.method == "POST" else None,
        entries=entries,
        service_name=service_name,
        initial={"name_shown": last.name_shown if last else ""},
    )
    if request.method == "POST" and entries and form.is_valid():
        issued = services.issue_certificate(
            person=request.user,
            name_shown=form.cleaned_data["name_shown"],
            entries=form.chosen_entries(),
            include_service_name=form.cleaned_data["include_service_name"],
            service_name=service_name,
        )
        return redirect("events:issued_certificate", certificate_id=issued.pk)
    return render(
        request,
        "programmes/certificate_form.html",
        {"form": form, "entries": entries},
        status=400 if request.method == "POST" else 200,
    )


def _service_name(request) -> str:
    service = service_settings.for_request(request)
    return service.service_name if service else ""


def _own_certificate(request, certificate_id: int) -> Certificate:
    return get_object_or_404(Certificate, pk=certificate_id, person_id=request.user.pk)


def issued_certificate(request, certificate_id: int):
    """One issued certificate, printable: it names the programme, not the service."""
    issued = _own_certificate(request, certificate_id)
    return render(
        request,
        "programmes/certificate.html",
        {
            "certificate": issued,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "check_url": request.build_absolute_uri(reverse("certificates:check")),
        },
    )


@require_POST
def withdraw_certificate(request, certificate_id: int):
    issued = _own_certificate(request, certificate_id)
    services.withdraw_certificate(certificate=issued)
    messages.success(
        request,
        _(
            "Certificate %(reference)s is withdrawn. Anyone who checks it now is "
            "told it cannot be found."
        )
        % {"reference": issued.reference},
    )
    return redirect("events:my_participation")


def check_certificate(request):
    """Public: a college or employer checks a reference; the answer says no more than the certificate."""
    form = CertificateCheckForm(request.POST if request.method == "POST" else None)
    found = None
    status = 200
    if request.method == "POST":
        if not ratelimit.allow(request, "certificate_check"):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "You have checked a lot of references. Please wait a minute "
                    "and try again."
                ),
            )
            status = 429
        elif form.is_valid():
            found = Certificate.objects.filter(
                reference=form.cleaned_data["reference"]
            ).first()
            if found is None:
                form.add_error(
                    "reference",
                    _("We could not find a certificate with that reference."),
                )
        if form.errors and status == 200:
            status = 400
    return render(
        request,
        "programmes/certificate_check.html",
        {"form": form, "found": found},
        status=status,
    )
