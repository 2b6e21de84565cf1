"""Time the shared feedback page's query with many items, then throw the items away.

    python -m tests.perf.django_command benchmark_shared_feedback --items 100000

The rows are made in one transaction that is rolled back at the end, so the
database is left as it was. Prints timings (median of several runs) for pages
near the start and deep in the list, and for a COUNT(*) of every shared item,
to show why the page neither counts nor skips rows with OFFSET.
"""

import random
import statistics
import time
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from voice.feedback.models import Feedback, Topic
from voice.feedback.receipts import new_receipt_code
from voice.feedback.selectors import (
    cursor_for,
    shared_feedback,
    shared_feedback_page,
)
from voice.moderation.models import ModeratedText


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time the shared feedback page with many items (nothing is kept)."

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, default=100_000)
        parser.add_argument("--runs", type=int, default=7)

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                self.make_items(options["items"])
                self.measure(options["runs"])
                raise Rollback
        except Rollback:
            self.stdout.write("Benchmark items rolled back.")

    def make_items(self, count: int) -> None:
        started = time.perf_counter()
        topics = list(Topic.objects.all()) or [Topic.objects.create(name="Other")]
        rng = random.Random(42)
        now = timezone.now()
        batch = 5_000
        codes: set[str] = set(Feedback.objects.values_list("receipt_code", flat=True))
        for start in range(0, count, batch):
            size = min(batch, count - start)
            kinds = [rng.random() for _ in range(size)]
            texts = ModeratedText.objects.bulk_create(
                [
                    ModeratedText(
                        kind=ModeratedText.Kind.FEEDBACK,
                        text=f"Benchmark feedback number {start + n}.",
                        status=ModeratedText.Status.APPROVED
                        if kinds[n] < 0.8
                        else ModeratedText.Status.WAITING,
                    )
                    for n in range(size)
                ]
            )
            rows = []
            for n, item in enumerate(texts):
                code = new_receipt_code()
                while code in codes:
                    code = new_receipt_code()
                codes.add(code)
                rows.append(
                    Feedback(
                        receipt_code=code,
                        speaker="young_person",
                        topic=rng.choice(topics),
                        feeling=rng.randint(1, 5),
                        moderated_text=item,
                        share_consent=kinds[n] < 0.7 or kinds[n] >= 0.8,
                        share_consent_withdrawn_at=now
                        if 0.6 < kinds[n] < 0.7
                        else None,
                        created_at=now - timedelta(minutes=start + n),
                    )
                )
            Feedback.objects.bulk_create(rows)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "ANALYZE feedback_feedback; ANALYZE moderation_moderatedtext"
                )
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Made {count:,} items in {elapsed:.1f} s ({connection.vendor})."
        )

    def timed(self, runs: int, work) -> float:
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            work()
            timings.append((time.perf_counter() - started) * 1000)
        return statistics.median(timings)

    def measure(self, runs: int) -> None:
        ms = self.timed(runs, lambda: shared_feedback_page())
        self.stdout.write(f"Newest page: {ms:8.2f} ms")
        for depth in (200, 2_000, 20_000, 50_000):
            after = shared_feedback()[depth : depth + 1].first()
            if after is None:
                continue
            cursor = cursor_for(after)
            ms = self.timed(runs, lambda c=cursor: shared_feedback_page(c))
            self.stdout.write(f"Page after item {depth:>6,}: {ms:8.2f} ms")
            if depth == 20_000:
                ms = self.timed(
                    runs, lambda d=depth: list(shared_feedback()[d : d + 21])
                )
                self.stdout.write(f"  (same page by OFFSET: {ms:8.2f} ms)")
        ms = self.timed(runs, lambda: shared_feedback().count())
        total = shared_feedback().count()
        self.stdout.write(f"COUNT(*) of {total:,} shared items: {ms:8.2f} ms")
        explain = {"postgresql": "EXPLAIN ANALYZE", "sqlite": "EXPLAIN QUERY PLAN"}
        if connection.vendor in explain:
            sql, params = shared_feedback()[:21].query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute(f"{explain[connection.vendor]} {sql}", params)
                plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
            self.stdout.write("Plan for the first page:\n" + plan)
