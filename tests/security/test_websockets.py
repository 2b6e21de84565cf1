"""Every websocket route: only the site's own origin, only people allowed, and a bad
message closes that socket alone.

Parametrised over `config.routing.websocket_urlpatterns`, so each app's
routes are checked as they are added. A route with URL parameters takes its
path from `WEBSOCKET_SAMPLES = {"route pattern": maker(people) -> path}` in a
`tests/<app>/access_samples.py`. A route named with an access rule that is
`Public()` may be opened anonymously; every other route must refuse an
anonymous visitor (fail closed).
"""

import importlib
import json
import re
from importlib import import_module
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from accounts import roles
from accounts.access import Outcome, rule_for
from config.routing import websocket_urlpatterns

OWN_ORIGIN = b"http://localhost"
FOREIGN_ORIGIN = b"https://evil.example"
OVERSIZED = "x" * (1024 * 1024)


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
    """The ASGI application as production builds it, with a real host list.

    Test settings allow every host, and the origin check is built from
    ALLOWED_HOSTS when config.asgi is imported, so it is rebuilt here.
    """
    settings.ALLOWED_HOSTS = ["localhost"]
    import config.asgi

    importlib.reload(config.asgi)
    yield
    settings.ALLOWED_HOSTS = ["*"]
    importlib.reload(config.asgi)


def application():
    import config.asgi

    return config.asgi.application


async def connect(path, user=None, origin=OWN_ORIGIN):
    communicator = WebsocketCommunicator(
        application(), path, headers=[(b"origin", origin), (b"host", b"localhost")]
    )
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
