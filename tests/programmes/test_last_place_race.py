"""Two people asking for the last place at the same moment: exactly one gets it."""

import threading

import pytest
from django.db import close_old_connections, connection

from programmes import services
from programmes.models import SignUp
from tests.programmes.factories import make_event


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_last_place_is_never_taken_twice(home_page, young_people):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks need PostgreSQL; SQLite runs one writer at a time.")
    from tests.programmes.factories import make_programme, programme_index

    programme = make_programme(programme_index(home_page))
    event = make_event(programme, capacity=1)
    people = young_people(8)
    start = threading.Barrier(len(people))
    errors = []

    def ask(person):
        try:
            start.wait()
            services.sign_up(event=event, person=person, signed_up_by=person)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=ask, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert SignUp.objects.filter(event=event, status=SignUp.Status.PLACE).count() == 1
    assert (
        SignUp.objects.filter(event=event, status=SignUp.Status.WAITING).count()
        == len(people) - 1
    )
