"""Background work for accounts: email goes out after the response, never on the request path."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from accounts.text import one_line, without_control_characters


@task()
def send_email(*, to: str, subject: str, body: str) -> None:
    """Send one email; its subject is put on one line (a header holds no line break)."""
    send_mail(
        one_line(subject),
        without_control_characters(body),
        settings.DEFAULT_FROM_EMAIL,
        [to],
    )
