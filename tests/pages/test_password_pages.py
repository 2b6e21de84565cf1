"""A page or document behind a shared password: asked for in the site's layout, with a limit on tries."""

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from pages.models import StandardPage
from tests.factories import page_behind_a_password

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_page(home_page):
    return page_behind_a_password(
        home_page,
        StandardPage(title="Tuesday group", slug="tuesday-group"),
        password="river42",
    )


def try_password(client, group_page, password):
    restriction = PageViewRestriction.objects.get(page=group_page)
    return client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{group_page.pk}/",
        {"password": password, "return_url": group_page.url},
    )


def test_a_password_page_asks_in_the_sites_layout_with_help_one_tap_away(
    client, group_page
):
    response = client.get(group_page.url)

    page = response.content.decode()
    assert "This page needs a password" in page
    assert "I don&#x27;t feel safe" in page or "I don't feel safe" in page
    assert 'class="site-footer' in page or "<footer" in page
    assert "Tuesday group" not in page.split("<main", 1)[1]


def test_a_wrong_password_says_so_beside_the_field_and_opens_nothing(
    client, group_page
):
    response = try_password(client, group_page, "guess")

    page = response.content.decode()
    assert response.status_code == 200
    assert "This page needs a password" in page
    assert 'id="id_password_error"' in page
    assert 'aria-describedby="id_password_error' in page


def test_the_right_password_opens_the_page(client, group_page):
    try_password(client, group_page, "river42")

    assert "<h1>Tuesday group</h1>" in client.get(group_page.url).content.decode()


def test_guessing_a_page_password_from_one_browser_is_stopped_and_said_beside_it(
    client, group_page
):
    cache.clear()
    for guess in range(10):
        assert try_password(client, group_page, f"guess-{guess}").status_code == 200

    stopped = try_password(client, group_page, "river42")

    assert stopped.status_code == 429
    page = stopped.content.decode()
    assert "Too many tries" in page
    assert 'id="id_password_error"' in page
    assert "<h1>Tuesday group</h1>" not in client.get(group_page.url).content.decode()


def test_a_room_of_thirty_on_one_network_all_open_the_page_with_its_password(
    group_page,
):
    cache.clear()
    for _person in range(30):
        browser = Client()
        response = try_password(browser, group_page, "river42")
        assert response.status_code == 302
        assert "<h1>Tuesday group</h1>" in browser.get(group_page.url).content.decode()


def test_guessing_a_document_collections_password_is_stopped_too(client, home_page):
    cache.clear()
    collection = Collection.get_first_root_node().add_child(name="Session sheets")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="river42",
    )
    url = f"/documents/authenticate_with_password/{restriction.pk}/"
    for guess in range(10):
        client.post(url, {"password": f"guess-{guess}", "return_url": "/"})

    stopped = client.post(url, {"password": "river42", "return_url": "/"})

    assert stopped.status_code == 429
    assert "Too many tries" in stopped.content.decode()


def test_an_id_spelt_with_leading_zeros_never_reaches_a_door_without_the_limit(
    client, group_page
):
    restriction = PageViewRestriction.objects.get(page=group_page)
    spelt_long = (
        f"/_util/authenticate_with_password/{restriction.pk:020d}/{group_page.pk:020d}/"
    )

    response = client.post(spelt_long, {"password": "river42", "return_url": "/"})

    assert response.status_code == 404
    assert "<h1>Tuesday group</h1>" not in client.get(group_page.url).content.decode()


def test_a_password_door_for_an_id_no_row_could_have_is_not_found(client):
    too_big = 2**63
    response = client.post(
        f"/_util/authenticate_with_password/{too_big}/{too_big}/", {"password": "x"}
    )
    assert response.status_code == 404
