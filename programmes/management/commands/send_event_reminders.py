from django.core.management.base import BaseCommand

from programmes.services import send_reminders


class Command(BaseCommand):
    help = "Remind everyone with a place at tomorrow's events. Run once a day; safe to rerun."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"Sent {sent} event reminder(s).")
