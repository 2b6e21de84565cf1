from django.core.management.base import BaseCommand

from voice.surveys.services import send_event_survey_invitations


class Command(BaseCommand):
    help = (
        "Invite the people who came to a finished event to that event's survey. "
        "Run once a day; each person is invited once."
    )

    def handle(self, *args, **options):
        sent = send_event_survey_invitations()
        self.stdout.write(f"Sent {sent} event survey invitation(s).")
