"""One-time sign-in codes: short, unguessable, easy to read aloud and type on a phone."""

import hashlib
import secrets

# No 0/O, 1/I/L, 5/S, 2/Z, 8/B: letters and digits that are never mistaken.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
GROUPS = 3
GROUP_LENGTH = 4


def new_code() -> str:
    """A code like `KXTR-9MPA-4HCW` (about 56 bits of randomness)."""
    groups = [
        "".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH))
        for _ in range(GROUPS)
    ]
    return "-".join(groups)


def normalise(code: str) -> str:
    """Accept what people type: any case, spaces or no dashes."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(
        cleaned[i : i + GROUP_LENGTH] for i in range(0, len(cleaned), GROUP_LENGTH)
    )


def hash_code(code: str) -> str:
    return hashlib.sha256(normalise(code).encode()).hexdigest()
