"""The moderation queue's filters: a value that makes no sense is left out, never an error."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import CharFilter, ChoiceFilter, FilterSet, ModelChoiceFilter

from pages.ids import parse_id
from voice.moderation.models import ModeratedText
from voice.moderation.selectors import Flag, feedback_model


def _topics(request) -> QuerySet:
    return feedback_model()._meta.get_field("topic").related_model.objects.all()


def _speakers() -> list[tuple[str, str]]:
    return feedback_model()._meta.get_field("speaker").choices


class QueueFilter(FilterSet):
    kind = ChoiceFilter(
        label=_("Kind"), choices=ModeratedText.Kind.choices, empty_label=_("Any kind")
    )
    topic = ModelChoiceFilter(
        label=_("Topic"),
        field_name="feedback__topic",
        queryset=_topics,
        empty_label=_("Any topic"),
    )
    flag = ChoiceFilter(
        label=_("Flag"),
        choices=Flag.CHOICES,
        empty_label=_("Any"),
        method="filter_flag",
    )
    speaker = ChoiceFilter(
        label=_("Speaker"),
        field_name="feedback__speaker",
        choices=_speakers,
        empty_label=_("Anyone"),
    )
    q = CharFilter(label=_("Search"), max_length=100, method="filter_search")

    class Meta:
        model = ModeratedText
        fields: list[str] = []

    def filter_flag(self, queryset, name, value):
        if value == Flag.OFFENSIVE:
            return queryset.exclude(offensive_words=[])
        return queryset.exclude(personal_details=[])

    def filter_search(self, queryset, name, value):
        """Words in the text, an item's number, or a receipt code however it was typed."""
        search = value.strip()
        if not search:
            return queryset
        query = Q(text__icontains=search)
        if (number := parse_id(search)) is not None:
            query |= Q(pk=number)
        query |= Q(feedback__receipt_code__iexact=search)
        code = feedback_model().receipt_code_as_stored(search)
        if code is not None:  # typed as people type codes: "kxtr 9mpa"
            query |= Q(feedback__receipt_code=code)
        return queryset.filter(query)
