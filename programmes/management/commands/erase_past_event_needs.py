from django.core.management.base import BaseCommand

from programmes.services import erase_past_event_needs


class Command(BaseCommand):
    help = "Erase access needs and travel answers for events that are over. Run daily."

    def handle(self, *args, **options):
        erased = erase_past_event_needs()
        self.stdout.write(f"Erased the needs written on {erased} sign-up(s).")
