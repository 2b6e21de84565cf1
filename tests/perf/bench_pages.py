"""Page times and SQL query counts for the busiest staff and public pages, at growing data sizes.

    make bench-pages   (or: python -m tests.perf.bench_pages --help)

Fills a throw-away PostgreSQL database (BENCH_PAGES_DATABASE_URL, created and
migrated if missing) in bulk to each size in turn - feedback items made by the
database itself (`python -m tests.perf.django_command bench_review`'s generate_series seeding, a tenth of
them waiting for moderation, most approved and shared) and survey responses
(`python -m tests.perf.django_command bench_survey_results`'s seeding, one response per ten feedback
items) - then opens each page with Django's test client as a signed-in
administrator with an authenticator set up, and prints the median time of
several requests and the number of SQL queries each page made. The rows are
kept, so a later run with a larger size only adds the difference.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time

from tests.perf.common import ROOT, ensure_database, setup_django
from tests.perf.server import bench_environment, prepare_database

PAGES = [
    ("moderation queue", "/staff/moderation/"),
    ("shared feedback", "/feedback/shared/"),
    ("event listing", "/events/"),
    ("survey results", "/staff/surveys/{survey}/"),
    ("review dashboard", "/staff/review/cycles/{cycle}/"),
]


def arguments():
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_PAGES_DATABASE_URL")
        or "postgres://postgres@127.0.0.1:5432/youthvoice_bench_pages",
        help="a throw-away PostgreSQL database (filled, never emptied)",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL") or os.environ.get("REDIS_URL"),
    )
    parser.add_argument(
        "--sizes",
        default="10000,100000",
        help="feedback items in the database at each step, e.g. 10000,1000000",
    )
    parser.add_argument("--runs", type=int, default=5, help="requests per page")
    return parser.parse_args()


def staff_client():
    from allauth.mfa.models import Authenticator
    from django.contrib.auth import get_user_model
    from django.test import Client

    from tests.factories import pass_mfa

    user, _ = get_user_model().objects.get_or_create(
        username="bench-pages-admin",
        defaults={"is_superuser": True, "is_staff": True, "email": ""},
    )
    Authenticator.objects.get_or_create(
        user=user,
        type=Authenticator.Type.TOTP,
        defaults={"data": {"secret": "JBSWY3DPEHPK3PXP"}},
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    pass_mfa(client, user)  # as after giving the TOTP code
    return client


def bench_feedback_count() -> int:
    from voice.feedback.models import Feedback

    return Feedback.objects.filter(receipt_code__startswith="BENCH").count()


def grow(to: int, survey) -> None:
    """Add feedback (and survey responses) until there are `to` made-up items."""
    from django.db import connection, transaction

    from tests.perf.bench_review import Command as Review
    from tests.perf.bench_survey_results import (
        Command as Survey,
    )
    from voice.feedback import rollups

    missing = to - bench_feedback_count()
    if missing > 0:
        review = Review()
        with transaction.atomic():
            review.create(
                {
                    "feedback": missing,
                    "actions": 20,
                    "ratings": missing // 50,
                    "responses": 0,  # added below, to the page's own survey
                }
            )
        Survey().add_responses(survey, missing // 10, random.Random(to))  # noqa: S311
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        rollups.rebuild()  # the rows were made around the ORM


def bench_survey():
    from tests.perf.bench_survey_results import (
        Command as Survey,
    )
    from voice.surveys.models import SurveyPage

    return (
        SurveyPage.objects.filter(title="Results benchmark").first()
        or Survey().make_survey()
    )


def measure(client, path: str, runs: int) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm caches and template loading
    timings, queries, status = [], 0, 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(path)
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)
            timings.append((time.perf_counter() - started) * 1000)
        queries, status = len(captured), response.status_code
    return statistics.median(timings), queries, status


def main() -> int:
    args = arguments()
    if not args.redis_url:
        sys.exit("Set BENCH_REDIS_URL (or --redis-url): the bench settings use Redis.")
    ensure_database(args.database_url)
    env = bench_environment(args.database_url, args.redis_url)
    prepare_database(env)
    os.chdir(ROOT)
    setup_django(args.database_url, args.redis_url)
    from voice.review.models import ReviewCycle

    survey = bench_survey()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    rows: dict[str, list[tuple[float, int, int]]] = {name: [] for name, _ in PAGES}
    for size in sizes:
        started = time.perf_counter()
        grow(size, survey)
        print(
            f"{bench_feedback_count():,} feedback items "
            f"(filled in {time.perf_counter() - started:.0f} s)",
            flush=True,
        )
        cycle = ReviewCycle.objects.get(name="Benchmark year")
        client = staff_client()
        for name, pattern in PAGES:
            path = pattern.format(survey=survey.pk, cycle=cycle.pk)
            rows[name].append(measure(client, path, args.runs))
            ms, queries, status = rows[name][-1]
            print(
                f"  {name}: {ms:.0f} ms, {queries} queries, HTTP {status}", flush=True
            )
    print()
    print(
        f"Django test client in one process, PostgreSQL, median of {args.runs} "
        "requests per page; survey responses = feedback items ÷ 10"
    )
    head = " | ".join(f"{size:,} items: ms | queries" for size in sizes)
    print(f"| page | {head} | queries grow? |")
    print("|---" * (1 + 2 * len(sizes) + 1) + "|")
    grew = False
    for name, _ in PAGES:
        cells = " | ".join(f"{ms:.0f} | {q}" for ms, q, _status in rows[name])
        counts = {q for _ms, q, _status in rows[name]}
        statuses = {status for _ms, _q, status in rows[name]}
        grows = len(counts) > 1
        grew |= grows or statuses != {200}
        note = "yes" if grows else "no"
        if statuses != {200}:
            note += f" (HTTP {sorted(statuses)})"
        print(f"| {name} | {cells} | {note} |")
    return 1 if grew else 0


if __name__ == "__main__":
    sys.exit(main())
