"""iCalendar (RFC 5545) files for events, built with the icalendar library.

Times are written in Europe/London with a VTIMEZONE, so calendars get the
clock changes right. Titles, places and notes go through `accounts.text`
first: a calendar line holds no line break or control character.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

from accounts.text import one_line, without_control_characters
from programmes.models import EventPage

LONDON = ZoneInfo("Europe/London")
PRODID = "-//Youth Voice//Programmes and events//EN"


def event_uid(event: EventPage) -> str:
    host = settings.WAGTAILADMIN_BASE_URL.split("//", 1)[-1].split("/", 1)[0]
    return f"event-{event.pk}@{host.split(':', 1)[0]}"


def _absolute(url: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def build_event(event: EventPage) -> Event:
    item = Event()
    item.add("uid", event_uid(event))
    item.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    item.add("dtstart", event.start.astimezone(LONDON))
    item.add("dtend", event.end.astimezone(LONDON))
    summary = event.title
    if event.status == EventPage.Status.CANCELLED:
        summary = f"Cancelled: {event.title}"
    item.add("summary", one_line(summary))
    description = event.summary
    if event.status_note:
        description += "\n\n" + event.status_note
    if event.what_to_bring:
        description += "\n\nWhat to bring: " + event.what_to_bring
    item.add("description", without_control_characters(description))
    location = ", ".join(
        part for part in [event.location_name, " ".join(event.address.split())] if part
    )
    item.add("location", one_line(location))
    item.add(
        "status",
        "CANCELLED" if event.status == EventPage.Status.CANCELLED else "CONFIRMED",
    )
    item.add("sequence", max(event.live_revision_id or 0, 0))
    item.add(
        "last-modified",
        (event.last_published_at or timezone.now()).astimezone(datetime.UTC),
    )
    if event.url:
        item.add("url", _absolute(event.url))
    return item


def build_calendar(events: Iterable[EventPage], *, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", one_line(strip_tags(name)))
    calendar.add("x-wr-timezone", "Europe/London")
    starts = []
    for event in events:
        calendar.add_component(build_event(event))
        starts.append(event.start.date())
    if starts:
        calendar.add_missing_timezones(
            first_date=min(starts) - datetime.timedelta(days=366),
            last_date=max(starts) + datetime.timedelta(days=366),
        )
    else:
        calendar.add_component(_london_timezone())
    return calendar


def _london_timezone():
    from icalendar import Timezone

    today = timezone.localdate()
    return Timezone.from_tzid(
        "Europe/London",
        first_date=today - datetime.timedelta(days=366),
        last_date=today + datetime.timedelta(days=366),
    )


def calendar_response(calendar: Calendar, *, filename: str) -> HttpResponse:
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
