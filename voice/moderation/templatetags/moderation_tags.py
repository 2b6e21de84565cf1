"""Small template helpers for the moderation and safeguarding pages."""

from datetime import timedelta

from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def duration(value) -> str:
    """A length of time (seconds or a timedelta) in words: "2 hours 5 minutes"."""
    if value is None or value == "":
        return ""
    seconds = int(value.total_seconds() if isinstance(value, timedelta) else value)
    days, rest = divmod(max(seconds, 0), 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = []
    if days:
        parts.append(ngettext("%d day", "%d days", days) % days)
    if hours:
        parts.append(ngettext("%d hour", "%d hours", hours) % hours)
    if minutes or not parts:
        parts.append(ngettext("%d minute", "%d minutes", minutes) % minutes)
    return " ".join(parts[:2])
