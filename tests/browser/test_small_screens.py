"""The young person's and parent's forms on the narrowest phone: nothing falls off the side.

WCAG 1.4.10 (reflow) asks that a page works at 320 CSS pixels wide without
scrolling sideways. Each test opens the page as a person would and measures
what the browser laid out.
"""

import pytest

from accounts import roles
from tests.browser.conftest import NARROWEST, sign_in
from tests.factories import UserFactory
from tests.programmes.factories import make_event, make_programme, programme_index
from tests.surveys.factories import make_survey

# Every option, box and button of the page's forms, as the browser laid them out.
OFF_SCREEN = """(width) => Array.from(
    document.querySelectorAll('main label, main input, main select, main textarea, main button')
  ).filter((el) => el.offsetParent !== null && el.type !== 'hidden')
   .map((el) => [el, el.getBoundingClientRect()])
   .filter(([el, box]) => box.left < 0 || box.right > width)
   .map(([el, box]) => `${el.tagName} "${(el.innerText || el.name || '').trim().slice(0, 30)}" `
                       + `${Math.round(box.left)}..${Math.round(box.right)}`)"""


def page_width(page) -> int:
    return page.evaluate("() => document.scrollingElement.scrollWidth")


def assert_fits(page) -> None:
    width = NARROWEST["width"]
    assert page_width(page) <= width
    assert page.evaluate(OFF_SCREEN, width) == []


def test_every_survey_question_type_fits_a_320_pixel_screen_without_script(
    pages, home_page
):
    survey = make_survey(home_page, ask_about_you=True)
    page = pages.new_page(viewport=NARROWEST, javascript=False)
    page.goto(survey.url)
    pages.check_loaded_pages()
    # Without script every question is on the page at once.
    assert page.get_by_role("radio", name="10 – All the time").is_visible()
    assert_fits(page)


def test_every_survey_question_fits_a_320_pixel_screen_one_question_at_a_time(
    pages, home_page
):
    survey = make_survey(home_page, ask_about_you=True)
    page = pages.new_page(viewport=NARROWEST)
    page.goto(survey.url)
    steps = page.locator("[data-survey-step]")
    for number in range(steps.count()):
        step = steps.nth(number)
        assert step.is_visible()
        assert_fits(page)
        pages.check_loaded_pages()
        if number < steps.count() - 1:
            # Questions that need an answer get one, so Next moves on.
            first_option = step.locator("input[type=radio], input[type=checkbox]")
            if first_option.count():
                first_option.first.check()
            step.get_by_role("button", name="Next").click()


def test_the_feedback_form_fits_a_320_pixel_screen(pages, home_page):
    page = pages.new_page(viewport=NARROWEST)
    page.goto("/feedback/")
    pages.check_loaded_pages()
    assert_fits(page)


def test_next_on_a_question_that_needs_an_answer_says_so_beside_it_and_keeps_answers(
    pages, home_page
):
    survey = make_survey(home_page)
    page = pages.new_page(phone=True)
    page.goto(survey.url)
    first_answer = page.locator("#step-1 input[type=radio]").nth(3)
    first_answer.check()
    page.get_by_role("button", name="Next").first.click()
    second = page.locator("#step-2")
    assert second.is_visible()
    # "Did you feel safe?" needs an answer: Next stays on it and says why.
    second.get_by_role("button", name="Next").click()
    assert second.is_visible()
    message = second.locator("[data-step-needed]")
    assert message.inner_text() == "Please pick an answer. This question needs one."
    described = second.locator("fieldset").get_attribute("aria-describedby")
    assert message.get_attribute("id") in described.split()
    assert page.evaluate(
        "() => document.getElementById('step-2').contains(document.activeElement)"
    )
    pages.check_loaded_pages()
    # What was answered before is still there, and an answer lets Next move on.
    second.get_by_role("button", name="Back").click()
    assert first_answer.is_checked()
    page.locator("#step-1").get_by_role("button", name="Next").click()
    second.locator("input[type=radio]").first.check()
    second.get_by_role("button", name="Next").click()
    assert page.locator("#step-3").is_visible()
    assert message.count() == 0


def test_without_script_the_server_says_the_same_beside_the_question(pages, home_page):
    survey = make_survey(home_page)
    page = pages.new_page(phone=True, javascript=False)
    page.goto(survey.url)
    first_answer = page.locator("#step-1 input[type=radio]").nth(3)
    first_answer.check()
    page.get_by_role("button", name="Send my answers").click()
    second = page.locator("#step-2")
    assert "Please pick an answer. This question needs one." in second.inner_text()
    described = second.locator("fieldset").get_attribute("aria-describedby")
    assert page.locator(f"#{described.split()[-1]}").inner_text().strip() == (
        "Please pick an answer. This question needs one."
    )
    assert page.locator("#step-1 input[type=radio]").nth(3).is_checked()
    pages.check_loaded_pages()


def assert_needed_beside_the_field(page, field_id: str, message: str) -> None:
    """After sending a form with a needed field left empty: the message is in
    the field's own box and read with it, and the focus is on the list of
    things to fix (whose link leads to the field) or on the field itself."""
    field = page.locator(f"#{field_id}")
    error = page.locator(f".field:has(#{field_id}) #{field_id}_error")
    assert error.is_visible(), field_id
    assert message in error.inner_text()
    described = field.get_attribute("aria-describedby") or ""
    assert f"{field_id}_error" in described.split()
    assert field.get_attribute("aria-invalid") == "true"
    focus = page.evaluate(
        """() => {
            const active = document.activeElement;
            const summary = active.closest('[data-error-summary]');
            if (summary) return summary.querySelector('a[href]')?.getAttribute('href');
            return '#' + active.id;
        }"""
    )
    assert focus == f"#{field_id}"


def open_at_320(pages, path: str, page=None):
    page = page or pages.new_page(viewport=NARROWEST)
    page.goto(path)
    pages.check_loaded_pages()
    assert_fits(page)
    return page


def send_and_check(pages, page, button: str):
    page.locator("main").get_by_role("button", name=button).click()
    page.wait_for_load_state()
    pages.check_loaded_pages()
    assert_fits(page)


def test_joining_at_320_pixels_says_what_is_needed_beside_it_and_keeps_the_username(
    pages, home_page
):
    page = open_at_320(pages, "/accounts/signup/")
    page.locator("#id_username").fill("river-typed")
    page.locator("#id_who_0").check()
    send_and_check(pages, page, "Make my account")
    assert_needed_beside_the_field(page, "id_password1", "This field is required.")
    assert page.locator("#id_username").input_value() == "river-typed"
    assert page.locator("#id_who_0").is_checked()


def test_signing_in_at_320_pixels_says_what_is_needed_beside_it_and_keeps_the_username(
    pages, home_page
):
    page = open_at_320(pages, "/accounts/login/")
    page.locator("#id_login").fill("river-typed")
    send_and_check(pages, page, "Sign in")
    assert_needed_beside_the_field(page, "id_password", "This field is required.")
    assert page.locator("#id_login").input_value() == "river-typed"


def test_checking_a_receipt_at_320_pixels_says_what_is_needed_beside_it(
    pages, home_page
):
    page = open_at_320(pages, "/feedback/check/")
    send_and_check(pages, page, "Check")
    assert_needed_beside_the_field(page, "id_code", "Type your receipt code.")
    # What was typed stays, so a mistyped code can be put right.
    page.locator("#id_code").fill("KXTR-9MP")
    send_and_check(pages, page, "Check")
    assert page.locator("#id_code").input_value() == "KXTR-9MP"
    assert page.locator("#id_code_error").is_visible()


def test_the_i_dont_feel_safe_form_fits_320_pixels_for_a_visitor(pages, home_page):
    """Nothing in it is needed (one tap is enough), so there is no empty-field
    message to check: the page fits and passes axe."""
    page = open_at_320(pages, "/feedback/unsafe/")
    assert (
        page.locator("main")
        .get_by_role("button", name="I don't feel safe")
        .is_visible()
    )
    assert page.locator('main a[href="sms:85258"]').is_visible()


@pytest.fixture
def event_and_worker(home_page, settings):
    settings.STAFF_MFA_REQUIRED = False  # MFA has its own tests
    event = make_event(make_programme(programme_index(home_page)))
    worker = UserFactory(username="sam-worker", roles=[roles.CASE_WORKER])
    UserFactory(username="jo", roles=[roles.YOUNG_PERSON], case_worker=worker)
    return event, worker


def test_an_event_sign_up_at_320_pixels_says_what_is_needed_beside_it_and_keeps_notes(
    pages, event_and_worker
):
    event, worker = event_and_worker
    page = pages.new_page(viewport=NARROWEST)
    sign_in(page, worker.username)
    open_at_320(pages, f"/events/{event.pk}/sign-up/", page=page)
    page.locator("#id_access_needs").fill("A quiet room, please.")
    send_and_check(pages, page, "Sign up")
    assert_needed_beside_the_field(page, "id_person", "This field is required.")
    assert page.locator("#id_access_needs").input_value() == "A quiet room, please."
