"""Safeguarding phrases, written in plain words, compiled to patterns over normalised text.

A phrase the safeguarding lead types in the admin is plain words:

- each word also matches its usual forms: "hit me" finds "hits me",
  "hitting me"; "make me sell" finds "made me sell", "makes me sell";
- "a/b/c" is any one of the words: "punch/slap/kick me";
- "..." is a gap of up to three words: "throw ... at me" finds "throws
  stuff at me";
- text-speak in the phrase is read the same way as in the text ("dont" and
  "don't" are both "do not").

A phrase of kind "pattern" is a regular expression over the normalised text,
for the rare case plain words cannot say it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from voice.safeguarding.normalise import normalise
from voice.safeguarding.starter_lists import IDIOMS, PHRASES

GAP = r"(?: [a-z0-9]+){0,3}"
IDIOM = "idiom"
GUARDED = "everydayphrase"
_NEGATIONS = {"not", "never", "nobody", "nothing", "no"}
_CLAUSE_BREAKS = {"and", "but", "so", "because", "when", "then", "if", "or"}

# Words that take no endings: "me" must not match "mes", "my" not "mys".
_FIXED = {
    "i", "me", "my", "you", "your", "he", "him", "his", "she", "her", "it", "we",
    "us", "our", "they", "them", "their", "a", "an", "the", "to", "at", "in",
    "on", "of", "for", "and", "or", "is", "am", "are", "was", "not", "no", "so",
    "up", "off", "out", "down", "with", "by", "if", "do", "all", "any", "more",
    "nobody", "myself", "yourself", "himself", "herself", "alone", "home",
}  # fmt: skip
_IRREGULAR = {
    "make": ["made"], "take": ["took", "taken"], "throw": ["threw", "thrown"],
    "beat": ["beaten"], "give": ["gave", "given"], "send": ["sent"],
    "tell": ["told"], "keep": ["kept"], "hold": ["held"], "sell": ["sold"],
    "run": ["ran"], "drive": ["drove", "driven"], "feel": ["felt"],
    "leave": ["left"], "get": ["got", "gotten"], "say": ["said"],
    "buy": ["bought"], "bring": ["brought"], "catch": ["caught"],
    "fight": ["fought"], "sleep": ["slept"], "die": ["died", "dying", "dies"],
    "lie": ["lying", "lay"], "shoot": ["shot"], "steal": ["stole", "stolen"],
    "hit": ["hit"], "hurt": ["hurt"], "cut": ["cut"], "put": ["put"],
    "go": ["went", "gone", "goes"], "come": ["came"], "see": ["saw", "seen"],
    "do": ["did", "done", "does"], "have": ["had", "has"], "is": ["was"],
    "wake": ["woke"], "hide": ["hid", "hidden"], "choke": ["choked"],
    "strangle": ["strangled"], "burn": ["burnt"], "meet": ["met"],
    "fall": ["fell"], "swear": ["swore"], "know": ["knew", "known"],
}  # fmt: skip


def word_forms(word: str) -> set[str]:
    """A word and its usual endings: plural, past, -ing, -er."""
    if word in _FIXED or len(word) < 3 or not word.isalpha():
        return {word}
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "er"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing", word + "r"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if re.fullmatch(r".*[^aeiou][aeiou][bdgklmnprt]", word):
        last = word[-1]
        forms |= {word + last + "ed", word + last + "ing", word + last + "er"}
    forms.update(_IRREGULAR.get(word, []))
    return forms


def _alternatives(raw: str) -> str:
    options = []
    for choice in raw.split("/"):
        words = normalise(choice).split()
        if not words:
            continue
        options.append(
            " ".join(
                "(?:" + "|".join(sorted(map(re.escape, word_forms(w)))) + ")"
                for w in words
            )
        )
    return "(?:" + "|".join(options) + ")" if options else ""


def compile_words(phrase: str) -> re.Pattern:
    """A plain-words phrase as a pattern over normalised text (see the module's docs)."""
    body = ""
    for raw in phrase.lower().replace("…", "...").split():
        if raw == "...":
            body += GAP if body else ""
            continue
        piece = _alternatives(raw)
        if piece:
            body += (" " if body else "") + piece
    return re.compile(rf"(?<= ){body}(?= )")


@dataclass(frozen=True)
class CompiledPhrase:
    phrase: str
    theme: str
    pattern: re.Pattern

    @property
    def is_idiom(self) -> bool:
        return self.theme == IDIOM


@lru_cache(maxsize=8)
def compile_phrases(
    rows: tuple[tuple[str, str, str], ...],
) -> tuple[CompiledPhrase, ...]:
    """(phrase, theme, kind) rows compiled once; the cache holds the last few lists."""
    compiled = []
    for phrase, theme, kind in rows:
        try:
            pattern = re.compile(phrase) if kind == "pattern" else compile_words(phrase)
        except re.error:
            continue  # the admin form refuses these; an old bad row is skipped
        compiled.append(CompiledPhrase(phrase=phrase, theme=theme, pattern=pattern))
    return tuple(compiled)


def check_pattern(phrase: str, kind: str) -> str | None:
    """Why a phrase cannot be used, in words for the admin form, or None."""
    try:
        pattern = re.compile(phrase) if kind == "pattern" else compile_words(phrase)
    except re.error as error:
        return f"This is not a pattern we can read: {error}."
    if pattern.search("  "):
        return "This would match every text. Add some words."
    return None


def starter_phrases() -> tuple[CompiledPhrase, ...]:
    """The starter lists compiled, as a new site has them (used for measuring)."""
    rows = [
        (phrase, theme, "words")
        for theme, phrases in [*PHRASES.items(), (IDIOM, IDIOMS)]
        for phrase in phrases
    ]
    return compile_phrases(tuple(rows))


def _negated(plain: str, start: int) -> bool:
    """A "not", "never" or "nobody" up to three words before, in the same clause."""
    for word in reversed(plain[:start].split()[-3:]):
        if word in _CLAUSE_BREAKS:
            return False
        if word in _NEGATIONS:
            return True
    return False


def find_phrases(
    plain: str, phrases: tuple[CompiledPhrase, ...]
) -> tuple[list[tuple[CompiledPhrase, str]], str]:
    """(phrase, the words it matched) for each phrase found, and what is left to read.

    A match inside an everyday idiom, or just after a negation in the same
    clause, does not count. What is left is the text with those idioms and
    negated matches taken out: the classifier reads that, so "i nearly died
    laughing" is read as "i laughing" and "he never hits me" as "he never".
    """
    guarded = [
        found.span()
        for phrase in phrases
        if phrase.is_idiom
        for found in phrase.pattern.finditer(plain)
    ]
    hits: list[tuple[CompiledPhrase, str]] = []
    for phrase in phrases:
        if phrase.is_idiom:
            continue
        for found in phrase.pattern.finditer(plain):
            start, end = found.span()
            if any(s <= start and end <= e for s, e in guarded):
                continue
            if _negated(plain, start):
                guarded.append((start, end))
                continue
            hits.append((phrase, found.group().strip()))
            break
    remaining = plain
    for start, end in sorted(guarded, reverse=True):
        remaining = remaining[:start] + f" {GUARDED} " + remaining[end:]
    return hits, remaining
