"""A page behind a shared password asks for it in the site's own layout and words."""

import pytest
from wagtail.models import PageViewRestriction

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
    restriction = PageViewRestriction.objects.get(page=group_page)
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{group_page.pk}/",
        {"password": "guess", "return_url": group_page.url},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "This page needs a password" in page
    assert 'id="id_password_error"' in page
    assert 'aria-describedby="id_password_error' in page


def test_the_right_password_opens_the_page(client, group_page):
    restriction = PageViewRestriction.objects.get(page=group_page)
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{group_page.pk}/",
        {"password": "river42", "return_url": group_page.url},
    )

    assert "<h1>Tuesday group</h1>" in client.get(group_page.url).content.decode()
