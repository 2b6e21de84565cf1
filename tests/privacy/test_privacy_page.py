"""The full privacy information, seeded at /privacy/, with the short version first."""

import io

from django.core.management import call_command


def test_the_privacy_page_has_a_short_and_a_full_version(client, db):
    call_command("seed_demo", stdout=io.StringIO())
    content = client.get("/privacy/").content.decode()
    assert content.index("The short version") < content.index("The full version")
    for heading in (
        "Who we are",
        "What we keep",
        "Why we keep it",
        "Who can see it",
        "How long we keep it",
        "What you can ask us to do",
    ):
        assert heading in content
    assert "Information Commissioner" in content
    assert "We do not keep your IP address" in content


def test_seeding_twice_keeps_one_privacy_page(client, db):
    from pages.models import StandardPage

    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    assert StandardPage.objects.filter(slug="privacy").count() == 1


def test_the_sign_up_page_shows_the_short_privacy_notice(client, db):
    content = client.get("/accounts/signup/").content.decode()
    assert "What happens to what you tell us" in content
    assert 'href="/privacy/"' in content
    assert content.count("<h1") == 1
