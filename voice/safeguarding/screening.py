"""Screening of free text before any person reads it: one pipeline for every text.

`screen(text)` is the one door: feedback, survey answers, board texts, event
sign-up notes and the "I don't feel safe" message all go through it. It is
pure apart from reading the phrase list (text in, findings out) and costs a
few milliseconds, so it runs as the text arrives: the child sees the right
message at once and the alert goes out at once.

Two signals decide whether a text is a concern:

1. safeguarding phrases (editable in the admin), matched on the normalised
   text (text-speak, misspellings and word forms, see `normalise.py` and
   `phrases.py`), skipping a match inside an everyday idiom ("nearly died
   laughing") or just after a negation ("he never hits me");
2. a classifier trained on the corpus in `corpus/` (see `classifier.py`),
   which catches what no phrase names.

The offensive-language model costs more and runs after the response, in a
background task (see `tasks.py`), with the personal details for redaction.
Findings are spans (`start`, `end` as character offsets) so the moderator's
page can mark them and a redaction can replace them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from voice.safeguarding.classifier import Classifier, get_classifier
from voice.safeguarding.details import (  # noqa: F401 - the moderation pages use them from here
    DETAIL_LABELS,
    DetailKind,
    find_personal_details,
    propose_redaction,
)
from voice.safeguarding.models import SafeguardingPhrase
from voice.safeguarding.normalise import normalise
from voice.safeguarding.phrases import CompiledPhrase, compile_phrases, find_phrases

THEME_LABELS = dict(SafeguardingPhrase.Category.choices)
URGENT_THEMES = {"suicide", "self_harm", "sexual_harm"}


class Risk:
    NONE = "none"
    CONCERN = "concern"
    URGENT = "urgent"


@dataclass(frozen=True)
class PhraseMatch:
    phrase: str
    category: str
    why: str = ""

    def as_dict(self) -> dict:
        return {"phrase": self.phrase, "category": self.category, "why": self.why}


def theme_label(theme: str) -> str:
    return str(THEME_LABELS.get(theme, theme))


@dataclass(frozen=True)
class Findings:
    """What screening found in one text."""

    matches: tuple[PhraseMatch, ...] = ()
    score: float = 0.0
    likely_theme: str = ""
    personal_details: list[dict] = field(default_factory=list)
    proposed_redaction: str = ""

    @property
    def is_concern(self) -> bool:
        return bool(self.matches)

    @property
    def themes(self) -> list[str]:
        return sorted({match.category for match in self.matches})

    @property
    def risk(self) -> str:
        if not self.matches:
            return Risk.NONE
        if set(self.themes) & URGENT_THEMES:
            return Risk.URGENT
        return Risk.CONCERN

    @property
    def why(self) -> list[str]:
        return [match.why for match in self.matches]


PHRASES_CACHE_KEY = "safeguarding:active-phrases"
PHRASES_CACHE_SECONDS = 60 * 60  # a safety net: every change drops the key


def active_phrases() -> tuple[CompiledPhrase, ...]:
    """The admin's active phrases, compiled (again only when the list changed).

    Every text the platform takes is screened against them, so the rows are
    kept in Django's cache, shared by every worker, instead of read from the
    database on each post. A change to the list (or a migrate) drops the cached rows at once
    and again when it commits, so no worker keeps screening with an old list
    (one that read the rows between the save and the commit reads them again).
    """
    rows = cache.get(PHRASES_CACHE_KEY)
    if rows is None:
        rows = tuple(
            SafeguardingPhrase.objects.filter(active=True)
            .order_by("pk")
            .values_list("phrase", "category", "kind")
        )
        cache.set(PHRASES_CACHE_KEY, rows, PHRASES_CACHE_SECONDS)
    return compile_phrases(rows)


def forget_phrases(**kwargs) -> None:
    cache.delete(PHRASES_CACHE_KEY)


def _phrases_changed(**kwargs) -> None:
    forget_phrases()
    transaction.on_commit(forget_phrases)


def connect_signals() -> None:
    for signal in (post_save, post_delete):
        signal.connect(
            _phrases_changed,
            sender=SafeguardingPhrase,
            dispatch_uid=f"forget-phrases-{signal is post_save}",
        )
    # Data migrations write phrases without model signals.
    post_migrate.connect(forget_phrases, dispatch_uid="forget-phrases-migrated")


def screen(
    text: str,
    *,
    known_names: tuple[str, ...] | list[str] = (),
    phrases: tuple[CompiledPhrase, ...] | None = None,
    classifier: Classifier | None = None,
    with_details: bool = False,
) -> Findings:
    """Every safeguarding signal in a text; with `with_details`, personal details too.

    `known_names` (people's names the site knows) help find names written in
    lower case. `phrases` defaults to the admin's active list and `classifier`
    to the one trained on the corpus (measuring passes others).
    """
    plain = normalise(text)
    if phrases is None:
        phrases = active_phrases()
    hits, remaining = find_phrases(plain, phrases)
    matches = [
        PhraseMatch(
            phrase=phrase.phrase,
            category=phrase.theme,
            why=f"{theme_label(phrase.theme)}: the words “{words}”",
        )
        for phrase, words in hits
    ]
    classifier = classifier or get_classifier()
    reading = classifier.read_normalised(remaining) if remaining.strip() else None
    score = reading.score if reading else 0.0
    theme = reading.theme if reading else ""
    if not matches and reading and score >= classifier.threshold:
        label = theme_label(theme)
        matches.append(
            PhraseMatch(
                phrase="",
                category=theme,
                why=f"{label}: reads like messages about this (score {score:.2f})",
            )
        )
    details: list[dict] = []
    redaction = ""
    if with_details:
        details = find_personal_details(text, known_names=known_names)
        redaction = propose_redaction(text, details) if details else ""
    return Findings(
        matches=tuple(matches),
        score=score,
        likely_theme=theme,
        personal_details=details,
        proposed_redaction=redaction,
    )


def match_safeguarding_phrases(text: str) -> list[PhraseMatch]:
    """Every reason the text is a concern: phrase matches, or the classifier's reading."""
    return list(screen(text).matches)


# --- Offensive language ----------------------------------------------------

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'*@$!]*[A-Za-z*@$!]|[A-Za-z]")


def find_offensive_words(text: str) -> list[dict]:
    """Words the offensive-language model scores as offensive, as spans.

    The model (alt-profanity-check) ships inside the package and needs no
    network. It is asked about the whole text first, so the common case (a
    clean message) costs one prediction, then about each distinct word.
    """
    from profanity_check import predict

    if not text.strip() or not predict([text])[0]:
        return []
    words = [
        (match.start(), match.end(), match.group()) for match in WORD_RE.finditer(text)
    ]
    distinct = sorted({word.lower() for _, _, word in words})
    if not distinct:
        return []
    flagged = {
        word
        for word, offensive in zip(distinct, predict(distinct), strict=True)
        if offensive
    }
    return [
        {"start": start, "end": end, "word": word}
        for start, end, word in words
        if word.lower() in flagged
    ]


# --- Personal details: see details.py ---------------------------------------


def highlight(
    text: str, offensive_words: list[dict], personal_details: list[dict]
) -> SafeString:
    """The text as HTML with offensive words and personal details marked.

    Every piece of the writer's text is escaped; only our own `<mark>` tags are
    added around the spans, so nothing they typed can become markup.
    """
    spans = [
        {**span, "css": "flag-offensive", "label": "offensive"}
        for span in offensive_words
    ] + [
        {
            **span,
            "css": "flag-personal",
            "label": DETAIL_LABELS.get(span.get("kind"), "personal detail"),
        }
        for span in personal_details
    ]
    parts = []
    position = 0
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        start, end = int(span["start"]), int(span["end"])
        if start < position or end > len(text) or start >= end:
            continue
        parts.append(escape(text[position:start]))
        parts.append(
            f'<mark class="{span["css"]}" title="{escape(span["label"])}">'
            f"{escape(text[start:end])}"
            f'<span class="visually-hidden"> ({escape(span["label"])})</span></mark>'
        )
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part above is escaped
