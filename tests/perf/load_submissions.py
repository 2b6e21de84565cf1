"""Many young people sending the form at once: nothing lost, nothing twice, no errors.

    make load   (or: python -m tests.perf.load_submissions --help)

Default: 20,000 submissions from 100 concurrent clients to each target, on
uvicorn with two workers over PostgreSQL + Redis. Every acknowledged
submission is then looked for in the database.
"""

from __future__ import annotations

import asyncio
import sys

from tests.perf import targets
from tests.perf.common import (
    base_arguments,
    ensure_database,
    require_production_stack,
    setup_django,
)
from tests.perf.loadgen import Result, Target, check_stored, run_load
from tests.perf.server import Server, bench_environment, prepare_database


def verdict(target: Target, result: Result) -> tuple[dict, list[str]]:
    stored = check_stored(target, result)
    problems = []
    if stored["lost"]:
        problems.append(f"{stored['lost']} acknowledged submissions not stored")
    if stored["duplicated"]:
        problems.append(f"{stored['duplicated']} submissions stored twice")
    if result.server_errors:
        problems.append(f"{result.server_errors} server errors")
    if result.unacknowledged_markers:
        problems.append(
            f"{len(result.unacknowledged_markers)} not acknowledged: {dict(result.failures)}"
        )
    return stored, problems


def report(target: Target, result: Result, stored: dict, problems: list[str]) -> None:
    print(
        f"{target.name}: {len(result.acks)} acknowledged of {result.sent} sent in "
        f"{result.elapsed:.0f} s ({result.throughput:.0f}/s, p50 {result.p50 * 1000:.0f} ms, "
        f"p95 {result.p95 * 1000:.0f} ms); statuses {dict(result.statuses)}; "
        f"lost {stored['lost']}, duplicated {stored['duplicated']}"
    )
    for problem in problems:
        print(f"  PROBLEM: {problem}")


def main(argv: list[str] | None = None) -> int:
    parser = base_arguments(__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=20000)
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--targets", default="bare,feedback")
    args = parser.parse_args(argv)
    require_production_stack(args)
    ensure_database(args.database_url)
    env = bench_environment(args.database_url, args.redis_url)
    prepare_database(env)
    setup_django(args.database_url, args.redis_url)
    failed = False
    with Server(env, args.port) as server:
        for target in targets.available(server.base_url, args.targets.split(",")):
            result = asyncio.run(
                run_load(
                    server.base_url,
                    target,
                    submissions=args.submissions,
                    concurrency=args.concurrency,
                )
            )
            stored, problems = verdict(target, result)
            report(target, result, stored, problems)
            failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
