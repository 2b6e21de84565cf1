"""Read the <form>s of a page with the standard library's HTML parser.

Used by the load generator (to fill a form as a browser would) and by the
bad-input, XSS and CSRF tests (to find every form and every text field).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

TEXT_INPUT_TYPES = {"text", "search", "email", "url", "tel", "password", ""}
CSRF_FIELD = "csrfmiddlewaretoken"


@dataclass
class FormField:
    name: str
    tag: str  # input, textarea, select
    type: str = ""
    value: str = ""
    checked: bool = False
    required: bool = False
    options: list[str] = field(default_factory=list)
    maxlength: int | None = None

    @property
    def is_text(self) -> bool:
        return self.tag == "textarea" or (
            self.tag == "input" and self.type in TEXT_INPUT_TYPES
        )


@dataclass
class Form:
    action: str
    method: str
    fields: list[FormField] = field(default_factory=list)

    def field_names(self) -> list[str]:
        return list(dict.fromkeys(f.name for f in self.fields))

    def text_fields(self) -> list[FormField]:
        seen, found = set(), []
        for item in self.fields:
            if item.is_text and item.name not in seen and item.name != CSRF_FIELD:
                seen.add(item.name)
                found.append(item)
        return found

    def hidden_values(self) -> dict[str, str]:
        return {
            f.name: f.value
            for f in self.fields
            if f.tag == "input" and f.type == "hidden"
        }

    def choices(self) -> dict[str, list[str]]:
        """Radio buttons and selects: the values a person could pick, by field name."""
        found: dict[str, list[str]] = {}
        for item in self.fields:
            if item.tag == "input" and item.type == "radio":
                found.setdefault(item.name, []).append(item.value)
            elif item.tag == "select":
                found.setdefault(item.name, []).extend(o for o in item.options if o)
        return found

    def checkboxes(self) -> list[FormField]:
        return [f for f in self.fields if f.tag == "input" and f.type == "checkbox"]

    @property
    def csrf_token(self) -> str:
        return self.hidden_values().get(CSRF_FIELD, "")


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: FormField | None = None
        self._select: FormField | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self._form = Form(
                action=attributes.get("action", ""),
                method=attributes.get("method", "get").lower(),
            )
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = attributes.get("name")
        maxlength = attributes.get("maxlength", "")
        common = {
            "required": "required" in attributes,
            "maxlength": int(maxlength) if maxlength.isdigit() else None,
        }
        if tag == "input" and name:
            self._form.fields.append(
                FormField(
                    name=name,
                    tag="input",
                    type=attributes.get("type", "text").lower(),
                    value=attributes.get("value", "on")
                    if attributes.get("type", "").lower() in {"checkbox", "radio"}
                    else attributes.get("value", ""),
                    checked="checked" in attributes,
                    **common,
                )
            )
        elif tag == "textarea" and name:
            self._textarea = FormField(name=name, tag="textarea", **common)
            self._form.fields.append(self._textarea)
        elif tag == "select" and name:
            self._select = FormField(name=name, tag="select", **common)
            self._form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._select.options.append(attributes.get("value", ""))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def parse_forms(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms


def post_forms(html: str) -> list[Form]:
    return [form for form in parse_forms(html) if form.method == "post"]


def valid_looking_data(form: Form, text: str) -> dict[str, str | list[str]]:
    """What a person filling the form in plainly would send.

    Hidden fields keep their values, the first choice is picked for each radio
    group and select, required checkboxes are ticked, `text` goes into every
    textarea (or the first text box when there is none), other text boxes get
    a short plain answer.
    """
    data: dict[str, str | list[str]] = dict(form.hidden_values())
    for name, values in form.choices().items():
        if values:
            data[name] = values[0]
    for box in form.checkboxes():
        if box.required:
            data[box.name] = box.value
    text_fields = form.text_fields()
    long_fields = [f for f in text_fields if f.tag == "textarea"] or text_fields[:1]
    for item in text_fields:
        if item in long_fields:
            data[item.name] = text
        elif item.type == "email":
            data[item.name] = "someone@example.org"
        elif item.type == "url":
            data[item.name] = "https://example.org/"
        else:
            data[item.name] = "A plain answer"[: item.maxlength or None]
    return data
