"""A young person signs up, signs in and sees the home page, in a real browser."""

import io

from django.core.management import call_command


def test_young_person_signs_up_logs_in_and_sees_the_home_page(pages, transactional_db):
    call_command("seed_demo", stdout=io.StringIO())
    page = pages.new_page(phone=True)

    page.goto("/")
    pages.check_loaded_pages()
    page.get_by_role("link", name="Join").click()
    page.wait_for_url("**/accounts/signup/")
    pages.check_loaded_pages()
    page.get_by_label("I am a young person").check()
    page.get_by_label("Username").fill("starlight")
    page.locator("#id_password1").fill("bright-stars-42")
    page.locator("#id_password2").fill("bright-stars-42")
    page.get_by_role("button", name="Make my account").click()
    page.wait_for_url(lambda url: url.endswith("/"))
    pages.check_loaded_pages()

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    pages.check_loaded_pages()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("starlight")
    page.locator("#id_password").fill("bright-stars-42")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(lambda url: url.endswith("/"))
    pages.check_loaded_pages()
    assert page.get_by_role("heading", level=1).inner_text() == "Your voice matters"
    assert page.get_by_role("button", name="Sign out").is_visible()


def test_read_aloud_control_appears_where_the_browser_can_speak(
    pages, transactional_db
):
    call_command("seed_demo", stdout=io.StringIO())
    page = pages.new_page()
    page.goto("/about/")
    pages.check_loaded_pages()
    has_speech = page.evaluate("() => 'speechSynthesis' in window")
    assert page.locator("[data-read-aloud]").is_visible() == has_speech


def test_the_accessibility_check_fails_a_page_with_a_serious_violation(
    pages, live_server
):
    from tests.browser.conftest import AccessibilityViolation, check_accessibility

    page = pages.new_page()
    page.set_content(
        '<html lang="en"><body><main><input type="text"></main></body></html>'
    )
    pages.pending.clear()  # checked here, by hand
    try:
        check_accessibility(page)
    except AccessibilityViolation as violation:
        assert "label" in str(violation)
    else:
        raise AssertionError("axe-core did not report an unlabelled input")
