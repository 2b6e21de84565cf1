"""What a person agreed to share, and stopping it from My data."""

from tests.privacy.factories import feedback
from voice.feedback.models import Feedback
from voice.moderation.models import ModeratedText


def test_my_data_lists_each_feedback_they_agreed_to_share_with_its_date(
    client, young_person
):
    shared = feedback(author=young_person, topic_name="Court", share_consent=True)
    feedback(author=young_person, topic_name="Food", share_consent=False)
    client.force_login(young_person)
    content = client.get("/my-data/").content.decode()
    assert "<h3>Court</h3>" in content
    assert "<h3>Food</h3>" not in content
    assert f"You agreed on {shared.created_at:%-d %B %Y}." in content
    assert "Shared on our website, without your name." in content
    assert f'action="/my-data/sharing/{shared.pk}/stop/"' in content


def test_stopping_sharing_takes_the_feedback_off_public_pages_at_once(
    client, young_person
):
    shared = feedback(author=young_person, share_consent=True)
    assert shared.is_shared
    client.force_login(young_person)
    response = client.post(f"/my-data/sharing/{shared.pk}/stop/", follow=True)
    content = response.content.decode()
    assert "no longer shared on our website" in content
    shared.refresh_from_db()
    assert not shared.is_shared
    assert shared.share_consent  # the record of what they once agreed stays
    assert shared.share_consent_withdrawn_at is not None
    assert "You stopped sharing this. It is not on our website." in content
    assert f'action="/my-data/sharing/{shared.pk}/stop/"' not in content
    public = Feedback.objects.filter(
        share_consent=True,
        share_consent_withdrawn_at__isnull=True,
        moderated_text__status=ModeratedText.Status.APPROVED,
    )
    assert shared not in public


def test_nobody_can_stop_sharing_someone_elses_feedback(
    client, young_person, other_person
):
    theirs = Feedback.objects.get(author=other_person)
    client.force_login(young_person)
    response = client.post(f"/my-data/sharing/{theirs.pk}/stop/")
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_shared


def test_stopping_needs_a_post(client, young_person):
    shared = feedback(author=young_person, share_consent=True)
    client.force_login(young_person)
    assert client.get(f"/my-data/sharing/{shared.pk}/stop/").status_code == 405
    shared.refresh_from_db()
    assert shared.is_shared


def test_with_nothing_shared_the_page_says_so(client, young_person):
    client.force_login(young_person)
    content = client.get("/my-data/").content.decode()
    assert "You have not agreed to share anything." in content
