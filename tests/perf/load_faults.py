"""Faults during a load: a worker killed, Redis stopped, PostgreSQL restarted.

    make faults   (or: python -m tests.perf.load_faults --help)

Loopback only, bounded in count. The server runs on a private PostgreSQL
(initdb into a temporary folder) and a private Redis, each on its own port,
so restarting them never touches the shared services. The load is the real
feedback form (open it, fill it in, send it), as young people send it.

- worker: one uvicorn worker is SIGKILLed mid-load; every submission
  acknowledged before the kill is stored and the other worker keeps serving.
- redis: Redis is stopped mid-load for a few seconds; feedback is still
  accepted and stored (the cache behaves as an empty one meanwhile), and
  live updates reach a websocket client again once Redis is back, without
  restarting anything (shown with the bench's live yardstick, whose socket
  needs no moderator sign-in).
- postgres: PostgreSQL is stopped mid-load and started again; requests in
  between get the friendly 503 page (never a 500 or a traceback) and service
  resumes by itself.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from dataclasses import dataclass, field

from tests.perf import targets
from tests.perf.common import base_arguments, setup_django
from tests.perf.loadgen import Ack, Result, Target, check_stored, run_load
from tests.perf.server import (
    OUTAGE_ERRORS,
    Server,
    bench_environment,
    prepare_database,
)
from tests.perf.services import PrivatePostgres, PrivateRedis

FRIENDLY_503 = "We will be back soon"
# While Redis is away, live updates that cannot be sent are logged with their cause.
REDIS_OUTAGE_ERRORS = (*OUTAGE_ERRORS, "redis.exceptions.", "ConnectionRefusedError")


@dataclass
class FaultReport:
    name: str
    summary: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def expect(self, condition: bool, problem: str) -> None:
        if not condition:
            self.problems.append(problem)

    def expect_clean_log(
        self, server: Server, position: int, expected: tuple[str, ...] = OUTAGE_ERRORS
    ) -> None:
        """No error in the server log beyond what the fault itself explains."""
        errors = server.unexpected_errors_since(position, expected)
        if errors:
            first = "\n      ".join(errors[0].splitlines()[-30:])
            self.problems.append(
                f"{len(errors)} unexpected errors in the server log; the first:\n"
                f"      {first}"
            )

    def print(self) -> None:
        print(f"\n== {self.name}: {'ok' if not self.problems else 'FAILED'}")
        for line in self.summary:
            print(f"   {line}")
        for problem in self.problems:
            print(f"   PROBLEM: {problem}")


async def wait_for_acks(result: Result, count: int, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while len(result.acks) < count and time.monotonic() < deadline:
        await asyncio.sleep(0.05)


def stored_check(target: Target, result: Result, acks: list[Ack]) -> dict:
    subset = Result(target=result.target, acks=acks)
    return check_stored(target, subset)


def describe(result: Result) -> str:
    return (
        f"{len(result.acks)} acknowledged of {result.sent} sent, statuses "
        f"{dict(result.statuses)}, other failures {dict(result.failures)}"
    )


def kill_a_worker(server: Server, *, submissions: int, concurrency: int) -> FaultReport:
    report = FaultReport("a worker killed with SIGKILL during the load")
    log_from = server.log_position()
    target = targets.FEEDBACK
    moment: dict = {}

    async def during(result: Result, started: float) -> None:
        await wait_for_acks(result, submissions // 4)
        moment["acks"] = list(result.acks)
        moment["at"] = time.perf_counter() - started
        moment["pid"] = server.kill_one_worker()

    result = asyncio.run(
        run_load(
            server.base_url,
            target,
            submissions=submissions,
            concurrency=concurrency,
            during=during,
        )
    )
    before = moment["acks"]
    after = [ack for ack in result.acks if ack.at > moment["at"]]
    within_two_seconds = [ack for ack in after if ack.at < moment["at"] + 2]
    check_before = stored_check(target, result, before)
    check_all = check_stored(target, result)
    report.summary += [
        describe(result),
        f"worker {moment['pid']} killed after {len(before)} acknowledgements "
        f"at {moment['at']:.1f} s; {len(within_two_seconds)} acknowledged in the "
        f"next 2 s, {len(after)} after the kill in all",
        f"acknowledged before the kill and not stored: {check_before['lost']}; "
        f"overall lost {check_all['lost']}, duplicated {check_all['duplicated']}",
    ]
    report.expect(
        check_before["lost"] == 0, "acknowledged-before-kill submissions missing"
    )
    report.expect(check_all["lost"] == 0, "acknowledged submissions missing")
    report.expect(check_all["duplicated"] == 0, "submissions stored twice")
    report.expect(
        len(within_two_seconds) > 0, "nothing served in the 2 s after the kill"
    )
    report.expect(result.server_errors == 0, f"{result.server_errors} server errors")
    report.expect_clean_log(server, log_from)
    return report


async def listen_for_live_updates(
    url: str, origin: str, received: list, connections: list, stop: asyncio.Event
) -> None:
    """A websocket client that reconnects, as the site's own scripts do."""
    from websockets.asyncio.client import connect

    started = time.perf_counter()
    while not stop.is_set():
        try:
            async with connect(url, origin=origin, open_timeout=5) as socket:
                connections.append(time.perf_counter() - started)
                while not stop.is_set():
                    try:
                        message = await asyncio.wait_for(socket.recv(), 0.5)
                    except TimeoutError:
                        continue
                    received.append(
                        (time.perf_counter() - started, json.loads(message)["receipt"])
                    )
        except Exception:  # refused or dropped while Redis is away: try again
            await asyncio.sleep(0.5)


def stop_redis(
    server: Server,
    redis: PrivateRedis,
    *,
    submissions: int,
    concurrency: int,
    outage: float,
) -> FaultReport:
    report = FaultReport("Redis stopped during the load")
    log_from = server.log_position()
    target = targets.FEEDBACK
    moment: dict = {}
    received: list = []
    connections: list = []

    async def scenario() -> Result:
        stop = asyncio.Event()
        ws_url = server.base_url.replace("http://", "ws://") + "/ws/bench/submissions/"
        listener = asyncio.create_task(
            listen_for_live_updates(
                ws_url, server.base_url, received, connections, stop
            )
        )
        await asyncio.sleep(1)
        # The live socket works before the outage (the load itself is feedback,
        # whose live updates go to signed-in moderators' sockets).
        await run_load(
            server.base_url, targets.BARE_LIVE, submissions=20, concurrency=5
        )
        await asyncio.sleep(1)
        moment["received_before"] = len(received)

        async def during(result: Result, started: float) -> None:
            await wait_for_acks(result, submissions // 4)
            moment["down_at"] = time.perf_counter() - started
            await asyncio.to_thread(redis.stop)
            await asyncio.sleep(outage)
            moment["connections_at_up"] = len(connections)
            await asyncio.to_thread(redis.start)
            moment["up_at"] = time.perf_counter() - started

        result = await run_load(
            server.base_url,
            target,
            submissions=submissions,
            concurrency=concurrency,
            during=during,
        )
        # Live updates after the outage: once the client is connected again
        # (or its connection has lived through it), a short second round of
        # submissions must arrive on the websocket.
        connected_before = moment["connections_at_up"]
        deadline = time.monotonic() + 5
        while len(connections) <= connected_before and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        probe = await run_load(
            server.base_url, targets.BARE_LIVE, submissions=50, concurrency=5
        )
        await asyncio.sleep(2)
        stop.set()
        await listener
        moment["probe"] = probe
        return result

    result = asyncio.run(scenario())
    down, up = moment["down_at"], moment["up_at"]
    during_outage = [ack for ack in result.acks if down < ack.at < up]
    after = {ack.receipt for ack in moment["probe"].acks}
    live_after = [receipt for at, receipt in received if str(receipt) in after]
    check = check_stored(target, result)
    report.summary += [
        describe(result),
        f"Redis down from {down:.1f} s to {up:.1f} s: {len(during_outage)} "
        "submissions acknowledged while it was down",
        f"live updates: {moment['received_before']} before the outage, "
        f"{len(live_after)} of {len(after)} submissions made once the client was "
        f"connected again after Redis came back arrived on the websocket ({len(connections)} websocket connections in all)",
        f"lost {check['lost']}, duplicated {check['duplicated']}",
    ]
    report.expect(len(during_outage) > 0, "no submission accepted while Redis was down")
    report.expect(check["lost"] == 0, "acknowledged submissions missing")
    report.expect(check["duplicated"] == 0, "submissions stored twice")
    report.expect(result.server_errors == 0, f"{result.server_errors} server errors")
    report.expect(moment["received_before"] > 0, "no live updates before the outage")
    report.expect(
        len(live_after) > 0, "live updates did not resume after Redis came back"
    )
    report.expect_clean_log(server, log_from, REDIS_OUTAGE_ERRORS)
    return report


def restart_postgres(
    server: Server,
    postgres: PrivatePostgres,
    *,
    submissions: int,
    concurrency: int,
    outage: float,
) -> FaultReport:
    report = FaultReport("PostgreSQL restarted during the load")
    log_from = server.log_position()
    target = targets.FEEDBACK
    moment: dict = {}

    async def during(result: Result, started: float) -> None:
        await wait_for_acks(result, submissions // 4)
        moment["down_at"] = time.perf_counter() - started
        await asyncio.to_thread(postgres.stop)
        await asyncio.sleep(outage)
        await asyncio.to_thread(postgres.start)
        moment["up_at"] = time.perf_counter() - started

    result = asyncio.run(
        run_load(
            server.base_url,
            target,
            submissions=submissions,
            concurrency=concurrency,
            during=during,
        )
    )
    from django.db import connections

    connections.close_all()  # this process's connection died with the restart too
    after = [ack for ack in result.acks if ack.at > moment["up_at"]]
    unavailable = result.statuses.get(503, 0)
    page = result.error_pages.get(503, "")
    check = check_stored(target, result)
    report.summary += [
        describe(result),
        f"PostgreSQL down from {moment['down_at']:.1f} s to {moment['up_at']:.1f} s: "
        f"{unavailable} answers were the 503 page; {len(after)} acknowledged after "
        "it came back",
        f"lost {check['lost']}, duplicated {check['duplicated']}",
    ]
    report.expect(unavailable > 0, "no request saw the outage (it was too short?)")
    report.expect(
        FRIENDLY_503 in page or not unavailable, "503 answer is not the friendly page"
    )
    report.expect("Traceback" not in page, "a traceback was shown")
    report.expect(
        set(s for s in result.statuses if s >= 500) <= {503},
        f"server errors other than 503: {dict(result.statuses)}",
    )
    report.expect(len(after) > 0, "service did not resume after PostgreSQL came back")
    report.expect(check["lost"] == 0, "acknowledged submissions missing")
    report.expect(check["duplicated"] == 0, "submissions stored twice")
    report.expect_clean_log(server, log_from)
    return report


def run_faults(
    *,
    port: int,
    postgres_port: int,
    redis_port: int,
    submissions: int,
    concurrency: int,
    outage: float,
    only: list[str],
) -> list[FaultReport]:
    reports = []
    began = time.monotonic()

    def say(what: str) -> None:
        print(f"[{time.monotonic() - began:5.0f} s] {what}", flush=True)

    say("starting a private PostgreSQL and Redis")
    with PrivatePostgres(postgres_port) as postgres, PrivateRedis(redis_port) as redis:
        env = bench_environment(postgres.url, redis.url)
        from tests.perf.common import ensure_database

        ensure_database(postgres.url)
        say("migrating")
        prepare_database(env, seed=False)
        setup_django(postgres.url, redis.url)
        say("starting uvicorn")
        with Server(env, port) as server:
            if "worker" in only:
                say("fault: worker")
                reports.append(
                    kill_a_worker(
                        server, submissions=submissions, concurrency=concurrency
                    )
                )
                server.wait_until_healthy()
            if "redis" in only:
                say("fault: redis")
                reports.append(
                    stop_redis(
                        server,
                        redis,
                        submissions=submissions,
                        concurrency=concurrency,
                        outage=outage,
                    )
                )
                server.wait_until_healthy()
            if "postgres" in only:
                say("fault: postgres")
                reports.append(
                    restart_postgres(
                        server,
                        postgres,
                        submissions=submissions,
                        concurrency=concurrency,
                        outage=outage,
                    )
                )
        say("stopping")
    say("done")
    return reports


def main(argv: list[str] | None = None) -> int:
    parser = base_arguments(__doc__.splitlines()[0])
    parser.set_defaults(port=8182)
    parser.add_argument("--postgres-port", type=int, default=8190)
    parser.add_argument("--redis-port", type=int, default=8191)
    parser.add_argument("--submissions", type=int, default=4000, help="per fault")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument(
        "--outage",
        type=float,
        default=6.0,
        help="seconds; longer than the pool's 5 s wait for a connection, so some "
        "requests must see a PostgreSQL outage instead of waiting it out",
    )
    parser.add_argument("--only", default="worker,redis,postgres")
    args = parser.parse_args(argv)
    reports = run_faults(
        port=args.port,
        postgres_port=args.postgres_port,
        redis_port=args.redis_port,
        submissions=args.submissions,
        concurrency=args.concurrency,
        outage=args.outage,
        only=args.only.split(","),
    )
    for report in reports:
        report.print()
    return 1 if any(report.problems for report in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
