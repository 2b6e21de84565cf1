"""No query string and no form data, however odd, makes a server error.

Every route from the URL configuration that a role may open is fetched with
random query parameters, and every POST form on it is sent random values for
its own fields (with the page's CSRF token), for each role. New apps are
covered as soon as their routes are mounted.
"""

import os

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.htmlforms import CSRF_FIELD, Form
from tests.routes import ROLES, user_for
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
