"""Reads about events and sign-ups, each in a fixed number of queries."""

from __future__ import annotations

import datetime

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from programmes.models import EVENTS_PER_PAGE, EventPage, ProgrammePage, SignUp


def upcoming_events(*, programme: ProgrammePage | None = None) -> QuerySet[EventPage]:
    """Events still to finish, soonest first (the list's filters are programmes.filters)."""
    events = EventPage.objects.listable().upcoming()
    if programme is not None:
        events = events.descendant_of(programme)
    return events


def past_events(*, programme: ProgrammePage | None = None) -> QuerySet[EventPage]:
    """Events that have finished, latest first, for the archive with their outcomes."""
    events = EventPage.objects.listable().past()
    if programme is not None:
        events = events.descendant_of(programme)
    return events


def all_feed_events(*, programme: ProgrammePage | None = None) -> QuerySet[EventPage]:
    """Events for a calendar feed: from three months back onwards."""
    since = timezone.now() - datetime.timedelta(days=90)
    events = EventPage.objects.live().public().filter(end__gte=since)
    if programme is not None:
        events = events.descendant_of(programme)
    return events.order_by("start", "pk")


def paginate(request, events: QuerySet, *, param: str = "page") -> PaginatorPage:
    """One page of events, with each event's programme attached in one more query."""
    paginator = Paginator(events, EVENTS_PER_PAGE)
    page = paginator.get_page(request.GET.get(param))
    attach_programmes(page.object_list)
    return page


def attach_programmes(events) -> list[EventPage]:
    """Set `event.programme` on each event from one query for their parents."""
    events = list(events)
    parent_paths = {event.path[: -EventPage.steplen] for event in events}
    programmes = {
        programme.path: programme
        for programme in ProgrammePage.objects.filter(path__in=parent_paths)
    }
    for event in events:
        event.programme = programmes.get(event.path[: -EventPage.steplen])
    return events


def waiting_position(sign_up: SignUp) -> int:
    """1 for the first in the queue."""
    return (
        SignUp.objects.filter(
            event_id=sign_up.event_id,
            status=SignUp.Status.WAITING,
            created_at__lt=sign_up.created_at,
        ).count()
        + 1
    )


def sign_ups_for(person) -> QuerySet[SignUp]:
    """A person's current places and queue places, for events still to come."""
    return (
        SignUp.objects.filter(
            person=person,
            status__in=[SignUp.Status.PLACE, SignUp.Status.WAITING],
            event__end__gt=timezone.now(),
        )
        .select_related("event")
        .order_by("event__start")
    )


def attended_event(user, event_page: EventPage) -> bool:
    """Whether staff marked this person as having come to this event."""
    if user is None or not user.is_authenticated:
        return False
    return SignUp.objects.filter(
        event_id=event_page.pk, person=user, attended=True
    ).exists()


def attendees(event_page: EventPage):
    """The people marked as having come to this event."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(sign_ups__event_id=event_page.pk, sign_ups__attended=True)
        .distinct()
    )


def event_roster(event: EventPage) -> QuerySet[SignUp]:
    """Everyone with a place or in the queue, places first, for staff."""
    return (
        SignUp.objects.filter(
            event=event, status__in=[SignUp.Status.PLACE, SignUp.Status.WAITING]
        )
        .select_related("person", "signed_up_by", "event")
        .prefetch_related("consents")
        .order_by("status", "created_at", "pk")
    )


def staff_event_list() -> QuerySet[EventPage]:
    """Events from a week back onwards, with their numbers, for the staff list."""
    since = timezone.now() - datetime.timedelta(days=7)
    return (
        EventPage.objects.filter(end__gte=since)
        .annotate(
            places_taken=Count(
                "sign_ups", filter=Q(sign_ups__status=SignUp.Status.PLACE)
            ),
            waiting=Count("sign_ups", filter=Q(sign_ups__status=SignUp.Status.WAITING)),
        )
        .order_by("start", "pk")
    )
