"""Email moderators when items have waited longer than MODERATION_DIGEST_AFTER_HOURS.

Run by a scheduler (e.g. cron every hour on working days); see README,
"Background jobs". The email says how many items wait and for how long, never
what anyone wrote.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone

from accounts.roles import people_with_permission
from accounts.tasks import send_email
from voice.moderation.selectors import waiting_items


class Command(BaseCommand):
    help = "Email moderators about items that have waited too long for a decision."

    def handle(self, *args, **options) -> None:
        hours = settings.MODERATION_DIGEST_AFTER_HOURS
        cutoff = timezone.now() - timedelta(hours=hours)
        late = waiting_items().filter(created_at__lt=cutoff)
        count = late.count()
        if not count:
            self.stdout.write("Nothing has waited too long.")
            return
        oldest = late.order_by("created_at").values_list("created_at", flat=True)[0]
        waited_hours = int((timezone.now() - oldest).total_seconds() // 3600)
        link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("moderation:queue")
        subject = f"{count} item{'s' if count != 1 else ''} waiting for moderation"
        body = (
            f"{count} item{'s have' if count != 1 else ' has'} waited more than "
            f"{hours} hours for a decision. The oldest has waited {waited_hours} hours.\n\n"
            f"Open the moderation queue: {link}"
        )
        sent = 0
        for moderator in people_with_permission("moderate_text", "moderation").exclude(
            email=""
        ):
            send_email.enqueue(to=moderator.email, subject=subject, body=body)
            sent += 1
        self.stdout.write(f"{count} waiting too long; emailed {sent} moderators.")
