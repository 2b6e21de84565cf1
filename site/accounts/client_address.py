"""The one place that says which address a request came from.

Every per-address limit (allauth's sign-in, sign-up and reset limits through
`AccountAdapter.get_client_ip`, and the site's own limits on feedback,
receipt checks, surveys, ratings and the "I don't feel safe" button) asks
this module, so they all agree.

`X-Forwarded-For` is a header anyone can write. It is read only when the
deployment declares how many proxies of its own stand in front of the site
(`ALLAUTH_TRUSTED_PROXY_COUNT`, set from the `TRUSTED_PROXY_COUNT`
environment variable, the setting allauth reads too). Each trusted proxy
appends the address it saw, so the client is the entry that many places from
the right; anything further left was written by the client and is ignored.
With no trusted proxy (the default) the header is ignored and the address is
the one the connection came from.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest

# A client that may rotate through a whole IPv6 network counts as one.
IPV6_LIMIT_PREFIX = 64
UNKNOWN = "unknown"


def parsed_address(value: str) -> str | None:
    """`value` as a plain IP address (a port or IPv6 brackets removed), or None."""
    value = value.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def trusted_proxy_count() -> int:
    return max(int(getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0) or 0), 0)


def client_address(request: HttpRequest) -> str:
    """The client's address as our own proxies saw it; never a value the client chose."""
    connected_from = parsed_address(request.META.get("REMOTE_ADDR", "") or "")
    proxies = trusted_proxy_count()
    forwarded_for = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded_for:
        hops = [hop.strip() for hop in forwarded_for.split(",")]
        # Fewer hops than proxies: the request skipped some of them, and the
        # leftmost entry is still one a trusted proxy appended.
        seen_by_proxy = parsed_address(hops[-min(proxies, len(hops))])
        if seen_by_proxy:
            return seen_by_proxy
    return connected_from or UNKNOWN


def address_for_limits(request: HttpRequest) -> str:
    """The client address, with an IPv6 address widened to the network it belongs to."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        network = ipaddress.ip_network(f"{parsed}/{IPV6_LIMIT_PREFIX}", strict=False)
        return str(network.network_address)
    return address
