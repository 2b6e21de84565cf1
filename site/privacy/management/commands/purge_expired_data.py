"""Remove or anonymise what is past its retention period (run daily)."""

from django.core.management.base import BaseCommand

from privacy.retention import purge_expired_data


class Command(BaseCommand):
    help = (
        "Delete or anonymise data older than the retention periods set under "
        "Settings → How long we keep data. Safe to run as often as you like."
    )

    def handle(self, *args, **options):
        done = purge_expired_data()
        for label, counts in done.items():
            for what, count in counts.items():
                self.stdout.write(f"{label}: {what}: {count}")
        self.stdout.write(self.style.SUCCESS("Retention purge finished."))
