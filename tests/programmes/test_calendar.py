"""Calendar files are valid iCalendar, read back by the library, in UK time with its clock changes."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from programmes.models import EventPage
from tests.programmes.factories import make_event, make_programme

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def read_calendar(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].startswith("attachment;")
    return Calendar.from_ical(response.content)


def test_all_events_feed_lists_every_live_event_with_a_london_timezone(
    client, programme, index
):
    other = make_programme(index, title="Knife crime awareness")
    first = make_event(programme, title="Climbing")
    second = make_event(other, title="Parents evening")
    make_event(programme, title="Draft", live=False)

    calendar = read_calendar(client.get("/events/calendar.ics"))

    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    summaries = sorted(str(event["SUMMARY"]) for event in calendar.events)
    assert summaries == ["Climbing", "Parents evening"]
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/London"]
    uids = {str(event["UID"]) for event in calendar.events}
    assert len(uids) == 2
    for event in calendar.events:
        assert event.start.tzinfo is not None
        assert "DTSTAMP" in event
    assert first.pk != second.pk


def test_programme_feed_has_only_that_programmes_events(client, programme, index):
    other = make_programme(index, title="Other")
    make_event(programme, title="Mine")
    make_event(other, title="Not mine")
    calendar = read_calendar(
        client.get(f"/events/programme/{programme.pk}/calendar.ics")
    )
    assert [str(event["SUMMARY"]) for event in calendar.events] == ["Mine"]


def test_an_event_across_the_october_clock_change_keeps_its_wall_clock_times(
    client, programme
):
    # 25 October 2026: clocks go back at 02:00 BST. 6pm the day before is BST
    # (UTC+1); 6pm the day after is GMT (UTC+0).
    before = make_event(
        programme,
        title="Saturday session",
        start=datetime.datetime(2026, 10, 24, 18, 0, tzinfo=LONDON),
        end=datetime.datetime(2026, 10, 24, 20, 0, tzinfo=LONDON),
    )
    overnight = make_event(
        programme,
        title="Overnight camp",
        start=datetime.datetime(2026, 10, 24, 20, 0, tzinfo=LONDON),
        end=datetime.datetime(2026, 10, 25, 9, 0, tzinfo=LONDON),
    )

    for event, wall_start, utc_offset in [
        (before, (18, 0), datetime.timedelta(hours=1)),
        (overnight, (20, 0), datetime.timedelta(hours=1)),
    ]:
        calendar = read_calendar(client.get(f"/events/{event.pk}/event.ics"))
        (item,) = calendar.events
        assert (item.start.hour, item.start.minute) == wall_start
        assert item.start.utcoffset() == utc_offset
        assert str(item["DTSTART"].params["TZID"]) == "Europe/London"

    calendar = read_calendar(client.get(f"/events/{overnight.pk}/event.ics"))
    (item,) = calendar.events
    # Ends at 9am GMT: 13 hours after 8pm BST, not 14.
    assert item.end.utcoffset() == datetime.timedelta(0)
    assert (item.end.hour, item.end.minute) == (9, 0)
    assert item.end - item.start == datetime.timedelta(hours=14) - datetime.timedelta(
        hours=1
    )
    (zone,) = calendar.timezones
    transitions = {
        (component.name, component["TZOFFSETTO"].td)
        for component in zone.walk()
        if component.name in ("STANDARD", "DAYLIGHT")
    }
    assert ("STANDARD", datetime.timedelta(0)) in transitions
    assert ("DAYLIGHT", datetime.timedelta(hours=1)) in transitions


def test_a_cancelled_event_is_marked_cancelled_in_calendars(client, programme):
    event = make_event(
        programme, title="Trip", status=EventPage.Status.CANCELLED, status_note="Rain."
    )
    (item,) = read_calendar(client.get(f"/events/{event.pk}/event.ics")).events
    assert str(item["STATUS"]) == "CANCELLED"
    assert str(item["SUMMARY"]).startswith("Cancelled")


def test_calendar_files_for_unknown_or_unpublished_events_are_not_found(
    client, programme
):
    draft = make_event(programme, live=False)
    assert client.get(f"/events/{draft.pk}/event.ics").status_code == 404
    assert client.get("/events/999999/event.ics").status_code == 404
    assert client.get("/events/programme/999999/calendar.ics").status_code == 404


ODD_TITLE = "Climbing\r\ntaster\x07 \u202bمرحبا\u202c\u2028day"


def test_titles_and_places_with_line_breaks_still_give_a_calendar_each_on_one_line(
    client, index
):
    programme = make_programme(index, title="Inspire\nsummer\x1f")
    event = make_event(
        programme,
        title=ODD_TITLE,
        location_name="The youth\ncentre",
        summary="First line\x0b\nsecond line\x1b",
    )

    for path in [
        f"/events/{event.pk}/event.ics",
        f"/events/programme/{programme.pk}/calendar.ics",
        "/events/calendar.ics",
    ]:
        calendar = read_calendar(client.get(path))
        (item,) = calendar.events
        assert str(item["SUMMARY"]) == "Climbing taster \u202bمرحبا\u202c day"
        assert str(item["LOCATION"]) == "The youth centre"
        assert str(item["DESCRIPTION"]) == "First line\n\nsecond line"
    assert str(calendar["X-WR-CALNAME"]) == "All events"
    programme_calendar = read_calendar(
        client.get(f"/events/programme/{programme.pk}/calendar.ics")
    )
    assert str(programme_calendar["X-WR-CALNAME"]) == "Inspire summer"


def test_a_very_long_title_is_folded_into_short_calendar_lines(client, programme):
    title = "Very long " * 24 + "trip"
    event = make_event(programme, title=title)
    response = client.get(f"/events/{event.pk}/event.ics")
    calendar = read_calendar(response)
    assert str(calendar.events[0]["SUMMARY"]) == title
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
