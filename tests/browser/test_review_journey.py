"""A service manager turns approved feedback into an action, marks it done, and the public page shows it."""

import datetime

from django.utils import timezone

from accounts import roles
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.review.factories import ReviewCycleFactory, TopicFactory, make_feedback


def test_manager_turns_feedback_into_a_done_action_that_young_people_see_and_its_writer_rates(
    pages, transactional_db, home_page, settings
):
    settings.STAFF_MFA_REQUIRED = False  # MFA has its own tests
    UserFactory(username="boss", roles=[roles.SERVICE_MANAGER])
    topic = TopicFactory(name="Appointments")
    feedback = make_feedback(
        text="Appointments are always in school time, I'm Kai from Year 9",
        topic=topic,
        created_at=timezone.now() - datetime.timedelta(days=3),
    )
    today = timezone.localdate()
    ReviewCycleFactory(
        name="This quarter",
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=60),
    )

    staff = pages.new_page()
    staff.goto("/accounts/login/")
    staff.get_by_label("Username").fill("boss")
    staff.locator("#id_password").fill(DEFAULT_PASSWORD)
    staff.get_by_role("button", name="Sign In").click()
    staff.wait_for_url("**/staff/")
    pages.check_loaded_pages()
    staff.get_by_role("link", name="Service review").first.click()
    staff.wait_for_url("**/staff/review/")
    pages.check_loaded_pages()
    staff.get_by_role("link", name="This quarter", exact=True).click()
    staff.wait_for_url("**/staff/review/cycles/*/")
    pages.check_loaded_pages()
    staff.get_by_role("link", name="Make an action from this").click()
    staff.wait_for_url("**/actions/new/**")
    pages.check_loaded_pages()
    staff.get_by_label("What we heard").fill("Appointments clash with school.")
    staff.get_by_label("What we will do").fill(
        "We now offer appointments after school."
    )
    staff.get_by_role("button", name="Save the action").click()
    staff.wait_for_url("**/staff/review/actions/*/")
    pages.check_loaded_pages()
    staff.get_by_label("New status").select_option("done")
    staff.get_by_label("Progress note").first.fill("Times changed from Monday.")
    staff.get_by_role("button", name="Change the status").click()
    staff.wait_for_load_state()
    pages.check_loaded_pages()
    assert staff.locator("[data-status]").inner_text() == "Done"
    assert staff.get_by_text("Status changed from “Proposed” to “Done”").is_visible()

    young = pages.new_page(phone=True)
    young.goto("/")
    pages.check_loaded_pages()
    young.get_by_role("link", name="You said, we did").first.click()
    young.wait_for_url("**/you-said-we-did/")
    pages.check_loaded_pages()
    item = young.locator("article.ysdw-item")
    assert "Appointments clash with school." in item.inner_text()
    assert "We did this: We now offer appointments after school." in item.inner_text()
    assert "Kai" not in young.content()
    # Only the child who gave the feedback rates the response, from their receipt.
    assert item.get_by_role("button", name="Very well").count() == 0
    young.goto("/feedback/check/")
    young.get_by_label("Your receipt code").fill(feedback.receipt_code)
    young.get_by_role("button", name="Check", exact=True).click()
    young.wait_for_load_state()
    pages.check_loaded_pages()
    young.locator(".what-changed").get_by_role("button", name="Very well").click()
    young.wait_for_load_state()
    pages.check_loaded_pages()
    assert young.get_by_text("Thank you. You said we did: very well.").is_visible()
    assert (
        young.get_by_role("button", name="Very well").get_attribute("aria-pressed")
        == "true"
    )
