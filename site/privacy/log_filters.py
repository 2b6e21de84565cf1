"""Keep network addresses out of every log line.

Anonymous feedback must leave no trace of who sent it, logs included. The
servers' access logs are switched off in settings, but some servers still
name the client in other messages (uvicorn's websocket lines, daphne's debug
lines); this filter, on every handler, takes any IP address out of the
message before it is written. Nothing here imports Django models: logging is
set up before apps load.
"""

import ipaddress
import logging
import re

REMOVED = "[address removed]"

_IPV4 = r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?![\d.])"
# Anything shaped like an IPv6 address (two or more colons), checked below.
_IPV6_CANDIDATE = (
    r"\[?[0-9A-Fa-f]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f.]*(?:%\w+)?\]?(?::\d{1,5})?"
)
ADDRESS = re.compile(f"{_IPV4}|{_IPV6_CANDIDATE}")
_IPV4_ALONE = re.compile(_IPV4)


def _is_address(token: str) -> bool:
    if token.startswith("["):
        token = token[1:].split("]", 1)[0]
    token = token.split("%", 1)[0]
    try:
        ipaddress.ip_address(token)
    except ValueError:
        return False
    return True


def _replace(match: re.Match) -> str:
    token = match.group(0)
    if _IPV4_ALONE.fullmatch(token) or _is_address(token):
        return REMOVED
    return token  # e.g. a time of day such as 12:30:05


def remove_addresses(text: str) -> str:
    return ADDRESS.sub(_replace, text)


class RemoveClientAddresses(logging.Filter):
    """Rewrite each record's message with IP addresses removed."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is still logged as it is
            return True
        cleaned = remove_addresses(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = ()
        return True
