"""The topic filter of "You said, we did": only topics that have something to show."""

from __future__ import annotations

from collections.abc import Iterable

import django_filters
from django.utils.translation import gettext_lazy as _

from voice.review.models import Action


class PublicActionFilter(django_filters.FilterSet):
    """Give it the topics to offer, read once, so the list costs no extra query."""

    topic = django_filters.ChoiceFilter(
        label=_("Topic"), field_name="topic_id", empty_label=_("All topics")
    )

    class Meta:
        model = Action
        fields: list[str] = []

    def __init__(self, data, queryset, *, topics: Iterable) -> None:
        super().__init__(data, queryset)
        self.filters["topic"].extra["choices"] = [
            (topic.pk, str(topic)) for topic in topics
        ]
