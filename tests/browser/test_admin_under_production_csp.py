"""Programme staff write an event in the Wagtail admin under the production
security headers: the image chooser, the date and time picker and the page
chooser all work, and the browser reports no Content-Security-Policy violation."""

import datetime
import importlib
import sys

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission

from accounts import roles
from programmes.models import EventPage
from tests.browser.conftest import AXE_JS, BLOCKING_IMPACTS, sign_in
from tests.factories import ImageFactory, UserFactory
from tests.programmes.factories import make_programme, programme_index
from tests.surveys.factories import make_survey
from voice.surveys.models import Audience, SurveyPage

# The security headers production sends, read from the production settings.
PRODUCTION_HEADER_SETTINGS = [
    "CONTENT_SECURITY_POLICY",
    "WAGTAILADMIN_PATH_PREFIX",
    "ADMIN_CSP_STRICT_PATHS",
    "ADMIN_CONTENT_SECURITY_POLICY_UPDATE",
    "X_FRAME_OPTIONS",
    "SECURE_REFERRER_POLICY",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
]

# Findings in Wagtail's own admin markup, not in anything this project adds:
# the rich text editor's text box has no accessible name
# (aria-input-field-name), and the date picker's month and year switchers are
# unnamed buttons (button-name). Any other finding fails the test.
WAGTAIL_OWN_FINDINGS = {"aria-input-field-name", "button-name"}

REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(
    "securitypolicyviolation: " + event.violatedDirective + " " + event.blockedURI
  );
});
"""


@pytest.fixture
def production_headers(settings, monkeypatch):
    """This test's live server sends what production sends, through the same middleware."""
    monkeypatch.setenv("SECRET_KEY", "a-production-like-secret-for-this-test-only-123")
    monkeypatch.setenv("ALLOWED_HOSTS", "localhost")
    sys.modules.pop("config.settings.production", None)
    production = importlib.import_module("config.settings.production")
    assert settings.MIDDLEWARE == production.MIDDLEWARE
    for name in PRODUCTION_HEADER_SETTINGS:
        setattr(settings, name, getattr(production, name))
    # The live server speaks plain HTTP; in production the proxy in front ends TLS.
    settings.SECURE_SSL_REDIRECT = False
    # Staff MFA is proven in tests/security/test_mfa.py; here it would only add steps.
    settings.STAFF_MFA_REQUIRED = False
    return production


def csp_problems(messages: list[str]) -> list[str]:
    return [
        text
        for text in messages
        if "securitypolicyviolation" in text or "Content Security Policy" in text
    ]


def serious_findings(page) -> dict[str, list[str]]:
    page.evaluate(AXE_JS.read_text() + "\n;undefined")
    results = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a','wcag2aa',"
        "'wcag21a','wcag21aa','wcag22aa','best-practice']})"
    )
    return {
        finding["id"]: [node["target"][0] for node in finding["nodes"]]
        for finding in results["violations"]
        if finding["impact"] in BLOCKING_IMPACTS
    }


def pick_in_datetime_picker(page, field_id: str, when: datetime.datetime) -> None:
    """Open the field's picker and click the day, then the hour, as a person would."""
    page.locator(f"#{field_id}").click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    picker.wait_for()
    shown_month = picker.locator(".xdsoft_label.xdsoft_month span")
    target_month = when.strftime("%B")
    for _ in range(13):
        if shown_month.inner_text().strip() == target_month:
            break
        picker.locator("button.xdsoft_next").dispatch_event("click")
    picker.locator(
        f"td.xdsoft_date[data-date='{when.day}'][data-month='{when.month - 1}']"
        f"[data-year='{when.year}']"
    ).dispatch_event("click")
    # The hour list is drawn again after a day is picked, and may sit below
    # its scroll area: an event on the list itself reaches it either way.
    picker.locator(
        f".xdsoft_time[data-hour='{when.hour}'][data-minute='{when.minute}']"
    ).dispatch_event("click")


def test_programme_staff_give_an_event_a_picture_a_picked_time_and_a_survey(
    pages, production_headers, transactional_db, home_page
):
    staff = UserFactory(username="programmes", roles=[roles.PROGRAMME_STAFF])
    assert not staff.is_superuser
    programme = make_programme(programme_index(home_page), title="Climbing club")
    image = ImageFactory(title="Climbing wall")
    survey = make_survey(
        home_page,
        title="How was the climbing taster?",
        audience=Audience.ANYONE,
    )
    for group in staff.groups.all():
        for codename in ["add_page", "change_page"]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=survey.get_parent(),
                permission_id=_page_permission_id(codename),
            )
    start = (timezone.localtime() + datetime.timedelta(days=12)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )

    page = pages.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    sign_in(page, "programmes")

    response = page.goto(f"/admin/pages/add/programmes/eventpage/{programme.pk}/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    page.locator("#id_title").fill("Climbing taster")
    page.locator("#id_summary").fill("Try the climbing wall with an instructor.")
    page.locator("#id_location_name").fill("The climbing centre")
    page.locator("#id_capacity").fill("8")

    pick_in_datetime_picker(page, "id_start", start)
    page.locator("#id_location_name").click()  # leave the field so the picker closes
    page.locator("#id_end").fill(
        (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    )

    page.get_by_role("button", name="Choose an image").click()
    modal = page.locator(".modal-dialog")
    modal.locator(
        "a[data-chooser-modal-choice]", has_text="Climbing wall"
    ).first.click()
    page.locator("#id_image_alt").fill("A wall with coloured climbing holds.")
    assert page.locator("#id_image").input_value() == str(image.pk)

    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url("**/edit/")
    event = EventPage.objects.get(title="Climbing taster")
    assert event.image_id == image.pk
    assert event.start == start
    assert not event.live

    # The survey after the event is linked to it through Wagtail's page chooser.
    page.goto(f"/admin/pages/{survey.pk}/edit/")
    page.locator("#id_audience").select_option(Audience.EVENT_ATTENDEES)
    page.get_by_role("button", name="Choose a page").first.click()
    modal = page.locator(".modal-dialog")
    # Wagtail opens the chooser where the only pages of the right type are.
    modal.locator("a.choose-page", has_text="Climbing taster").click()
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state()
    pages.pending.clear()  # Wagtail's own survey form; the event page is checked below
    draft = SurveyPage.objects.get(pk=survey.pk).get_latest_revision_as_object()
    assert draft.event_id == event.pk
    assert draft.audience == Audience.EVENT_ATTENDEES

    # The event's edit page, as programme staff see it, checked with axe.
    page.goto(f"/admin/pages/{event.pk}/edit/")
    findings = serious_findings(page)
    pages.pending.clear()  # checked just above, with Wagtail's own findings named
    assert set(findings) <= WAGTAIL_OWN_FINDINGS, findings

    assert csp_problems(messages) == []


def _page_permission_id(codename: str) -> int:
    return Permission.objects.get(
        content_type__app_label="wagtailcore", codename=codename
    ).pk
