"""A moderator whose connection dropped sees what arrived meanwhile, without reloading."""

import pytest

from accounts import roles
from tests.browser.test_board_reconnect import SOCKETS_YOU_CAN_DROP
from tests.browser.test_moderation_journey import (  # noqa: F401 (fixtures)
    asgi_pages,
    asgi_server,
)
from tests.factories import DEFAULT_PASSWORD, UserFactory
from voice.moderation import services
from voice.moderation.models import ModeratedText

pytestmark = pytest.mark.live


def test_the_queue_back_online_shows_what_arrived_while_offline(
    asgi_server,  # noqa: F811
    asgi_pages,  # noqa: F811
):
    UserFactory(username="moderator-sam", roles=[roles.MODERATOR])
    page = asgi_pages.new_page()
    page.add_init_script(SOCKETS_YOU_CAN_DROP)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("moderator-sam")
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()
    page.goto("/staff/moderation/")
    page.locator("[data-moderation-queue][data-live='on']").wait_for(timeout=10_000)
    page.evaluate("() => { window.notReloaded = true; }")

    page.evaluate(
        "() => { window.holdOffline = true; window.openSockets.forEach(s => s.close()); }"
    )
    page.locator("[data-moderation-queue][data-live='off']").wait_for(timeout=5_000)
    item = asgi_server.run_in_server(
        services.submit_text,
        text="The new youth club is brilliant",
        kind=ModeratedText.Kind.FEEDBACK,
    )
    assert page.locator(f"[data-item-id='{item.pk}']").count() == 0

    page.evaluate("() => { window.holdOffline = false; }")
    page.locator(f"[data-item-id='{item.pk}']").wait_for(timeout=15_000)
    page.locator("[data-count-value]").filter(has_text="1").wait_for(timeout=5_000)
    assert page.evaluate("() => window.notReloaded === true")
    asgi_pages.check_loaded_pages()
