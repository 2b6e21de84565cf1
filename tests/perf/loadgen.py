"""Browser-like form submissions at a chosen concurrency, with acknowledgements recorded.

Each simulated person has their own cookies and connection: they open the
form page (which gives them a CSRF token, as a browser gets), fill it in from
the page's own <form>, send it and leave; the next person takes their place
on a new connection, as the next young person on another phone would. (One
connection kept for a whole run let whichever server worker accepted first
take all 50 of a round's connections at once, halving that round's
throughput at random.) What the server acknowledged (status and the receipt
the page shows) is recorded with a unique marker written into the text, so
the database can be checked afterwards for lost and duplicated submissions.
"""

from __future__ import annotations

import asyncio
import re
import statistics
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

from tests.htmlforms import Form, post_forms, valid_looking_data

RECEIPT_PATTERNS = [
    re.compile(r'data-receipt="([^"]+)"'),
    re.compile(r"data-receipt-code>\s*([^<\s]+)"),
    re.compile(
        r"receipt code[^A-Za-z0-9]*(?:<[^>]+>\s*)*([A-Z0-9][A-Z0-9-]{3,})", re.I
    ),
]


@dataclass
class Target:
    """A form to submit: where it is, how to fill it, where its rows end up."""

    name: str
    path: str
    # (form on the page, unique marker) → data to post
    build: Callable[[Form, str], dict] = valid_looking_data
    # pick the form on the page (the first POST form that is not a sign-out button)
    choose: Callable[[list[Form]], Form | None] = lambda forms: next(
        (f for f in forms if f.text_fields()), None
    )
    # markers → how many rows hold each (run with Django set up, after the load)
    stored: Callable[[list[str]], Counter] | None = None


@dataclass
class Ack:
    marker: str
    receipt: str
    status: int
    at: float  # seconds since the run began


@dataclass
class Result:
    target: str
    sent: int = 0
    acks: list[Ack] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)  # seconds, acknowledged POSTs
    elapsed: float = 0.0
    unacknowledged_markers: list[str] = field(default_factory=list)
    error_pages: dict[int, str] = field(default_factory=dict)  # first body per 5xx

    @property
    def throughput(self) -> float:
        return len(self.acks) / self.elapsed if self.elapsed else 0.0

    def percentile(self, fraction: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("nan")

    @property
    def p95(self) -> float:
        return self.percentile(0.95)

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)


def find_receipt(html: str) -> str:
    for pattern in RECEIPT_PATTERNS:
        match = pattern.search(html)
        if match:
            return match.group(1)
    return ""


async def submit_once(
    client: httpx.AsyncClient,
    target: Target,
    marker: str,
    result: Result,
    started: float,
) -> None:
    page = await client.get(target.path)
    result.statuses[page.status_code] += 1
    if page.status_code >= 500:
        result.error_pages.setdefault(page.status_code, page.text)
    if page.status_code != 200:
        result.failures[f"form page {page.status_code}"] += 1
        return
    form = target.choose(post_forms(page.text))
    if form is None:
        result.failures["no form on the page"] += 1
        return
    data = target.build(form, marker)
    action = form.action or str(page.url)
    began = time.perf_counter()
    result.sent += 1
    response = await client.post(action, data=data, headers={"Referer": str(page.url)})
    took = time.perf_counter() - began
    result.statuses[response.status_code] += 1
    if response.status_code >= 500:
        result.error_pages.setdefault(response.status_code, response.text)
    receipt = find_receipt(response.text) if response.status_code < 400 else ""
    if response.status_code < 400 and receipt:
        result.acks.append(
            Ack(marker, receipt, response.status_code, time.perf_counter() - started)
        )
        result.latencies.append(took)
    else:
        result.unacknowledged_markers.append(marker)
        result.failures[f"not acknowledged ({response.status_code})"] += 1


async def run_load(
    base_url: str,
    target: Target,
    *,
    submissions: int,
    concurrency: int,
    during: Callable[[Result, float], Awaitable[None]] | None = None,
    timeout: float = 30,
) -> Result:
    """Send `submissions` forms from `concurrency` people at once.

    `during(result, started)`, if given, runs beside the load (to kill a
    worker, stop Redis, restart PostgreSQL…) and is awaited before returning.
    """
    result = Result(target=target.name)
    run_id = uuid.uuid4().hex[:10]
    remaining = iter(range(submissions))
    started = time.perf_counter()

    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)

    async def person(number: int) -> None:
        for sequence in remaining:
            marker = f"Load check {run_id} {number}-{sequence}: the room was fine"
            # Plain http on loopback: no certificate store to load for each person.
            async with httpx.AsyncClient(
                base_url=base_url,
                follow_redirects=True,
                timeout=timeout,
                limits=limits,
                verify=False,
            ) as client:
                try:
                    await submit_once(client, target, marker, result, started)
                except httpx.HTTPError as error:
                    result.failures[type(error).__name__] += 1
                    result.unacknowledged_markers.append(marker)

    tasks = [asyncio.create_task(person(n)) for n in range(concurrency)]
    side = asyncio.create_task(during(result, started)) if during else None
    await asyncio.gather(*tasks)
    result.elapsed = time.perf_counter() - started
    if side:
        await side
    return result


def check_stored(target: Target, result: Result) -> dict[str, int]:
    """Lost = acknowledged but not stored; duplicated = stored more than once."""
    if target.stored is None:
        return {"lost": -1, "duplicated": -1, "stored": -1}
    markers = [ack.marker for ack in result.acks]
    everything = markers + result.unacknowledged_markers
    counts: Counter = Counter()
    for start in range(0, len(everything), 1000):
        counts.update(target.stored(everything[start : start + 1000]))
    return {
        "lost": sum(1 for marker in markers if counts[marker] == 0),
        "duplicated": sum(1 for marker in everything if counts[marker] > 1),
        "stored": sum(counts.values()),
        "stored_without_ack": sum(
            1 for marker in result.unacknowledged_markers if counts[marker]
        ),
    }


def format_table(
    results: list[Result], bare: Result | None, wagtail: Result | None
) -> str:
    def ratio(value: float, base: Result | None, attr: str) -> str:
        if base is None or not getattr(base, attr):
            return "–"
        return f"{value / getattr(base, attr):.2f}"

    lines = [
        "| endpoint | submissions/s | p50 ms | p95 ms | throughput ÷ bare | throughput ÷ Wagtail form | p50 ÷ bare | p95 ÷ bare | 5xx | not acknowledged |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for item in results:
        lines.append(
            f"| {item.target} | {item.throughput:.0f} | {item.p50 * 1000:.0f} | "
            f"{item.p95 * 1000:.0f} | {ratio(item.throughput, bare, 'throughput')} | "
            f"{ratio(item.throughput, wagtail, 'throughput')} | "
            f"{ratio(item.p50, bare, 'p50')} | {ratio(item.p95, bare, 'p95')} | "
            f"{item.server_errors} | {len(item.unacknowledged_markers)} |"
        )
    return "\n".join(lines)
