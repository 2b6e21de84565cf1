"""Two board members on two phones vote in a live meeting and see each other's votes."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.live

ROOT = Path(__file__).resolve().parents[2]
# Each machine or parallel run may pick its own free port.
PORT = int(os.environ.get("BOARD_BROWSER_PORT", "8150"))
PASSWORD = "demo-pass-123"


def wait_for_port(port: int, process, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("The ASGI server stopped while starting")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    raise RuntimeError(f"Nothing answered on port {port}")


@pytest.fixture(scope="module")
def asgi_server():
    """A real ASGI server (daphne) with websockets, on its own file-backed SQLite database."""
    with tempfile.TemporaryDirectory(prefix="board-journey-") as var_dir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.development",
            "DEBUG": "true",
            "VAR_DIR": var_dir,
            "DATABASE_URL": f"sqlite:///{var_dir}/db.sqlite3",
            "DEMO_PASSWORD": PASSWORD,
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        for command in (["migrate", "--no-input"], ["seed_demo"]):
            subprocess.run(
                manage + command, env=env, check=True, capture_output=True, cwd=ROOT
            )
        server = subprocess.Popen(  # noqa: S603 - our own server, fixed arguments
            [
                sys.executable,
                "-m",
                "daphne",
                "-b",
                "127.0.0.1",
                "-p",
                str(PORT),
                "config.asgi:application",
            ],
            env=env,
            cwd=ROOT / "site",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for_port(PORT, server)
            yield SimpleNamespace(url=f"http://127.0.0.1:{PORT}")
        finally:
            server.terminate()
            server.wait(timeout=10)


@pytest.fixture
def pages(browser, asgi_server):
    """The shared checked pages (axe-core, nothing from other hosts), on the ASGI server."""
    from tests.browser.conftest import CheckedPages

    checked = CheckedPages(browser, asgi_server.url)
    yield checked
    try:
        checked.check_loaded_pages()
        assert not checked.foreign_requests, (
            f"Requests to other hosts: {checked.foreign_requests}"
        )
    finally:
        checked.close()


def sign_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def open_meeting(page) -> None:
    page.goto("/board/")
    page.get_by_role("link", name="October meeting").click()
    page.wait_for_selector("[data-live-status]:not([hidden])")


def expect_count(page, question_text: str, choice: str, value: str) -> None:
    """The count on that screen reaches the value by itself (no reload)."""
    from playwright.sync_api import expect

    box = page.locator("[data-question]", has_text=question_text)
    expect(box.locator(f'[data-count="{choice}"]')).to_have_text(value, timeout=15000)


def test_two_members_vote_and_each_sees_the_others_vote_without_reloading(pages):
    chair = pages.new_page(phone=True)
    chair.goto("/shadow-board/")
    pages.check_loaded_pages()
    assert chair.get_by_role("heading", level=1).inner_text() == "Shadow board"
    sign_in(chair, "board1")
    for path in ("/board/evidence/", "/board/influence/", "/board/profile/"):
        chair.goto(path)
        pages.check_loaded_pages()
    chair.goto("/board/recommendations/")
    chair.get_by_role("link", name="A friendlier waiting room").click()
    chair.wait_for_url("**/board/recommendations/*/")
    pages.check_loaded_pages()
    open_meeting(chair)
    pages.check_loaded_pages()

    question = "Should the board meet after school on Fridays?"
    chair.get_by_label("Question or proposal").fill(question)
    chair.get_by_role("button", name="Open voting").click()
    chair.wait_for_selector(f"text={question}")
    chair.wait_for_selector("[data-live-status]:not([hidden])")
    pages.check_loaded_pages()

    member = pages.new_page(phone=True)
    sign_in(member, "board2")
    open_meeting(member)
    pages.check_loaded_pages()

    # Marks that vanish if a page reloads.
    for page in (chair, member):
        page.evaluate("() => { window.notReloaded = true; }")

    chair_box = chair.locator("[data-question]", has_text=question)
    chair_box.get_by_role("button", name="Yes", exact=True).click()
    member.wait_for_function(
        "([text]) => [...document.querySelectorAll('[data-question]')]"
        ".find(box => box.textContent.includes(text))"
        ".querySelector('[data-count=yes]').textContent.trim() === '1'",
        arg=[question],
    )

    member_box = member.locator("[data-question]", has_text=question)
    member_box.get_by_role("button", name="No", exact=True).click()
    chair.wait_for_function(
        "([text]) => [...document.querySelectorAll('[data-question]')]"
        ".find(box => box.textContent.includes(text))"
        ".querySelector('[data-count=no]').textContent.trim() === '1'",
        arg=[question],
    )
    expect_count(chair, question, "yes", "1")
    expect_count(member, question, "no", "1")

    # The member changes their mind: the chair sees the count move.
    member_box.get_by_role("button", name="Yes", exact=True).click()
    chair.wait_for_function(
        "([text]) => [...document.querySelectorAll('[data-question]')]"
        ".find(box => box.textContent.includes(text))"
        ".querySelector('[data-count=yes]').textContent.trim() === '2'",
        arg=[question],
    )
    expect_count(chair, question, "no", "0")
    expect_count(member, question, "yes", "2")
    for page in (chair, member):
        assert page.evaluate("() => window.notReloaded === true")
    pages.check_loaded_pages()
