"""A member whose phone lost its connection sees the votes cast meanwhile, without reloading."""

import pytest

from tests.browser.test_board_journey import (  # noqa: F401 (fixtures)
    asgi_server,
    expect_count,
    open_meeting,
    pages,
    sign_in,
)

pytestmark = pytest.mark.live

# Keeps each socket the page opens, and while `window.holdOffline` is set
# sends the page's new sockets to a port where nothing answers, as when a
# phone has no signal: the page keeps retrying on its own.
SOCKETS_YOU_CAN_DROP = """
(() => {
  const RealSocket = window.WebSocket;
  window.openSockets = [];
  window.holdOffline = false;
  function Socket(url, protocols) {
    const target = window.holdOffline ? "ws://127.0.0.1:9/" : url;
    const socket = new RealSocket(target, protocols);
    window.openSockets.push(socket);
    return socket;
  }
  Socket.prototype = RealSocket.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach((name) => {
    Socket[name] = RealSocket[name];
  });
  window.WebSocket = Socket;
})();
"""


def test_a_member_back_online_sees_the_votes_cast_while_offline(pages):  # noqa: F811
    question = "Should we have a pizza evening after the next meeting?"
    chair = pages.new_page(phone=True)
    sign_in(chair, "board1")
    open_meeting(chair)
    chair.get_by_label("Question or proposal").fill(question)
    chair.get_by_role("button", name="Open voting").click()
    chair.wait_for_selector(f"text={question}")
    chair.wait_for_selector("[data-live-status]:not([hidden])")

    member = pages.new_page(phone=True)
    member.add_init_script(SOCKETS_YOU_CAN_DROP)
    sign_in(member, "board2")
    open_meeting(member)
    member.evaluate("() => { window.notReloaded = true; }")

    member.evaluate(
        "() => { window.holdOffline = true; window.openSockets.forEach(s => s.close()); }"
    )
    member.wait_for_selector("[data-live-status][hidden]", state="attached")
    chair_box = chair.locator("[data-question]", has_text=question)
    chair_box.get_by_role("button", name="Yes", exact=True).click()
    expect_count(chair, question, "yes", "1")
    box = member.locator("[data-question]", has_text=question)
    assert box.locator('[data-count="yes"]').inner_text().strip() == "0"

    member.evaluate("() => { window.holdOffline = false; }")
    expect_count(member, question, "yes", "1")
    assert member.evaluate("() => window.notReloaded === true")
    pages.check_loaded_pages()
