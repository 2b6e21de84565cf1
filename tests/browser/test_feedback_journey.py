"""An anonymous young person gives feedback on a phone, keeps the receipt code and checks it."""

import io

from django.core.management import call_command

from voice.feedback.models import Feedback
from voice.safeguarding.models import SafeguardingConcern


def test_anonymous_young_person_gives_feedback_and_checks_it_with_the_code(
    pages, transactional_db
):
    call_command("seed_demo", stdout=io.StringIO())
    page = pages.new_page(phone=True)

    page.goto("/")
    pages.check_loaded_pages()
    page.get_by_role("link", name="Give feedback").first.click()
    page.wait_for_url("**/feedback/")
    pages.check_loaded_pages()

    # Sending it empty shows what to fix, linked to each field.
    page.get_by_role("button", name="Send my feedback").click()
    page.wait_for_load_state()
    pages.check_loaded_pages()
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert "Write what you want to tell us." in summary.inner_text()

    page.get_by_role("group", name="Who is giving this feedback?").get_by_label(
        "A young person"
    ).check()
    page.get_by_label("What is it about?").select_option(label="Appointments")
    page.get_by_role("radio", name="Happy", exact=True).check()
    page.get_by_label("What do you want to tell us?").fill(
        "Having my appointment after school is much better."
    )
    page.get_by_role(
        "group", name="Can we share this on the website, without your name?"
    ).get_by_label("Yes").check()
    page.get_by_role("group", name="Do you want a reply?").get_by_label("No").check()
    page.get_by_role("button", name="Send my feedback").click()
    page.wait_for_url("**/feedback/thank-you/")
    pages.check_loaded_pages()

    code = page.locator("[data-receipt-code]").inner_text().strip()
    feedback = Feedback.objects.get(receipt_code=code)
    assert feedback.author is None
    assert "Write it down" in page.content()

    page.get_by_role("link", name="Check my feedback later").click()
    page.wait_for_url("**/feedback/check/")
    pages.check_loaded_pages()
    page.get_by_label("Your receipt code").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_load_state()
    pages.check_loaded_pages()
    assert "Received." in page.locator(".status-title").inner_text()
    assert code not in page.url

    # Going back to the thank-you page does not show the code again.
    page.goto("/feedback/thank-you/")
    pages.check_loaded_pages()
    assert page.locator("[data-receipt-code]").count() == 0


def test_the_unsafe_button_shows_help_at_once(pages, transactional_db):
    call_command("seed_demo", stdout=io.StringIO())
    page = pages.new_page(phone=True)
    page.goto("/feedback/")
    pages.check_loaded_pages()
    page.get_by_role("button", name="I don't feel safe").click()
    page.wait_for_url("**/feedback/unsafe/sent/")
    pages.check_loaded_pages()
    assert page.get_by_role("heading", level=1).inner_text() == "We have told someone"
    assert page.get_by_role("link", name="0800 1111").first.is_visible()
    assert SafeguardingConcern.objects.filter(
        source=SafeguardingConcern.Source.UNSAFE_BUTTON
    ).exists()
