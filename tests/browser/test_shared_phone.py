"""One phone passed from child to child: Back, Reload and history bring nothing back."""

import io

from django.core.management import call_command
from django.utils import timezone

from tests.browser.conftest import press_back
from voice.feedback.models import Feedback, Speaker, Topic
from voice.feedback.services import give_feedback
from voice.moderation.models import ModeratedText

NARROW_PHONE = {"width": 390, "height": 844}
FIRST_CHILDS_WORDS = "My worker came late three times and I missed football."


def a_phone(pages):
    page = pages.new_page(phone=True)
    page.set_viewport_size(NARROW_PHONE)
    return page


def send_feedback(page, words: str) -> str:
    page.goto("/feedback/")
    page.get_by_role("group", name="Who is giving this feedback?").get_by_label(
        "A young person"
    ).check()
    page.get_by_label("What is it about?").select_option(label="Appointments")
    page.get_by_role("radio", name="Unhappy", exact=True).check()
    page.get_by_label("What do you want to tell us?").fill(words)
    page.get_by_role(
        "group", name="Can we share this on the website, without your name?"
    ).get_by_label("No").check()
    page.get_by_role("group", name="Do you want a reply?").get_by_label("Yes").check()
    page.get_by_role("button", name="Send my feedback").click()
    page.wait_for_url("**/feedback/thank-you/")
    return page.locator("[data-receipt-code]").inner_text().strip()


def test_back_after_sending_shows_the_next_child_an_empty_form_and_saves_no_copy(
    pages, transactional_db
):
    call_command("seed_demo", stdout=io.StringIO())
    before = Feedback.objects.count()
    page = a_phone(pages)
    first_code = send_feedback(page, FIRST_CHILDS_WORDS)
    pages.check_loaded_pages()

    page.go_back()
    page.wait_for_load_state()
    pages.check_loaded_pages()

    assert page.get_by_label("What do you want to tell us?").input_value() == ""
    assert FIRST_CHILDS_WORDS not in page.content()
    assert not page.get_by_role("radio", name="Unhappy", exact=True).is_checked()

    # The next child presses Send without writing anything: nothing is saved and
    # no receipt is shown, least of all one for the first child's words.
    page.get_by_role("button", name="Send my feedback").click()
    page.wait_for_load_state()
    assert page.locator("[data-receipt-code]").count() == 0
    assert first_code not in page.content()
    assert Feedback.objects.count() == before + 1


def test_back_to_the_thank_you_page_does_not_show_the_receipt_again(
    pages, transactional_db
):
    call_command("seed_demo", stdout=io.StringIO())
    page = a_phone(pages)
    code = send_feedback(page, FIRST_CHILDS_WORDS)
    page.goto("/")
    page.go_back()
    page.wait_for_load_state()
    pages.check_loaded_pages()
    assert code not in page.content()
    page.reload()
    page.wait_for_load_state()
    assert code not in page.content()


def an_answered_receipt() -> Feedback:
    feedback, _ = give_feedback(
        speaker=Speaker.YOUNG_PERSON,
        topic=Topic.objects.filter(active=True).first(),
        feeling=2,
        text=FIRST_CHILDS_WORDS,
        share_consent=False,
        wants_reply=True,
    )
    item = feedback.moderated_text
    item.status = ModeratedText.Status.APPROVED
    item.reply = "Sorry about that. We have moved your appointments to Tuesdays."
    item.decided_at = timezone.now()
    item.save()
    return feedback


def test_back_and_reload_on_the_receipt_check_page_show_nothing_of_the_last_child(
    pages, transactional_db
):
    call_command("seed_demo", stdout=io.StringIO())
    feedback = an_answered_receipt()
    reply = feedback.moderated_text.reply
    page = a_phone(pages)
    page.goto("/feedback/check/")
    page.get_by_label("Your receipt code").fill(feedback.receipt_code)
    page.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_load_state()
    pages.check_loaded_pages()
    assert reply in page.content()

    # The child leaves; the next child presses Back, then Reload.
    page.goto("/")
    press_back(page)
    assert reply not in page.content()
    assert feedback.receipt_code not in page.content()
    page.reload()
    page.wait_for_load_state()
    pages.check_loaded_pages()
    assert reply not in page.content()
    assert feedback.receipt_code not in page.content()
    assert page.get_by_label("Your receipt code").input_value() == ""

    # Reload straight on the result page (the browser re-posts the form) too.
    page.get_by_label("Your receipt code").fill(feedback.receipt_code)
    page.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_load_state()
    assert reply in page.content()
    page.reload()
    page.wait_for_load_state()
    assert reply not in page.content()
    assert feedback.receipt_code not in page.content()
