"""Count every finished day of feedback again into the daily roll-ups.

Needed only after feedback was loaded in bulk, around the ORM (a restore, an
import); every change made through the site keeps the roll-ups right itself.
"""

import time

from django.core.management.base import BaseCommand

from voice.feedback import rollups


class Command(BaseCommand):
    help = "Rebuild the daily feedback roll-ups the review dashboard and board report read."

    def handle(self, *args, **options):
        started = time.perf_counter()
        through = rollups.rebuild()
        self.stdout.write(
            f"Feedback roll-ups rebuilt through {through or 'no day yet'} "
            f"in {time.perf_counter() - started:.1f}s"
        )
