"""Events in a person's own data: shown to them, and gone (queue moved up) when they leave."""

import pytest

from programmes import personal_data, services
from programmes.models import SignUp

pytestmark = pytest.mark.django_db


def test_export_shows_the_persons_own_sign_ups_only(young_people, event):
    mine, theirs = young_people(2)
    services.sign_up(event=event, person=mine, signed_up_by=mine, access_needs="Ramp")
    services.sign_up(event=event, person=theirs, signed_up_by=theirs)
    rows = personal_data.export_for(mine)
    assert len(rows) == 1
    assert rows[0]["Event"] == "Climbing taster"
    assert rows[0]["What you told us you need"] == "Ramp"


def test_erasing_a_person_frees_their_place_for_the_queue(young_people, event):
    leaving, other, waiting = young_people(3)
    for person in (leaving, other, waiting):
        services.sign_up(event=event, person=person, signed_up_by=person)
    assert personal_data.erase_for(leaving, keep_anonymised=True) == []
    assert not SignUp.objects.filter(person=leaving).exists()
    assert SignUp.objects.get(person=waiting).status == SignUp.Status.PLACE
