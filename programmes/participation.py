"""A young person's record of taking part, gathered from every kind of activity.

Each provider is a function `(user) -> list[ParticipationEntry]`. Events
provide theirs here; other parts of the service (such as shadow board
meetings and recommendations) add a provider with `register_provider`, and
the record and certificate show them without further change.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.models import ProgrammePage, SignUp


@dataclass(frozen=True)
class ParticipationEntry:
    date: datetime.date
    kind: str  # e.g. "Event", "Board meeting"
    title: str
    detail: str = ""
    programme: str = ""  # the programme it was part of, for the certificate

    @property
    def key(self) -> str:
        """A stable name for this entry, so a form can say which ones were chosen."""
        text = f"{self.date.isoformat()}|{self.kind}|{self.title}"
        return hashlib.sha256(text.encode()).hexdigest()[:16]


Provider = Callable[[object], list[ParticipationEntry]]
_providers: list[Provider] = []


def register_provider(provider: Provider) -> Provider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def participation_entries(user) -> list[ParticipationEntry]:
    """Everything this person took part in, newest first."""
    entries: list[ParticipationEntry] = []
    for provider in _providers:
        entries.extend(provider(user))
    return sorted(entries, key=lambda entry: (entry.date, entry.title), reverse=True)


@register_provider
def events_attended(user) -> list[ParticipationEntry]:
    sign_ups = list(
        SignUp.objects.filter(person=user, attended=True)
        .select_related("event")
        .order_by("-event__start")
    )
    parent_paths = {_parent_path(entry.event) for entry in sign_ups}
    programme_titles = dict(
        ProgrammePage.objects.filter(path__in=parent_paths).values_list("path", "title")
    )
    entries = []
    for entry in sign_ups:
        event = entry.event
        entries.append(
            ParticipationEntry(
                date=timezone.localdate(event.start),
                kind=str(_("Event")),
                title=event.title,
                detail=event.summary,
                programme=programme_titles.get(_parent_path(event), ""),
            )
        )
    return entries


def _parent_path(page) -> str:
    """The tree path of a page's parent (an event's programme), without a query."""
    return page.path[: -page.steplen]
