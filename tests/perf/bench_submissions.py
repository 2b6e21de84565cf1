"""Submission throughput and latency on a real ASGI server, as ratios to the yardsticks.

    make bench   (or: python -m tests.perf.bench_submissions --help)

uvicorn runs the site with two workers on PostgreSQL + Redis. Each target is
submitted to by the same number of concurrent browser-like clients, in
interleaved rounds; the median round of each is reported beside the bare
Django view (validate a 4-field form, save one row) and a plain Wagtail
form-builder page with the same four fields.
"""

from __future__ import annotations

import asyncio
import statistics
import sys

from tests.perf import targets
from tests.perf.common import (
    base_arguments,
    ensure_database,
    require_production_stack,
    setup_django,
)
from tests.perf.loadgen import check_stored, format_table, run_load
from tests.perf.server import Server, bench_environment, prepare_database


def median_round(rounds):
    return sorted(rounds, key=lambda r: r.throughput)[len(rounds) // 2]


def main() -> int:
    parser = base_arguments(__doc__.splitlines()[0])
    parser.add_argument(
        "--submissions", type=int, default=2000, help="per target per round"
    )
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--targets",
        default="bare,wagtail,feedback",
        help="comma-separated: " + ",".join(targets.BY_NAME),
    )
    args = parser.parse_args()
    require_production_stack(args)
    ensure_database(args.database_url)
    env = bench_environment(args.database_url, args.redis_url)
    prepare_database(env)
    setup_django(args.database_url, args.redis_url)

    with Server(env, args.port) as server:
        chosen = targets.available(server.base_url, args.targets.split(","))
        for target in chosen:  # warm both workers up
            asyncio.run(
                run_load(server.base_url, target, submissions=200, concurrency=10)
            )
        rounds = {target.name: [] for target in chosen}
        for number in range(args.rounds):
            for target in chosen:
                result = asyncio.run(
                    run_load(
                        server.base_url,
                        target,
                        submissions=args.submissions,
                        concurrency=args.concurrency,
                    )
                )
                rounds[target.name].append(result)
                print(
                    f"round {number + 1} {target.name}: {result.throughput:.0f}/s "
                    f"p50 {result.p50 * 1000:.0f} ms p95 {result.p95 * 1000:.0f} ms",
                    flush=True,
                )
    results = [median_round(rounds[target.name]) for target in chosen]
    by_name = {result.target: result for result in results}
    problems = []
    for target, result in zip(chosen, results, strict=True):
        check = check_stored(target, result)
        if check["lost"] or check["duplicated"] or result.server_errors:
            problems.append(f"{target.name}: {check}, 5xx {result.server_errors}")
    print()
    print(
        f"{args.submissions} submissions per round, {args.concurrency} concurrent "
        f"clients, uvicorn with 2 workers, median of {args.rounds} rounds "
        "(each submission: open the form, then send it)"
    )
    print(
        format_table(
            results,
            by_name.get(targets.BARE.name),
            by_name.get(targets.WAGTAIL_FORM.name),
        )
    )
    spread = {
        name: statistics.pstdev([r.throughput for r in rs])
        for name, rs in rounds.items()
    }
    print(
        "throughput spread between rounds (σ, submissions/s):",
        {k: round(v) for k, v in spread.items()},
    )
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
