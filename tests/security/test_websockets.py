"""Every websocket route: only the site's own origin, only people allowed, and a bad
message closes that socket alone.

Parametrised over `config.routing.websocket_urlpatterns`, so each app's
routes are checked as they are added. A route with URL parameters takes its
path from `WEBSOCKET_SAMPLES = {"route pattern": maker(people) -> path}` in a
`tests/<app>/access_samples.py`. A route named with an access rule that is
`Public()` may be opened anonymously; every other route must refuse an
anonymous visitor (fail closed).
"""

import json
import logging
import os
import re
from importlib import import_module
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from accounts import roles
from accounts.access import Outcome, rule_for
from config.routing import websocket_urlpatterns

OWN_ORIGIN = b"http://localhost"
FOREIGN_ORIGIN = b"https://evil.example"
OVERSIZED = "x" * (1024 * 1024)
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2")) * 10


def websocket_samples() -> dict:
    samples = {}
    for module_path in sorted(Path(__file__).parents[1].glob("*/access_samples.py")):
        module = import_module(f"tests.{module_path.parent.name}.access_samples")
        samples.update(getattr(module, "WEBSOCKET_SAMPLES", {}))
    return samples


ROUTES = [str(pattern.pattern) for pattern in websocket_urlpatterns]
NAMES = {str(p.pattern): getattr(p, "name", None) for p in websocket_urlpatterns}
needs_routes = pytest.mark.skipif(
    not ROUTES,
    reason="no websocket routes are mounted yet (config.routing.websocket_urlpatterns is empty)",
)
PARAMS = ROUTES or ["(none)"]


def path_for(route: str, people) -> str:
    samples = websocket_samples()
    if route in samples:
        return samples[route](people)
    if re.search(r"[<(\[\\?*+]", route):
        pytest.skip(
            f"{route} needs WEBSOCKET_SAMPLES in a tests/<app>/access_samples.py"
        )
    return "/" + route.lstrip("^").rstrip("$").lstrip("/")


@pytest.fixture(autouse=True)
def production_hosts(settings):
    """A real host list: test settings allow every host."""
    settings.ALLOWED_HOSTS = ["localhost"]
    settings.CSRF_TRUSTED_ORIGINS = []


def application():
    from config.asgi import application

    return application


async def connect(path, user=None, origin=OWN_ORIGIN, host=b"localhost"):
    headers = [(b"host", host)]
    if origin is not None:
        headers.append((b"origin", origin))
    communicator = WebsocketCommunicator(application(), path, headers=headers)
    if user is not None:
        communicator.scope["user"] = user
    connected, _ = await communicator.connect()
    return communicator, connected


def allowed_user(people):
    admin = people[roles.ADMINISTRATOR]
    admin.is_superuser = True
    admin.save()
    return admin


def open_to_anonymous(route: str) -> bool:
    name = NAMES.get(route)
    rule = rule_for(name, "") if name else None
    return bool(rule and rule.outcome_for(AnonymousUser()) is Outcome.ALLOW)


@needs_routes
@pytest.mark.parametrize("route", PARAMS)
@pytest.mark.django_db(transaction=True)
def test_a_foreign_origin_is_refused(route, people):
    path, user = path_for(route, people), allowed_user(people)

    async def scenario():
        communicator, connected = await connect(path, user, FOREIGN_ORIGIN)
        await communicator.disconnect()
        return connected

    assert not async_to_sync(scenario)()


@needs_routes
@pytest.mark.parametrize("route", PARAMS)
@pytest.mark.django_db(transaction=True)
def test_an_anonymous_visitor_is_refused_unless_the_route_is_public(route, people):
    if open_to_anonymous(route):
        pytest.skip(f"{route} is public by its access rule")
    path = path_for(route, people)

    async def scenario():
        communicator, connected = await connect(path, AnonymousUser())
        await communicator.disconnect()
        return connected

    assert not async_to_sync(scenario)()


@needs_routes
@pytest.mark.parametrize("route", PARAMS)
@pytest.mark.parametrize(
    "bad",
    ["{not json", "[]", json.dumps({"type": 5}), OVERSIZED],
    ids=["broken", "list", "wrong-type", "1MB"],
)
@pytest.mark.django_db(transaction=True)
def test_a_bad_message_closes_that_socket_and_no_other(route, bad, people, settings):
    settings.STAFF_MFA_REQUIRED = False  # MFA on sockets has its own tests
    user = allowed_user(people)
    path = path_for(route, people)

    async def scenario():
        bystander, ok = await connect(path, user)
        assert ok, f"{route} refused an administrator"
        sender, ok = await connect(path, user)
        assert ok
        await sender.send_to(text_data=bad)
        output = await sender.receive_output(timeout=3)
        while output["type"] == "websocket.send":  # an error message first is fine
            output = await sender.receive_output(timeout=3)
        assert output["type"] == "websocket.close"
        # The other socket got nothing, least of all a close.
        assert await bystander.receive_nothing(timeout=1)
        await bystander.disconnect()

    async_to_sync(scenario)()


@needs_routes
@pytest.mark.parametrize("route", PARAMS)
@pytest.mark.parametrize(
    "origin",
    [
        b"http://localhost:9999",
        b"https://localhost",
        b"ws://localhost",
        b"http://localhost.evil.example",
        b"http://evil.example",
        b"null",
        b"",
        None,
    ],
    ids=[
        "other-port",
        "other-scheme",
        "ws-scheme",
        "lookalike-host",
        "other-host",
        "null",
        "empty",
        "no-origin",
    ],
)
@pytest.mark.django_db(transaction=True)
def test_only_this_sites_exact_origin_may_open_a_socket(route, origin, people):
    path, user = path_for(route, people), allowed_user(people)

    async def scenario():
        communicator, connected = await connect(path, user, origin)
        await communicator.disconnect()
        return connected

    assert not async_to_sync(scenario)()


@needs_routes
@pytest.mark.django_db(transaction=True)
def test_the_origin_must_match_the_port_the_site_is_served_on(people, settings):
    settings.STAFF_MFA_REQUIRED = False
    path, user = path_for(ROUTES[0], people), allowed_user(people)

    async def scenario(origin):
        communicator, connected = await connect(
            path, user, origin, host=b"localhost:8000"
        )
        await communicator.disconnect()
        return connected

    assert async_to_sync(scenario)(b"http://localhost:8000")
    assert not async_to_sync(scenario)(b"http://localhost")
    assert not async_to_sync(scenario)(b"http://localhost:9999")


@needs_routes
@pytest.mark.django_db(transaction=True)
def test_trusted_origins_are_matched_like_djangos_csrf_check(people, settings):
    settings.STAFF_MFA_REQUIRED = False
    settings.ALLOWED_HOSTS = ["voice.example.org"]
    settings.CSRF_TRUSTED_ORIGINS = [
        "https://staff.example.org",
        "https://*.partners.example.org",
    ]
    path, user = path_for(ROUTES[0], people), allowed_user(people)

    async def scenario(origin):
        communicator, connected = await connect(
            path, user, origin, host=b"voice.example.org"
        )
        await communicator.disconnect()
        return connected

    assert async_to_sync(scenario)(b"http://voice.example.org")
    assert async_to_sync(scenario)(b"https://staff.example.org")
    assert async_to_sync(scenario)(b"https://youth.partners.example.org")
    assert not async_to_sync(scenario)(b"https://staff.example.org:8443")
    assert not async_to_sync(scenario)(b"http://youth.partners.example.org")
    assert not async_to_sync(scenario)(b"https://voice.example.org.evil.example")


@pytest.mark.django_db(transaction=True)
def test_a_host_the_site_does_not_serve_is_refused_whatever_the_origin(people):
    user = allowed_user(people)

    async def scenario():
        communicator, connected = await connect(
            "/ws/staff/moderation/", user, b"http://evil.example", host=b"evil.example"
        )
        await communicator.disconnect()
        return connected

    assert not async_to_sync(scenario)()


route_prefixes = sorted(
    {path_prefix for route in ROUTES for path_prefix in ["/" + route.split("<")[0]]}
)
odd_path_part = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "99999999999999999999999",
            "1e309",
            "%00",
            "%2e%2e/",
            "../../etc/passwd",
            "é" * 200,
            "\u202e",
            "x" * 5000,
            "?a=1&b",
        ]
    ),
    st.integers().map(str),
)
odd_websocket_path = st.one_of(
    odd_path_part.map(lambda part: "/" + part),
    st.tuples(st.sampled_from(route_prefixes or ["/ws/"]), odd_path_part).map(
        lambda parts: parts[0] + parts[1]
    ),
    st.tuples(
        st.sampled_from(route_prefixes or ["/ws/"]), odd_path_part, odd_path_part
    ).map(lambda parts: f"{parts[0]}{parts[1]}/{parts[2]}/"),
)


@pytest.mark.parametrize("who", ["anonymous", "administrator"])
@pytest.mark.django_db(transaction=True)
def test_an_odd_or_unknown_websocket_path_is_refused_without_an_error(
    who, people, settings, caplog
):
    settings.STAFF_MFA_REQUIRED = False
    user = AnonymousUser() if who == "anonymous" else allowed_user(people)

    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(path=odd_websocket_path)
    def probe(path):
        caplog.clear()

        async def scenario():
            communicator, connected = await connect(path, user)
            await communicator.disconnect()
            return connected

        with caplog.at_level(logging.WARNING):
            async_to_sync(scenario)()  # an error in the app is raised here
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert not errors, f"{path!r}: {errors[0].getMessage()}"

    probe()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/ws/",
        "/ws/nowhere/",
        "/ws/board/meetings/abc/",
        f"/ws/board/meetings/{2**63}/",
        f"/ws/board/meetings/{10**21}/",
        "/ws/staff/",
    ],
)
@pytest.mark.django_db(transaction=True)
def test_an_unknown_websocket_path_is_refused_at_the_handshake(path, people):
    user = allowed_user(people)

    async def scenario():
        communicator = WebsocketCommunicator(
            application(),
            path,
            headers=[(b"origin", OWN_ORIGIN), (b"host", b"localhost")],
        )
        communicator.scope["user"] = user
        connected, code = await communicator.connect()
        await communicator.disconnect()
        return connected, code

    assert async_to_sync(scenario)() == (False, 4404)
