"""The load and fault scripts at a reduced size, so CI runs them on every change.

They need the production stack (PostgreSQL + Redis) and start their own
uvicorn, private PostgreSQL and private Redis on loopback ports; on the
embedded default (SQLite, in-memory channel layer) they are skipped. Full
size: `make load` and `make faults` (docs/performance.md).
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
PORT = int(os.environ.get("BENCH_PORT", 8180))
# Sized to keep CI under its time limit; the faults load the real feedback form.
LOAD_SUBMISSIONS = 400
FAULT_SUBMISSIONS = 300

pytestmark = [
    pytest.mark.load,
    pytest.mark.skipif(
        not (DATABASE_URL.startswith(("postgres://", "postgresql://")) and REDIS_URL),
        reason="load and fault runs need DATABASE_URL (PostgreSQL) and REDIS_URL",
    ),
]


def scratch_database_url() -> str:
    """A database beside the configured one, which the load run may fill."""
    parsed = urlparse(DATABASE_URL)
    return parsed._replace(path=parsed.path.rstrip("/") + "_load").geturl()


def run_script(module: str, *args: str) -> str:
    completed = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = "\n".join(
        line for line in completed.stdout.splitlines() if " INFO " not in line
    )
    assert completed.returncode == 0, f"{report}\n{completed.stderr[-3000:]}"
    return report


def test_a_busy_evening_loses_nothing_and_stores_nothing_twice():
    report = run_script(
        "tests.perf.load_submissions",
        f"--database-url={scratch_database_url()}",
        f"--redis-url={REDIS_URL}",
        f"--port={PORT}",
        f"--submissions={LOAD_SUBMISSIONS}",
        "--concurrency=50",
    )
    assert f"{LOAD_SUBMISSIONS} acknowledged of {LOAD_SUBMISSIONS} sent" in report
    assert "lost 0, duplicated 0" in report


def test_a_killed_worker_a_lost_redis_and_a_restarted_database_are_survived():
    report = run_script(
        "tests.perf.load_faults",
        f"--port={PORT + 2}",
        f"--postgres-port={PORT + 10}",
        f"--redis-port={PORT + 11}",
        f"--submissions={FAULT_SUBMISSIONS}",
        "--concurrency=20",
        "--outage=6",
    )
    assert report.count(": ok") == 3, report
