"""Certificate references: random, unguessable, easy to read off paper and type.

A reference is 10 characters shown as `XXXX-XXXX-XX`: about 49 bits of
randomness, so with the limit on the check page nobody finds a real one by
guessing. A college or employer reads it off a printed page, so the alphabet
keeps one of each pair of look-alikes (0 not O, 1 not I or L, 2 not Z, 5 not
S, 8 not B) and what someone types is read as the one kept.
"""

import secrets

ALPHABET = "0123456789ACDEFGHJKMNPQRTUVWXY"
LENGTH = 10
GROUPS = (4, 4, 2)
EXAMPLE = "7KQ4-M9XA-3F"  # a reference as the site makes them, for hints
LOOK_ALIKES = str.maketrans(
    {"O": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "B": "8"}
)
MAX_TYPED = 40  # longer than any reference typed with spaces and dashes


def new_reference() -> str:
    """A fresh random reference like `7KQ4-M9XA-3F`."""
    return format_reference("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def format_reference(characters: str) -> str:
    groups, start = [], 0
    for size in GROUPS:
        groups.append(characters[start : start + size])
        start += size
    return "-".join(groups)


def normalise_reference(typed: str) -> str | None:
    """The stored form of what someone typed, or None if it cannot be a reference.

    Any case, spaces and dashes are accepted, and look-alikes are read as the
    character kept: ` 7kq4 m9xa 3f ` and `7KQ4M9XA3F` find `7KQ4-M9XA-3F`.
    """
    characters = "".join(ch for ch in typed.upper() if ch not in " -").translate(
        LOOK_ALIKES
    )
    if len(characters) != LENGTH or any(ch not in ALPHABET for ch in characters):
        return None
    return format_reference(characters)
