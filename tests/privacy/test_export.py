"""A person's download holds everything about them and nothing about anyone else."""

import json

from accounts.models import Notification
from accounts.notifications import notify
from privacy.registry import personal_data_modules
from tests.factories import sign_in_code_for
from tests.privacy.factories import feedback


def download(client, user):
    client.force_login(user)
    response = client.get("/my-data/my-data.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return json.loads(b"".join([response.content]))


def test_every_app_with_personal_data_has_a_section_in_the_download(
    client, young_person
):
    data = download(client, young_person)
    labels = {str(module.LABEL) for module in personal_data_modules()}
    assert {"Your account", "Feedback", "Things you wrote"} <= labels
    assert set(data["sections"]) == labels


def test_download_holds_the_persons_account_feedback_words_and_messages(
    client, young_person, people
):
    young_person.email = "me@example.org"
    young_person.save()
    feedback(
        author=young_person,
        text="Appointments are too early.",
        topic_name="Appointments",
        share_consent=True,
        reply="We will try later times.",
    )
    notify(user=young_person, message="Your feedback got a reply.")
    sign_in_code_for(young_person, created_by=people["Case worker"])

    data = download(client, young_person)
    account = data["sections"]["Your account"]
    assert account[0]["Username"] == "young-person"
    assert account[0]["Email"] == "me@example.org"
    assert any(row.get("Message") == "Your feedback got a reply." for row in account)
    assert any("Sign-in code made on" in row for row in account)
    [given] = data["sections"]["Feedback"]
    assert given["What you said"] == "Appointments are too early."
    assert given["Topic"] == "Appointments"
    assert given["How you felt"] == "Happy"
    assert given["You agreed to share it (without your name)"] is True
    assert given["Reply"] == "We will try later times."
    [written] = data["sections"]["Things you wrote"]
    assert written["What you wrote"] == "Appointments are too early."


def test_download_holds_nothing_about_anyone_else(client, young_person, other_person):
    feedback(author=young_person, text="The bus fare is too much.")
    notify(user=other_person, message="A message for the other person only.")
    feedback(author=None, text="Anonymous words from somebody.")

    text = json.dumps(download(client, young_person))
    assert "The bus fare is too much." in text
    for foreign in (
        "other-person",
        "other@example.org",
        "Zebedee",
        "A message for the other person only.",
        "Anonymous words from somebody.",
    ):
        assert foreign not in text


def test_the_download_never_holds_a_sign_in_code_or_password(
    client, young_person, people
):
    code = sign_in_code_for(young_person, created_by=people["Case worker"])
    text = json.dumps(download(client, young_person))
    assert code not in text
    assert young_person.password not in text


def test_the_printable_page_shows_every_section_in_plain_words(client, young_person):
    feedback(author=young_person, text="Staff are kind.", share_consent=True)
    client.force_login(young_person)
    response = client.get("/my-data/everything/")
    content = response.content.decode()
    assert response.status_code == 200
    for label in ("Your account", "Feedback", "Things you wrote"):
        assert f">{label}</h2>" in content
    assert "Staff are kind." in content
    assert "<dd>Yes</dd>" in content  # agreed to share, shown as a word
    assert "True" not in content


def test_my_data_page_says_what_we_keep_and_offers_both_copies(client, young_person):
    feedback(author=young_person)
    Notification.objects.create(user=young_person, message="Hello")
    client.force_login(young_person)
    content = client.get("/my-data/").content.decode()
    assert "<strong>Feedback</strong>:\n        1 thing" in content
    assert 'href="/my-data/everything/"' in content
    assert 'href="/my-data/my-data.json"' in content
    assert 'href="/my-data/delete/"' in content


def test_my_data_is_in_the_account_links(client, young_person):
    client.force_login(young_person)
    content = client.get("/accounts/email/").content.decode()
    assert 'href="/my-data/"' in content


def test_my_data_says_how_long_we_keep_things_as_staff_set_it(client, young_person):
    from privacy.models import RetentionSettings

    policy = RetentionSettings.load()
    policy.free_text_months = 9
    policy.save()
    client.force_login(young_person)
    content = client.get("/my-data/").content.decode()
    assert "The words you write: 9 months after" in content
    assert "Messages in your account: 180 days." in content


def test_the_download_holds_what_the_person_said_when_they_did_not_feel_safe(
    client, young_person, other_person
):
    client.force_login(young_person)
    client.post(
        "/feedback/unsafe/",
        {
            "unsafe-details": "Someone keeps following me home.",
            "unsafe-how_to_reach": "Call the office phone.",
        },
    )
    client.post("/feedback/unsafe/sent/", {"unsafe-details": "It was today too."})
    client.force_login(other_person)
    client.post("/feedback/unsafe/", {"unsafe-details": "Not theirs to read."})
    from voice.safeguarding.models import SafeguardingConcern

    SafeguardingConcern.objects.update(action_taken="Lead's note: phoned the school.")

    text = json.dumps(download(client, young_person), ensure_ascii=False)
    assert "Someone keeps following me home." in text
    assert "It was today too." in text
    assert "Call the office phone." in text
    assert "Not theirs to read." not in text
    assert "phoned the school" not in text
