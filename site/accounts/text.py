"""Text as it may go into a place with stricter rules than a web page.

A page title or a note can hold anything a browser, an import or the admin
sent: line breaks, tabs, control characters, right-to-left marks. Email
headers refuse line breaks (Django raises `BadHeaderError`) and iCalendar
refuses control characters. Everything that writes people's text into an
email subject or a calendar file passes it through here first.
"""

from __future__ import annotations

import re

# Every kind of line break and whitespace (\s covers \r, \n, \v, \f, \x1c-\x1f,
# \x85, \u2028, \u2029 and the Unicode spaces) and the other C0 and C1 controls.
_BREAKS_AND_CONTROLS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS_BUT_NEWLINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """The text on one line: each run of breaks, spaces and controls becomes one space.

    Letters, punctuation and direction marks (for right-to-left writing) are
    kept as they are.
    """
    return _BREAKS_AND_CONTROLS.sub(" ", str(text)).strip()


def without_control_characters(text: str) -> str:
    """The text with its lines kept (each break as a plain newline), controls removed."""
    return _CONTROLS_BUT_NEWLINE.sub("", _LINE_BREAK.sub("\n", str(text)))
