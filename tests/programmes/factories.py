"""Programme pages and events for tests, built in the page tree as Wagtail would."""

import datetime
import itertools

from django.utils import timezone

from programmes.models import EventPage, ProgrammeIndexPage, ProgrammePage

_numbers = itertools.count(1)


def programme_index(home_page) -> ProgrammeIndexPage:
    index = ProgrammeIndexPage.objects.first()
    if index is None:
        index = ProgrammeIndexPage(title="Programmes", slug="programmes")
        home_page.add_child(instance=index)
    return index


def make_programme(index, **fields) -> ProgrammePage:
    number = next(_numbers)
    fields.setdefault("title", f"Programme {number}")
    fields.setdefault("slug", f"programme-{number}")
    fields.setdefault("intro", "Things to try.")
    programme = ProgrammePage(**fields)
    index.add_child(instance=programme)
    return programme


def later_today() -> datetime.datetime:
    """A start still ahead and on today's date, at any time of day (also at 23:45)."""
    now = timezone.localtime()
    midnight = (now + datetime.timedelta(days=1)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    return now + min(datetime.timedelta(minutes=30), (midnight - now) / 2)


def make_event(programme, *, starts_in=datetime.timedelta(days=10), **fields):
    number = next(_numbers)
    start = fields.pop("start", timezone.now() + starts_in)
    fields.setdefault("title", f"Event {number}")
    fields.setdefault("slug", f"event-{number}")
    fields.setdefault("summary", "Come and try something new.")
    fields.setdefault("end", start + datetime.timedelta(hours=2))
    fields.setdefault("location_name", "The youth centre")
    fields.setdefault("capacity", 10)
    event = EventPage(start=start, **fields)
    programme.add_child(instance=event)
    return event
