"""The access log's filter: one username, of the staff member or of the person looked at."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from privacy.models import AccessLog


class AccessLogFilter(django_filters.FilterSet):
    person = django_filters.CharFilter(
        label=_("Staff member or person (username)"),
        max_length=150,
        method="filter_person",
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    class Meta:
        model = AccessLog
        fields: list[str] = []

    def filter_person(self, queryset, name, value):
        return queryset.filter(Q(who_username=value) | Q(subject__username=value))
