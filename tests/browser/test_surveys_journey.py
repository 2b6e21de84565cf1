"""Staff publish a survey in the Wagtail admin; a young person answers it on a phone,
one question per screen; the results page shows the answer."""

import io
import re

from django.core.management import call_command
from playwright.sync_api import expect

from accounts import roles
from tests.factories import DEFAULT_PASSWORD, UserFactory


def sign_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()


def test_staff_publish_a_survey_a_young_person_answers_on_a_phone_and_results_show_it(
    pages, transactional_db, settings
):
    settings.STAFF_MFA_REQUIRED = False  # MFA has its own tests
    call_command("seed_demo", stdout=io.StringIO())
    from voice.surveys.models import SurveyIndexPage, SurveyPage

    index = SurveyIndexPage.objects.get()
    manager = UserFactory(username="survey-manager", roles=[roles.SERVICE_MANAGER])
    UserFactory(username="river", roles=[roles.YOUNG_PERSON])

    # A service manager builds and publishes the survey in the Wagtail admin.
    admin = pages.new_page()
    sign_in(admin, manager.username)
    admin.goto(f"/admin/pages/add/surveys/surveypage/{index.pk}/")
    admin.locator("#id_title").fill("Trip to the coast")
    admin.get_by_role("button", name="Insert a block").first.click()
    admin.get_by_role("option", name="Yes or no").click()
    admin.locator("input[name='questions-0-value-question']").fill(
        "Would you go again?"
    )
    admin.locator("input[name='questions-0-value-required']").check()
    admin.locator("#id_audience").select_option("young_people")
    admin.locator("#id_closes_at").fill("2099-01-01 12:00")
    # Typing opens the date picker over the page's buttons; a person clicks
    # away to close it before reaching for Publish.
    admin.locator("#id_title").click()
    expect(admin.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)
    admin.get_by_role("button", name="More actions").click()
    admin.get_by_role("button", name="Publish").click()
    admin.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    survey = SurveyPage.objects.get(title="Trip to the coast")
    assert survey.live
    # The Wagtail admin's own markup is Wagtail's to keep accessible; ours is checked below.
    pages.pending.clear()

    # A young person answers on a phone-sized screen, one question at a time.
    phone = pages.new_page(phone=True)
    sign_in(phone, "river")
    pages.check_loaded_pages()
    phone.goto("/surveys/")
    pages.check_loaded_pages()
    phone.get_by_role("link", name=re.compile("Trip to the coast")).click()
    phone.wait_for_load_state()
    pages.check_loaded_pages()
    first, second = (
        phone.locator("[data-survey-step]").nth(0),
        phone.locator("[data-survey-step]").nth(1),
    )
    assert first.is_visible() and not second.is_visible()
    assert "Question 1 of 3" in first.inner_text()
    assert not phone.get_by_role("button", name="Send my answers").is_visible()
    first.get_by_label("Yes").check()
    first.get_by_role("button", name="Next").click()
    assert second.is_visible() and not first.is_visible()
    assert "Question 2 of 3" in second.inner_text()
    assert "You can skip this." in second.inner_text()
    second.get_by_role("button", name="Back").click()
    assert first.get_by_label("Yes").is_checked()  # kept on going back
    first.get_by_role("button", name="Next").click()
    second.get_by_label("A young person").check()
    second.get_by_role("button", name="Next").click()
    third = phone.locator("[data-survey-step]").nth(2)
    assert "Question 3 of 3" in third.inner_text()
    phone.get_by_role("button", name="Send my answers").click()
    phone.wait_for_load_state()
    pages.check_loaded_pages()
    assert phone.get_by_role("heading", level=1).inner_text() == "Thank you"

    # The results page shows the answer.
    admin.goto("/staff/surveys/")
    pages.check_loaded_pages()
    admin.get_by_role("link", name="Trip to the coast").click()
    admin.wait_for_load_state()
    pages.check_loaded_pages()
    assert "1 response" in admin.locator("main").inner_text()
    yes_row = admin.locator("table.bar-table tr", has_text="Yes").first
    assert re.search(r"Yes\s+1\s+100\.0%", yes_row.inner_text())
