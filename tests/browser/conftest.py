"""Real-browser tests: Debian's chromium driven by Playwright, axe-core on every page.

These run in their own pytest process (`make test` does this) because
Playwright's sync API and async tests do not share an event loop well.
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 740}
# The narrowest screen WCAG 1.4.10 (reflow) asks pages to fit without sideways scrolling.
NARROWEST = {"width": 320, "height": 640}
BLOCKING_IMPACTS = {"serious", "critical"}


def pytest_collection_modifyitems(items):
    # Journeys run in full in the embedded (SQLite) run. With REDIS_URL set,
    # only the live ones are repeated: what changes there is the channel layer.
    repeat_only_live = bool(os.environ.get("REDIS_URL"))
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if repeat_only_live and not item.get_closest_marker("live"):
                item.add_marker(
                    pytest.mark.skip(
                        reason="runs in the SQLite run; with Redis only live journeys repeat"
                    )
                )


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `make setup` (apt-get install chromium)"
        )
    if not AXE_JS.exists():
        pytest.fail(f"axe-core not found at {AXE_JS}: run `npm ci` in tests/browser")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


class AccessibilityViolation(AssertionError):
    pass


def check_accessibility(page) -> None:
    """Run axe-core on the page as it is now; fail on any serious or critical violation."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which the page's strict
        # Content-Security-Policy (rightly) would refuse as an injected tag.
        page.evaluate(AXE_JS.read_text() + "\n;undefined")
    results = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa','best-practice']})"
    )
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    if blocking:
        lines = [
            f"{v['impact']}: {v['id']} – {v['help']} ({len(v['nodes'])}×: "
            f"{', '.join(n['target'][0] for n in v['nodes'][:3])})"
            for v in blocking
        ]
        raise AccessibilityViolation(f"{page.url}\n" + "\n".join(lines))


class CheckedPages:
    """Pages opened in browser contexts, with every page load checked by axe-core
    and every request that leaves the test server recorded."""

    def __init__(self, browser, base_url: str):
        self.browser = browser
        self.base_url = base_url
        self.contexts = []
        self.pending: list = []
        self.foreign_requests: list[str] = []

    def new_page(
        self, phone: bool = False, viewport: dict | None = None, javascript: bool = True
    ):
        context = self.browser.new_context(
            base_url=self.base_url,
            viewport=viewport or (PHONE if phone else {"width": 1280, "height": 900}),
        )
        self.contexts.append(context)
        page = context.new_page()
        if not javascript:
            # The site's own scripts are refused, as when they fail to load;
            # the test can still measure the page (a disabled engine hangs evaluate).
            page.route("**/*.js", lambda route: route.abort())
        page.on("load", lambda loaded: self.pending.append(loaded))
        page.on("request", self.record_request)
        return page

    def record_request(self, request) -> None:
        url = request.url
        if not url.startswith((self.base_url, "data:", "blob:", "about:")):
            self.foreign_requests.append(url)

    def check_loaded_pages(self) -> None:
        """Check every page that has loaded since the last call."""
        while self.pending:
            page = self.pending.pop(0)
            if not page.is_closed():
                check_accessibility(page)

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def pages(browser, live_server):
    """Open pages with `pages.new_page()`; call `pages.check_loaded_pages()` (or
    use `visit`) after navigating; every load is checked for accessibility and
    for requests to other hosts when the test ends."""
    checked = CheckedPages(browser, live_server.url)
    yield checked
    try:
        checked.check_loaded_pages()
        assert not checked.foreign_requests, (
            f"Requests to other hosts: {checked.foreign_requests}"
        )
    finally:
        checked.close()


def press_back(page) -> None:
    """Back, as a person presses it. A page that was the answer to a post cannot
    be shown again without re-sending it: Chrome shows "Confirm form
    resubmission", and the person's next step is Reload (which re-sends it)."""
    try:
        page.go_back()
    except PlaywrightError as error:
        if "ERR_CACHE_MISS" not in str(error):
            raise
        page.reload()
    page.wait_for_load_state()


def sign_in(page, username: str, password: str | None = None) -> None:
    """Sign in through allauth's form, as a person would (tests turn staff MFA off)."""
    from tests.factories import DEFAULT_PASSWORD

    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.locator("#id_password").fill(password or DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()
