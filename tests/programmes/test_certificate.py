"""The certificate names the programme and the chosen name, and its reference checks publicly."""

import datetime

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from pages.models import ServiceSettings
from programmes.models import Certificate, SignUp
from tests.programmes.factories import make_event

pytestmark = pytest.mark.django_db
SERVICE = "Northtown Youth Justice Service"
CHECK = "/certificates/check/"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def service_named(home_page):
    from wagtail.models import Site

    settings_row = ServiceSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.service_name = SERVICE
    settings_row.save()


@pytest.fixture
def attended(programme, young_person):
    went = make_event(
        programme, title="Studio day", starts_in=-datetime.timedelta(days=9)
    )
    SignUp.objects.create(
        event=went, person=young_person, status=SignUp.Status.PLACE, attended=True
    )
    return went


def issue(client, **changes):
    form = client.get(reverse("events:certificate")).context["form"]
    data = {
        "name_shown": "Jordan Smith",
        "activities": [key for key, _label in form.fields["activities"].choices],
        **changes,
    }
    response = client.post(reverse("events:certificate"), data)
    assert response.status_code == 302, response.content.decode()
    return client.get(response["Location"]), Certificate.objects.latest("pk")


def test_the_certificate_shows_the_chosen_name_and_programme_not_the_service_or_username(
    client_for, young_person, attended, service_named
):
    client = client_for(young_person)
    assert SERVICE in client.get(reverse("events:certificate")).content.decode()
    page, certificate = issue(client)
    html = page.content.decode()
    assert "Jordan Smith" in html and "Studio day" in html and "Inspire" in html
    assert SERVICE not in html  # not in the header, title or certificate
    assert young_person.username not in html
    assert certificate.reference in html and CHECK in html


def test_the_service_is_named_only_when_the_person_chooses(
    client_for, young_person, attended, service_named
):
    page, certificate = issue(client_for(young_person), include_service_name="on")
    assert SERVICE in page.content.decode()
    assert certificate.service_name == SERVICE


def test_the_reference_checks_however_it_is_typed(client_for, young_person, attended):
    _page, certificate = issue(client_for(young_person))
    Certificate.objects.filter(pk=certificate.pk).update(reference="0A1C-2F5H-8K")
    for typed in ("0a1c-2f5h-8k", "0A1C2F5H8K", " oaic 2f5h 8k ", "OALC-ZFSH-BK"):
        html = Client().post(CHECK, {"reference": typed}).content.decode()
        assert "This certificate is real" in html, typed
        assert "Jordan Smith" in html and "Studio day" in html
        assert young_person.username not in html


def test_a_wrong_or_withdrawn_reference_is_not_found(
    client_for, young_person, attended
):
    client = client_for(young_person)
    _page, certificate = issue(client)
    wrong = Client().post(CHECK, {"reference": "7KQ4-M9XA-3F"})
    assert "We could not find a certificate with that reference" in (
        wrong.content.decode()
    )
    client.post(
        reverse(
            "events:withdraw_certificate", kwargs={"certificate_id": certificate.pk}
        )
    )
    withdrawn = Client().post(CHECK, {"reference": certificate.reference})
    assert "We could not find a certificate" in withdrawn.content.decode()
    assert "Jordan Smith" not in withdrawn.content.decode()


def test_checks_are_rate_limited_per_browser_and_per_address():
    browser = Client()
    for _ in range(10):
        assert browser.post(CHECK, {"reference": "7KQ4-M9XA-3F"}).status_code == 400
    assert browser.post(CHECK, {"reference": "7KQ4-M9XA-3F"}).status_code == 429
    cache.clear()
    # a room of 30 on one network may check once each; the 31st is refused
    for _ in range(30):
        assert Client().post(CHECK, {"reference": "x"}).status_code == 400
    refused = Client().post(CHECK, {"reference": "7KQ4-M9XA-3F"})
    assert refused.status_code == 429
    assert "Please wait a minute" in refused.content.decode()


@pytest.mark.parametrize("typed", ["", "A" * 500, "<script>", "7KQ4-M9XA-3F!!", "é"])
def test_bad_references_get_a_message_beside_the_field(typed):
    response = Client().post(CHECK, {"reference": typed})
    assert response.status_code == 400
    assert response.context["form"].errors["reference"]


@pytest.mark.parametrize("name", ["", "   ", "J" * 71, "Jo\x00rdan"])
def test_bad_names_get_a_message_beside_the_field_and_issue_nothing(
    client_for, young_person, attended, name
):
    response = client_for(young_person).post(
        reverse("events:certificate"), {"name_shown": name}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["name_shown"]
    assert not Certificate.objects.exists()


def test_another_persons_certificate_is_not_visible_or_withdrawable(
    client_for, young_person, attended, young_people
):
    _page, certificate = issue(client_for(young_person))
    other = client_for(young_people(1)[0])
    assert certificate.reference not in (
        other.get(reverse("events:my_participation")).content.decode()
    )
    url = reverse(
        "events:issued_certificate", kwargs={"certificate_id": certificate.pk}
    )
    assert other.get(url).status_code == 404
    withdraw = reverse(
        "events:withdraw_certificate", kwargs={"certificate_id": certificate.pk}
    )
    assert other.post(withdraw).status_code == 404
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def test_my_participation_lists_my_certificates(client_for, young_person, attended):
    client = client_for(young_person)
    _page, certificate = issue(client)
    html = client.get(reverse("events:my_participation")).content.decode()
    assert certificate.reference in html and "Withdraw this certificate" in html


def test_the_data_export_holds_the_certificate_and_erasure_removes_it(
    client_for, young_person, attended
):
    from privacy.export import export_document
    from privacy.registry import erase_everywhere

    _page, certificate = issue(client_for(young_person))
    rows = export_document(young_person)["sections"]["Events and certificates"]
    assert any(
        row.get("Certificate reference") == certificate.reference for row in rows
    )
    erase_everywhere(young_person, keep_anonymised=False)
    assert not Certificate.objects.exists()


def test_the_certificate_page_keeps_the_one_safety_control_in_the_header_it_does_not_print(
    client_for, young_person, attended
):
    page, _certificate = issue(client_for(young_person))
    html = page.content.decode()
    header = html.split('<header class="site-header">', 1)[1].split("</header>")[0]
    assert 'action="/feedback/unsafe/"' in header
    assert html.count("data-help-link") == 1
    # The printed certificate leaves out the header, so the control with it.
    css = (settings.BASE_DIR / "site" / "static" / "css" / "site.css").read_text()
    print_rules = css.split("@media print", 1)[1].split("}", 1)[0]
    assert ".site-header" in print_rules
