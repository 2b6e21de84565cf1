"""Everything held about a person as one readable document (JSON or a printable page)."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.utils import timezone

from privacy.registry import export_sections


def export_document(user) -> dict:
    """The whole export: a heading per app (its LABEL), then that app's rows."""
    sections = export_sections(user)
    return {
        "About this file": (
            "Everything this website keeps about you. Each part has a heading, "
            "then one entry for each thing we keep."
        ),
        "Username": user.get_username(),
        "Made on": timezone.now().isoformat(),
        "sections": {section.label: section.rows for section in sections},
    }


def json_download(user) -> HttpResponse:
    body = json.dumps(export_document(user), indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"my-data-{user.pk}-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
