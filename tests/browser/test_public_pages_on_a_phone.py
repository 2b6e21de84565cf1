"""The pages that show what young people told us, on a phone: axe finds nothing
serious, nothing scrolls sideways at 320 px, and a table too wide for the screen
can be scrolled from the keyboard."""

import pytest

from accounts import roles
from tests.browser.conftest import NARROWEST, sign_in
from tests.factories import UserFactory
from tests.feedback.factories import make_shared
from tests.programmes.factories import make_event, make_programme, programme_index
from tests.surveys.factories import make_survey, survey_index
from tests.surveys.test_results import add_response
from voice.safeguarding.models import SafeguardingConcern
from voice.surveys.models import SurveySummaryPage

PHONE_390 = {"width": 390, "height": 844}


@pytest.fixture
def public_pages(home_page):
    survey = make_survey(home_page)
    for number in range(6):
        add_response(survey, emoji_scale=number % 5 + 1, yes_no=number % 2)
    summary = SurveySummaryPage(
        title="What you told us", slug="told-us", survey=survey, intro="Thank you."
    )
    survey_index(home_page).add_child(instance=summary)
    summary.save_revision().publish()
    make_shared("The building is too cold in the winter.")
    programme = make_programme(programme_index(home_page))
    event = make_event(programme)
    return [
        "/you-said-we-did/",
        "/feedback/shared/",
        summary.url,
        programme.url,
        event.url,
    ]


@pytest.mark.parametrize("viewport", [NARROWEST, {"width": 390, "height": 844}])
def test_pages_that_show_what_young_people_said_pass_axe_and_fit_a_phone(
    pages, public_pages, viewport
):
    page = pages.new_page(viewport=viewport)
    for path in public_pages:
        page.goto(path)
        pages.check_loaded_pages()
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= viewport["width"], path


def test_a_results_table_can_be_reached_and_scrolled_from_the_keyboard(
    pages, public_pages
):
    page = pages.new_page(viewport=NARROWEST)
    page.goto(public_pages[2])
    regions = page.locator(".table-scroll")
    assert regions.count() > 0
    for number in range(regions.count()):
        region = regions.nth(number)
        assert region.get_attribute("tabindex") == "0"
        assert region.get_attribute("role") == "region"
        assert region.get_attribute("aria-label")


@pytest.mark.parametrize("viewport", [NARROWEST, {"width": 390, "height": 844}])
def test_i_dont_feel_safe_is_on_the_first_screen_and_one_tab_away(
    pages, home_page, viewport
):
    page = pages.new_page(viewport=viewport)
    for path in ["/", "/feedback/", "/you-said-we-did/"]:
        page.goto(path)
        link = page.locator("header [data-help-link]")
        box = link.bounding_box()
        assert box["y"] + box["height"] <= viewport["height"], path
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], path
    # From the keyboard: a few Tabs reach it, and Enter opens the help.
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.hasAttribute('data-help-link')"):
            break
    assert page.evaluate("() => document.activeElement.hasAttribute('data-help-link')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/feedback/unsafe/")
    assert page.locator("main").get_by_role("link", name="0800 1111").is_visible()
    assert page.locator('main a[href="sms:85258"]').is_visible()
    pages.check_loaded_pages()


def assert_on_first_screen(page, control, viewport, path) -> None:
    box = control.bounding_box()
    assert box is not None, path
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], path
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], path
    assert page.evaluate("() => window.scrollY") == 0, path


@pytest.mark.parametrize("who", ["anonymous", "young person"])
def test_the_one_safety_control_is_on_the_first_screen_of_a_390_pixel_phone(
    pages, home_page, who
):
    programme = make_programme(programme_index(home_page))
    page = pages.new_page(viewport=PHONE_390)
    if who == "young person":
        young = UserFactory(username="kai", roles=[roles.YOUNG_PERSON])
        sign_in(page, young.username)
    for path in ["/", "/feedback/", programme.url]:
        page.goto(path)
        controls = page.locator("[data-help-link]")
        assert controls.count() == 1, path
        assert controls.inner_text() == "I don't feel safe"
        assert_on_first_screen(page, controls, PHONE_390, path)
        pages.check_loaded_pages()
    if who == "young person":
        # One tap, and the lead has a concern raised by them.
        page.goto(programme.url)
        page.locator("header [data-help-link]").click()
        page.wait_for_url("**/feedback/unsafe/sent/")
        assert page.get_by_role("heading", name="We have told someone").is_visible()
        assert page.locator('main a[href="sms:85258"]').is_visible()
        assert page.locator('main a[href="tel:08001111"]').is_visible()
        assert page.locator('main a[href="tel:999"]').is_visible()
        concern = SafeguardingConcern.objects.get()
        assert concern.raised_by == young
        assert concern.source == SafeguardingConcern.Source.UNSAFE_BUTTON
    else:
        page.locator("header [data-help-link]").click()
        page.wait_for_url("**/feedback/unsafe/")
        assert not SafeguardingConcern.objects.exists()
    pages.check_loaded_pages()


def test_after_back_the_header_control_still_answers_a_second_tap(pages, home_page):
    """A child who taps, goes Back and taps again is never met by a button that
    does nothing (a page brought back from the browser's memory keeps the
    "already sent" mark of a form sent once)."""
    young = UserFactory(username="kai", roles=[roles.YOUNG_PERSON])
    page = pages.new_page(viewport=PHONE_390)
    sign_in(page, young.username)
    page.goto("/feedback/shared/")
    page.locator("header [data-help-link]").click()
    page.wait_for_url("**/feedback/unsafe/sent/")
    page.go_back()
    page.wait_for_url("**/feedback/shared/")
    page.wait_for_load_state()
    page.locator("header [data-help-link]").click()
    page.wait_for_url("**/feedback/unsafe/sent/")
    assert page.get_by_role("heading", name="We have told someone").is_visible()
    # The second tap joins the first alert: one concern for the lead.
    assert SafeguardingConcern.objects.filter(raised_by=young).count() == 1
    pages.check_loaded_pages()
