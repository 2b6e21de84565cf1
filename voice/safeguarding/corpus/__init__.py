"""The labelled texts the safeguarding classifier learns from and is measured on.

Every text was written for this project by its team, in the voice of young
people and parents or carers (see README.md in this folder). One text a line;
lines starting with "#" are notes. `concern/<theme>.txt` holds disclosures of
one theme, `ordinary/*.txt` everyday feedback (much of it with dark or violent
idioms), `evaluation/` a separate hand-made set never used for training.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

# Found through the package, so the texts are read wherever it is installed
# (pyproject.toml ships them as package data).
HERE = resources.files(__name__)
ORDINARY = "ordinary"


def _texts_in(folder: str) -> list[Traversable]:
    """The `.txt` files of one corpus folder, in name order."""
    found = [
        entry for entry in (HERE / folder).iterdir() if entry.name.endswith(".txt")
    ]
    return sorted(found, key=lambda entry: entry.name)


def _lines(path: Traversable) -> list[str]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@lru_cache(maxsize=1)
def labelled() -> tuple[tuple[str, str], ...]:
    """(text, label) for the training corpus; the label is a theme or "ordinary"."""
    rows = [
        (text, path.name.removesuffix(".txt"))
        for path in _texts_in("concern")
        for text in _lines(path)
    ]
    rows += [
        (text, ORDINARY) for path in _texts_in("ordinary") for text in _lines(path)
    ]
    return tuple(rows)


def evaluation() -> list[tuple[str, str]]:
    """(text, label) for the separate hand-made evaluation set."""
    rows = [(text, "concern") for text in _lines(HERE / "evaluation" / "concern.txt")]
    rows += [(text, ORDINARY) for text in _lines(HERE / "evaluation" / "ordinary.txt")]
    return rows


def personal_details(name: str = "personal_details.csv") -> list[dict]:
    """Texts with the personal details in them: text, kind, detail (one row each)."""
    with (HERE / "evaluation" / name).open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["text"].strip()]


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Every word in the corpus, lower case: how the normaliser knows a real word."""
    words: set[str] = set()
    for text, _label in labelled():
        words.update(re.findall(r"[a-z]+", text.lower().replace("'", "")))
    return frozenset(words)
