"""Consent as a youth service records it: who gave it, when, how, for what."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from accounts import roles
from privacy.models import RetentionSettings
from privacy.retention import months_before, purge_expired_data
from programmes import personal_data, services
from programmes.models import Consent, ConsentStatus, SignUp
from tests.factories import UserFactory
from tests.programmes.factories import later_today, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def consent_event(programme):
    return make_event(programme, needs_consent=True, start=later_today())


def young(age_band=""):
    return UserFactory(roles=[roles.YOUNG_PERSON], age_band=age_band)


def consent_form(**overrides):
    data = {
        "given_by_name": "Mum, Sarah Jones",
        "relationship": "parent",
        "how": "phone",
        "for_what": "Climbing taster",
        "given_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
    }
    data.update(overrides)
    return data


def test_an_under_16_sign_up_to_a_consent_event_waits_for_consent(
    client_for, consent_event
):
    person = young("14_15")
    response = client_for(person).post(
        f"/events/{consent_event.pk}/sign-up/", {}, follow=True
    )
    assert "A parent or carer needs to say yes" in response.content.decode()
    assert SignUp.objects.get(person=person).consent_status == ConsentStatus.WAITING


def test_an_unknown_age_waits_for_consent(consent_event):
    person = young("")
    entry = services.sign_up(event=consent_event, person=person, signed_up_by=person)
    assert entry.consent_status == ConsentStatus.WAITING


def test_a_16_year_old_consents_for_themselves_with_a_tick(consent_event):
    person = young("16_17")
    entry = services.sign_up(
        event=consent_event, person=person, signed_up_by=person, agrees_themself=True
    )
    assert entry.consent_status == ConsentStatus.GIVEN
    consent = entry.consents.get()
    assert consent.relationship == Consent.Relationship.THEMSELF
    assert consent.how == Consent.How.ONLINE


def test_an_under_16_cannot_tick_consent_for_themselves(consent_event):
    person = young("10_13")
    entry = services.sign_up(
        event=consent_event, person=person, signed_up_by=person, agrees_themself=True
    )
    assert entry.consent_status == ConsentStatus.WAITING
    assert not entry.consents.exists()


def test_staff_record_consent_with_each_field_then_attendance_is_allowed(
    client_for, people, consent_event
):
    person = young("14_15")
    entry = services.sign_up(event=consent_event, person=person, signed_up_by=person)
    staff = client_for(people[roles.PROGRAMME_STAFF])
    attend = f"/staff/events/sign-ups/{entry.pk}/attendance/"

    roster = staff.get(f"/staff/events/{consent_event.pk}/").content.decode()
    assert "Cannot be marked as here until consent is given." in roster
    refused = staff.post(attend, {"attended": "yes"}, follow=True).content.decode()
    assert "consent is needed for this event and has not been given" in refused
    entry.refresh_from_db()
    assert entry.attended is None

    form = staff.get(f"/staff/events/sign-ups/{entry.pk}/consent/").content.decode()
    assert consent_event.title in form  # what it is for, filled in
    response = staff.post(
        f"/staff/events/sign-ups/{entry.pk}/consent/", consent_form(), follow=True
    )
    assert "is recorded" in response.content.decode()
    consent = Consent.objects.get(sign_up=entry)
    assert consent.given_by_name == "Mum, Sarah Jones"
    assert consent.relationship == "parent" and consent.how == "phone"
    assert consent.for_what == "Climbing taster"
    assert consent.recorded_by == people[roles.PROGRAMME_STAFF]
    assert "Mum, Sarah Jones (Parent), Phone call" in response.content.decode()

    staff.post(attend, {"attended": "yes"})
    entry.refresh_from_db()
    assert entry.attended is True


def test_attendance_is_refused_after_consent_is_withdrawn(people, consent_event):
    person = young("14_15")
    entry = services.sign_up(event=consent_event, person=person, signed_up_by=person)
    consent = services.record_consent(
        sign_up=entry,
        recorded_by=people[roles.PROGRAMME_STAFF],
        given_by_name="Dad",
        relationship="parent",
        how="in_person",
        for_what="Climbing",
        given_at=timezone.now(),
    )
    services.withdraw_consent(
        consent=consent, withdrawn_by=people[roles.PROGRAMME_STAFF]
    )
    entry = SignUp.objects.get(pk=entry.pk)
    assert entry.consent_status == ConsentStatus.WITHDRAWN
    with pytest.raises(services.SignUpRefused, match="withdrawn"):
        services.mark_attendance(sign_up=entry, attended=True, marked_by=None)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"given_by_name": "  "}, "given_by_name", "Write who gave consent."),
        (
            {
                "given_at": (
                    timezone.localtime() + datetime.timedelta(days=2)
                ).strftime("%Y-%m-%dT%H:%M")
            },
            "given_at",
            "Consent cannot be given in the future.",
        ),
    ],
)
def test_bad_consent_input_is_explained_beside_the_field_and_kept(
    client_for, people, consent_event, overrides, field, message
):
    person = young("14_15")
    entry = services.sign_up(event=consent_event, person=person, signed_up_by=person)
    response = client_for(people[roles.PROGRAMME_STAFF]).post(
        f"/staff/events/sign-ups/{entry.pk}/consent/", consent_form(**overrides)
    )
    assert response.status_code == 400
    assert message in response.context["form"].errors[field][0]
    assert 'value="Climbing taster"' in response.content.decode()
    assert not Consent.objects.exists()


def test_the_csv_shows_consent_status_who_how_and_when(
    client_for, people, consent_event
):
    person = young("14_15")
    entry = services.sign_up(event=consent_event, person=person, signed_up_by=person)
    client_for(people[roles.PROGRAMME_STAFF]).post(
        f"/staff/events/sign-ups/{entry.pk}/consent/", consent_form()
    )
    response = client_for(people[roles.PROGRAMME_STAFF]).get(
        f"/staff/events/{consent_event.pk}/sign-ups.csv"
    )
    rows = list(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))
        )
    )
    header, row = rows[0], rows[1]
    assert row[header.index("Consent")] == "Consent given"
    assert row[header.index("Consent given by")] == "Mum, Sarah Jones (Parent)"
    assert row[header.index("How consent was given")] == "Phone call"
    assert row[header.index("Consent given on")]


def test_consent_is_in_the_export_and_goes_with_erasure(people, consent_event):
    person = young("14_15")
    entry = services.sign_up(event=consent_event, person=person, signed_up_by=person)
    services.record_consent(
        sign_up=entry,
        recorded_by=people[roles.PROGRAMME_STAFF],
        given_by_name="Mum, Sarah Jones",
        relationship="parent",
        how="email",
        for_what="Climbing",
        given_at=timezone.now(),
    )
    (row,) = personal_data.export_for(person)
    assert row["Consent"] == "Consent given"
    assert row["Consents recorded"][0]["How"] == "Email"
    assert "Sarah" not in str(row)  # another person's name stays out
    personal_data.erase_for(person, keep_anonymised=False)
    assert not Consent.objects.exists()


def given_consent(people, event, age_band="14_15"):
    """A place with a parent's consent (made directly: some events are long over)."""
    person = young(age_band)
    entry = SignUp.objects.create(
        event=event, person=person, status=SignUp.Status.PLACE
    )
    consent = services.record_consent(
        sign_up=entry,
        recorded_by=people[roles.PROGRAMME_STAFF],
        given_by_name="Mum, Sarah Jones",
        relationship="parent",
        how="phone",
        for_what="Climbing",
        given_at=timezone.now(),
    )
    return entry, consent


def test_staff_withdraw_consent_from_the_roster_then_attendance_is_blocked_again(
    client_for, people, consent_event
):
    entry, consent = given_consent(people, consent_event)
    staff = client_for(people[roles.PROGRAMME_STAFF])
    roster = staff.get(f"/staff/events/{consent_event.pk}/").content.decode()
    withdraw_url = f"/staff/events/consents/{consent.pk}/withdraw/"
    assert f'action="{withdraw_url}"' in roster

    response = staff.post(
        withdraw_url,
        {"how": "phone", "reason": "Mum rang: he is unwell that week."},
        follow=True,
    )

    html = response.content.decode()
    assert "Consent for " in html and "is withdrawn" in html
    assert "Consent withdrawn" in html
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert consent.withdrawn_by == people[roles.PROGRAMME_STAFF]
    assert consent.withdrawn_how == "phone"
    assert consent.withdrawal_reason == "Mum rang: he is unwell that week."
    refused = staff.post(
        f"/staff/events/sign-ups/{entry.pk}/attendance/",
        {"attended": "yes"},
        follow=True,
    ).content.decode()
    assert "consent for this event was withdrawn" in refused
    entry.refresh_from_db()
    assert entry.attended is None


def test_withdrawing_consent_is_post_only(client_for, people, consent_event):
    _entry, consent = given_consent(people, consent_event)
    response = client_for(people[roles.PROGRAMME_STAFF]).get(
        f"/staff/events/consents/{consent.pk}/withdraw/"
    )
    assert response.status_code == 405
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_withdrawing_consent_needs_how_it_was_taken_back(
    client_for, people, consent_event
):
    _entry, consent = given_consent(people, consent_event)
    response = client_for(people[roles.PROGRAMME_STAFF]).post(
        f"/staff/events/consents/{consent.pk}/withdraw/", {"reason": "no"}, follow=True
    )
    assert "Choose how consent was taken back." in response.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_consent_withdrawn_twice_says_so_and_keeps_the_first_record(
    client_for, people, consent_event
):
    _entry, consent = given_consent(people, consent_event)
    staff = client_for(people[roles.PROGRAMME_STAFF])
    url = f"/staff/events/consents/{consent.pk}/withdraw/"
    staff.post(url, {"how": "email", "reason": "first"})
    response = staff.post(url, {"how": "phone", "reason": "second"}, follow=True)
    assert "already withdrawn" in response.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_how == "email" and consent.withdrawal_reason == "first"


@pytest.mark.parametrize(
    "role", [roles.MODERATOR, roles.CASE_WORKER, roles.YOUNG_PERSON]
)
def test_only_programme_staff_may_withdraw_consent(
    client_for, people, consent_event, role
):
    _entry, consent = given_consent(people, consent_event)
    response = client_for(people[role]).post(
        f"/staff/events/consents/{consent.pk}/withdraw/", {"how": "phone"}
    )
    assert response.status_code == 403
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_consent_names_and_reasons_go_exactly_when_their_period_after_the_event_is_past(
    people, programme
):
    policy = RetentionSettings.load()
    now = timezone.now()
    cutoff = months_before(now, policy.consent_months)
    long_ago = make_event(
        programme,
        needs_consent=True,
        start=cutoff - datetime.timedelta(days=1),
        end=cutoff - datetime.timedelta(seconds=1),
        slug="long-ago",
    )
    on_the_day = make_event(
        programme,
        needs_consent=True,
        start=cutoff - datetime.timedelta(hours=2),
        end=cutoff,
        slug="on-the-day",
    )
    old_entry, old_consent = given_consent(people, long_ago)
    services.withdraw_consent(
        consent=old_consent,
        withdrawn_by=people[roles.PROGRAMME_STAFF],
        how="phone",
        reason="Family reasons",
    )
    _kept_entry, kept_consent = given_consent(people, on_the_day)

    done = purge_expired_data(now=now)

    assert done["Events and certificates"] == {
        "consent records with who gave them removed": 1
    }
    old_consent.refresh_from_db()
    assert old_consent.given_by_name == "" and old_consent.withdrawal_reason == ""
    assert old_consent.name_removed_at == now
    # What a report or an inspection needs stays: that it was given, how, and when.
    assert old_consent.relationship == "parent" and old_consent.how == "phone"
    assert old_consent.withdrawn_at is not None
    kept_consent.refresh_from_db()
    assert kept_consent.given_by_name == "Mum, Sarah Jones"
    assert kept_consent.name_removed_at is None
    assert purge_expired_data(now=now)["Events and certificates"] == {
        "consent records with who gave them removed": 0
    }


def test_the_person_export_shows_a_withdrawal_and_never_the_reason_givers_name(
    people, consent_event
):
    entry, consent = given_consent(people, consent_event)
    services.withdraw_consent(
        consent=consent,
        withdrawn_by=people[roles.PROGRAMME_STAFF],
        how="email",
        reason="Changed their mind",
    )
    (row,) = personal_data.export_for(entry.person)
    (recorded,) = row["Consents recorded"]
    assert recorded["Withdrawn on"]
    assert recorded["How it was taken back"] == "Email"
    assert recorded["Why it was taken back"] == "Changed their mind"
    assert "Sarah" not in str(row)
