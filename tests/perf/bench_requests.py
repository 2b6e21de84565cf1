"""Time and SQL queries of each request in one submission, in one process.

    make bench-requests   (or: python -m tests.perf.bench_requests --help)

Django's test client on the bench settings (PostgreSQL + Redis, DEBUG off),
no server in between: what the application itself costs for each request of
a submission (open the form, send it, and for the feedback form the
thank-you page it is sent on to), beside the two yardsticks. Medians of
`--sends` submissions after a warm-up.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import warnings
from dataclasses import dataclass

from tests.perf.common import (
    base_arguments,
    ensure_database,
    require_production_stack,
    setup_django,
)
from tests.perf.server import bench_environment, prepare_database


@dataclass
class Step:
    name: str
    seconds: float
    queries: int


def timed(name: str, request) -> tuple[Step, object]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        began = time.perf_counter()
        response = request()
        took = time.perf_counter() - began
    return Step(name, took, len(queries)), response


def one_submission(target, number: int) -> list[Step]:
    from django.test import Client

    from tests.htmlforms import post_forms

    client = Client(enforce_csrf_checks=True)
    opened, page = timed("form page", lambda: client.get(target.path))
    form = target.choose(post_forms(page.content.decode()))
    data = target.build(form, f"In-process check {number}: all fine")
    sent, response = timed("post", lambda: client.post(target.path, data))
    steps = [opened, sent]
    if response.status_code == 302:
        followed, _ = timed("next page", lambda: client.get(response["Location"]))
        steps.append(followed)
    return steps


def main() -> int:
    parser = base_arguments(__doc__.splitlines()[0])
    parser.add_argument("--sends", type=int, default=200, help="per target")
    args = parser.parse_args()
    require_production_stack(args)
    ensure_database(args.database_url)
    prepare_database(bench_environment(args.database_url, args.redis_url))
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    # Static files are not collected for this run and are never requested.
    warnings.filterwarnings("ignore", message="No directory at")
    setup_django(args.database_url, args.redis_url)
    from tests.perf import targets

    print("| target | request | median ms | queries |")
    print("|---|---|---|---|")
    for target in (targets.BARE, targets.WAGTAIL_FORM, targets.FEEDBACK):
        for number in range(20):  # warm-up: templates, connections, caches
            one_submission(target, number)
        runs = [one_submission(target, number) for number in range(args.sends)]
        total = statistics.median(sum(step.seconds for step in run) for run in runs)
        for position, step in enumerate(runs[0]):
            median = statistics.median(run[position].seconds for run in runs)
            print(
                f"| {target.name} | {step.name} | {median * 1000:.1f} | {step.queries} |"
            )
        print(f"| {target.name} | **whole submission** | **{total * 1000:.1f}** | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
