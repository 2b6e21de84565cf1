"""Screening of free text before any person reads it.

Safeguarding phrase matching is cheap and runs as the text arrives, so the
child sees the right message at once and the alert goes out at once.
"""

import re
from dataclasses import dataclass

from voice.moderation.models import SafeguardingPhrase


@dataclass(frozen=True)
class PhraseMatch:
    phrase: str
    category: str

    def as_dict(self) -> dict:
        return {"phrase": self.phrase, "category": self.category}


def normalise_for_matching(text: str) -> str:
    """Lower case, with runs of spaces and punctuation made single spaces."""
    return " " + re.sub(r"[^\w']+", " ", text.lower()).strip() + " "


def match_safeguarding_phrases(text: str) -> list[PhraseMatch]:
    """Every active phrase found as whole words in the text."""
    haystack = normalise_for_matching(text)
    phrases = SafeguardingPhrase.objects.filter(active=True).values_list(
        "phrase", "category"
    )
    return [
        PhraseMatch(phrase=phrase, category=category)
        for phrase, category in phrases
        if normalise_for_matching(phrase) in haystack
    ]
