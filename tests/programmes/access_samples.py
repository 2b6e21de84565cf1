"""URL parameters for the access matrix: objects from the demo content (seeded first)."""

from programmes.models import Consent, EventPage, ProgrammePage, SignUp


def _event():
    return EventPage.objects.live().filter(slug="climbing-taster").first()


def _sign_up(people):
    from accounts import roles

    event = _event()
    person = people[roles.YOUNG_PERSON]
    entry = SignUp.objects.filter(event=event, person=person).first()
    if entry is None:
        entry = SignUp.objects.create(
            event=event, person=person, status=SignUp.Status.PLACE
        )
    return entry


def _consent(people):
    entry = _sign_up(people)
    consent = entry.consents.first()
    if consent is None:
        consent = Consent.objects.create(
            sign_up=entry,
            given_by_name="A parent",
            relationship=Consent.Relationship.PARENT,
            how=Consent.How.PHONE,
            for_what=entry.event.title,
        )
    return consent


SAMPLE_KWARGS = {
    "events:programme_calendar": lambda people: {
        "programme_id": ProgrammePage.objects.get(slug="inspire").pk
    },
    "events:event_calendar": lambda people: {"event_id": _event().pk},
    "events:sign_up": lambda people: {"event_id": _event().pk},
    "events:cancel": lambda people: {"sign_up_id": _sign_up(people).pk},
    "event_admin:event": lambda people: {"event_id": _event().pk},
    "event_admin:export": lambda people: {"event_id": _event().pk},
    "event_admin:attendance": lambda people: {"sign_up_id": _sign_up(people).pk},
    "event_admin:consent": lambda people: {"sign_up_id": _sign_up(people).pk},
    "event_admin:withdraw_consent": lambda people: {"consent_id": _consent(people).pk},
}
