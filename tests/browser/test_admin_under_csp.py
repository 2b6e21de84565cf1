"""Programme staff publish an event with a picture, a picked date and a linked survey
in the Wagtail admin, with the production security headers on."""

import datetime
import importlib
import io
import sys
import time

from django.core.files.images import ImageFile
from django.core.management import call_command
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images.models import Image

from programmes.models import EventPage, ProgrammePage
from voice.surveys.models import SurveyPage

PASSWORD = "demo-pass-123"
TITLE = "Bouldering night at the Foundry"


def wait_until(check, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return check()


def production_headers(settings, monkeypatch) -> None:
    """The production module's security headers (HTTPS redirects aside: the test
    server speaks plain HTTP)."""
    monkeypatch.setenv(
        "SECRET_KEY", "a-production-like-secret-for-this-test-1234567890"
    )
    monkeypatch.setenv("ALLOWED_HOSTS", "localhost")
    sys.modules.pop("config.settings.production", None)
    production = importlib.import_module("config.settings.production")
    for name in [
        "CONTENT_SECURITY_POLICY",
        "WAGTAILADMIN_PATH_PREFIX",
        "ADMIN_CSP_STRICT_PATHS",
        "ADMIN_CONTENT_SECURITY_POLICY_UPDATE",
        "X_FRAME_OPTIONS",
        "SECURE_REFERRER_POLICY",
        "SECURE_CONTENT_TYPE_NOSNIFF",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY",
        "MIDDLEWARE",
    ]:
        setattr(settings, name, getattr(production, name))
    settings.STAFF_MFA_REQUIRED = False  # as in every browser test


def a_picture() -> Image:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 400), (40, 120, 200)).save(buffer, format="PNG")
    return Image.objects.create(
        title="Climbing wall", file=ImageFile(buffer, name="climbing-wall.png")
    )


def sign_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()


def pick_a_date(page, field_id: str, day: datetime.date, hour: int) -> None:
    """Open the field's date picker and click a day and an hour in it."""
    page.locator(f"#{field_id}").click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    picker.wait_for(timeout=5000)
    while not picker.locator(
        f"td.xdsoft_date[data-date='{day.day}'][data-month='{day.month - 1}']"
        f"[data-year='{day.year}']"
    ).count():
        picker.locator("button.xdsoft_next").first.click()
    picker.locator(
        f"td.xdsoft_date[data-date='{day.day}'][data-month='{day.month - 1}']"
        f"[data-year='{day.year}']"
    ).click()
    picker.locator(f".xdsoft_time[data-hour='{hour}'][data-minute='0']").click()


def test_programme_staff_make_an_event_with_picture_date_and_survey_under_production_csp(
    pages, transactional_db, settings, monkeypatch
):
    production_headers(settings, monkeypatch)
    call_command("seed_demo", stdout=io.StringIO())
    picture = a_picture()
    programme = ProgrammePage.objects.get(slug="inspire")
    day = (timezone.localtime() + datetime.timedelta(days=40)).date()

    staff = pages.new_page()
    refused = []
    staff.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    staff.on("pageerror", lambda error: refused.append(str(error)))
    sign_in(staff, "programmes")
    staff.goto(f"/admin/pages/add/programmes/eventpage/{programme.pk}/")
    staff.locator("#id_title").fill(TITLE)
    staff.locator("#id_summary").fill(
        "Have a go on the climbing wall, with instructors."
    )
    pick_a_date(staff, "id_start", day, 14)
    pick_a_date(staff, "id_end", day, 16)
    staff.locator("#id_location_name").fill("Riverside climbing centre")
    staff.locator("#id_capacity").fill("8")

    # The image chooser opens, lists the library, and the chosen picture shows.
    staff.get_by_role("button", name="Choose an image").click()
    modal = staff.locator(".modal-dialog")
    modal.get_by_role("link", name="Climbing wall").first.click()
    staff.locator("[data-chooser-title]", has_text="Climbing wall").first.wait_for()
    staff.wait_for_function(
        f"document.querySelector('input[name=image]').value == '{picture.pk}'"
    )
    staff.locator("#id_image_alt").fill("Two young people on a climbing wall")
    staff.get_by_role("button", name="More actions").click()
    staff.get_by_role("button", name="Submit to Programme approval").click()
    staff.wait_for_load_state()
    assert wait_until(lambda: EventPage.objects.filter(title=TITLE).exists())
    event = EventPage.objects.get(title=TITLE)
    start = timezone.localtime(event.start)
    assert (start.date(), start.hour) == (day, 14)
    assert timezone.localtime(event.end).hour == 16
    assert event.image_id == picture.pk

    # A post-event survey is linked to the event with the page chooser.
    survey = SurveyPage.objects.live().first()
    staff.goto(f"/admin/pages/{survey.pk}/edit/")
    staff.get_by_role("button", name="Choose a page").first.click()
    modal = staff.locator(".modal-dialog")
    modal.get_by_role("textbox", name="Search term").fill("Bouldering")
    modal.get_by_role("link", name=TITLE).first.click()
    staff.locator("[data-chooser-title]", has_text=TITLE).first.wait_for()
    staff.get_by_role("button", name="More actions").click()
    staff.get_by_role("button", name="Save draft").click()
    staff.wait_for_load_state()
    assert wait_until(
        lambda: (
            SurveyPage.objects.get(pk=survey.pk)
            .get_latest_revision_as_object()
            .event_id
            == event.pk
        )
    )
    pages.pending.clear()  # the Wagtail admin is Wagtail's own; our pages are checked
    assert not refused, refused

    # Once approved, the event page shows the picture.
    event.get_latest_revision().publish()
    visitor = pages.new_page()
    visitor.goto(event.get_url())
    pages.check_loaded_pages()
    shown = visitor.get_by_role("img", name="Two young people on a climbing wall")
    assert shown.is_visible()
    assert "/images/" in shown.get_attribute("src")
