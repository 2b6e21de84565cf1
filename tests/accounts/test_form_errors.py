"""Forms drawn by the site's form template (templates/forms/): after a failed
post, what needs fixing is listed first, each item leading to its field, and
each message is read with the field it is about."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_empty_sign_up_lists_each_needed_field_first_linked_to_it(client):
    response = client.post(reverse("account_signup"), {"username": "river-typed"})
    html = response.content.decode()

    summary = html.split("data-error-summary>", 1)[1].split("</div>", 1)[0]
    assert "Something needs fixing" in summary
    assert (
        '<a href="#id_password1">Choose a password: This field is required.</a>'
        in summary
    )
    # A choice question leads to its first option.
    assert '<a href="#id_who_0">Who are you?: This field is required.</a>' in summary
    assert html.index("data-error-summary") < html.index('id="id_username"')
    assert 'value="river-typed"' in html


def test_a_choice_questions_message_is_read_with_its_group(client):
    html = client.post(reverse("account_signup"), {}).content.decode()

    assert '<fieldset aria-describedby="id_who_error">' in html
    assert '<ul class="errorlist" id="id_who_error">' in html


def test_a_form_with_nothing_wrong_has_no_list_of_things_to_fix(client):
    assert (
        "data-error-summary"
        not in client.get(reverse("account_login")).content.decode()
    )
