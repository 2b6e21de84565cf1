"""Signing up, the waiting list, consent, attendance, reminders and what is kept."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts import roles
from accounts.models import Notification
from programmes import selectors, services
from programmes.models import ConsentStatus, EventPage, SignUp
from tests.factories import UserFactory
from tests.programmes.factories import later_today, make_event

pytestmark = pytest.mark.django_db


def sign_up_page(event):
    return f"/events/{event.pk}/sign-up/"


def test_a_young_person_signs_up_with_only_what_the_event_needs(
    client_for, young_person, event
):
    client = client_for(young_person)
    page = client.get(sign_up_page(event)).content.decode()
    assert "Is there anything we should know so you can take part?" in page
    assert "I would like help getting there" in page
    assert 'name="email"' not in page and "phone" not in page.lower()

    response = client.post(
        sign_up_page(event),
        {"access_needs": "I need a quiet space", "travel_help": "on"},
        follow=True,
    )
    assert "Done! You have a place at Climbing taster." in response.content.decode()
    entry = SignUp.objects.get(person=young_person)
    assert entry.status == SignUp.Status.PLACE
    assert entry.access_needs == "I need a quiet space"
    assert entry.travel_help
    assert entry.consent_status == ConsentStatus.NOT_NEEDED
    assert "Climbing taster" in response.content.decode()  # listed under my places


def test_when_full_people_join_the_waiting_list_in_order(young_people, event):
    first, second, third, fourth = young_people(4)
    for person in (first, second, third, fourth):
        services.sign_up(event=event, person=person, signed_up_by=person)
    statuses = dict(SignUp.objects.values_list("person__username", "status"))
    assert statuses[first.username] == statuses[second.username] == "place"
    assert statuses[third.username] == statuses[fourth.username] == "waiting"
    assert selectors.waiting_position(SignUp.objects.get(person=fourth)) == 2


def test_cancelling_frees_the_place_for_the_first_in_the_queue_who_is_told(
    client_for, young_people, event
):
    holder, other, waiting_first, waiting_second = young_people(4)
    waiting_first.email = "first@example.org"
    waiting_first.save()
    for person in (holder, other, waiting_first, waiting_second):
        services.sign_up(event=event, person=person, signed_up_by=person)
    entry = SignUp.objects.get(person=holder)

    client = client_for(holder)
    with pytest.MonkeyPatch.context():
        response = client.post(f"/events/sign-ups/{entry.pk}/cancel/", follow=True)
    assert "is cancelled" in response.content.decode()

    assert SignUp.objects.get(pk=entry.pk).status == SignUp.Status.CANCELLED
    promoted = SignUp.objects.get(person=waiting_first)
    assert promoted.status == SignUp.Status.PLACE
    assert SignUp.objects.get(person=waiting_second).status == SignUp.Status.WAITING
    message = Notification.objects.get(user=waiting_first)
    assert "a place came free and it is yours" in message.message
    assert not Notification.objects.filter(user=waiting_second).exists()


def test_cancelling_sends_the_promotion_email_once_committed(
    django_capture_on_commit_callbacks, young_people, event
):
    holder, other, waiting = young_people(3)
    waiting.email = "waiting@example.org"
    waiting.save()
    for person in (holder, other, waiting):
        services.sign_up(event=event, person=person, signed_up_by=person)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_sign_up(
            sign_up=SignUp.objects.get(person=holder), cancelled_by=holder
        )
    assert [message.to for message in mail.outbox] == [["waiting@example.org"]]


def test_a_case_worker_signs_up_a_young_person_they_support(client_for, people, event):
    worker = people[roles.CASE_WORKER]
    supported = UserFactory(roles=[roles.YOUNG_PERSON], case_worker=worker)
    not_mine = UserFactory(roles=[roles.YOUNG_PERSON])
    client = client_for(worker)
    page = client.get(sign_up_page(event)).content.decode()
    assert supported.username in page and not_mine.username not in page

    response = client.post(sign_up_page(event), {"person": supported.pk}, follow=True)
    assert f"Done! {supported.username} has a place" in response.content.decode()
    entry = SignUp.objects.get(person=supported)
    assert entry.signed_up_by == worker
    assert Notification.objects.filter(user=supported).exists()

    response = client.post(sign_up_page(event), {"person": not_mine.pk})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not SignUp.objects.filter(person=not_mine).exists()


def test_signing_up_a_past_or_cancelled_event_is_refused_clearly(
    client_for, young_person, programme
):
    client = client_for(young_person)
    past = make_event(programme, starts_in=-datetime.timedelta(days=2))
    response = client.post(sign_up_page(past), {})
    assert response.status_code == 400
    assert "already started or finished" in response.content.decode()

    cancelled = make_event(programme, status=EventPage.Status.CANCELLED)
    response = client.post(sign_up_page(cancelled), {})
    assert response.status_code == 400
    assert "has been cancelled" in response.content.decode()
    assert not SignUp.objects.exists()


def test_forged_ids_are_answered_with_not_found_never_an_error(
    client_for, young_person, young_people, event, programme
):
    client = client_for(young_person)
    assert client.get("/events/987654/sign-up/").status_code == 404
    assert client.post("/events/987654/sign-up/", {}).status_code == 404
    draft = make_event(programme, live=False)
    assert client.post(sign_up_page(draft), {}).status_code == 404
    (someone_else,) = young_people(1)
    theirs = services.sign_up(
        event=event, person=someone_else, signed_up_by=someone_else
    )
    assert client.post(f"/events/sign-ups/{theirs.pk}/cancel/").status_code == 404
    assert SignUp.objects.get(pk=theirs.pk).status == SignUp.Status.PLACE
    assert client.post("/events/sign-ups/999999/cancel/").status_code == 404
    response = client.post(sign_up_page(event), {"person": someone_else.pk})
    assert SignUp.objects.filter(person=someone_else).count() == 1
    assert response.status_code in (302, 200)


def test_signing_up_twice_is_refused_and_too_long_needs_keep_what_was_typed(
    client_for, young_person, event
):
    client = client_for(young_person)
    typed = "x" * 1001
    response = client.post(sign_up_page(event), {"access_needs": typed})
    assert response.status_code == 400
    assert typed in response.content.decode()
    assert "at most 1000 characters" in response.content.decode()

    client.post(sign_up_page(event), {"access_needs": ""})
    services_error = None
    try:
        services.sign_up(event=event, person=young_person, signed_up_by=young_person)
    except services.SignUpRefused as refused:
        services_error = refused.message
    assert services_error == "You already have a place at this event."
    page = client.get(sign_up_page(event)).content.decode()
    assert "You already have a place at this event." in page


def test_people_without_a_taking_part_role_cannot_sign_up(client_for, people, event):
    for role in (roles.PARENT_CARER, roles.MODERATOR, roles.PROGRAMME_STAFF):
        response = client_for(people[role]).post(sign_up_page(event), {})
        assert response.status_code == 403, role
    assert not SignUp.objects.exists()


def test_staff_mark_attendance_on_the_day_and_not_before(
    client_for, young_people, people, programme
):
    later = make_event(programme, starts_in=datetime.timedelta(days=5))
    today = make_event(programme, start=later_today())
    (person,) = young_people(1)
    early = services.sign_up(event=later, person=person, signed_up_by=person)
    on_the_day = services.sign_up(event=today, person=person, signed_up_by=person)
    staff = client_for(people[roles.PROGRAMME_STAFF])

    response = staff.post(
        f"/staff/events/sign-ups/{early.pk}/attendance/",
        {"attended": "yes"},
        follow=True,
    )
    assert "from the day of the event" in response.content.decode()
    early.refresh_from_db()
    assert early.attended is None

    page = staff.get(f"/staff/events/{today.pk}/").content.decode()
    assert 'name="attended" value="yes"' in page
    response = staff.post(
        f"/staff/events/sign-ups/{on_the_day.pk}/attendance/",
        {"attended": "yes"},
        follow=True,
    )
    assert f"{person.username} is marked as here." in response.content.decode()
    on_the_day.refresh_from_db()
    assert on_the_day.attended is True
    assert selectors.attended_event(person, today)
    assert list(selectors.attendees(today)) == [person]
    assert not selectors.attended_event(person, later)

    response = staff.post(
        f"/staff/events/sign-ups/{on_the_day.pk}/attendance/", {"attended": "maybe"}
    )
    assert response.status_code == 302
    on_the_day.refresh_from_db()
    assert on_the_day.attended is True


def test_csv_export_lists_who_is_coming_and_neutralises_formulas(
    client_for, people, event
):
    attacker = UserFactory(roles=[roles.YOUNG_PERSON])
    services.sign_up(
        event=event,
        person=attacker,
        signed_up_by=attacker,
        access_needs='=HYPERLINK("http://evil.example","click")',
    )
    response = client_for(people[roles.PROGRAMME_STAFF]).get(
        f"/staff/events/{event.pk}/sign-ups.csv"
    )
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][0] == "Username"
    assert rows[1][0] == attacker.username
    assert rows[1][rows[0].index("Access needs")].startswith("'=HYPERLINK")


def test_the_staff_list_and_exports_are_closed_to_young_people(
    client_for, young_person, event
):
    client = client_for(young_person)
    assert client.get("/staff/events/").status_code == 403
    assert client.get(f"/staff/events/{event.pk}/sign-ups.csv").status_code == 403


def test_changing_the_status_of_a_live_event_tells_everyone_signed_up(
    young_people, event
):
    holder, other, waiting = young_people(3)
    for person in (holder, other, waiting):
        services.sign_up(event=event, person=person, signed_up_by=person)
    event.status = EventPage.Status.CANCELLED
    event.status_note = "The centre is closed."
    event.save_revision().publish()
    for person in (holder, other, waiting):
        message = Notification.objects.get(user=person).message
        assert "has been cancelled" in message and "The centre is closed." in message


def test_moving_an_event_tells_people_the_new_time(young_people, event):
    (person,) = young_people(1)
    services.sign_up(event=event, person=person, signed_up_by=person)
    event.start += datetime.timedelta(days=1)
    event.end += datetime.timedelta(days=1)
    event.save_revision().publish()
    assert "has changed" in Notification.objects.get(user=person).message


def test_reminders_go_the_day_before_once_only(young_people, programme):
    tomorrow = make_event(
        programme,
        start=timezone.make_aware(
            datetime.datetime.combine(
                timezone.localdate() + datetime.timedelta(days=1), datetime.time(15)
            )
        ),
    )
    next_week = make_event(programme, starts_in=datetime.timedelta(days=7))
    first, second = young_people(2)
    services.sign_up(event=tomorrow, person=first, signed_up_by=first)
    services.sign_up(event=next_week, person=second, signed_up_by=second)

    out = io.StringIO()
    call_command("send_event_reminders", stdout=out)
    assert "Sent 1" in out.getvalue()
    assert "is tomorrow" in Notification.objects.get(user=first).message
    assert not Notification.objects.filter(user=second).exists()
    call_command("send_event_reminders", stdout=io.StringIO())
    assert Notification.objects.filter(user=first).count() == 1


def test_access_needs_are_erased_once_the_event_is_over(young_people, programme):
    soon = make_event(programme, starts_in=datetime.timedelta(hours=1))
    later = make_event(programme, starts_in=datetime.timedelta(days=3))
    first, second = young_people(2)
    done = services.sign_up(
        event=soon,
        person=first,
        signed_up_by=first,
        access_needs="Wheelchair user",
        travel_help=True,
    )
    kept = services.sign_up(
        event=later, person=second, signed_up_by=second, access_needs="Needs a ramp"
    )
    call_command("erase_past_event_needs", stdout=io.StringIO())
    done.refresh_from_db()
    assert done.access_needs == "Wheelchair user"  # not over yet

    EventPage.objects.filter(pk=soon.pk).update(
        start=timezone.now() - datetime.timedelta(hours=3),
        end=timezone.now() - datetime.timedelta(hours=1),
    )
    out = io.StringIO()
    call_command("erase_past_event_needs", stdout=out)
    assert "1 sign-up" in out.getvalue()
    done.refresh_from_db()
    kept.refresh_from_db()
    assert done.access_needs == "" and not done.travel_help
    assert done.needs_erased_at is not None
    assert kept.access_needs == "Needs a ramp"


def test_worrying_words_in_access_needs_reach_safeguarding(young_person, event):
    from voice.safeguarding.models import SafeguardingConcern, SafeguardingPhrase

    SafeguardingPhrase.objects.get_or_create(
        phrase="hurt myself", defaults={"category": "self_harm"}
    )
    services.sign_up(
        event=event,
        person=young_person,
        signed_up_by=young_person,
        access_needs="Sometimes I want to hurt myself",
    )
    concern = SafeguardingConcern.objects.get()
    assert concern.raised_by == young_person
    assert "hurt myself" in concern.details


def test_my_participation_shows_places_and_events_attended_with_a_certificate(
    client_for, young_person, programme
):
    went = make_event(
        programme, title="Studio day", starts_in=-datetime.timedelta(days=9)
    )
    coming = make_event(programme, title="Chef talk")
    SignUp.objects.create(
        event=went, person=young_person, status=SignUp.Status.PLACE, attended=True
    )
    services.sign_up(event=coming, person=young_person, signed_up_by=young_person)
    client = client_for(young_person)
    page = client.get("/events/my-participation/").content.decode()
    assert "Chef talk" in page and "Cancel my place" in page
    assert "Studio day" in page and "Get my certificate" in page

    certificate = client.get("/events/my-participation/certificate/").content.decode()
    assert "Name to show" in certificate
    assert "Studio day" in certificate
    assert "Chef talk" not in certificate  # not attended yet


def test_other_kinds_of_taking_part_join_the_record_through_a_provider(
    client_for, young_person, monkeypatch
):
    from programmes import participation

    def board_meetings(user):
        return [
            participation.ParticipationEntry(
                date=datetime.date(2026, 9, 1),
                kind="Board meeting",
                title="Shadow board: September",
            )
        ]

    monkeypatch.setattr(
        participation, "_providers", [*participation._providers, board_meetings]
    )
    page = client_for(young_person).get("/events/my-participation/certificate/")
    html = page.content.decode()
    assert "Shadow board: September" in html and "Board meeting" in html


def test_navigation_offers_events_to_everyone_and_the_record_to_young_people(
    client_for, young_person, people, home_page
):
    from pages.navigation import items_for

    labels = lambda user, area: [item["label"] for item in items_for(user, area)]  # noqa: E731
    from django.contrib.auth.models import AnonymousUser

    assert "Events" in labels(AnonymousUser(), "main")
    assert "My participation" in labels(young_person, "account")
    assert "My participation" not in labels(people[roles.MODERATOR], "account")
    assert "Events and sign-ups" in labels(people[roles.PROGRAMME_STAFF], "staff")
    assert "Events and sign-ups" not in labels(people[roles.CASE_WORKER], "staff")


def test_a_disclosure_in_access_needs_reaches_safeguarding_with_the_reason(
    young_person, event
):
    from voice.safeguarding.models import SafeguardingConcern

    services.sign_up(
        event=event,
        person=young_person,
        signed_up_by=young_person,
        access_needs="need to be home by 6 or my dad batters me",
    )
    concern = SafeguardingConcern.objects.get()
    assert concern.raised_by == young_person
    assert concern.reasons, "the lead is told why it was raised"


def test_ordinary_access_needs_raise_nothing(young_person, event):
    from voice.safeguarding.models import SafeguardingConcern

    services.sign_up(
        event=event,
        person=young_person,
        signed_up_by=young_person,
        access_needs="I use a wheelchair and need the ramp, and I get anxious in crowds",
    )
    assert not SafeguardingConcern.objects.exists()
