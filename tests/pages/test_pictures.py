"""Pictures in a page body say what they show, or are marked as decorative."""

import re

import pytest
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    streamfield,
)

from accounts import roles
from pages.models import StandardPage
from tests.factories import ImageFactory, body_picture
from tests.programmes.factories import make_programme, programme_index

pytestmark = pytest.mark.django_db


def figure_images(html: str) -> list[str]:
    """The <img> tags of the body's pictures, in page order."""
    return re.findall(r"<figure>\s*(<img [^>]*>)", html)


def alt_of(img_tag: str) -> str | None:
    found = re.search(r' alt="([^"]*)"', img_tag)
    return found.group(1) if found else None


def a_content_page(home_page):
    page = StandardPage(title="About us", slug="about-us")
    home_page.add_child(instance=page)
    return page


def a_programme_page(home_page):
    return make_programme(programme_index(home_page), title="Inspire", slug="inspire")


@pytest.mark.parametrize("make_page", [a_content_page, a_programme_page])
def test_a_page_shows_a_picture_with_its_alt_text_and_a_decorative_one_with_empty_alt(
    client, home_page, make_page
):
    page = make_page(home_page)
    page.body = [
        body_picture(
            ImageFactory(title="IMG_0042"),
            "A map of the youth centre",
            caption="Where we meet",
        ),
        body_picture(ImageFactory(title="Green pattern"), decorative=True),
    ]
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert [alt_of(tag) for tag in figure_images(html)] == [
        "A map of the youth centre",
        "",
    ]
    assert "<figcaption>Where we meet</figcaption>" in html
    assert "IMG_0042" not in html and "Green pattern" not in html


def publish_in_the_admin(client, page, picture: dict):
    """Send the page's edit form back with one picture in the body and Publish."""
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(
        client.get(url).content.decode(), form_id="page-edit-form"
    )
    for name, value in nested_form_data(
        {"body": streamfield([("image", picture)])}
    ).items():
        data[name] = value
    data["action-publish"] = "action-publish"
    return client.post(url, data)


@pytest.fixture
def editor_client(client, settings, people):
    """An administrator, who edits the site's own pages."""
    settings.STAFF_MFA_REQUIRED = False
    client.force_login(people[roles.ADMINISTRATOR])
    return client


def test_publishing_a_picture_without_alt_text_is_refused_unless_it_is_decorative(
    editor_client, home_page
):
    about_page = a_content_page(home_page)
    image = ImageFactory(title="IMG_0042")
    without_alt = {
        "image": {"image": image.pk, "alt_text": "", "decorative": ""},
        "caption": "",
    }

    refused = publish_in_the_admin(editor_client, about_page, without_alt)

    assert refused.status_code == 200
    assert "add some alt text for your image or mark it as decorative" in (
        refused.content.decode()
    )
    assert not StandardPage.objects.get(pk=about_page.pk).body

    decorative = {**without_alt, "image": {**without_alt["image"], "decorative": "on"}}
    published = publish_in_the_admin(editor_client, about_page, decorative)

    assert published.status_code == 302
    (picture,) = StandardPage.objects.get(pk=about_page.pk).body
    assert picture.value["image"].decorative is True
