"""Anonymous paths leave no network address or user agent: not in logs, not in rows."""

import io
import logging
import secrets

import pytest
from django.apps import apps
from django.core import serializers
from django.test import Client

from privacy.log_filters import RemoveClientAddresses, remove_addresses
from voice.feedback.models import Feedback, Topic
from voice.moderation.models import ModeratedText

ADDRESS = "203.0.113.77"
FORWARDED = "198.51.100.23"
IPV6 = "2001:db8::5:77"
AGENT = "UniqueAgent/9.9 (TabletOS; tracking-me)"
CLIENT_DETAILS = {
    "REMOTE_ADDR": ADDRESS,
    "HTTP_X_FORWARDED_FOR": f"{FORWARDED}, {ADDRESS}",
    "HTTP_X_REAL_IP": ADDRESS,
    "HTTP_USER_AGENT": AGENT,
}


@pytest.fixture
def everything_logged(capfd):
    """Every line our configured handlers write, at every level, plus stderr/stdout."""
    root = logging.getLogger()
    buffer = io.StringIO()
    streams = []
    for handler in set(root.handlers + logging.getLogger("uvicorn").handlers):
        # The console handler from settings.LOGGING (not pytest's own).
        if any(isinstance(f, RemoveClientAddresses) for f in handler.filters):
            streams.append((handler, handler.setStream(buffer)))
    assert streams, "the console handler from settings.LOGGING is missing"
    old_level = root.level
    root.setLevel(logging.DEBUG)
    try:
        yield lambda: buffer.getvalue() + "".join(capfd.readouterr())
    finally:
        root.setLevel(old_level)
        for handler, stream in streams:
            handler.setStream(stream)


def assert_no_client_details(text: str) -> None:
    for detail in (ADDRESS, FORWARDED, IPV6, "UniqueAgent", "TabletOS"):
        assert detail not in text, f"{detail!r} was written: {text}"


def test_anonymous_posts_leave_no_address_or_user_agent_in_the_logs(
    db, home_page, everything_logged
):
    client = Client(**CLIENT_DETAILS)
    client.post("/feedback/", {"text": "Anonymous words", "topic": "1"})
    client.post("/accounts/login/", {"login": "nobody", "password": "wrong"})
    client.post("/accounts/code/", {"code": "AAAA-BBBB-CCCC"})
    client.post("/no-such-page/", {"text": "hello"})
    Client(enforce_csrf_checks=True, **CLIENT_DETAILS).post("/accounts/login/", {})
    written = everything_logged()
    assert "Not Found: /no-such-page/" in written  # the capture works
    assert "Forbidden (CSRF" in written
    assert_no_client_details(written)


def test_the_servers_own_request_lines_are_never_written(db, everything_logged):
    from daphne.management.commands.runserver import Command as DaphneRunserver

    details = {
        "method": "POST",
        "path": "/feedback/",
        "time_taken": 0.01,
        "client": f"{ADDRESS}:51234",
    }
    for status in (200, 404, 500):
        DaphneRunserver().log_action("http", "complete", {**details, "status": status})
    logging.getLogger("uvicorn.access").info(
        '%s - "%s %s HTTP/%s" %d', f"{ADDRESS}:51234", "POST", "/feedback/", "1.1", 404
    )
    logging.getLogger("gunicorn.access").warning("%s %s", ADDRESS, AGENT)
    logging.getLogger("django.server").warning('"POST /feedback/ HTTP/1.1" 404')
    # Servers name clients in other messages too; the address is taken out.
    logging.getLogger("uvicorn.error").info(
        '%s - "WebSocket %s" [accepted]', f"{ADDRESS}:51234", "/ws/board/"
    )
    logging.getLogger("daphne.http_protocol").warning(
        "HTTP %s request for %s", "POST", [IPV6, 51234]
    )
    written = everything_logged()
    assert '"WebSocket /ws/board/" [accepted]' in written
    assert "[address removed]" in written
    assert_no_client_details(written)


@pytest.mark.parametrize(
    "address",
    ["10.0.0.1", "203.0.113.77:8000", "::1", "2001:db8::5:77", "[2001:db8::1]:443"],
)
def test_the_log_filter_removes_any_ip_address(address):
    assert remove_addresses(f"client {address} connected") == (
        "client [address removed] connected"
    )


def test_the_log_filter_leaves_times_and_versions_alone():
    for text in ("at 12:30:05", "Django 5.2.19", "took 0.25 s", "HTTP/1.1"):
        assert remove_addresses(text) == text


def test_feedback_and_free_text_have_no_place_for_client_details():
    forbidden = {"ip", "agent", "address", "session", "remote", "useragent"}
    for model in (Feedback, ModeratedText):
        for field in model._meta.get_fields():
            words = set(field.name.lower().split("_"))
            assert not words & forbidden, f"{model.__name__}.{field.name}"


def test_anonymous_feedback_rows_hold_nothing_that_identifies_anyone(
    db, home_page, young_person, everything_logged
):
    """Through the real form: no address, user agent or session key in any row or log."""
    topic = Topic.objects.create(name="Quiet rooms")
    client = Client(**CLIENT_DETAILS)
    assert client.get("/feedback/").status_code == 200
    response = client.post(
        "/feedback/",
        {
            "speaker": "young_person",
            "topic": str(topic.pk),
            "feeling": "2",
            "text": "The waiting room is cold.",
            "share": "yes",
            "wants_reply": "yes",
            "submission_token": secrets.token_urlsafe(16),
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/feedback/thank-you/")
    client.get(response["Location"])
    session_key = client.session.session_key or ""

    item = Feedback.objects.get()
    assert item.moderated_text.text == "The waiting room is cold."
    assert item.author_id is None and item.supported_by_id is None
    assert item.moderated_text.author_id is None
    # Every row of every table: no address, no user agent, no session key.
    dump = "".join(
        serializers.serialize("json", model._default_manager.all())
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    )
    assert "The waiting room is cold." in dump  # the dump covers feedback
    assert_no_client_details(dump)
    if session_key:
        assert session_key not in serializers.serialize(
            "json", [item, item.moderated_text]
        )
    # Nor in anything written to the logs while it was given.
    written = everything_logged()
    assert_no_client_details(written)
    assert "The waiting room is cold." not in written
