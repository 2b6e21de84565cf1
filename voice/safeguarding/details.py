"""Personal details in free text, as spans a moderator can redact.

Phone numbers through Google's libphonenumber (the `phonenumbers` package);
NHS numbers by their modulus-11 check digit; names in any case, after a cue
("my worker jade"), after a title ("Mrs Bell"), as a capitalised pair, or
because the site knows them; schools, social media handles, dates of birth,
emails, street addresses and UK postcodes by pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

import phonenumbers

from voice.safeguarding.corpus import vocabulary


class DetailKind:
    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    POSTCODE = "postcode"
    SCHOOL = "school"
    HANDLE = "handle"
    DATE_OF_BIRTH = "date_of_birth"
    NHS_NUMBER = "nhs_number"
    CASE_DETAIL = "case_detail"


DETAIL_LABELS = {
    DetailKind.NAME: "name",
    DetailKind.PHONE: "phone number",
    DetailKind.EMAIL: "email address",
    DetailKind.ADDRESS: "address",
    DetailKind.POSTCODE: "postcode",
    DetailKind.SCHOOL: "school",
    DetailKind.HANDLE: "social media name",
    DetailKind.DATE_OF_BIRTH: "date of birth",
    DetailKind.NHS_NUMBER: "NHS number",
    DetailKind.CASE_DETAIL: "offence or case detail",
}
# When two findings cover the same words, the more specific kind wins.
_PRIORITY = [
    DetailKind.NHS_NUMBER,
    DetailKind.EMAIL,
    DetailKind.HANDLE,
    DetailKind.PHONE,
    DetailKind.DATE_OF_BIRTH,
    DetailKind.POSTCODE,
    DetailKind.ADDRESS,
    DetailKind.SCHOOL,
    DetailKind.CASE_DETAIL,
    DetailKind.NAME,
]

_NAME = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
_ANY_NAME = r"[A-Za-z][a-z]+(?:[-'][A-Za-z]?[a-z]+)?"
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
_STREET = (
    r"(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Way|Crescent|Court|"
    r"Place|Gardens|Grove|Terrace|Hill|Park|Walk|Row|Square|Mews|View|Rise)"
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\s+\d{{4}}"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
_CUED_NAME = re.compile(
    r"(?i:\b(?:my name is|my names|my name's|i am called|i'm called|im called|"
    r"call me|"
    r"my (?:worker|yot worker|youth worker|key worker|mum|mom|dad|brother|sister|"
    r"friend|mate|teacher|social worker|case worker|girlfriend|boyfriend|"
    r"cousin|nan|gran|grandad|uncle|auntie|aunt|carer|foster carer|coach|mentor)"
    r"(?: is| called|,)?))\s+"
    rf"({_ANY_NAME}(?:\s+{_NAME})?)"
)
# Lower-case words nobody uses in ordinary feedback, after "with", "and"...:
# "i went with priya sharma".
_AFTER_WORDS = re.compile(
    r"(?i)\b(?:with|and|called|named|by|ask for|tell|told|asked|saw|seen)\s+"
    r"([a-z][a-z'-]{2,}(?:\s+[a-z][a-z'-]{2,})?)"
)
_TITLED = re.compile(r"\b(?i:mr|mrs|ms|miss|mx|dr|sir)\.?\s+[A-Za-z][A-Za-z'-]+")

_PATTERNS: list[tuple[str, re.Pattern]] = [
    (DetailKind.EMAIL, re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    (DetailKind.HANDLE, re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{2,30}\b")),
    (
        DetailKind.HANDLE,
        re.compile(
            r"(?i)\b(?:snap(?:chat)?|insta(?:gram)?|ig|tik ?tok|twitter|discord|"
            r"facebook|fb|psn|xbox|gamertag|youtube)(?:\s+name)?\s*(?:is|its|it's|:|=|-)?\s+"
            r"(?:@)?((?=[A-Za-z0-9_.]*[\d_.])[A-Za-z0-9_.]{3,30}|[A-Za-z][A-Za-z0-9]{2,29}(?=\s*$))"
        ),
    ),
    (
        DetailKind.DATE_OF_BIRTH,
        re.compile(
            r"(?i)\b(?:born(?: on)?|birthday(?: is)?|dob|d\.o\.b\.?|date of birth"
            rf"(?: is)?)\s*:?\s*({_DATE})"
        ),
    ),
    (
        DetailKind.POSTCODE,
        re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b", re.IGNORECASE),
    ),
    (
        DetailKind.ADDRESS,
        re.compile(
            rf"(?i:\b(?:flat|apartment|apt)\s+\d+[a-z]?,?\s+)?\b\d{{1,4}}[a-zA-Z]?,?\s+"
            rf"(?:{_ANY_NAME}\s+){{1,3}}(?i:{_STREET})\b"
            rf"|(?i:\b(?:flat|apartment|apt)\s+\d+[a-z]?,?\s+\d{{1,4}}\s+{_ANY_NAME})"
        ),
    ),
    (
        DetailKind.SCHOOL,
        re.compile(
            rf"\b(?:(?:St\.?|Saint)\s+)?(?:{_NAME}\s+){{1,4}}"
            r"(?:Primary\s+|Secondary\s+|High\s+|Grammar\s+|Community\s+)?"
            r"(?:School|Academy|College|Pupil Referral Unit|PRU|High)\b"
        ),
    ),
    (
        DetailKind.SCHOOL,
        re.compile(
            r"(?i)\b(?:go to|goes to|went to|at|from|out of|kicked out of|excluded from|"
            r"year \d+ at|started at)\s+((?:st\.?\s+)?(?:[a-z']+\s+){1,3}?"
            r"(?:primary|secondary|high|grammar|academy|college|school|pru))\b"
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
_GROUPED = {DetailKind.DATE_OF_BIRTH, DetailKind.SCHOOL, DetailKind.HANDLE}
_BARE_DATE = re.compile(rf"(?i)\b{_DATE}(?=\D|$)")
_YEAR = re.compile(r"(19|20)\d\d$")
_NAME_PAIR = re.compile(rf"\b({_NAME})\s+({_NAME})\b")
_NHS = re.compile(r"(?<!\d)(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})(?!\d)")
_SCHOOL_NOT_NAMES = {"the", "my", "a", "our", "his", "her", "their", "your", "this"}


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS number's own check: modulus 11 over the first nine digits."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _span(kind: str, start: int, end: int, text: str) -> dict:
    return {"start": start, "end": end, "kind": kind, "text": text[start:end]}


def _is_common_word(word: str) -> bool:
    return word.lower() in vocabulary() and not word[:1].isupper()


def _names(text: str, known_names: Iterable[str]) -> list[dict]:
    found = []
    for match in _CUED_NAME.finditer(text):
        first = match.group(1).split()[0]
        if first in _NOT_NAMES or _is_common_word(first):
            continue
        found.append(_span(DetailKind.NAME, match.start(1), match.end(1), text))
    for match in _AFTER_WORDS.finditer(text):
        words = match.group(1).split()
        while words and words[-1].lower() in vocabulary():
            words.pop()
        if words and all(w.lower() not in vocabulary() for w in words):
            end = match.start(1) + len(" ".join(words))
            found.append(_span(DetailKind.NAME, match.start(1), end, text))
    for match in _TITLED.finditer(text):
        surname = match.group().split()[-1]
        if surname.lower() in {"and", "is", "was", "at", "said", "says"}:
            continue
        found.append(_span(DetailKind.NAME, match.start(), match.end(), text))
    for match in _NAME_PAIR.finditer(text):
        if match.group(1) in _NOT_NAMES or match.group(2) in _NOT_NAMES:
            continue
        found.append(_span(DetailKind.NAME, match.start(), match.end(), text))
    words = {
        part.lower()
        for name in known_names
        for part in re.findall(r"[A-Za-z][A-Za-z'-]+", name)
        if len(part) > 2
    }
    if words:
        pattern = re.compile(
            r"\b(?:" + "|".join(map(re.escape, sorted(words))) + r")\b", re.IGNORECASE
        )
        for match in pattern.finditer(text):
            found.append(_span(DetailKind.NAME, match.start(), match.end(), text))
    return found


def _phones(text: str) -> list[dict]:
    found = []
    for match in phonenumbers.PhoneNumberMatcher(
        text, "GB", leniency=phonenumbers.Leniency.POSSIBLE
    ):
        if sum(c.isdigit() for c in match.raw_string) >= 10:
            found.append(_span(DetailKind.PHONE, match.start, match.end, text))
    return found


def find_personal_details(text: str, *, known_names: Iterable[str] = ()) -> list[dict]:
    """Every personal detail found, as spans; where two overlap, the earliest and longest wins."""
    found: list[dict] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            group = 1 if kind in _GROUPED and match.lastindex else 0
            if kind == DetailKind.SCHOOL and group:
                first = match.group(1).split()[0].lower()
                if first in _SCHOOL_NOT_NAMES:
                    continue
            found.append(_span(kind, match.start(group), match.end(group), text))
    for match in _BARE_DATE.finditer(text):
        # A full date in a year a child or young person was born in.
        year = _YEAR.search(match.group())
        if year and 1990 <= int(year.group()) <= date.today().year - 8:
            found.append(
                _span(DetailKind.DATE_OF_BIRTH, match.start(), match.end(), text)
            )
    for match in _NHS.finditer(text):
        if nhs_number_is_valid("".join(match.groups())):
            found.append(_span(DetailKind.NHS_NUMBER, match.start(), match.end(), text))
    found += _phones(text)
    found += _names(text, known_names)
    return _without_overlaps(found)


def _without_overlaps(spans: list[dict]) -> list[dict]:
    kept: list[dict] = []
    ordered = sorted(
        spans,
        key=lambda s: (
            s["start"],
            -(s["end"] - s["start"]),
            _PRIORITY.index(s["kind"]),
        ),
    )
    for span in ordered:
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
