"""Script and HTML injection: every known payload goes in through every text field
and comes out escaped on every page, in the Wagtail admin and in CSV/XLSX exports.

The payloads (tests/security/xss_payloads.txt) are sent through each text
field of each POST form found on the routes of the URL configuration, as a
role that may open the form. Free text is then approved as a moderator would
approve it, so it reaches the public pages, and every page each role may
open is read back. A real browser checks a sample (tests/browser).
"""

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

from django.apps import apps
from django.core.cache import cache

from accounts import roles
from tests.htmlforms import CSRF_FIELD, Form, post_forms, valid_looking_data
from tests.routes import ALL_ROUTES, ROLES, has_parameters, user_for
from tests.security.conftest import form_action, pages_open_to, sign_in

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "xss_payloads.txt").read_text().splitlines()
    if line and not line.startswith("#")
]
# Roles tried in this order for each form: the people free text comes from first.
SUBMITTING_ROLES = ROLES
HTML_SPECIAL = set("<>\"'")
DEFAULT_BATCH_LENGTH = 200
TEMPLATE_RESULT = "51337"  # 7*7191, if a template engine ever evaluated a payload
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "background",
    "poster",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def test_there_are_at_least_a_hundred_payloads_from_many_families():
    assert len(PAYLOADS) >= 100
    assert len(set(PAYLOADS)) == len(PAYLOADS)
    for family in (
        "<script",
        "onerror=",
        "javascript:",
        "<svg",
        "{{",
        "&#",
        "%3C",
        "=HYPERLINK",
    ):
        assert any(family.lower() in p.lower() for p in PAYLOADS), family


class _UrlAttributes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.script_urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            cleaned = re.sub(r"[\s\x00-\x1f]", "", (value or "")).lower()
            if name in URL_ATTRIBUTES and cleaned.startswith(
                ("javascript:", "vbscript:")
            ):
                self.script_urls.append(f"<{tag} {name}={value!r}>")
            if name.startswith("on") and "alert(" in (value or ""):
                self.script_urls.append(f"<{tag} {name}={value!r}>")


def unescaped_payloads(body: str) -> list[str]:
    """Payloads that appear in an HTML page as they were typed, or that took effect."""
    found = [p for p in PAYLOADS if HTML_SPECIAL & set(p) and p in body]
    if TEMPLATE_RESULT in body:
        found.append(f"a template expression was evaluated ({TEMPLATE_RESULT})")
    parser = _UrlAttributes()
    parser.feed(body)
    found += parser.script_urls
    return found


def formula_cells(rows: list[list[str]]) -> list[str]:
    """Cells a spreadsheet would run as a formula, from text people typed."""
    return [
        cell
        for row in rows
        for cell in row
        if isinstance(cell, str)
        and cell.startswith(FORMULA_START)
        and any(cell == p for p in PAYLOADS)
    ]


def assert_escaped(response, where: str) -> None:
    content_type = response.get("Content-Type", "")
    if response.streaming:
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    if "html" in content_type:
        problems = unescaped_payloads(content.decode())
        assert not problems, f"{where}: not escaped: {problems[:5]}"
    elif "csv" in content_type:
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        assert not formula_cells(rows), f"{where}: formulas: {formula_cells(rows)[:5]}"
    elif "spreadsheetml" in content_type:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(content))
        formulas = [
            cell.coordinate
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.data_type == "f"
        ]
        assert not formulas, f"{where}: formula cells {formulas[:5]}"


def payload_batches(limit: int | None) -> list[str]:
    """Every payload, several to a value where the field's length allows.

    A field with no `maxlength` in the page gets up to DEFAULT_BATCH_LENGTH
    characters (every such field here takes at least that many); a payload
    longer than the limit goes alone, and is refused as any over-long text is.
    """
    limit = limit or DEFAULT_BATCH_LENGTH
    batches: list[str] = []
    for payload in PAYLOADS:
        if batches and len(batches[-1]) + 1 + len(payload) <= limit:
            batches[-1] += " " + payload
        else:
            batches.append(payload)
    return batches


def submit_every_payload(client, page, form: Form) -> int:
    """Each payload through each text field (fields take turns so all are covered)."""
    batches = {
        f.name: payload_batches(f.maxlength)
        for f in form.text_fields()
        if f.type != "password"
    }
    if not batches:
        return 0
    sent = 0
    for offset in range(max(len(values) for values in batches.values())):
        cache.clear()  # rate limits have their own tests; here every payload must land
        current = form
        if set(form.hidden_values()) - {CSRF_FIELD}:  # e.g. a one-time submission token
            fresh = post_forms(client.get(page.path).content.decode())
            current = next(
                (f for f in fresh if f.field_names() == form.field_names()), form
            )
        data = valid_looking_data(current, "A plain answer")
        for index, (name, values) in enumerate(batches.items()):
            data[name] = values[(offset + index) % len(values)]
        response = client.post(form_action(page, current), data, follow=True)
        assert response.status_code < 500
        assert_escaped(response, f"POST {form_action(page, current)} (answer page)")
        sent += 1
    return sent


def approve_free_text() -> int:
    """What a moderator would do, so the text reaches every page that shows it."""
    if not apps.is_installed("voice.moderation"):
        return 0
    from voice.moderation.models import ModeratedText

    return ModeratedText.objects.exclude(status=ModeratedText.Status.APPROVED).update(
        status=ModeratedText.Status.APPROVED
    )


def admin_paths() -> list[str]:
    return [
        route
        for _, route in ((n, r) for n, r, _ in ALL_ROUTES)
        if route.startswith("/admin/")
        and not has_parameters(route)
        # Wagtail's own "does the error page work" view raises on purpose.
        and "failwhale" not in route
    ]


def test_every_payload_comes_back_escaped_everywhere(client, seeded, people):
    client.raise_request_exception = True
    done: set[tuple] = set()
    submitted = 0
    for role in SUBMITTING_ROLES:
        user = user_for(role, people)
        for page in pages_open_to(client, people, role):
            for form in page.forms:
                key = (form_action(page, form), tuple(form.field_names()))
                if key in done:
                    continue
                done.add(key)
                sign_in(client, user)
                submitted += submit_every_payload(client, page, form)
    assert submitted >= len(payload_batches(None)), (
        "no form with a text field was found"
    )
    approve_free_text()

    read = 0
    for role in SUBMITTING_ROLES:
        user = user_for(role, people)
        for page in pages_open_to(client, people, role):
            sign_in(client, user)
            assert_escaped(client.get(page.path), f"{role} GET {page.path}")
            read += 1
    admin = people[roles.ADMINISTRATOR]
    for path in admin_paths():
        sign_in(client, admin)
        response = client.get(path)
        if response.status_code != 200:
            continue
        assert_escaped(response, f"admin GET {path}")
        read += 1
        body = response.content.decode() if not response.streaming else ""
        for export in ("csv", "xlsx"):
            if f"export={export}" in body:
                exported = client.get(path, {"export": export})
                assert_escaped(exported, f"admin export {path} {export}")
                read += 1
    assert read > 20
