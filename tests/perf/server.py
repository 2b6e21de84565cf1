"""Start and stop the site under uvicorn (two workers) for benchmarks, load and faults.

Loopback only. The server runs with the bench settings (production-like, plus
the baseline yardsticks) against the PostgreSQL and Redis named in the
environment or given here.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
# A log record starts with a timestamp (our logging) or a level (uvicorn's own).
LOG_RECORD_START = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d|[A-Z]+:\s)", re.M)
# The line naming an exception ("module.Error: message"), not indented.
EXCEPTION_LINE = re.compile(r"(?!Traceback)[A-Za-z_][\w.]*(: |$)")
# What a database outage raises; the site answers these with its 503 page.
OUTAGE_ERRORS = ("django.db.utils.OperationalError", "django.db.utils.InterfaceError")
PYTHON = sys.executable
HOST = "127.0.0.1"


def bench_environment(database_url: str, redis_url: str, **extra: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.bench",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CHANNEL_PREFIX=f"yvbench{os.getpid()}",
        CACHE_KEY_PREFIX=f"yvbench{os.getpid()}",
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


def prepare_database(env: dict, *, seed: bool = True) -> None:
    """Migrate, load the demo content (topics and so on) and the baseline form page."""
    manage = [PYTHON, str(ROOT / "manage.py")]
    env = {**env, "LOG_LEVEL": "WARNING"}
    quiet = {"env": env, "cwd": ROOT, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], **quiet)
    if seed:
        subprocess.run([*manage, "seed_demo"], **quiet)
    subprocess.run([*manage, "setup_bench"], **quiet)


def final_exception(record: str) -> str:
    """The exception a logged traceback ended in (the last one of a chain)."""
    named = [line for line in record.splitlines() if EXCEPTION_LINE.match(line)]
    return named[-1] if named else ""


@dataclass
class Server:
    """uvicorn with two worker processes; use as a context manager."""

    env: dict
    port: int
    workers: int = 2
    log_path: Path = field(default_factory=lambda: ROOT / "var" / "bench-server.log")
    process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, timeout: float = 60) -> Server:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "uvicorn",
                "--app-dir",
                "site",
                "config.asgi:application",
                "--host",
                HOST,
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
                "--no-access-log",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            self.wait_until_healthy(timeout)
        except BaseException:
            self.stop()  # never leave a half-started server holding the port
            raise
        return self

    def wait_until_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process and self.process.poll() is not None:
                raise RuntimeError(
                    f"uvicorn exited with {self.process.returncode}; see {self.log_path}"
                )
            try:
                healthy = (
                    httpx.get(f"{self.base_url}/healthz", timeout=2).status_code == 200
                )
                if healthy and len(self.worker_pids()) >= self.workers:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise TimeoutError(f"{self.base_url}/healthz did not answer 200 in {timeout}s")

    def worker_pids(self) -> list[int]:
        """The uvicorn worker processes (children of the supervising process)."""
        if not self.process:
            return []
        pid = self.process.pid
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except FileNotFoundError:
            return []
        workers = []
        for child in map(int, children):
            try:
                cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
            except FileNotFoundError:
                continue
            # multiprocessing's spawn start method runs workers through this helper.
            if b"resource_tracker" in cmdline:
                continue
            if b"multiprocessing" in cmdline or b"uvicorn" in cmdline:
                workers.append(child)
        return workers

    def log_position(self) -> int:
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def unexpected_errors_since(
        self, position: int, expected: tuple[str, ...] = OUTAGE_ERRORS
    ) -> list[str]:
        """Log records with a traceback that ends in none of `expected`, oldest first."""
        with self.log_path.open("rb") as log:
            log.seek(position)
            text = log.read().decode(errors="replace")
        starts = [m.start() for m in LOG_RECORD_START.finditer(text)] + [len(text)]
        records = [text[a:b].strip() for a, b in zip(starts, starts[1:], strict=False)]
        return [
            record
            for record in records
            if "Traceback" in record
            and not final_exception(record).startswith(expected)
        ]

    def kill_one_worker(self) -> int:
        pid = self.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def stop(self, timeout: float = 20) -> None:
        if not self.process or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
