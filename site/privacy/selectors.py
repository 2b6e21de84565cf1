"""Reads for the privacy pages: finding people, the access log."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from privacy.models import AccessLog


def find_people(query: str, *, limit: int = 20) -> QuerySet:
    """People whose username matches, the exact match first."""
    query = query.strip()
    if not query:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(username__icontains=query)
        .order_by("username")
        .only("username", "date_joined", "last_login")[:limit]
    )


def access_log_entries() -> QuerySet:
    return AccessLog.objects.select_related("subject").order_by("-created_at")
