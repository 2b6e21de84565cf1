"""What the audit log recorded about one object (Wagtail's ModelLogEntry), and who did it."""

from django.db.models import QuerySet
from wagtail.models import ModelLogEntry


def log_entries_for(instance, *, newest_first: bool = False) -> QuerySet:
    """The log entries of one object with their users, oldest first unless asked."""
    order = ("-timestamp", "-pk") if newest_first else ("timestamp", "pk")
    return (
        ModelLogEntry.objects.for_instance(instance)
        .select_related("user")
        .order_by(*order)
    )
