"""Easy-read versions of the pages young people use most: short sentences, pictures,
each linked from its full page and back."""

import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from wagtail.models import Site

from pages import demo as pages_demo
from pages.models import ServiceSettings
from privacy import demo as privacy_demo
from privacy.models import RetentionSettings

pytestmark = pytest.mark.django_db

EASY_READ = {
    "easy_read:give_feedback": "feedback:give",
    "easy_read:check_receipt": "feedback:check",
    "easy_read:unsafe": "feedback:unsafe",
    "easy_read:what_happens": None,  # the privacy page, a page in the page tree
}
MOST_WORDS_IN_A_SENTENCE = 15
# Text that ends a line in an easy-read page without ending a sentence.
BLOCKS = ["h1", "h2", "h3", "p", "li", "a", "button", "dt", "dd"]


@pytest.fixture
def site_with_content(db):
    """The site's own demo pages (home, help, privacy, accessibility), not the rest."""
    context = {}
    pages_demo.seed(context)
    privacy_demo.seed(context)


def html_of(client, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content.decode(), "html.parser")


def easy_read_link(soup: BeautifulSoup, url_name: str):
    """The "Easy read" link to this page, in the page's main part."""
    return soup.select_one(f'main a[href="{reverse(url_name)}"]')


def sentences_in(main) -> list[str]:
    for hidden in main.select("[hidden], script, style"):
        hidden.decompose()
    lines = [
        " ".join(element.get_text(" ").split())
        for element in main.find_all(BLOCKS)
        if not element.find(BLOCKS)
    ]
    return [
        sentence
        for line in lines
        for sentence in re.split(r"(?<=[.!?])\s+", line)
        if sentence
    ]


@pytest.mark.parametrize(("easy_read", "full_page"), EASY_READ.items())
def test_each_full_page_links_to_its_easy_read_version_near_the_top(
    client, site_with_content, easy_read, full_page
):
    path = reverse(full_page) if full_page else "/privacy/"
    soup = html_of(client, path)
    link = easy_read_link(soup, easy_read)
    assert link is not None, f"{path} has no link to {easy_read}"
    assert "Easy read" in link.get_text()
    in_order = soup.find("main").find_all(True)
    first_section = next(e for e in in_order if e.name in ("h2", "form"))
    assert in_order.index(link) < in_order.index(first_section), (
        f"{path}: the easy-read link should come before the page's first section"
    )


def test_the_help_page_and_the_privacy_notice_link_to_their_easy_read_pages(
    client, site_with_content
):
    assert easy_read_link(html_of(client, "/help/"), "easy_read:unsafe")
    notice = html_of(client, reverse("feedback:give")).select_one(".privacy-notice")
    assert notice.select_one(f'a[href="{reverse("easy_read:what_happens")}"]')


@pytest.mark.parametrize("easy_read", EASY_READ)
@pytest.mark.parametrize("who", ["anonymous", "young person"])
def test_each_easy_read_page_opens_links_back_and_uses_our_own_pictures(
    client, site_with_content, young_person, easy_read, who
):
    if who == "young person":
        client.force_login(young_person)
    soup = html_of(client, reverse(easy_read))
    main = soup.find("main")
    back = EASY_READ[easy_read]
    back_path = reverse(back) if back else "/privacy/"
    assert main.select_one(f'a[href="{back_path}"]'), f"no link back to {back_path}"
    pictures = main.find_all("img")
    assert len(pictures) >= 8
    for picture in pictures:
        assert picture["src"].startswith(settings.STATIC_URL), picture
        assert picture.has_attr("alt"), picture


@pytest.mark.parametrize("easy_read", EASY_READ)
def test_every_sentence_on_an_easy_read_page_is_short(
    client, site_with_content, easy_read
):
    sentences = sentences_in(html_of(client, reverse(easy_read)).find("main"))
    assert len(sentences) > 10
    too_long = [s for s in sentences if len(s.split()) > MOST_WORDS_IN_A_SENTENCE]
    assert not too_long, f"Sentences of more than 15 words: {too_long}"


def test_easy_read_i_dont_feel_safe_gives_the_numbers_and_promises_no_contact_to_a_visitor(
    client, site_with_content
):
    main = html_of(client, reverse("easy_read:unsafe")).find("main")
    text = " ".join(main.get_text(" ").split())
    for number in ("999", "0800 1111", "85258"):
        assert number in text
    assert main.select_one('a[href="tel:999"]')
    assert main.select_one('a[href="tel:08001111"]')
    assert main.select_one('a[href="sms:85258"]')
    assert main.select_one('a[href^="https://www.childline.org.uk/"]')
    assert main.select_one(f'a[href="{reverse("feedback:unsafe")}"]')
    assert "We cannot get in touch with you" in text
    assert "will try to get in touch" not in text


def test_easy_read_i_dont_feel_safe_tells_a_signed_in_young_person_they_will_hear_back(
    client, site_with_content, young_person
):
    client.force_login(young_person)
    text = html_of(client, reverse("easy_read:unsafe")).find("main").get_text(" ")
    assert "will try to get in touch" in " ".join(text.split())


def test_easy_read_what_happens_gives_the_retention_periods_from_the_settings(
    client, site_with_content
):
    policy = RetentionSettings.load()
    policy.free_text_months = 9
    policy.notification_days = 45
    policy.save()
    text = html_of(client, reverse("easy_read:what_happens")).find("main").get_text(" ")
    text = " ".join(text.split())
    assert "9 months" in text
    assert "45 days" in text
    assert "12 months" not in text


def save_contact(**values) -> None:
    service = ServiceSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(service, name, value)
    service.save()


def test_the_accessibility_statement_says_how_compliant_it_is_and_what_is_not_yet(
    client, site_with_content
):
    text = " ".join(
        html_of(client, "/accessibility/").find("main").get_text(" ").split()
    )
    assert "partially compliant with WCAG 2.2 AA" in text
    assert "Known problems" in text
    assert "date picker" in text
    assert "Easy read" in text


def test_the_accessibility_statement_gives_the_services_contact_ways_from_its_settings(
    client, site_with_content
):
    save_contact(
        email="access@example.org", phone="01999 111222", text_number="07700 900456"
    )
    main = html_of(client, "/accessibility/").find("main")
    assert main.select_one('a[href="mailto:access@example.org"]')
    assert main.select_one('a[href="tel:01999111222"]')
    assert main.select_one('a[href="sms:07700900456"]')

    save_contact(email="help@example.org", phone="01888 333444", text_number="")
    main = html_of(client, "/accessibility/").find("main")
    text = main.get_text(" ")
    assert "help@example.org" in text and "01888 333444" in text
    assert "access@example.org" not in text and "07700 900456" not in text
    assert not main.select_one('a[href^="sms:"]')


def test_the_footer_shows_the_text_number_when_the_service_has_one(client, home_page):
    save_contact(phone="01234 567890", text_number="07700 900123")
    footer = html_of(client, reverse("feedback:give")).find("footer")
    link = footer.select_one('a[href="sms:07700900123"]')
    assert link is not None and "07700 900123" in link.get_text()


def test_the_footer_phone_link_dials_the_number_without_its_spaces(client, home_page):
    save_contact(phone="01234 567890", text_number="")
    footer = html_of(client, reverse("feedback:give")).find("footer")
    link = footer.select_one('a[href="tel:01234567890"]')
    assert link is not None and "01234 567890" in link.get_text()
