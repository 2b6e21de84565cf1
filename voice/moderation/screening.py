"""Screening of free text before any person reads it.

Safeguarding phrase matching is cheap and runs as the text arrives, so the
child sees the right message at once and the alert goes out at once. The
offensive-language model and the personal-details patterns cost more and run
after the response, in a background task (see `tasks.py`).

Every function here is pure apart from reading the phrase list: text in,
findings out. Findings are spans (`start`, `end` as character offsets) so the
moderator's page can mark them and a redaction can replace them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

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


# --- Personal details --------------------------------------------------------


class DetailKind:
    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    POSTCODE = "postcode"
    SCHOOL = "school"
    CASE_DETAIL = "case_detail"


DETAIL_LABELS = {
    DetailKind.NAME: "name",
    DetailKind.PHONE: "phone number",
    DetailKind.EMAIL: "email address",
    DetailKind.ADDRESS: "address",
    DetailKind.POSTCODE: "postcode",
    DetailKind.SCHOOL: "school",
    DetailKind.CASE_DETAIL: "offence or case detail",
}

_NAME = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
# Words that start sentences or are capitalised for other reasons; a pair made
# of these is not a person's name.
_NOT_NAMES = {
    "I", "The", "My", "Me", "We", "You", "He", "She", "They", "It", "This", "That",
    "And", "But", "So", "Then", "When", "If", "In", "On", "At", "To", "Of", "For",
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December",
    "Youth", "Justice", "Service", "Court", "Team", "Inspire", "Programme", "Road",
    "Street", "Lane", "Avenue", "School", "Academy", "College", "Police", "Station",
    "Christmas", "Easter", "English", "British", "God", "Thank", "Thanks", "Hi",
    "Hello", "Yes", "No", "Please", "Sorry", "Ok", "Okay", "Its", "Im",
}  # fmt: skip
_PATTERNS: list[tuple[str, re.Pattern]] = [
    (
        DetailKind.EMAIL,
        re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"),
    ),
    (
        DetailKind.PHONE,
        # UK numbers: 07… mobiles, 01/02/03 landlines, with +44 or spaces.
        re.compile(
            r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|0)(?:7\d{3}|[1-3]\d{2,4})[\s-]?\d{3}[\s-]?\d{3,4}(?!\w)"
        ),
    ),
    (
        DetailKind.POSTCODE,
        re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b", re.IGNORECASE),
    ),
    (
        DetailKind.ADDRESS,
        re.compile(
            r"\b\d{1,4}[a-zA-Z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}"
            r"(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|"
            r"Court|Place|Gardens|Grove|Terrace|Hill|Park|Walk|Row|Square|Mews)\b",
        ),
    ),
    (
        DetailKind.SCHOOL,
        re.compile(
            rf"\b(?:(?:St\.?|Saint)\s+)?(?:{_NAME}\s+){{1,4}}"
            r"(?:Primary\s+|Secondary\s+|High\s+|Grammar\s+|Community\s+)?"
            r"(?:School|Academy|College|Pupil Referral Unit|PRU)\b"
        ),
    ),
    (
        DetailKind.NAME,
        # A name after a cue: "my name is Jo", "I'm called Sam Smith", "my worker Dave".
        re.compile(
            r"(?i:\b(?:my name is|my name's|i am called|i'm called|im called|call me|"
            r"my (?:worker|mum|mom|dad|brother|sister|friend|teacher|social worker|"
            r"case worker|girlfriend|boyfriend|cousin|nan|gran)(?: is)?))\s+"
            rf"({_NAME}(?:\s+{_NAME})?)"
        ),
    ),
    (
        DetailKind.CASE_DETAIL,
        re.compile(
            r"(?i)\b(?:(?:court|case|crime|police|custody|reference|ref)\s*"
            r"(?:number|no\.?|ref(?:erence)?)(?:\s+is)?\s*:?\s*(?=[A-Z/-]*\d)[A-Z0-9/-]{4,}"
            r"|(?:arrested|charged|convicted|sentenced|remanded|cautioned)\s+for\s+"
            r"[a-z]+(?:\s+[a-z]+){0,3}"
            r"|(?:on|got|given)\s+(?:a\s+)?(?:tag|curfew|youth rehabilitation order|"
            r"YRO|referral order|DTO|detention and training order)"
            r"|(?:in|at)\s+[A-Z][a-z]+\s+(?:Youth|Magistrates'?|Crown)\s+Court)"
        ),
    ),
]
_NAME_PAIR = re.compile(rf"\b({_NAME})\s+({_NAME})\b")


def find_personal_details(text: str) -> list[dict]:
    """Names, phone numbers, emails, addresses, postcodes, schools and case details, as spans.

    Overlapping findings are merged so that the earliest, then longest, wins.
    """
    found: list[dict] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            group = 1 if kind == DetailKind.NAME else 0
            found.append(
                {
                    "start": match.start(group),
                    "end": match.end(group),
                    "kind": kind,
                    "text": match.group(group),
                }
            )
    for match in _NAME_PAIR.finditer(text):
        first, last = match.group(1), match.group(2)
        if first in _NOT_NAMES or last in _NOT_NAMES:
            continue
        found.append(
            {
                "start": match.start(),
                "end": match.end(),
                "kind": DetailKind.NAME,
                "text": match.group(),
            }
        )
    return _without_overlaps(found)


def _without_overlaps(spans: list[dict]) -> list[dict]:
    kept: list[dict] = []
    for span in sorted(spans, key=lambda s: (s["start"], -(s["end"] - s["start"]))):
        if kept and span["start"] < kept[-1]["end"]:
            continue
        kept.append(span)
    return kept


def propose_redaction(text: str, personal_details: list[dict]) -> str:
    """The text with each personal detail replaced by a plain marker, e.g. "[name]"."""
    parts = []
    position = 0
    for span in sorted(personal_details, key=lambda s: s["start"]):
        if span["start"] < position:
            continue
        parts.append(text[position : span["start"]])
        parts.append(f"[{DETAIL_LABELS.get(span['kind'], 'removed')}]")
        position = span["end"]
    parts.append(text[position:])
    return "".join(parts)


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
