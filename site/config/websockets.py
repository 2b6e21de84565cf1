"""What every websocket meets before its route: the origin check and unknown paths.

The origin check is Django's CSRF origin check (`CsrfViewMiddleware`) applied
to the websocket handshake: the page's `Origin` must be this site, scheme,
host and port alike (`http://127.0.0.1:9999` is not `http://127.0.0.1:8000`),
or one of `CSRF_TRUSTED_ORIGINS`. channels' own `AllowedHostsOriginValidator`
compares host names only, so any port on an allowed host passed it. Settings
are read on each handshake, so they can change without rebuilding the app.

A path no route knows is refused the same way (the handshake answers 403),
instead of channels' router raising an error for it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from channels.generic.websocket import AsyncWebsocketConsumer
from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.http.request import split_domain_port, validate_host
from django.urls import re_path
from django.utils.http import is_same_domain

from pages.consumers import CLOSE_UNKNOWN_PATH


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin1")
    return None


def _allowed_hosts() -> list[str]:
    allowed = list(settings.ALLOWED_HOSTS)
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]  # as Django's get_host()
    return allowed


def _is_secure(scope) -> bool:
    if scope.get("scheme") in ("wss", "https"):
        return True
    proxy_header = settings.SECURE_PROXY_SSL_HEADER
    if proxy_header:
        name, secure_value = proxy_header
        header = name.removeprefix("HTTP_").replace("_", "-").lower().encode()
        value = _header(scope, header)
        return value is not None and value.split(",", 1)[0].strip() == secure_value
    return False


def _own_origin(scope) -> str | None:
    """`scheme://host[:port]` of this request, if its host is one we serve."""
    host = None
    if settings.USE_X_FORWARDED_HOST:
        host = _header(scope, b"x-forwarded-host")
    host = host or _header(scope, b"host")
    if not host:
        return None
    domain, _port = split_domain_port(host)
    if not domain or not validate_host(domain, _allowed_hosts()):
        return None
    return f"{'https' if _is_secure(scope) else 'http'}://{host}"


def origin_is_allowed(scope) -> bool:
    """The handshake's Origin is this site's, or trusted, as Django's CSRF check decides."""
    origin = _header(scope, b"origin")
    if not origin or origin == "null":
        return False
    if origin == _own_origin(scope):
        return True
    trusted = settings.CSRF_TRUSTED_ORIGINS
    if origin in trusted:
        return True
    try:
        parsed = urlsplit(origin)
    except ValueError:
        return False
    # "https://*.example.org" trusts every subdomain, as in Django.
    return any(
        is_same_domain(parsed.netloc, netloc[netloc.index("*") + 1 :])
        for scheme, netloc in (urlsplit(entry)[:2] for entry in trusted)
        if "*" in netloc and scheme == parsed.scheme
    )


class SameOriginOnly:
    """ASGI middleware: a websocket from any other origin is refused at the handshake."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and not origin_is_allowed(scope):
            return await WebsocketDenier()(scope, receive, send)
        return await self.application(scope, receive, send)


class UnknownPathConsumer(AsyncWebsocketConsumer):
    """Refuses the handshake of a websocket to a path no route knows."""

    async def connect(self) -> None:
        await self.close(code=CLOSE_UNKNOWN_PATH)


# Last in the router: matches any path the apps' routes did not.
unknown_path = re_path(r"", UnknownPathConsumer.as_asgi())
