"""Websocket fan-out: time from a feedback submission to its arrival at every moderator's open page.

    make bench-ws   (or: python -m tests.perf.bench_websockets --help)

uvicorn runs the site with two workers on PostgreSQL + Redis (the channel
layer they share). `--clients` moderators (each a signed-in user in the
Moderator role with an authenticator set up, as the bench settings require
MFA for staff) open ws/staff/moderation/ with the site's own Origin; the
connections spread over both workers. Feedback is then given through the
real form, one item at a time, and for each item the time from sending the
form to the "item.arrived" event reaching each client is recorded.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time

from tests.perf import targets
from tests.perf.common import (
    base_arguments,
    ensure_database,
    require_production_stack,
    setup_django,
)
from tests.perf.server import Server, bench_environment, prepare_database


def moderator_sessions(count: int) -> list[str]:
    """Session ids for `count` signed-in moderators with an authenticator."""
    from allauth.mfa.models import Authenticator
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from accounts.roles import MODERATOR
    from tests.factories import pass_mfa

    user_model = get_user_model()
    group = Group.objects.get(name=MODERATOR)
    sessions = []
    for number in range(count):
        user, _ = user_model.objects.get_or_create(username=f"bench-moderator-{number}")
        user.groups.add(group)
        Authenticator.objects.get_or_create(
            user=user,
            type=Authenticator.Type.TOTP,
            defaults={"data": {"secret": "JBSWY3DPEHPK3PXP"}},
        )
        client = Client()
        client.force_login(user)
        pass_mfa(client, user)  # as after giving the TOTP code
        sessions.append(client.cookies["sessionid"].value)
    return sessions


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def run(base_url: str, sessions: list[str], items: int, timeout: float):
    import httpx
    from websockets.asyncio.client import connect

    from tests.htmlforms import post_forms

    ws_url = base_url.replace("http://", "ws://") + "/ws/staff/moderation/"
    sockets = []
    for session in sessions:
        sockets.append(
            await connect(
                ws_url,
                origin=base_url,
                additional_headers={"Cookie": f"sessionid={session}"},
                open_timeout=timeout,
                max_queue=None,
            )
        )
    print(f"{len(sockets)} moderators connected", flush=True)
    delays: list[float] = []
    missed = 0
    missed_by: dict[tuple[int, int], str] = {}
    per_item_p95 = []

    async def arrival(socket, sent: float) -> tuple[float, int] | None:
        while True:
            message = json.loads(await socket.recv())
            payload = message.get("payload", message)
            if payload.get("event") == "item.arrived":
                return time.perf_counter() - sent, payload.get("id")

    async with httpx.AsyncClient(base_url=base_url, follow_redirects=True) as client:
        for number in range(items):
            page = await client.get(targets.FEEDBACK.path)
            form = targets.FEEDBACK.choose(post_forms(page.text))
            data = targets.FEEDBACK.build(form, f"Fan-out check {number}: all fine")
            sent = time.perf_counter()
            waiting = [
                asyncio.create_task(asyncio.wait_for(arrival(s, sent), timeout))
                for s in sockets
            ]
            response = await client.post(
                form.action or str(page.url),
                data=data,
                headers={"Referer": str(page.url)},
            )
            if response.status_code >= 400:
                sys.exit(f"The feedback form answered {response.status_code}")
            results = await asyncio.gather(*waiting, return_exceptions=True)
            got = [r for r in results if isinstance(r, tuple)]
            missed += len(results) - len(got)
            for index, outcome in enumerate(results):
                if not isinstance(outcome, tuple):
                    missed_by[(number, index)] = type(outcome).__name__
            ids = {item_id for _delay, item_id in got}
            if len(ids) > 1:
                sys.exit(f"Clients saw different items for one submission: {ids}")
            item_delays = [delay for delay, _id in got]
            delays.extend(item_delays)
            per_item_p95.append(percentile(item_delays, 0.95) if item_delays else 0)
            await asyncio.sleep(0.2)
    for socket in sockets:
        await socket.close()
    if missed_by:
        items_missed = sorted({item for item, _client in missed_by})
        clients_missed = sorted({client for _item, client in missed_by})
        print(
            f"missed: items {items_missed}, clients {clients_missed}, "
            f"errors {set(missed_by.values())}, close codes "
            f"{ {sockets[c].close_code for c in clients_missed} }"
        )
    return delays, missed


def main() -> int:
    parser = base_arguments(__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()
    require_production_stack(args)
    ensure_database(args.database_url)
    env = bench_environment(args.database_url, args.redis_url)
    prepare_database(env)
    setup_django(args.database_url, args.redis_url)
    sessions = moderator_sessions(args.clients)
    with Server(env, args.port) as server:
        delays, missed = asyncio.run(
            run(server.base_url, sessions, args.items, args.timeout)
        )
    print()
    print(
        f"{args.clients} moderator websockets over uvicorn with 2 workers sharing "
        f"Redis; {args.items} feedback items given one at a time through the form"
    )
    print("| deliveries | missed | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    if delays:
        print(
            f"| {len(delays)} | {missed} | {statistics.median(delays) * 1000:.0f} | "
            f"{percentile(delays, 0.95) * 1000:.0f} | {max(delays) * 1000:.0f} |"
        )
    else:
        print(f"| 0 | {missed} | – | – | – |")
    return 1 if missed or not delays else 0


if __name__ == "__main__":
    sys.exit(main())
