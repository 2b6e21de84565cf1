"""Every form on the site is drawn by one form template and one field template.

A page's form, and a new form nobody has styled, both get the list of things
to fix, the hint and the message read with the field, and what was typed.
Wagtail's admin keeps its own look.
"""

import pytest
from django import forms

from accounts import roles

pytestmark = pytest.mark.django_db

FIELD_TEMPLATE = "forms/field.html"


def templates_used(response) -> set[str]:
    return {template.name for template in response.templates}


class NewForm(forms.Form):
    """A form with no template of its own, as a new page would add one."""

    nickname = forms.CharField(
        label="What should we call you?", help_text="Any name you like."
    )
    colour = forms.ChoiceField(
        label="Favourite colour",
        choices=[("red", "Red"), ("blue", "Blue")],
        widget=forms.RadioSelect,
        required=False,
    )
    step = forms.CharField(widget=forms.HiddenInput, required=False)


def test_a_new_form_gets_the_sites_error_summary_hints_and_messages():
    form = NewForm(data={"nickname": "", "colour": "green"})
    html = str(form)

    summary = html.split("data-error-summary>", 1)[1].split("</div>", 1)[0]
    assert "Something needs fixing" in summary
    assert (
        '<a href="#id_nickname">What should we call you?: This field is required.</a>'
        in summary
    )
    assert '<a href="#id_colour_0">Favourite colour: ' in summary
    # The hint and the message beside the box are read with it.
    assert '<span class="helptext" id="id_nickname_helptext">Any name you like.' in html
    assert '<ul class="errorlist" id="id_nickname_error">' in html
    assert 'aria-describedby="id_nickname_helptext id_nickname_error"' in html
    assert '<fieldset aria-describedby="id_colour_error">' in html
    assert 'Favourite colour <span class="helptext">(you can skip this)</span>' in html
    assert '<input type="hidden" name="step" id="id_step">' in html


def test_a_new_forms_field_keeps_what_was_typed_in_the_sites_field_markup():
    form = NewForm(data={"nickname": "Sky <3"})
    field_html = form["nickname"].as_field_group()

    assert field_html.lstrip().startswith('<div class="field">')
    assert 'value="Sky &lt;3"' in field_html
    assert "data-error-summary" not in str(form)


def test_a_failed_post_on_a_site_page_is_drawn_with_the_site_templates(client):
    response = client.post("/feedback/check/", {"code": "not a code"})
    html = response.content.decode()

    assert {"forms/form.html", FIELD_TEMPLATE} <= templates_used(response)
    assert '<a href="#id_code">' in html
    assert 'aria-describedby="id_code_helptext id_code_error"' in html
    assert 'value="not a code"' in html


def test_the_blank_feedback_questions_are_drawn_once_then_come_from_the_cache(client):
    first = client.get("/feedback/")
    again = client.get("/feedback/")

    assert "feedback/fields/feelings.html" in templates_used(first)
    assert FIELD_TEMPLATE not in templates_used(again)
    assert again.content.decode().count('class="feeling"') == 5


def test_wagtail_admin_pages_keep_wagtails_own_field_markup(
    client_for, people, home_page
):
    client = client_for(people[roles.ADMINISTRATOR])

    edit = client.get(f"/admin/pages/{home_page.pk}/edit/")
    failed = client.post("/admin/snippets/feedback/topic/add/", {"name": ""})

    assert edit.status_code == 200
    assert failed.status_code == 200
    for response in (edit, failed):
        assert FIELD_TEMPLATE not in templates_used(response)
        assert "data-error-summary" not in response.content.decode()
    assert 'class="w-field__errors"' in failed.content.decode()
