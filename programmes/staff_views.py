"""For programme staff: who is coming, consent, attendance on the day, and the list as CSV."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.log_actions import log

from pages import spreadsheets
from privacy.audit import record_access_to_many
from programmes import log_actions, selectors, services
from programmes.forms import RecordConsentForm, WithdrawConsentForm
from programmes.models import Consent, EventPage, SignUp


def event_list(request):
    return render(
        request,
        "programmes/staff/event_list.html",
        {"events": selectors.staff_event_list()},
    )


def event_detail(request, event_id: int):
    """Everyone coming, with what they need; buttons to mark them here on the day."""
    event = get_object_or_404(EventPage, pk=event_id)
    roster = list(selectors.event_roster(event))
    places = [entry for entry in roster if entry.status == SignUp.Status.PLACE]
    waiting = [entry for entry in roster if entry.status == SignUp.Status.WAITING]
    record_access_to_many(
        request,
        [entry.person for entry in roster],
        f"Sign-up details for the event “{event.title}”",
    )
    return render(
        request,
        "programmes/staff/event_detail.html",
        {
            "event": event,
            "places": places,
            "waiting": waiting,
            "can_mark_attendance": timezone.localdate()
            >= timezone.localdate(event.start),
            "here_count": sum(1 for entry in places if entry.attended),
            "withdraw_how_choices": WithdrawConsentForm().fields["how"].choices,
        },
    )


def _staff_sign_up(sign_up_id: int) -> SignUp:
    return get_object_or_404(
        SignUp.objects.select_related("event", "person"), pk=sign_up_id
    )


@require_POST
def mark_attendance(request, sign_up_id: int):
    entry = _staff_sign_up(sign_up_id)
    choice = request.POST.get("attended")
    if choice not in {"yes", "no"}:
        messages.error(request, _("Choose whether they came or not."))
        return redirect("event_admin:event", event_id=entry.event_id)
    try:
        services.mark_attendance(
            sign_up=entry, attended=choice == "yes", marked_by=request.user
        )
    except services.SignUpRefused as refused:
        messages.error(request, refused.message)
    else:
        log(
            instance=entry.event,
            action=log_actions.ATTENDANCE_MARKED,
            user=request.user,
            data={"sign_up": entry.pk, "attended": choice == "yes"},
        )
        messages.success(
            request,
            (
                _("%(person)s is marked as here.")
                if choice == "yes"
                else _("%(person)s is marked as not here.")
            )
            % {"person": entry.person},
        )
    return redirect(f"{_event_admin_url(entry.event_id)}#sign-up-{entry.pk}")


def mark_consent(request, sign_up_id: int):
    """Record consent: who gave it, their relationship, how, when and for what."""
    entry = _staff_sign_up(sign_up_id)
    if request.method != "POST":
        return render(
            request,
            "programmes/staff/record_consent.html",
            {
                "entry": entry,
                "form": RecordConsentForm(
                    for_what=services.consent_for_what(entry.event)
                ),
            },
        )
    try:
        form = RecordConsentForm(
            request.POST, for_what=services.consent_for_what(entry.event)
        )
        if form.is_valid():
            consent = services.record_consent(
                sign_up=entry, recorded_by=request.user, **form.cleaned_data
            )
            log(
                instance=entry.event,
                action=log_actions.CONSENT_RECORDED,
                user=request.user,
                data={
                    "sign_up": entry.pk,
                    "consent": consent.pk,
                    "how": consent.how,
                    "relationship": consent.relationship,
                },
            )
            messages.success(
                request,
                _("Consent for %(person)s is recorded.") % {"person": entry.person},
            )
            return redirect(f"{_event_admin_url(entry.event_id)}#sign-up-{entry.pk}")
    except services.SignUpRefused as refused:
        form.add_error(None, refused.message)
    return render(
        request,
        "programmes/staff/record_consent.html",
        {"entry": entry, "form": form},
        status=400,
    )


@require_POST
def withdraw_consent(request, consent_id: int):
    """Consent taken back, from the roster: how, and why if they said."""
    consent = get_object_or_404(
        Consent.objects.select_related("sign_up__person"), pk=consent_id
    )
    entry = consent.sign_up
    form = WithdrawConsentForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(f"{_event_admin_url(entry.event_id)}#sign-up-{entry.pk}")
    try:
        services.withdraw_consent(
            consent=consent,
            withdrawn_by=request.user,
            how=form.cleaned_data["how"],
            reason=form.cleaned_data["reason"],
        )
    except services.SignUpRefused as refused:
        messages.error(request, refused.message)
    else:
        log(
            instance=entry.event,
            action=log_actions.CONSENT_WITHDRAWN,
            user=request.user,
            data={"sign_up": entry.pk, "consent": consent.pk},
        )
        messages.success(
            request,
            _("Consent for %(person)s is withdrawn. They cannot be marked as here.")
            % {"person": entry.person},
        )
    return redirect(f"{_event_admin_url(entry.event_id)}#sign-up-{entry.pk}")


def _event_admin_url(event_id: int) -> str:
    return reverse("event_admin:event", kwargs={"event_id": event_id})


def export_sign_ups(request, event_id: int, file_format: str):
    event = get_object_or_404(EventPage, pk=event_id)
    roster = list(selectors.event_roster(event))
    record_access_to_many(
        request,
        [entry.person for entry in roster],
        f"Downloaded sign-up details for the event “{event.title}”",
    )
    log(instance=event, action=log_actions.SIGN_UPS_EXPORTED, user=request.user)
    yes_no = {True: _("Yes"), False: _("No"), None: ""}
    sheet = spreadsheets.Spreadsheet(
        filename=f"{event.slug}-sign-ups",
        header=[
            _("Username"),
            _("Status"),
            _("Signed up"),
            _("Signed up by"),
            _("Consent"),
            _("Consent given by"),
            _("How consent was given"),
            _("Consent given on"),
            _("Access needs"),
            _("Help with travel"),
            _("Came"),
        ],
        rows=[
            (
                entry.person.username,
                entry.get_status_display(),
                timezone.localtime(entry.created_at).strftime("%Y-%m-%d %H:%M"),
                entry.signed_up_by or "",
                entry.get_consent_status_display(),
                _consent_giver(entry.current_consent),
                entry.current_consent.get_how_display()
                if entry.current_consent
                else "",
                timezone.localtime(entry.current_consent.given_at).strftime(
                    "%Y-%m-%d %H:%M"
                )
                if entry.current_consent
                else "",
                entry.access_needs_for_staff,
                yes_no[entry.travel_help],
                yes_no[entry.attended],
            )
            for entry in roster
        ],
        title="Sign-ups",
    )
    return spreadsheets.download(sheet, file_format)


def _consent_giver(consent) -> str:
    if consent is None:
        return ""
    return f"{consent.given_by_name} ({consent.get_relationship_display()})"
