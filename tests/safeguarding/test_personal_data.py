"""Safeguarding records in a young person's "My data": their own section, kept when the account goes."""

import json

from django.urls import reverse

from privacy import registry
from tests.factories import DEFAULT_PASSWORD
from tests.privacy.factories import feedback, safeguarding_phrase
from voice.safeguarding.models import SafeguardingConcern

SAFEGUARDING = "Safeguarding records"


def download(client, user) -> dict:
    client.force_login(user)
    response = client.get(reverse("privacy:download_json"))
    assert response.status_code == 200
    return json.loads(response.content)["sections"]


def press_unsafe(client, user, details: str) -> SafeguardingConcern:
    client.force_login(user)
    client.post("/feedback/unsafe/", {"unsafe-details": details})
    return SafeguardingConcern.objects.get(raised_by=user)


def test_the_download_shows_a_concern_under_safeguarding_records(client, young_person):
    press_unsafe(client, young_person, "Someone keeps following me home.")
    safeguarding_phrase("hurt myself")
    feedback(author=young_person, text="Sometimes I hurt myself.")

    sections = download(client, young_person)

    told, matched = sections[SAFEGUARDING]
    assert told["What started it"] == '"I don\'t feel safe" button'
    assert told["What you told us"] == "Someone keeps following me home."
    assert told["Closed"] is False
    assert "a safeguarding lead will go through them with you" in told["Staff notes"]
    assert matched["What started it"] == "Words in a message"
    assert "What you told us" not in matched  # the words are in "Things you wrote"
    [written] = sections["Things you wrote"]
    assert written["What you wrote"] == "Sometimes I hurt myself."
    assert "Safeguarding record made on" not in written


def test_the_my_data_page_counts_safeguarding_records(client, young_person):
    press_unsafe(client, young_person, "I am scared at home.")
    content = client.get(reverse("privacy:index")).content.decode()
    assert f"<strong>{SAFEGUARDING}</strong>:\n        1 thing" in content


def test_deleting_the_account_keeps_the_concern_without_the_link_and_says_so(
    client, young_person
):
    concern = press_unsafe(client, young_person, "I am scared at home.")

    response = client.post(
        reverse("privacy:delete_account"),
        {"what_happens": "erase", "password": DEFAULT_PASSWORD, "sure": "on"},
        follow=True,
    )

    content = response.content.decode()
    assert "Your account is deleted" in content
    assert "We kept 1 safeguarding record(s) about you" in content
    concern.refresh_from_db()
    assert concern.raised_by_id is None
    assert concern.details.startswith("I am scared at home.")
    assert "The account 'young-person' was deleted" in concern.details


def test_the_registry_lists_safeguarding_under_its_own_label(db):
    modules = {module.__name__: module for module in registry.personal_data_modules()}
    safeguarding = modules["voice.safeguarding.personal_data"]
    assert str(safeguarding.LABEL) == SAFEGUARDING
    assert str(modules["voice.moderation.personal_data"].LABEL) == "Things you wrote"


def test_records_are_erased_and_purged_before_the_words_they_are_about(young_person):
    names = [module.__name__ for module in registry.modules_in_working_order()]
    assert names.index("voice.safeguarding.personal_data") < names.index(
        "voice.moderation.personal_data"
    )
    # The download keeps the order apps are installed in: words first.
    labels = [section.label for section in registry.export_sections(young_person)]
    assert labels.index("Things you wrote") < labels.index(SAFEGUARDING)
