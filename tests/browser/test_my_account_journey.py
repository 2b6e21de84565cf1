"""A young person's own account on a phone: plain words, a change that is saved,
and "I'm done: sign out" that leaves nothing of theirs for Back to show."""

from django.contrib.auth import get_user_model

from accounts import roles
from tests.browser.conftest import press_back, sign_in
from tests.factories import DEFAULT_PASSWORD, UserFactory

NEW_PASSWORD = "green-kite-river-42"


def test_a_young_person_changes_their_password_then_signs_out_and_back_shows_nothing(
    pages, home_page
):
    young = UserFactory(username="kai-sky", roles=[roles.YOUNG_PERSON])
    page = pages.new_page(phone=True)
    sign_in(page, young.username)

    # My account, from the header: theirs, in plain words, no nudge for an email.
    page.locator("header").get_by_role("link", name="My account").click()
    page.wait_for_url("**/accounts/")
    pages.check_loaded_pages()
    main = page.locator("main")
    assert main.get_by_role("heading", name="My account", level=1).is_visible()
    assert young.username in main.inner_text()
    assert "You do not need an email address" in main.inner_text()
    for nudge in ["You should really", "Email Addresses", "Unverified", "Primary"]:
        assert nudge not in page.content(), nudge

    # Change the password, and see that it was saved.
    main.get_by_role("link", name="Change your password").click()
    page.wait_for_load_state()
    pages.check_loaded_pages()
    page.locator("#id_oldpassword").fill("not-my-password")
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    main.get_by_role("button", name="Save my new password").click()
    page.wait_for_load_state()
    pages.check_loaded_pages()
    # A wrong current password is said beside it, and nothing changes.
    assert page.locator(".field:has(#id_oldpassword) .errorlist").is_visible()
    assert not get_user_model().objects.get(pk=young.pk).check_password(NEW_PASSWORD)

    page.locator("#id_oldpassword").fill(DEFAULT_PASSWORD)
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    main.get_by_role("button", name="Save my new password").click()
    page.wait_for_load_state()
    pages.check_loaded_pages()
    page.wait_for_url("**/accounts/")
    assert (
        page.locator(".messages")
        .get_by_text("Your new password is saved.")
        .is_visible()
    )
    assert get_user_model().objects.get(pk=young.pk).check_password(NEW_PASSWORD)

    # "I'm done": signed out, and the header offers signing in again.
    page.goto("/accounts/")
    page.locator("main").get_by_role("button", name="I'm done: sign out").click()
    page.wait_for_load_state()
    pages.check_loaded_pages()
    header = page.locator("header")
    assert header.get_by_role("link", name="Sign in").is_visible()
    assert header.get_by_role("link", name="My account").count() == 0

    # Back, then Reload: no page of theirs comes back from the browser.
    press_back(page)
    assert "/accounts/login/" in page.url
    page.reload()
    page.wait_for_load_state()
    for shown in [page.content(), page.locator("main").inner_text()]:
        assert young.username not in shown
        assert "Your name on this site" not in shown
    assert page.locator("header").get_by_role("link", name="My account").count() == 0
    pages.check_loaded_pages()

    # The new password is the one that opens the account now.
    sign_in(page, young.username, NEW_PASSWORD)
    assert page.locator("header").get_by_role("link", name="My account").is_visible()
