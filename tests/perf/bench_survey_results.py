"""Time the staff results page for a survey with many responses, and count its queries.

Run it against a scratch database: it adds a survey with made-up responses and,
unless --keep is given, removes them at the end. For example:

    DATABASE_URL=sqlite:///var/bench.sqlite3 ./manage.py migrate
    DATABASE_URL=sqlite:///var/bench.sqlite3 python -m tests.perf.django_command bench_survey_results --responses 1000 100000
"""

from __future__ import annotations

import datetime
import random
import statistics
import time

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from pages.models import HomePage
from voice.moderation.models import ModeratedText
from voice.surveys import views
from voice.surveys.demo import QUESTIONS, made_up_answers
from voice.surveys.models import (
    AgeBand,
    Answer,
    SpeakerType,
    SurveyIndexPage,
    SurveyPage,
    SurveyResponse,
)

BATCH = 5000
TABLES_FILLED = ["surveys_surveyresponse", "surveys_answer", "moderation_moderatedtext"]
TEXT_SHARE = 0.2  # about one in five people write something
TEXT_STATUSES = [ModeratedText.Status.APPROVED, ModeratedText.Status.WAITING]


def unsaved_text(chance: random.Random) -> ModeratedText:
    """Words of a survey answer, saved later in bulk with the others."""
    return ModeratedText(
        kind=ModeratedText.Kind.SURVEY_ANSWER,
        text="Made-up answer for timing",
        status=chance.choice(TEXT_STATUSES),
    )


class Command(BaseCommand):
    help = "Print the survey results page's time and query count at each number of responses."

    def add_arguments(self, parser):
        parser.add_argument("--responses", type=int, nargs="+", default=[1000, 100000])
        parser.add_argument("--rounds", type=int, default=3)
        parser.add_argument(
            "--keep", action="store_true", help="Keep the survey and its responses."
        )
        parser.add_argument(
            "--slowest",
            type=int,
            default=0,
            help="Also print this many of the slowest queries at each size.",
        )

    def handle(self, *args, **options):
        sizes = sorted(options["responses"])
        if sizes[0] < 1:
            raise CommandError("--responses must be at least 1")
        survey = self.make_survey()
        chance = random.Random(42)  # noqa: S311 - made-up data
        self.stdout.write(
            f"Survey {survey.pk}: {len(survey.question_blocks())} questions, "
            f"{connection.vendor}"
        )
        self.stdout.write(
            f"{'responses':>10} {'answers':>10} {'median ms':>10} {'queries':>8}"
        )
        try:
            made = 0
            for size in sizes:
                started = time.perf_counter()
                self.add_responses(survey, size - made, chance)
                made = size
                fill_seconds = time.perf_counter() - started
                if connection.vendor == "postgresql":
                    self.tidy_up_like_autovacuum()
                timings, captured = self.time_results_page(survey, options["rounds"])
                queries = len(captured)
                answers = Answer.objects.filter(survey=survey).count()
                self.stdout.write(
                    f"{size:>10} {answers:>10} {statistics.median(timings):>10.0f} "
                    f"{queries:>8}   (data made in {fill_seconds:.0f} s)"
                )
                slowest = sorted(captured, key=lambda q: -float(q["time"]))
                for query in slowest[: options["slowest"]]:
                    self.stdout.write(f"    {query['time']} s  {query['sql'][:300]}")
        finally:
            if not options["keep"]:
                self.remove(survey)

    def tidy_up_like_autovacuum(self) -> None:
        """What autovacuum does to a real database soon after a load this size.

        Fresh statistics for the planner, and the rows marked visible (else
        the first reads of them do it). VACUUM cannot run inside a
        transaction (as under a test), where only the statistics are made.
        """
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        with connection.cursor() as cursor:
            for table in TABLES_FILLED:
                cursor.execute(f"{command} {table}")

    def make_survey(self) -> SurveyPage:
        index = SurveyIndexPage.objects.first()
        if index is None:
            parent = HomePage.objects.first() or Page.get_first_root_node()
            index = SurveyIndexPage(title="Have your say", slug="have-your-say")
            parent.add_child(instance=index)
        now = timezone.now()
        survey = SurveyPage(
            title="Results benchmark",
            slug=f"results-benchmark-{int(now.timestamp())}",
            questions=QUESTIONS,
            opens_at=now - datetime.timedelta(days=30),
            closes_at=now + datetime.timedelta(days=30),
            live=False,
        )
        index.add_child(instance=survey)
        return survey

    def add_responses(self, survey: SurveyPage, count: int, chance) -> None:
        questions = survey.question_blocks()
        speakers = [choice for choice, _label in SpeakerType.choices] + [""]
        ages = [choice for choice, _label in AgeBand.choices] + [""]
        while count > 0:
            batch = min(BATCH, count)
            count -= batch
            with transaction.atomic():
                responses = SurveyResponse.objects.bulk_create(
                    SurveyResponse(
                        survey=survey,
                        speaker_type=chance.choice(speakers),
                        age_band=chance.choice(ages),
                    )
                    for _ in range(batch)
                )
                if connection.vendor == "sqlite" and responses[0].pk is None:
                    raise CommandError("This database does not return new ids.")
                rows = []
                for response in responses:
                    rows += made_up_answers(
                        response,
                        questions,
                        chance,
                        text_share=TEXT_SHARE,
                        written=lambda kind: unsaved_text(chance),
                    )
                texts = [row.moderated_text for row in rows if row.moderated_text]
                ModeratedText.objects.bulk_create(texts)
                for row in rows:
                    if row.moderated_text is not None:
                        row.moderated_text_id = row.moderated_text.pk
                Answer.objects.bulk_create(rows, batch_size=BATCH)

    def time_results_page(self, survey: SurveyPage, rounds: int):
        factory = RequestFactory()

        def render_once():
            request = factory.get(f"/staff/surveys/{survey.pk}/")
            request.user = AnonymousUser()
            request.session = {}
            response = views.results(request, survey_id=survey.pk)
            assert response.status_code == 200
            return response

        render_once()  # warm up
        timings = []
        captured_queries: list[dict] = []
        for _ in range(max(1, rounds)):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                render_once()
                timings.append((time.perf_counter() - started) * 1000)
            captured_queries = captured.captured_queries
        return timings, captured_queries

    def remove(self, survey: SurveyPage) -> None:
        """Delete in bulk (a row-by-row cascade would take longer than the test)."""
        with transaction.atomic():
            text_ids = list(
                Answer.objects.filter(
                    survey=survey, moderated_text__isnull=False
                ).values_list("moderated_text_id", flat=True)
            )
            Answer.objects.filter(survey=survey)._raw_delete(connection.alias)
            SurveyResponse.objects.filter(survey=survey)._raw_delete(connection.alias)
            for start in range(0, len(text_ids), BATCH):
                ModeratedText.objects.filter(
                    pk__in=text_ids[start : start + BATCH]
                )._raw_delete(connection.alias)
            survey.delete()
        self.stdout.write("Removed the benchmark survey and its responses.")
