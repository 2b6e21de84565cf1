"""Deleting an account: words erased or kept without a name, safeguarding kept, reports intact."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count

from accounts.models import Notification, SignInCode
from accounts.notifications import notify
from privacy.models import AccessLog
from privacy.services import delete_account
from tests.factories import DEFAULT_PASSWORD, sign_in_code_for
from tests.privacy.factories import feedback, safeguarding_phrase
from voice.feedback.models import Feedback
from voice.moderation.models import ModeratedText
from voice.safeguarding.models import SafeguardingConcern

User = get_user_model()


def report_counts() -> list[dict]:
    """What reports count: feedback by topic, feeling and moderation status."""
    return list(
        Feedback.objects.values("topic__name", "feeling", "moderated_text__status")
        .annotate(total=Count("id"))
        .order_by("topic__name", "feeling", "moderated_text__status")
    )


@pytest.fixture
def contributions(young_person, other_person, people):
    given = [
        feedback(author=young_person, text="Court was long.", topic_name="Court"),
        feedback(
            author=young_person,
            text="My worker is great.",
            topic_name="My worker",
            feeling=5,
            share_consent=True,
            reply="Thank you!",
        ),
    ]
    notify(user=young_person, message="A reply is waiting.")
    sign_in_code_for(young_person, created_by=people["Case worker"])
    return given


def test_erasing_removes_the_words_and_the_name_but_keeps_the_counts(
    young_person, other_person, contributions
):
    before = report_counts()
    result = delete_account(user=young_person, keep_words=False)

    assert result.notes == []
    assert not User.objects.filter(username="young-person").exists()
    for item in contributions:
        item.refresh_from_db()
        text = item.moderated_text
        assert (text.text, text.redacted_text, text.reply) == ("", "", "")
        assert text.anonymised_at is not None
        assert item.author_id is None and text.author_id is None
        assert not item.is_shared
    assert report_counts() == before
    # The other person's feedback is untouched.
    theirs = Feedback.objects.get(author=other_person)
    assert theirs.moderated_text.text == "Court was scary for Zebedee."


def test_keeping_words_removes_only_the_name(young_person, contributions):
    before = report_counts()
    delete_account(user=young_person, keep_words=True)

    for item in contributions:
        item.refresh_from_db()
        assert item.author_id is None
        assert item.moderated_text.author_id is None
        assert item.moderated_text.anonymised_at is None
    texts = {item.moderated_text.text for item in contributions}
    assert texts == {"Court was long.", "My worker is great."}
    shared = next(item for item in contributions if item.share_consent)
    assert shared.is_shared  # they agreed to share it without their name
    assert report_counts() == before


@pytest.mark.parametrize("keep_words", [True, False])
def test_messages_codes_and_the_account_itself_are_gone(
    young_person, contributions, keep_words
):
    pk = young_person.pk
    delete_account(user=young_person, keep_words=keep_words)
    assert not User.objects.filter(pk=pk).exists()
    assert not Notification.objects.filter(user_id=pk).exists()
    assert not SignInCode.objects.filter(user_id=pk).exists()
    assert not ModeratedText.objects.filter(author_id=pk).exists()


def test_safeguarding_records_are_kept_and_explained(young_person):
    safeguarding_phrase("hurt myself")
    worrying = feedback(author=young_person, text="Sometimes I hurt myself.")
    ordinary = feedback(author=young_person, text="The room was cold.")
    concern = SafeguardingConcern.objects.get(moderated_text=worrying.moderated_text)

    result = delete_account(user=young_person, keep_words=False)

    assert len(result.notes) == 1
    assert "safeguarding" in result.notes[0]
    worrying.moderated_text.refresh_from_db()
    assert worrying.moderated_text.text == "Sometimes I hurt myself."
    assert worrying.moderated_text.anonymised_at is None
    concern.refresh_from_db()
    assert "young-person" in concern.details  # the lead still knows who it was about
    ordinary.moderated_text.refresh_from_db()
    assert ordinary.moderated_text.text == ""


def test_words_waiting_for_safeguarding_without_a_record_are_kept_and_explained(
    young_person,
):
    waiting = feedback(
        author=young_person,
        text="Please can someone call me.",
        status=ModeratedText.Status.SAFEGUARDING,
    )
    assert not SafeguardingConcern.objects.exists()

    result = delete_account(user=young_person, keep_words=False)

    assert result.notes == [
        "We kept 1 thing(s) you wrote, because a safeguarding lead needs to see "
        "them. The law says we must keep what helps keep children safe. Only "
        "safeguarding staff can see them."
    ]
    waiting.moderated_text.refresh_from_db()
    assert waiting.moderated_text.text == "Please can someone call me."


def test_deleting_from_my_data_signs_the_person_out_and_explains(
    client, young_person, contributions
):
    client.force_login(young_person)
    response = client.post(
        "/my-data/delete/",
        {"what_happens": "erase", "password": DEFAULT_PASSWORD, "sure": "on"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/my-data/deleted/"
    content = response.content.decode()
    assert "Your account is deleted" in content
    assert "We erased the things you wrote" in content
    assert not response.wsgi_request.user.is_authenticated
    assert not User.objects.filter(username="young-person").exists()
    assert client.get("/my-data/").status_code == 302  # signed out


def test_a_wrong_password_keeps_the_account_and_says_so_next_to_the_field(
    client, young_person
):
    client.force_login(young_person)
    response = client.post(
        "/my-data/delete/",
        {"what_happens": "keep", "password": "not-it", "sure": "on"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "That is not your password" in content
    assert 'value="keep" ' in content and "checked" in content
    assert User.objects.filter(username="young-person").exists()


def test_guessing_the_password_on_the_delete_page_is_limited(client, young_person):
    client.force_login(young_person)
    for _ in range(10):
        client.post(
            "/my-data/delete/",
            {"what_happens": "keep", "password": "a-guess", "sure": "on"},
        )
    response = client.post(
        "/my-data/delete/",
        {"what_happens": "keep", "password": DEFAULT_PASSWORD, "sure": "on"},
    )
    assert response.status_code == 200
    assert "Too many tries" in response.content.decode()
    assert User.objects.filter(username="young-person").exists()


def test_the_delete_page_explains_both_choices_and_safeguarding(client, young_person):
    client.force_login(young_person)
    content = client.get("/my-data/delete/").content.decode()
    assert "Erase my words" in content
    assert "Keep my words without my name" in content
    assert "The law says we must" in content


def test_the_delete_page_says_safeguarding_records_lose_words_and_name_not_vanish(
    client, young_person
):
    # Past their period the records are anonymised, never deleted
    # (voice/safeguarding/personal_data.py): the page must not promise more.
    client.force_login(young_person)
    content = client.get("/my-data/delete/").content.decode()
    assert "we take out your words and who you are" in content
    assert "We delete them" not in content


def test_staff_delete_an_account_for_a_person_who_asks_in_person(
    client_for, people, young_person, contributions
):
    manager = people["Service manager"]
    client = client_for(manager)
    response = client.post(
        f"/staff/privacy/people/{young_person.pk}/delete/",
        {"what_happens": "keep", "checked": "on"},
        follow=True,
    )
    assert "The account young-person is deleted." in response.content.decode()
    assert not User.objects.filter(username="young-person").exists()
    entry = AccessLog.objects.get(what__startswith="Deleted the account")
    assert entry.who == manager
    assert entry.subject is None and entry.subject_number == young_person.pk


def test_staff_cannot_delete_their_own_or_a_superusers_account_here(client_for, people):
    manager = people["Service manager"]
    client = client_for(manager)
    for target in (manager, people["Administrator"]):
        client.post(
            f"/staff/privacy/people/{target.pk}/delete/",
            {"what_happens": "erase", "checked": "on"},
        )
        assert User.objects.filter(pk=target.pk).exists()


def test_a_moderator_leaving_does_not_mark_the_childs_record_as_theirs(
    people, young_person
):
    from voice.safeguarding.services import raise_concern

    moderator = people["Moderator"]
    item = feedback(author=young_person, text="Things at home are hard.")
    concern = raise_concern(
        source=SafeguardingConcern.Source.MODERATOR,
        moderated_text=item.moderated_text,
        raised_by=moderator,
    )
    result = delete_account(user=moderator, keep_words=False)
    assert result.notes == []
    concern.refresh_from_db()
    assert "moderator" not in concern.details
    assert concern.moderated_text.author == young_person
