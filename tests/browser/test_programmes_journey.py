"""Programme staff publish an event through approval; a young person signs up on a
phone and saves it to their calendar; staff mark attendance on the day."""

import datetime
import io
import time

from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from programmes.models import EventPage, ProgrammePage, SignUp

PASSWORD = "demo-pass-123"


def wait_until(check, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return check()


def submitted(title: str) -> bool:
    event = EventPage.objects.filter(title=title).first()
    return event is not None and event.current_workflow_state is not None


def sign_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()


def test_event_is_approved_then_a_young_person_signs_up_and_staff_mark_attendance(
    pages, transactional_db, settings, tmp_path
):
    settings.STAFF_MFA_REQUIRED = False
    call_command("seed_demo", stdout=io.StringIO())
    programme = ProgrammePage.objects.get(slug="inspire")
    start = timezone.localtime() + datetime.timedelta(hours=3)

    # Programme staff write the event in the Wagtail admin and submit it.
    staff = pages.new_page()
    sign_in(staff, "programmes")
    staff.goto(f"/admin/pages/add/programmes/eventpage/{programme.pk}/")
    staff.locator("#id_title").fill("Football with the Riverside coaches")
    staff.locator("#id_summary").fill("A kickabout and a talk about coaching jobs.")
    staff.locator("#id_start").fill(start.strftime("%Y-%m-%d %H:%M"))
    staff.locator("#id_end").fill(
        (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    )
    staff.locator("#id_location_name").fill("Riverside Park pitches")
    staff.locator("#id_capacity").fill("1")
    staff.locator("#id_min_age").click()  # leave the date fields so their pickers close
    staff.get_by_role("button", name="More actions").click()
    staff.get_by_role("button", name="Submit to Programme approval").click()
    staff.wait_for_load_state()
    assert wait_until(lambda: submitted("Football with the Riverside coaches"))
    pages.pending.clear()  # the Wagtail admin is Wagtail's own; our pages are checked
    event = EventPage.objects.get(title="Football with the Riverside coaches")
    assert not event.live
    assert event.current_workflow_state is not None

    # A service manager approves it in the admin; it goes live.
    manager = pages.new_page()
    sign_in(manager, "manager")
    manager.goto(f"/admin/pages/{event.pk}/edit/")
    manager.get_by_role("button", name="More actions").click()
    manager.get_by_role("button", name="Approve and Publish").click()
    manager.wait_for_load_state()
    assert wait_until(lambda: EventPage.objects.get(pk=event.pk).live)
    pages.pending.clear()  # the Wagtail admin is Wagtail's own; our pages are checked

    # A young person finds it on a phone, signs up and saves it to their calendar.
    phone = pages.new_page(phone=True)
    sign_in(phone, "young1")
    pages.check_loaded_pages()
    phone.goto("/events/")
    pages.check_loaded_pages()
    phone.get_by_role("link", name="Football with the Riverside coaches").click()
    phone.wait_for_load_state()
    pages.check_loaded_pages()
    phone.get_by_role("link", name="Sign up").click()
    phone.wait_for_load_state()
    pages.check_loaded_pages()
    phone.get_by_label("Is there anything we should know").fill("I use a wheelchair")
    phone.get_by_label("I would like help getting there").check()
    phone.get_by_role("button", name="Sign up").click()
    phone.wait_for_url("**/events/my-participation/")
    pages.check_loaded_pages()
    assert phone.get_by_text("Done! You have a place").is_visible()
    with phone.expect_download() as download_info:
        phone.get_by_role("link", name="Add to my calendar").first.click()
    saved = tmp_path / "event.ics"
    download_info.value.save_as(saved)
    (item,) = Calendar.from_ical(saved.read_bytes()).events
    assert str(item["SUMMARY"]) == "Football with the Riverside coaches"
    assert str(item["DTSTART"].params["TZID"]) == "Europe/London"

    # On the day, staff mark them as here from a phone. The event is moved to
    # have begun a moment ago, so the test holds whatever the clock says (an
    # event three hours ahead is tomorrow when the test runs late in the day).
    EventPage.objects.filter(pk=event.pk).update(
        start=timezone.now() - datetime.timedelta(minutes=5),
        end=timezone.now() + datetime.timedelta(hours=2),
    )
    staff_phone = pages.new_page(phone=True)
    sign_in(staff_phone, "programmes")
    staff_phone.goto("/staff/events/")
    pages.check_loaded_pages()
    staff_phone.get_by_role("link", name="Football with the Riverside coaches").click()
    staff_phone.wait_for_load_state()
    pages.check_loaded_pages()
    assert staff_phone.get_by_text("I use a wheelchair").is_visible()
    staff_phone.get_by_role("button", name="Here – young1", exact=True).click()
    staff_phone.wait_for_load_state()
    pages.check_loaded_pages()
    assert staff_phone.get_by_text("young1 is marked as here.").is_visible()
    assert SignUp.objects.get(event=event, person__username="young1").attended is True
