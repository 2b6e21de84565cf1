"""Receipt codes: short, unguessable, easy to read aloud, write down and type.

A code is 8 characters from an alphabet with no look-alikes, shown as two
groups of four (`KXTR-9MPA`): about 37 bits of randomness, so with the rate
limits on the check page nobody can find someone else's code by guessing.
"""

import secrets

from accounts.sign_in_codes import ALPHABET

GROUPS = 2
GROUP_LENGTH = 4
CODE_LENGTH = GROUPS * GROUP_LENGTH


def new_receipt_code() -> str:
    """A fresh random code like `KXTR-9MPA`."""
    characters = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return format_code(characters)


def format_code(characters: str) -> str:
    return "-".join(
        characters[i : i + GROUP_LENGTH]
        for i in range(0, len(characters), GROUP_LENGTH)
    )


EXAMPLE = "KXTR-9MPA"  # a code as the site makes them, for hints
# Characters the alphabet leaves out, because each looks like another one.
LOOK_ALIKES = "".join(sorted(set("0O1IL5S2Z8B") - set(ALPHABET)))


def look_alikes_in(typed: str) -> list[str]:
    """The left-out look-alike characters someone typed, in the order typed."""
    found = []
    for ch in typed.upper():
        if ch in LOOK_ALIKES and ch not in found:
            found.append(ch)
    return found


def normalise_receipt_code(typed: str) -> str | None:
    """The stored form of what someone typed, or None if it cannot be a code.

    Any case, spaces and dashes are accepted: ` kxtr 9mpa ` finds `KXTR-9MPA`.
    """
    characters = "".join(ch for ch in typed.upper() if ch.isalnum())
    if len(characters) != CODE_LENGTH or any(ch not in ALPHABET for ch in characters):
        return None
    return format_code(characters)
