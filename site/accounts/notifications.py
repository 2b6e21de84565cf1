"""Tell a person something: in their account always, by email only if they gave one."""

from django.conf import settings
from django.db import transaction

from accounts.models import Notification
from accounts.tasks import send_email


def notify(
    *,
    user,
    message: str,
    link: str = "",
    subject: str = "",
    by_email: bool = True,
) -> Notification:
    """Record a notification and, after the transaction commits, email it if we can.

    `by_email=False` is for news that already reaches the person by email some
    other way (Wagtail's workflow emails), so they are not told twice.
    """
    notification = Notification.objects.create(user=user, message=message, link=link)
    if by_email and user.email:
        body = message
        if link:
            body += "\n\n" + settings.WAGTAILADMIN_BASE_URL.rstrip("/") + link
        transaction.on_commit(
            lambda: send_email.enqueue(
                to=user.email, subject=subject or message[:70], body=body
            )
        )
    return notification


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
