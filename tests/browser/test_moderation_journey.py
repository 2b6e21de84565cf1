"""A moderator's open queue shows new text live, then they claim it and approve it with a redaction.

pytest-django's live server speaks WSGI only, so this test runs the site's
ASGI application (HTTP and websockets) with uvicorn in a thread of the test
process: the channel layer and the test database are then shared with the
test, as they are shared between workers in production through Redis and the
database.
"""

import asyncio
import socket
import threading
import time

import pytest
import uvicorn
from asgiref.sync import sync_to_async
from channels.auth import AuthMiddlewareStack
from channels.routing import ProtocolTypeRouter, URLRouter
from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
from django.core.asgi import get_asgi_application

from accounts import roles
from tests.browser.conftest import CheckedPages
from tests.factories import DEFAULT_PASSWORD, UserFactory
from voice.moderation import services
from voice.moderation.models import ModeratedText

pytestmark = pytest.mark.live

PORTS = range(8120, 8130)


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("No free port in 8120-8129")


class ASGIServer:
    """uvicorn serving the site (HTTP with static files, and websockets) in a thread."""

    def __init__(self):
        from config.routing import websocket_urlpatterns

        application = ProtocolTypeRouter(
            {
                "http": ASGIStaticFilesHandler(get_asgi_application()),
                "websocket": AuthMiddlewareStack(URLRouter(websocket_urlpatterns)),
            }
        )
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(
            uvicorn.Config(
                application,
                host="127.0.0.1",
                port=self.port,
                lifespan="off",
                log_level="warning",
                access_log=False,
            )
        )
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self.server.serve())

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("The ASGI test server did not start")
            time.sleep(0.05)

    def run_in_server(self, function, **kwargs):
        """Run sync code as a request would, on the server's event loop."""
        future = asyncio.run_coroutine_threadsafe(
            sync_to_async(function)(**kwargs), self.loop
        )
        return future.result(timeout=30)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def asgi_server(transactional_db, settings):
    settings.STAFF_MFA_REQUIRED = False
    server = ASGIServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def asgi_pages(browser, asgi_server):
    checked = CheckedPages(browser, asgi_server.url)
    yield checked
    try:
        checked.check_loaded_pages()
        assert not checked.foreign_requests, (
            f"Requests to other hosts: {checked.foreign_requests}"
        )
    finally:
        checked.close()


def test_new_text_appears_live_and_is_approved_with_a_redaction(
    asgi_server, asgi_pages
):
    UserFactory(username="moderator-kim", roles=[roles.MODERATOR])
    page = asgi_pages.new_page()

    page.goto("/accounts/login/")
    asgi_pages.check_loaded_pages()
    page.get_by_label("Username").fill("moderator-kim")
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()
    page.goto("/staff/moderation/")
    asgi_pages.check_loaded_pages()
    assert page.get_by_text("Nothing is waiting").is_visible()
    page.locator("[data-moderation-queue][data-live='on']").wait_for(timeout=10_000)

    item = asgi_server.run_in_server(
        services.submit_text,
        text="My name is Jordan and the new youth club is brilliant",
        kind=ModeratedText.Kind.FEEDBACK,
    )

    row = page.locator(f"[data-item-id='{item.pk}']")
    row.wait_for(timeout=10_000)  # no reload: the row arrives by itself
    assert page.url.endswith("/staff/moderation/")
    assert "youth club is brilliant" in row.inner_text()
    page.locator("[data-count-value]").filter(has_text="1").wait_for(timeout=5_000)
    asgi_pages.check_loaded_pages()

    row.get_by_role("button", name="Claim").click()
    page.wait_for_url(f"**/staff/moderation/{item.pk}/")
    asgi_pages.check_loaded_pages()
    assert (
        page.locator("[data-original-text] mark.flag-personal")
        .inner_text()
        .startswith("Jordan")
    )
    redaction = page.get_by_label("Text to share (edit to remove personal details)")
    assert redaction.input_value() == (
        "My name is [name] and the new youth club is brilliant"
    )
    redaction.fill("My name is [name] and the new youth club is brilliant!")
    page.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_url("**/staff/moderation/")
    asgi_pages.check_loaded_pages()
    assert page.get_by_text("Approved.").is_visible()

    item.refresh_from_db()
    assert item.status == ModeratedText.Status.APPROVED
    assert item.text == "My name is Jordan and the new youth club is brilliant"
    assert item.public_text == "My name is [name] and the new youth club is brilliant!"


def test_a_safeguarding_lead_is_alerted_live_and_acknowledges(asgi_server, asgi_pages):
    UserFactory(username="lead-sam", roles=[roles.SAFEGUARDING_LEAD])
    page = asgi_pages.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("lead-sam")
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()
    page.goto("/staff/safeguarding/")
    asgi_pages.check_loaded_pages()
    page.locator("[data-safeguarding-list][data-live='on']").wait_for(timeout=10_000)

    item = asgi_server.run_in_server(
        services.submit_text,
        text="I have to hold drugs for older boys",
        kind=ModeratedText.Kind.FEEDBACK,
    )
    concern = item.concerns.get()

    alert = page.get_by_role("alert").filter(has_text="A new safeguarding concern")
    alert.wait_for(timeout=10_000)
    page.locator(f"#concern-{concern.pk}").wait_for(timeout=10_000)
    asgi_pages.check_loaded_pages()

    page.locator(f"#concern-{concern.pk} a").click()
    page.wait_for_url(f"**/staff/safeguarding/{concern.pk}/")
    asgi_pages.check_loaded_pages()
    assert "hold drugs" in page.locator("main").inner_text()
    page.get_by_role("button", name="Acknowledge: I am dealing with this").click()
    page.wait_for_load_state()
    asgi_pages.check_loaded_pages()
    assert page.get_by_text("Acknowledged. The time it took is recorded.").is_visible()
    concern.refresh_from_db()
    assert concern.acknowledged_at is not None


def test_an_open_item_page_stops_offering_the_claim_once_someone_else_has_it(
    asgi_server, asgi_pages
):
    UserFactory(username="moderator-kim", roles=[roles.MODERATOR])
    other = UserFactory(username="moderator-ola", roles=[roles.MODERATOR])
    item = asgi_server.run_in_server(
        services.submit_text,
        text="The football sessions are the best bit of my week",
        kind=ModeratedText.Kind.FEEDBACK,
    )
    page = asgi_pages.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("moderator-kim")
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()
    page.goto(f"/staff/moderation/{item.pk}/")
    asgi_pages.check_loaded_pages()
    claim = page.get_by_role("button", name="Claim this item")
    assert claim.is_visible()
    page.locator(f"[data-moderation-item='{item.pk}'][data-live='on']").wait_for(
        timeout=10_000
    )

    asgi_server.run_in_server(services.claim_item, item=item, moderator=other)

    page.get_by_text("Taken by moderator-ola").wait_for(timeout=10_000)
    assert claim.count() == 0  # no reload: the button went by itself
    assert (
        page.get_by_role("status")
        .filter(has_text="Someone has just claimed this item.")
        .is_visible()
    )
    asgi_pages.check_loaded_pages()
