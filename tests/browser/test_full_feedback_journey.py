"""The whole loop: an anonymous young person's words are moderated, shared, answered,
turned into a change, and the receipt code tells them what changed."""

import datetime

from django.utils import timezone

from accounts import roles
from tests.browser.conftest import sign_in
from tests.factories import UserFactory
from tests.review.factories import ReviewCycleFactory
from voice.feedback.models import Feedback, Topic
from voice.moderation.models import ModeratedText

WORDS = "I'm Kai Jones and my appointments are always in school time."
REDACTED = "I'm [name] and my appointments are always in school time."
REPLY = "Thank you. We are looking at appointment times."


def test_anonymous_feedback_is_moderated_shared_answered_and_changes_something(
    pages, transactional_db, home_page, settings
):
    settings.STAFF_MFA_REQUIRED = False  # MFA has its own tests
    Topic.objects.get_or_create(name="Appointments")
    UserFactory(username="moderator-kim", roles=[roles.MODERATOR])
    UserFactory(username="boss", roles=[roles.SERVICE_MANAGER])
    today = timezone.localdate()
    ReviewCycleFactory(
        name="This quarter",
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=60),
    )

    # A young person on a phone, not signed in, gives feedback.
    young = pages.new_page(phone=True)
    young.goto("/feedback/")
    pages.check_loaded_pages()
    assert young.get_by_role(
        "heading", name="What happens to what you tell us"
    ).is_visible()
    young.get_by_role("group", name="Who is giving this feedback?").get_by_label(
        "A young person"
    ).check()
    young.get_by_label("What is it about?").select_option(label="Appointments")
    young.get_by_role("radio", name="Unhappy", exact=True).check()
    young.get_by_label("What do you want to tell us?").fill(WORDS)
    young.get_by_role(
        "group", name="Can we share this on the website, without your name?"
    ).get_by_label("Yes").check()
    young.get_by_role("group", name="Do you want a reply?").get_by_label("Yes").check()
    young.get_by_role("button", name="Send my feedback").click()
    young.wait_for_url("**/feedback/thank-you/")
    pages.check_loaded_pages()
    code = young.locator("[data-receipt-code]").inner_text().strip()
    feedback = Feedback.objects.get(receipt_code=code)
    assert feedback.author is None and feedback.wants_reply

    # A moderator, in their own browser, claims it, replies and approves a redaction.
    moderator = pages.new_page()
    sign_in(moderator, "moderator-kim")
    moderator.goto("/staff/moderation/")
    pages.check_loaded_pages()
    row = moderator.locator(f"[data-item-id='{feedback.moderated_text_id}']")
    assert "school time" in row.inner_text()
    row.get_by_role("button", name="Claim").click()
    moderator.wait_for_url(f"**/staff/moderation/{feedback.moderated_text_id}/")
    pages.check_loaded_pages()
    moderator.get_by_label("Reply to the person who wrote this").fill(REPLY)
    moderator.get_by_role("button", name="Save reply").click()
    moderator.wait_for_load_state()
    pages.check_loaded_pages()
    redaction = moderator.get_by_label(
        "Text to share (edit to remove personal details)"
    )
    redaction.fill(REDACTED)
    moderator.get_by_role("button", name="Approve", exact=True).click()
    moderator.wait_for_url("**/staff/moderation/")
    pages.check_loaded_pages()
    assert moderator.get_by_text("Approved.").is_visible()
    item = ModeratedText.objects.get(pk=feedback.moderated_text_id)
    assert item.status == ModeratedText.Status.APPROVED
    assert item.text == WORDS  # the original is kept for staff

    # The shared page shows the redacted words and the reply, never the name.
    young.goto("/feedback/shared/")
    pages.check_loaded_pages()
    shared = young.locator("main")
    assert REDACTED in shared.inner_text()
    assert REPLY in shared.inner_text()
    assert "Kai" not in young.content() and "Jones" not in young.content()

    # The receipt code, typed as people type it, says "shared" with the reply.
    young.goto("/feedback/check/")
    pages.check_loaded_pages()
    young.get_by_label("Your receipt code").fill(code.lower().replace("-", " "))
    young.get_by_role("button", name="Check", exact=True).click()
    young.wait_for_load_state()
    pages.check_loaded_pages()
    assert "Shared" in young.locator(".status-title").inner_text()
    assert REPLY in young.locator(".reply").inner_text()
    assert young.locator(".what-changed").count() == 0

    # A service manager makes an action from it and marks it done.
    staff = pages.new_page()
    sign_in(staff, "boss")
    staff.goto("/staff/review/")
    pages.check_loaded_pages()
    staff.get_by_role("link", name="This quarter", exact=True).click()
    staff.wait_for_url("**/staff/review/cycles/*/")
    pages.check_loaded_pages()
    staff.get_by_role(
        "link", name=f"Make an action from this (Feedback {feedback.pk})"
    ).click()
    staff.wait_for_url("**/actions/new/**")
    pages.check_loaded_pages()
    assert (
        str(feedback.pk) in staff.get_by_label("Feedback this came from").input_value()
    )
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

    # The receipt code now shows what changed because of it.
    young.goto("/feedback/check/")
    young.get_by_label("Your receipt code").fill(code)
    young.get_by_role("button", name="Check", exact=True).click()
    young.wait_for_load_state()
    pages.check_loaded_pages()
    changed = young.locator(".what-changed")
    assert changed.get_by_role(
        "heading", name="What changed because of it"
    ).is_visible()
    assert "We now offer appointments after school." in changed.inner_text()
    assert "Appointments clash with school." in changed.inner_text()
