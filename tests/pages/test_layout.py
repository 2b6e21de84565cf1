"""The layout every page shares: help and links in the footer, kept once rendered."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

FOOTER_LINKS = ["/about/", "/help/", "/privacy/", "/accessibility/"]
HELP = ['href="tel:999"', 'href="tel:08001111"', 'href="sms:85258"']


def footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


@pytest.mark.parametrize("path", ["/feedback/", "/feedback/check/", "/feedback/"])
def test_every_page_ends_with_help_now_and_the_footer_links_after_the_first(
    client, path
):
    client.get("/feedback/unsafe/")  # the kept footer comes from another page
    shown = footer(client.get(path).content.decode())
    for expected in HELP + [f'href="{link}"' for link in FOOTER_LINKS]:
        assert expected in shown


def test_a_signed_in_person_sees_the_same_footer_and_their_own_header(
    client_for, young_person
):
    visitor = Client().get("/feedback/").content.decode()
    signed_in = client_for(young_person).get("/feedback/").content.decode()
    assert footer(signed_in) == footer(visitor)
    assert "I'm done: sign out" in signed_in and "I'm done: sign out" not in visitor


def current_links(html: str) -> list[str]:
    header = html[: html.index("</header>")]
    return [
        part.split('"')[1]
        for part in header.split("<a href=")[1:]
        if 'aria-current="page"' in part.split(">")[0]
    ]


def test_a_visitors_links_mark_the_page_they_are_on_and_never_a_page_kept_before(
    client,
):
    for _ in range(2):
        assert current_links(client.get("/feedback/").content.decode()) == [
            "/feedback/"
        ]
        shared = client.get("/feedback/shared/").content.decode()
        assert current_links(shared) == ["/feedback/shared/"]
        assert "Sign in" in shared and "I'm done: sign out" not in shared


def test_someone_who_signs_in_gets_their_own_links_not_the_visitors(
    client_for, young_person
):
    Client().get("/feedback/")  # a visitor's links for this page are now kept
    html = client_for(young_person).get("/feedback/").content.decode()
    header = html[: html.index("</header>")]
    assert "My account" in header and "I'm done: sign out" in header
    assert ">Sign in<" not in header
    assert current_links(html) == ["/feedback/"]
