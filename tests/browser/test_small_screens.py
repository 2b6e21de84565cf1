"""The young person's and parent's forms on the narrowest phone: nothing falls off the side.

WCAG 1.4.10 (reflow) asks that a page works at 320 CSS pixels wide without
scrolling sideways. Each test opens the page as a person would and measures
what the browser laid out.
"""

from tests.browser.conftest import NARROWEST
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
    return page.evaluate("() => document.documentElement.scrollWidth")


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
