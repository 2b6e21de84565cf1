"""The easy-read pages on the narrowest phone: axe finds nothing serious and
nothing scrolls sideways at 320 px."""

import pytest
from django.urls import reverse

from tests.browser.conftest import NARROWEST

EASY_READ_PAGES = [
    "easy_read:give_feedback",
    "easy_read:check_receipt",
    "easy_read:unsafe",
    "easy_read:what_happens",
]


@pytest.mark.parametrize("javascript", [True, False])
def test_easy_read_pages_pass_axe_and_fit_a_320_px_screen(pages, home_page, javascript):
    page = pages.new_page(viewport=NARROWEST, javascript=javascript)
    for name in EASY_READ_PAGES:
        path = reverse(name)
        page.goto(path)
        pages.check_loaded_pages()
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= NARROWEST["width"], f"{path} is {width} px wide"
        pictures = page.locator("main img")
        assert pictures.count() >= 8
        for number in range(pictures.count()):
            loaded = pictures.nth(number).evaluate("(img) => img.naturalWidth > 0")
            assert loaded, f"{path}: a picture did not load"
