"""A young person looks at their data, downloads it, stops sharing and deletes their account."""

import io
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command

from accounts import roles
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.privacy.factories import feedback


def test_young_person_downloads_their_data_and_deletes_their_account(
    pages, transactional_db
):
    call_command("seed_demo", stdout=io.StringIO())
    person = UserFactory(username="skylark", roles=[roles.YOUNG_PERSON])
    shared = feedback(
        author=person,
        text="The youth club is the best bit.",
        topic_name="Activities",
        share_consent=True,
    )
    page = pages.new_page(phone=True)

    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("skylark")
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(lambda url: url.endswith("/"))
    pages.check_loaded_pages()

    page.goto("/accounts/email/")
    page.get_by_role("navigation", name="Your account").get_by_role(
        "link", name="My data"
    ).click()
    page.wait_for_url("**/my-data/")
    pages.check_loaded_pages()
    assert page.get_by_role("heading", level=1).inner_text() == "My data"

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download everything as a file (JSON)").click()
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert data["Username"] == "skylark"
    assert data["sections"]["Feedback"][0]["What you said"] == (
        "The youth club is the best bit."
    )

    page.get_by_role("link", name="See everything on one page").click()
    page.wait_for_url("**/my-data/everything/")
    pages.check_loaded_pages()
    assert page.get_by_text("The youth club is the best bit.").first.is_visible()
    page.get_by_role("link", name="Back to My data").click()
    page.wait_for_url("**/my-data/")

    page.get_by_role("button", name="Stop sharing my feedback about Activities").click()
    page.wait_for_url("**/my-data/")
    pages.check_loaded_pages()
    assert page.get_by_text("no longer shared on our website").is_visible()
    shared.refresh_from_db()
    assert not shared.is_shared

    page.get_by_role("link", name="Delete my account").click()
    page.wait_for_url("**/my-data/delete/")
    pages.check_loaded_pages()
    page.get_by_label("Keep my words without my name").check()
    page.get_by_label("Your password").fill(DEFAULT_PASSWORD)
    page.get_by_label("I understand that my account cannot come back").check()
    page.get_by_role("button", name="Delete my account now").click()
    page.wait_for_url("**/my-data/deleted/")
    pages.check_loaded_pages()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Your account is deleted"
    )
    assert page.get_by_role("link", name="Sign in").is_visible()
    assert not get_user_model().objects.filter(username="skylark").exists()
    shared.refresh_from_db()
    assert shared.author_id is None
    assert shared.moderated_text.text == "The youth club is the best bit."
