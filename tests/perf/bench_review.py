"""Fill a database with made-up feedback and time the review dashboard and board report.

Not a test: it prints figures. Run it against a throw-away database, e.g.

    DATABASE_URL=postgres://…/bench python manage.py migrate
    DATABASE_URL=postgres://…/bench python -m tests.perf.django_command bench_review --feedback 1000000 --responses 100000

On PostgreSQL the rows are made by the database itself (generate_series);
elsewhere with bulk_create in batches.
"""

import datetime
import random
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models import Max
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.perf.bench_survey_results import (
    Command as SurveyBench,
)
from voice.feedback import rollups
from voice.feedback.models import Feedback, Speaker, Topic
from voice.moderation.models import ModeratedText, Theme
from voice.review import figures, selectors
from voice.review.models import Action, ActionRating, ReviewCycle
from voice.safeguarding.models import SafeguardingConcern
from voice.surveys.models import SurveyPage, SurveyResponse

TOPICS = ["Appointments", "My worker", "Court", "The building", "Letters", "School"]
THEMES = ["Waiting", "Feeling listened to", "Feeling safe", "Clear information"]
DAYS = 365
BATCH = 5000
AUTHORS = 1000


class Command(BaseCommand):
    help = "Bulk-create review data and print how long the dashboard and board report take."

    def add_arguments(self, parser):
        parser.add_argument("--feedback", type=int, default=20000)
        parser.add_argument("--actions", type=int, default=300)
        parser.add_argument("--ratings", type=int, default=20000)
        parser.add_argument(
            "--responses",
            type=int,
            default=0,
            help="Also add a survey that closed in the cycle, with this many responses.",
        )
        parser.add_argument(
            "--no-create", action="store_true", help="Time what is already there."
        )

    def handle(self, *args, **options):
        cycle_name = "Benchmark year"
        if not options["no_create"]:
            started = time.perf_counter()
            with transaction.atomic():
                self.create(options)
            self.stdout.write(
                f"Created {options['feedback']:,} feedback, {options['actions']:,} "
                f"actions, {options['ratings']:,} ratings and "
                f"{options['responses']:,} survey responses in "
                f"{time.perf_counter() - started:.1f}s ({connection.vendor})"
            )
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            # Bulk-made rows bypass the ORM, so count their days once, as
            # `manage.py rebuild_feedback_rollups` would.
            started = time.perf_counter()
            rollups.rebuild()
            self.stdout.write(
                f"Daily roll-ups rebuilt in {time.perf_counter() - started:.1f}s"
            )
        cycle = ReviewCycle.objects.get(name=cycle_name)
        self.stdout.write(
            f"Cycle {cycle.start} – {cycle.end}: "
            f"{Feedback.objects.count():,} feedback in the database"
        )
        self.stdout.write(
            f"{SurveyResponse.objects.count():,} survey responses in the database"
        )
        self.time("Dashboard figures", lambda: selectors.cycle_dashboard(cycle))
        self.time(
            "Dashboard feedback list (first page)",
            lambda: selectors.with_action_counts(
                list(selectors.recent_approved_feedback(cycle)[:20])
            ),
        )
        self.time(
            "Board report figures",
            lambda: figures.report_rows(figures.board_report(cycle)),
        )
        self.time(
            "You said, we did (first page)",
            lambda: list(selectors.public_actions()[:10]),
        )

    def time(self, label: str, work) -> None:
        runs = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                work()
                runs.append(time.perf_counter() - started)
        self.stdout.write(
            f"{label:<40} best {min(runs) * 1000:8.1f} ms  "
            f"median {sorted(runs)[1] * 1000:8.1f} ms  "
            f"{len(captured.captured_queries)} queries"
        )

    def create(self, options) -> None:
        now = timezone.now()
        start = now - datetime.timedelta(days=DAYS)
        topics = [
            Topic.objects.get_or_create(name=f"Bench {name}")[0] for name in TOPICS
        ]
        themes = [
            Theme.objects.get_or_create(name=f"Bench {name}")[0] for name in THEMES
        ]
        user_model = get_user_model()
        existing = set(
            user_model.objects.filter(username__startswith="bench-").values_list(
                "username", flat=True
            )
        )
        unusable = make_password(None)
        user_model.objects.bulk_create(
            [
                user_model(username=f"bench-{n}", password=unusable)
                for n in range(AUTHORS)
                if f"bench-{n}" not in existing
            ],
            batch_size=BATCH,
        )
        authors = list(
            user_model.objects.filter(username__startswith="bench-").values_list(
                "pk", flat=True
            )
        )
        before = ModeratedText.objects.aggregate(top=Max("pk"))["top"] or 0
        if connection.vendor == "postgresql":
            self.create_feedback_in_sql(options["feedback"], start, topics, authors)
        else:
            self.create_feedback_in_batches(options["feedback"], start, topics, authors)
        self.link_themes(before, themes)
        SafeguardingConcern.objects.bulk_create(
            [
                SafeguardingConcern(
                    source=SafeguardingConcern.Source.MODERATOR,
                    created_at=start + datetime.timedelta(hours=n * 7),
                    acknowledged_at=start + datetime.timedelta(hours=n * 7 + n % 9)
                    if n % 10
                    else None,
                )
                for n in range(options["feedback"] // 100)
            ],
            batch_size=BATCH,
        )
        cycle, _ = ReviewCycle.objects.get_or_create(
            name="Benchmark year",
            defaults={"start": start.date(), "end": timezone.localdate()},
        )
        self.create_actions(cycle, topics, before, options)
        if options["responses"] > 0:
            self.create_survey_responses(options["responses"], now)

    def create_survey_responses(self, count: int, now) -> None:
        """A survey closed an hour ago (inside the cycle), answered `count` times in bulk."""
        bench = SurveyBench()
        survey = bench.make_survey()
        SurveyPage.objects.filter(pk=survey.pk).update(
            title="Benchmark survey",
            live=True,
            opens_at=now - datetime.timedelta(days=30),
            closes_at=now - datetime.timedelta(hours=1),
        )
        survey.refresh_from_db()
        bench.add_responses(survey, count, random.Random(7))  # noqa: S311 - made-up data

    def create_feedback_in_sql(self, count, start, topics, authors) -> None:
        """Let PostgreSQL make the rows; every other column gets its model default."""
        span = DAYS * 24 * 60 * 60
        statuses = "CASE WHEN g %% 10 < 8 THEN 'approved' WHEN g %% 10 = 8 THEN 'waiting' ELSE 'not_shared' END"
        created = f"%(start)s::timestamptz + ((g::float8 / {count}) * {span}) * interval '1 second'"
        insert_select(
            ModeratedText,
            {
                "kind": "'feedback'",
                "text": "'Benchmark feedback ' || g",
                "status": statuses,
                "created_at": created,
                "decided_at": f"CASE WHEN g %% 10 = 8 THEN NULL ELSE {created} + (g %% 7) * interval '1 day' END",
                "replied_at": f"CASE WHEN g %% 3 = 0 THEN {created} + (g %% 5) * interval '1 day' END",
                "screened_at": created,
            },
            "generate_series(1, %(count)s) AS g",
            {"start": start, "count": count},
        )
        insert_select(
            Feedback,
            {
                "receipt_code": "'BENCH' || m.id",
                "speaker": f"CASE WHEN m.id %% 4 = 0 THEN '{Speaker.PARENT_CARER}' ELSE '{Speaker.YOUNG_PERSON}' END",
                "topic_id": f"(ARRAY{[t.pk for t in topics]})[1 + m.id %% {len(topics)}]",
                "feeling": "1 + m.id %% 5",
                "moderated_text_id": "m.id",
                "author_id": f"CASE WHEN m.id %% 2 = 0 THEN (ARRAY{authors})[1 + m.id %% {len(authors)}] END",
                "created_at": "m.created_at",
                "share_consent": "true",
            },
            # Table names from model metadata; no outside input reaches this SQL.
            f"{ModeratedText._meta.db_table} AS m WHERE m.text LIKE 'Benchmark feedback %%' "  # noqa: S608
            f"AND NOT EXISTS (SELECT 1 FROM {Feedback._meta.db_table} f WHERE f.moderated_text_id = m.id)",
            {},
        )

    def create_feedback_in_batches(self, count, start, topics, authors) -> None:
        step = datetime.timedelta(days=DAYS) / max(count, 1)
        for first in range(0, count, BATCH):
            texts = []
            for g in range(first, min(first + BATCH, count)):
                created = start + step * g
                status = ("approved", "waiting", "not_shared")[
                    0 if g % 10 < 8 else 1 if g % 10 == 8 else 2
                ]
                texts.append(
                    ModeratedText(
                        kind="feedback",
                        text=f"Benchmark feedback {g}",
                        status=status,
                        created_at=created,
                        screened_at=created,
                        decided_at=None
                        if status == "waiting"
                        else created + datetime.timedelta(days=g % 7),
                        replied_at=created + datetime.timedelta(days=g % 5)
                        if g % 3 == 0
                        else None,
                    )
                )
            texts = ModeratedText.objects.bulk_create(texts)
            Feedback.objects.bulk_create(
                [
                    Feedback(
                        receipt_code=f"BENCH{first + n}-{text.created_at.timestamp():.0f}",
                        speaker=Speaker.PARENT_CARER
                        if n % 4 == 0
                        else Speaker.YOUNG_PERSON,
                        topic=topics[n % len(topics)],
                        feeling=1 + n % 5,
                        moderated_text_id=text.pk,
                        author_id=authors[n % len(authors)] if n % 2 == 0 else None,
                        created_at=text.created_at,
                        share_consent=True,
                    )
                    for n, text in enumerate(texts)
                ]
            )

    def link_themes(self, after_pk: int, themes) -> None:
        through = ModeratedText.themes.through
        ids = ModeratedText.objects.filter(pk__gt=after_pk).values_list("pk", flat=True)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {through._meta.db_table} (moderatedtext_id, theme_id) "  # noqa: S608
                    f"SELECT id, (ARRAY{[t.pk for t in themes]})[1 + id %% {len(themes)}] "
                    f"FROM {ModeratedText._meta.db_table} WHERE id > %s AND id %% 2 = 0",
                    [after_pk],
                )
            return
        batch = []
        for pk in ids.iterator(chunk_size=BATCH):
            if pk % 2 == 0:
                batch.append(
                    through(moderatedtext_id=pk, theme_id=themes[pk % len(themes)].pk)
                )
            if len(batch) >= BATCH:
                through.objects.bulk_create(batch)
                batch = []
        through.objects.bulk_create(batch)

    def create_actions(self, cycle, topics, after_pk: int, options) -> None:
        owner = get_user_model().objects.filter(username__startswith="bench-").first()
        statuses = Action.Status.values
        actions = Action.objects.bulk_create(
            [
                Action(
                    cycle=cycle,
                    topic=topics[n % len(topics)],
                    what_we_heard=f"Benchmark heard {n}",
                    what_we_will_do=f"Benchmark change {n}",
                    owner=owner,
                    status=statuses[n % len(statuses)],
                    not_possible_reason="Benchmark reason"
                    if statuses[n % len(statuses)] == Action.Status.NOT_POSSIBLE
                    else "",
                )
                for n in range(options["actions"])
            ]
        )
        feedback_ids = list(
            Feedback.objects.filter(
                moderated_text_id__gt=after_pk, moderated_text__status="approved"
            ).values_list("pk", flat=True)[: len(actions) * 3]
        )
        through = Action.feedback.through
        through.objects.bulk_create(
            [
                through(action_id=actions[n % len(actions)].pk, feedback_id=pk)
                for n, pk in enumerate(feedback_ids)
            ],
            batch_size=BATCH,
        )
        # A rating is the child's whose feedback an action came from: at most
        # one per link between a public action and a piece of feedback.
        rated = [
            (actions[n % len(actions)], pk)
            for n, pk in enumerate(feedback_ids)
            if actions[n % len(actions)].is_public
        ][: options["ratings"]]
        chooser = random.Random(7)  # the same made-up ratings every run
        for first in range(0, len(rated), BATCH):
            ActionRating.objects.bulk_create(
                [
                    ActionRating(
                        action=action, feedback_id=pk, score=chooser.randint(1, 5)
                    )
                    for action, pk in rated[first : first + BATCH]
                ]
            )


def insert_select(model, expressions: dict[str, str], from_sql: str, params: dict):
    """INSERT … SELECT with the given SQL per column and each other column's default."""
    columns, values = [], []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(connection.ops.quote_name(field.column))
        if field.column in expressions:
            values.append(expressions[field.column])
        else:
            key = f"default_{field.column}"
            params[key] = field.get_db_prep_save(field.get_default(), connection)
            values.append(f"%({key})s")
    # Names from model metadata, values as parameters: no outside input here.
    sql = (
        f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) "  # noqa: S608
        f"SELECT {', '.join(values)} FROM {from_sql}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
