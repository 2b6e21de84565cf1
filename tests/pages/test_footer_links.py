"""The footer links to the pages chosen in the service settings, wherever they move."""

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from wagtail.models import Site

from pages.models import ServiceSettings, StandardPage
from tests.test_migrations import run_forward

pytestmark = pytest.mark.django_db


def add_plain_page(parent, title: str, slug: str) -> StandardPage:
    page = StandardPage(title=title, slug=slug)
    parent.add_child(instance=page)
    return page


def footer_of(html: str) -> str:
    return html.split('<footer class="site-footer">', 1)[1]


def choose_privacy_page(page) -> None:
    service = ServiceSettings.for_site(Site.objects.get(is_default_site=True))
    service.privacy_page = page
    service.save()


def test_renaming_the_chosen_privacy_page_keeps_the_footer_link_working(
    client, home_page
):
    privacy = add_plain_page(home_page, "Your privacy", "privacy")
    choose_privacy_page(privacy)
    assert 'href="/privacy/">Your privacy' in footer_of(
        client.get("/feedback/").content.decode()
    )

    privacy.slug = "how-we-keep-your-information"
    privacy.save_revision().publish()

    footer = footer_of(client.get("/feedback/").content.decode())
    assert 'href="/how-we-keep-your-information/">Your privacy' in footer
    assert 'href="/privacy/"' not in footer
    assert client.get("/how-we-keep-your-information/").status_code == 200


def test_the_privacy_notice_on_forms_follows_the_chosen_page(client, home_page):
    privacy = add_plain_page(home_page, "Your privacy", "our-privacy")
    choose_privacy_page(privacy)
    html = client.get("/feedback/").content.decode()
    notice = html.split('<footer class="site-footer">', 1)[0]
    assert 'href="/our-privacy/">' in notice


def test_without_a_chosen_page_the_footer_links_to_the_usual_paths(client, home_page):
    footer = footer_of(client.get("/feedback/").content.decode())
    for path in ("/about/", "/help/", "/privacy/", "/accessibility/"):
        assert f'href="{path}"' in footer


def test_an_unpublished_chosen_page_falls_back_to_the_usual_path(client, home_page):
    privacy = add_plain_page(home_page, "Your privacy", "our-privacy")
    choose_privacy_page(privacy)
    assert 'href="/our-privacy/"' in client.get("/feedback/").content.decode()
    privacy.unpublish()
    footer = footer_of(client.get("/feedback/").content.decode())
    assert 'href="/privacy/">Your privacy' in footer


def test_the_migration_chooses_the_pages_the_footer_linked_to_before(home_page):
    about = add_plain_page(home_page, "About us", "about")
    privacy = add_plain_page(home_page, "Your privacy", "privacy")
    add_plain_page(about, "Not the help page", "help")  # not at /help/
    site = Site.objects.get(is_default_site=True)
    ServiceSettings.objects.filter(site=site).delete()

    run_forward("pages", "0003_fill_footer_pages_from_slugs")

    service = ServiceSettings.objects.get(site=site)
    assert service.about_page_id == about.pk
    assert service.privacy_page_id == privacy.pk
    assert service.help_page_id is None
    assert service.accessibility_page_id is None
    assert ("pages", "0003_fill_footer_pages_from_slugs") in MigrationLoader(
        connection
    ).applied_migrations
