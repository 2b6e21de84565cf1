"""An id no row could have is stopped where it comes in: a path, a form, a query string.

Each door is tried with 2**63 (one past the largest 64-bit id) and 10**21
(beyond any integer column), on whichever database the tests run against.
"""

import datetime
import re
from importlib import import_module
from pathlib import Path

import pytest
from django import forms
from django.urls import Resolver404, resolve, reverse

from accounts import roles
from pages.ids import (
    LARGEST_ID,
    IdChoiceField,
    IdMultipleChoiceField,
    is_beyond_any_id,
    parse_id,
)
from tests.review.factories import ThemeFactory, make_feedback
from tests.routes import ALL_ROUTES
from voice.review.models import Action, ReviewCycle

TOO_BIG = [2**63, 10**21]
PROJECT = Path(__file__).resolve().parents[2]
OUR_CODE = ["site", "voice", "programmes"]
URL_PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def our_python_files(name_pattern: str):
    for folder in OUR_CODE:
        yield from (PROJECT / folder).rglob(name_pattern)


def test_no_url_of_ours_reads_an_id_with_the_plain_int_converter():
    """`<int:...>` lets any number through to a query; `<id:...>` stops it."""
    found = [
        f"{path.relative_to(PROJECT)}: {line.strip()}"
        for path in [*our_python_files("*urls.py"), *our_python_files("routing.py")]
        for line in path.read_text().splitlines()
        if "<int:" in line
    ]
    assert not found, "use <id:...> for ids:\n" + "\n".join(found)


def routes_with_ids():
    return [
        (view_name, route)
        for view_name, route, _ in ALL_ROUTES
        if "<id:" in route and not route.startswith("/admin/")
    ]


def view_name_at(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


@pytest.mark.parametrize("too_big", TOO_BIG)
def test_no_route_with_an_id_takes_an_id_no_row_could_have(too_big):
    assert routes_with_ids()
    for view_name, route in routes_with_ids():
        path = URL_PARAMETER.sub(
            lambda part: str(too_big) if part["converter"] == "id" else "x", route
        )
        assert view_name_at(path) != view_name, path


@pytest.mark.django_db
@pytest.mark.parametrize("too_big", TOO_BIG)
def test_a_page_asked_for_by_an_id_no_row_could_have_is_not_found(
    client_for, people, too_big
):
    client = client_for(people[roles.MODERATOR])
    response = client.get(f"/staff/moderation/{too_big}/")
    assert response.status_code == 404


def test_the_largest_id_still_reaches_its_view():
    assert resolve(f"/staff/moderation/{LARGEST_ID}/").kwargs == {"pk": LARGEST_ID}


@pytest.mark.parametrize(
    "value, expected",
    [
        ("7", 7),
        (" 7 ", 7),
        (7, 7),
        (str(LARGEST_ID), LARGEST_ID),
        (str(2**63), None),
        (str(10**21), None),
        (2**63, None),
        ("0", None),
        ("-1", None),
        ("²", None),
        ("٣", None),
        ("1e3", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_a_query_string_value_names_an_id_only_if_a_row_could_have_it(value, expected):
    assert parse_id(value) == expected


@pytest.fixture
def cycle(db):
    return ReviewCycle.objects.create(
        name="Spring", start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31)
    )


def error_beside(html: str, field: str) -> str:
    found = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html)
    return found.group(1) if found else ""


@pytest.mark.django_db
@pytest.mark.parametrize("too_big", TOO_BIG)
def test_a_form_refuses_an_id_no_row_could_have_beside_its_field_and_keeps_what_was_typed(
    client_for, people, cycle, too_big
):
    theme = ThemeFactory(name="Time")
    client = client_for(people[roles.SERVICE_MANAGER])
    response = client.post(
        reverse("review:action_create", args=[cycle.pk]),
        {
            "topic": str(too_big),
            "themes": [str(theme.pk), str(too_big)],
            "owner": str(too_big),
            "what_we_heard": "Appointments clash with school.",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    for field in ["topic", "themes", "owner"]:
        assert "Select a valid choice" in error_beside(html, field)
    assert "Appointments clash with school." in html
    assert not Action.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("too_big", TOO_BIG)
def test_a_query_string_naming_an_id_no_row_could_have_is_ignored(
    client_for, people, cycle, too_big
):
    make_feedback(text="I miss school for these.")
    staff = client_for(people[roles.SERVICE_MANAGER])
    new_action = staff.get(
        reverse("review:action_create", args=[cycle.pk]),
        {"feedback": str(too_big), "recommendation": str(too_big)},
    )
    public = staff.get(reverse("you_said_we_did:list"), {"topic": str(too_big)})
    moderator = client_for(people[roles.MODERATOR])
    queue = moderator.get(reverse("moderation:queue"), {"q": str(too_big)})
    assert new_action.status_code == 200
    assert 'name="feedback_numbers" value=' not in new_action.content.decode()
    assert public.status_code == 200
    assert queue.status_code == 200


def our_forms():
    for path in our_python_files("forms.py"):
        parts = path.relative_to(PROJECT).with_suffix("").parts
        module = import_module(".".join(parts[1:] if parts[0] == "site" else parts))
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == module.__name__
            ):
                yield value


def test_every_choice_of_rows_in_our_forms_checks_its_ids():
    model_choices = (forms.ModelChoiceField, forms.ModelMultipleChoiceField)
    unchecked = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in our_forms()
        for name, field in form.base_fields.items()
        if isinstance(field, model_choices)
        and not isinstance(field, (IdChoiceField, IdMultipleChoiceField))
    ]
    assert not unchecked, "use pages.ids.IdChoiceField / IdMultipleChoiceField"


@pytest.mark.django_db
@pytest.mark.parametrize("too_big", TOO_BIG)
def test_the_wagtail_admin_refuses_a_query_string_or_form_with_an_id_no_row_could_have(
    client_for, people, too_big
):
    admin = client_for(people[roles.ADMINISTRATOR])
    chosen = admin.get("/admin/images/chooser/chosen-multiple/", {"id": str(too_big)})
    new_user = admin.post(
        "/admin/users/new/", {"username": "someone", "groups": [str(-too_big)]}
    )
    assert chosen.status_code == 400
    assert new_user.status_code == 400
    assert admin.get("/admin/pages/", {"q": "1234"}).status_code == 200


@pytest.mark.parametrize(
    "value, expected",
    [
        (str(LARGEST_ID), False),
        (str(2**63), True),
        (f" -{10**21} ", True),
        ("0" * 30 + "7", False),
        ("9" * 5000, True),
        ("Room 99999999999999999999", False),
        ("", False),
    ],
)
def test_only_a_whole_number_too_big_for_any_id_is_beyond_any_id(value, expected):
    assert is_beyond_any_id(value) is expected
