"""Staff looking at a named person's words or details leaves an entry in the access log."""

import datetime

import pytest

from accounts import roles
from privacy.models import AccessLog
from programmes import services as programme_services
from tests.factories import UserFactory
from tests.programmes.factories import make_event, make_programme, programme_index
from voice.moderation.models import ModeratedText
from voice.moderation.services import submit_text
from voice.safeguarding.models import SafeguardingConcern

pytestmark = pytest.mark.django_db


def entries_about(person):
    return list(AccessLog.objects.filter(subject=person))


def test_opening_a_signed_in_persons_words_for_moderation_is_logged(
    client_for, people, young_person
):
    moderator = people[roles.MODERATOR]
    item = submit_text(
        text="The youth club is good.",
        kind=ModeratedText.Kind.FEEDBACK,
        author=young_person,
    )
    response = client_for(moderator).get(f"/staff/moderation/{item.pk}/")
    assert response.status_code == 200
    [entry] = entries_about(young_person)
    assert entry.who == moderator
    assert entry.path == f"/staff/moderation/{item.pk}/"
    assert "moderation" in entry.what


def test_anonymous_words_leave_no_access_entry_because_nobody_is_named(
    client_for, people
):
    item = submit_text(text="Anonymous words.", kind=ModeratedText.Kind.FEEDBACK)
    client_for(people[roles.MODERATOR]).get(f"/staff/moderation/{item.pk}/")
    assert not AccessLog.objects.exists()


def test_opening_a_safeguarding_concern_about_a_known_child_is_logged(
    client_for, people, young_person
):
    lead = people[roles.SAFEGUARDING_LEAD]
    young_person_client = client_for(young_person)
    young_person_client.post("/feedback/unsafe/", {})
    concern = SafeguardingConcern.objects.get()
    assert concern.raised_by == young_person

    response = client_for(lead).get(f"/staff/safeguarding/{concern.pk}/")
    assert response.status_code == 200
    [entry] = entries_about(young_person)
    assert entry.who == lead
    assert "safeguarding" in entry.what


def test_a_concern_a_moderator_raised_is_logged_against_the_author_not_the_moderator(
    client_for, people, young_person
):
    moderator = people[roles.MODERATOR]
    item = submit_text(
        text="Things at home are hard.",
        kind=ModeratedText.Kind.FEEDBACK,
        author=young_person,
    )
    concern = SafeguardingConcern.objects.create(
        source=SafeguardingConcern.Source.MODERATOR,
        moderated_text=item,
        raised_by=moderator,
    )
    client_for(people[roles.SAFEGUARDING_LEAD]).get(
        f"/staff/safeguarding/{concern.pk}/"
    )
    assert len(entries_about(young_person)) == 1
    assert not entries_about(moderator)


def test_the_staff_event_roster_and_its_download_log_each_person_on_it(
    client_for, people, home_page
):
    event = make_event(
        make_programme(programme_index(home_page)),
        starts_in=datetime.timedelta(days=5),
        capacity=1,
    )
    coming = UserFactory(roles=[roles.YOUNG_PERSON])
    waiting = UserFactory(roles=[roles.YOUNG_PERSON])
    for person in (coming, waiting):
        programme_services.sign_up(event=event, person=person, signed_up_by=person)
    staff = client_for(people[roles.PROGRAMME_STAFF])

    assert staff.get(f"/staff/events/{event.pk}/").status_code == 200
    assert {entry.subject for entry in AccessLog.objects.all()} == {coming, waiting}
    assert all(e.who == people[roles.PROGRAMME_STAFF] for e in AccessLog.objects.all())

    assert staff.get(f"/staff/events/{event.pk}/sign-ups.csv").status_code == 200
    assert AccessLog.objects.count() == 4
    assert AccessLog.objects.filter(what__startswith="Downloaded").count() == 2
