"""No query string and no form data, however odd, makes a server error.

Every route from the URL configuration that a role may open is fetched with
random query parameters, and every POST form on it is sent random values for
its own fields (with the page's CSRF token), for each role. New apps are
covered as soon as their routes are mounted.
"""

import os

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Page

from accounts import roles
from accounts.access import Outcome, rule_for
from programmes import services as programmes_services
from programmes.models import EventPage, ProgrammePage
from tests.factories import UserFactory
from tests.htmlforms import CSRF_FIELD, Form
from tests.programmes.factories import make_event
from tests.routes import ROLES, openable_paths, user_for
from tests.security.conftest import form_action, pages_open_to, sign_in

EXAMPLES_PER_PAGE = int(os.environ.get("FUZZ_EXAMPLES", "2"))
COMMON_PARAMETERS = [
    "page",
    "q",
    "next",
    "sort",
    "ordering",
    "export",
    "id",
    "topic",
    "status",
    "p",
]

odd_text = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-1",
            "999999999999999999999",
            "1e309",
            "null",
            "../../etc/passwd",
            "\x00",
            "%00",
            "é" * 300,
            "<b>",
            "'; DROP TABLE x; --",
        ]
    ),
    st.integers().map(str),
)


def form_values(form: Form):
    names = [name for name in form.field_names() if name != CSRF_FIELD]
    choices = form.choices()
    values = {
        name: st.one_of(
            odd_text,
            st.lists(odd_text, max_size=3),
            st.sampled_from(choices.get(name) or [""]),
        )
        for name in names
    }
    return st.fixed_dictionaries({}, optional=values).map(
        lambda data: {**data, CSRF_FIELD: form.csrf_token}
    )


def query_parameters(extra: list[str]):
    return st.dictionaries(
        st.sampled_from(COMMON_PARAMETERS + extra) | st.text(min_size=1, max_size=12),
        odd_text,
        max_size=4,
    )


def fuzz_page(client, user, page) -> None:
    field_names = sorted({name for form in page.forms for name in form.field_names()})

    @hypothesis_settings(
        max_examples=EXAMPLES_PER_PAGE,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def probe(data):
        sign_in(client, user)
        params = data.draw(query_parameters(field_names), label="query")
        response = client.get(page.path, params)
        assert response.status_code < 500, (
            f"GET {page.path} {params}: {response.status_code}"
        )
        if page.forms:
            form = data.draw(st.sampled_from(page.forms), label="form")
            values = data.draw(form_values(form), label="values")
            response = client.post(form_action(page, form), values)
            assert response.status_code < 500, (
                f"POST {form_action(page, form)} {values}: {response.status_code}"
            )

    probe()


@pytest.mark.parametrize("role", ROLES)
def test_random_query_strings_and_form_data_never_cause_a_server_error(
    client, seeded, people, role
):
    client.raise_request_exception = True  # a traceback names the failing view
    user = user_for(role, people)
    pages = pages_open_to(client, people, role)
    assert pages, f"{role} can open no page"
    for page in pages:
        fuzz_page(client, user, page)


# Titles as an import, the API or a hand-made POST could leave them: line
# breaks, control characters, direction marks, the longest Wagtail allows.
FIXED_ODD_TITLES = [
    "Line\nbreak",
    "Windows\r\nline end",
    "Tab\tand\x0bvertical tab",
    "Bell\x07 escape\x1b[31m red",
    "\u202eright-to-left override",
    "\u200fمرحبا\u200e mixed",
    "Paragraph\u2028separator\u2029",
    "x" * 255,
    "é" * 255,
    "<b>not bold</b> & 'quoted'",
]
odd_title = st.one_of(
    st.sampled_from(FIXED_ODD_TITLES),
    st.text(min_size=1, max_size=255).filter(lambda text: "\x00" not in text),
)


def give_pages_titles(titles: list[str]) -> list[Page]:
    """Every page below the root gets one of `titles`, in turn."""
    pages = list(Page.objects.filter(depth__gt=1).order_by("pk"))
    for number, page in enumerate(pages):
        title = titles[number % len(titles)]
        Page.objects.filter(pk=page.pk).update(title=title, draft_title=title)
    return pages


def paths_with_titles(role, people, pages) -> list[str]:
    """What this role may open, each page's own address, calendars, admin pages."""
    user = user_for(role, people) or AnonymousUser()
    paths = [
        path
        for view_name, path in openable_paths(people)
        if rule_for(view_name, path).expected_outcome_for(user) is Outcome.ALLOW
    ]
    paths += [page.url for page in pages if page.live and page.url]
    paths += [f"/events/{event.pk}/event.ics" for event in EventPage.objects.live()]
    if role == roles.ADMINISTRATOR:
        paths += [f"/admin/pages/{page.pk}/edit/" for page in pages]
        paths += [f"/admin/pages/{page.pk}/" for page in pages]
    return list(dict.fromkeys(paths))


@pytest.mark.parametrize("role", ROLES)
def test_odd_page_titles_never_cause_a_server_error(client, seeded, people, role):
    client.raise_request_exception = True
    user = user_for(role, people)

    @hypothesis_settings(
        max_examples=EXAMPLES_PER_PAGE,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @example(titles=FIXED_ODD_TITLES)
    @given(titles=st.lists(odd_title, min_size=1, max_size=len(FIXED_ODD_TITLES)))
    def probe(titles):
        pages = give_pages_titles(titles)
        sign_in(client, user)
        for path in paths_with_titles(role, people, pages):
            response = client.get(path)
            assert response.status_code < 500, f"GET {path}: {response.status_code}"

    probe()


def test_odd_event_titles_still_reach_people_by_email(
    seeded, django_capture_on_commit_callbacks
):
    programme = ProgrammePage.objects.live().first()

    @hypothesis_settings(
        max_examples=EXAMPLES_PER_PAGE * 5,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @example(title="Trip\r\nto the coast")
    @given(title=odd_title)
    def probe(title):
        event = make_event(programme, title=title)
        person = UserFactory(roles=[roles.YOUNG_PERSON], email="kai@example.org")
        with django_capture_on_commit_callbacks(execute=True):
            programmes_services.sign_up(event=event, person=person, signed_up_by=person)
        mail.outbox.clear()
        event.status = EventPage.Status.CANCELLED
        with django_capture_on_commit_callbacks(execute=True):
            event.save_revision().publish()
        (email,) = mail.outbox
        assert email.to == ["kai@example.org"]
        assert not set(email.subject) & set("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")

    probe()
