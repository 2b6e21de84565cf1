"""Narrowing the list of events: a value that makes no sense is told, never an error page."""

from __future__ import annotations

import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.models import EventPage, ProgrammePage


def _programmes(request):
    return ProgrammePage.objects.live().public().order_by("title")


def _next_twelve_months() -> list[tuple[str, str]]:
    today = timezone.localdate()
    months = []
    year, month = today.year, today.month
    for _step in range(12):
        first = datetime.date(year, month, 1)
        months.append((first.strftime("%Y-%m"), first.strftime("%B %Y")))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return months


class EventFilter(django_filters.FilterSet):
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"),
        queryset=_programmes,
        empty_label=_("All programmes"),
        method="filter_programme",
    )
    month = django_filters.ChoiceFilter(
        label=_("Month"),
        choices=_next_twelve_months,
        empty_label=_("Any month"),
        method="filter_month",
    )
    audience = django_filters.ChoiceFilter(
        label=_("Who it is for"),
        choices=EventPage.Audience.choices,
        empty_label=_("Everyone"),
    )

    class Meta:
        model = EventPage
        fields: list[str] = []

    def filter_programme(self, queryset, name, value):
        return queryset.descendant_of(value)

    def filter_month(self, queryset, name, value):
        """Events starting in the month `value` ("2026-12"), in local time."""
        year, number = (int(part) for part in value.split("-"))
        first = timezone.make_aware(datetime.datetime(year, number, 1))
        following = (first + datetime.timedelta(days=32)).replace(day=1)
        following = timezone.make_aware(
            datetime.datetime(following.year, following.month, 1)
        )
        return queryset.filter(start__gte=first, start__lt=following)
