"""Locks after wrong passwords: per address and account, short, and liftable.

allauth counts failed sign-ins against a key (`login_failed` in
`ACCOUNT_RATE_LIMITS`). Keyed on the username alone, anyone anywhere could
keep a young person locked out by typing wrong passwords for them. The key
here is the username, the address the attempts come from, and the account's
lock generation: wrong passwords from one place lock that place out of that
account for a few minutes, nobody else; and the young person's case worker
can lift a lock at once by starting a new generation, which leaves every
earlier count behind.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache

# Longer than any `login_failed` window, so a lifted lock cannot come back.
GENERATION_SECONDS = 24 * 60 * 60


def _generation_key(login: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{login.lower()}".encode())
    return f"sign-in-lock-generation:{digest.hexdigest()[:32]}"


def lock_generation(login: str) -> str:
    return cache.get(_generation_key(login), "0")


def lift_lock(login: str) -> None:
    """Forget every wrong password counted for this account, from everywhere."""
    cache.set(_generation_key(login), secrets.token_hex(8), GENERATION_SECONDS)


def failed_sign_in_key(*, account_key: str, login: str, address: str) -> str:
    """allauth's key for the account, narrowed to this address and lock generation."""
    return f"{account_key}:{lock_generation(login)}:{address}"
