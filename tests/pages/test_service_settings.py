"""The service's name and contact details on every page, kept in the cache between edits."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from pages.models import ServiceSettings

pytestmark = pytest.mark.django_db


def save_service_settings(**values) -> ServiceSettings:
    service = ServiceSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(service, name, value)
    service.save()
    return service


def test_every_page_shows_the_service_name_and_phone(client):
    save_service_settings(service_name="Riverside Youth Justice", phone="01234 567890")
    html = client.get("/feedback/").content.decode()
    assert "Riverside Youth Justice" in html
    assert 'href="tel:01234567890">01234 567890</a>' in html


def test_a_changed_phone_number_shows_on_the_next_page(client):
    save_service_settings(phone="01234 567890")
    client.get("/feedback/")
    save_service_settings(phone="09876 543210")
    html = client.get("/feedback/").content.decode()
    assert "09876 543210" in html
    assert "01234 567890" not in html


def test_deleted_settings_leave_the_usual_name_and_no_phone(client):
    service = save_service_settings(service_name="Riverside", phone="01234 567890")
    client.get("/feedback/")
    service.delete()
    html = client.get("/feedback/").content.decode()
    assert "01234 567890" not in html
    assert "Youth Justice Service" in html  # the field's default, made afresh


def test_pages_after_the_first_do_not_look_the_settings_up_again(client):
    save_service_settings(service_name="Riverside Youth Justice")
    client.get("/feedback/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/feedback/").content.decode()
    assert "Riverside Youth Justice" in html
    asked = " ".join(query["sql"] for query in queries)
    assert "pages_servicesettings" not in asked
    assert "wagtailcore_site" not in asked
