"""The forms the benchmarks, load and fault scripts submit, and where their rows are kept.

The `stored` functions run in the script's own process with Django set up on
the same database as the server (after the load, to check every
acknowledgement against the rows).
"""

from __future__ import annotations

import random
from collections import Counter

from tests.htmlforms import Form
from tests.perf.loadgen import Target


def baseline_rows(markers: list[str]) -> Counter:
    from tests.perf.baseline.models import BaselineSubmission

    return Counter(
        BaselineSubmission.objects.filter(text__in=markers).values_list(
            "text", flat=True
        )
    )


def wagtail_form_rows(markers: list[str]) -> Counter:
    from wagtail.contrib.forms.models import FormSubmission

    return Counter(
        FormSubmission.objects.filter(form_data__text__in=markers).values_list(
            "form_data__text", flat=True
        )
    )


def moderated_text_rows(markers: list[str]) -> Counter:
    """Free text from young people and parents is kept as moderated text."""
    from voice.moderation.models import ModeratedText

    return Counter(
        ModeratedText.objects.filter(text__in=markers).values_list("text", flat=True)
    )


BARE = Target("bare Django view", "/bench/bare/", stored=baseline_rows)
BARE_LIVE = Target("bare view + live update", "/bench/live/", stored=baseline_rows)
WAGTAIL_FORM = Target(
    "Wagtail form page", "/bench-wagtail-form/", stored=wagtail_form_rows
)


def feedback_data(form: Form, marker: str) -> dict:
    """Fill the real feedback form as a young person would, from the page's own fields.

    The hidden submission token is sent back as the page gave it; the topic is
    one of the topic ids offered on the page, the feeling one of 1-5, and the
    yes/no questions are answered at random (a reply is never asked for: an
    anonymous visitor has no account to reply to).
    """
    choices = form.choices()
    data: dict = dict(form.hidden_values())
    data["speaker"] = choices["speaker"][0]
    data["topic"] = random.choice(choices["topic"])
    data["feeling"] = random.choice(choices["feeling"])
    data["share"] = random.choice(choices["share"])
    data["wants_reply"] = "no"
    for box in form.checkboxes():
        if box.required or random.random() < 0.5:
            data[box.name] = box.value
    data["text"] = marker
    return data


def feedback_form(forms: list[Form]) -> Form | None:
    return next((f for f in forms if "submission_token" in f.hidden_values()), None)


FEEDBACK = Target(
    "feedback form",
    "/feedback/",
    build=feedback_data,
    choose=feedback_form,
    stored=moderated_text_rows,
)

BY_NAME = {
    "bare": BARE,
    "live": BARE_LIVE,
    "wagtail": WAGTAIL_FORM,
    "feedback": FEEDBACK,
}


def available(base_url: str, names: list[str]) -> list[Target]:
    """The named targets whose page opens with a form on this server."""
    import httpx

    from tests.htmlforms import post_forms

    found = []
    for name in names:
        target = BY_NAME[name]
        response = httpx.get(base_url + target.path, follow_redirects=True)
        if response.status_code == 200 and target.choose(post_forms(response.text)):
            found.append(target)
        else:
            print(
                f"Skipping {target.name}: {target.path} answered {response.status_code} without a form"
            )
    return found
