"""Members draft recommendations together, send them, and managers answer."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from accounts.models import Notification
from tests.board.factories import make_feedback
from voice.board import services
from voice.board.models import ManagementResponse, Recommendation
from voice.feedback.models import Topic
from voice.moderation.models import ModeratedText, Theme

pytestmark = pytest.mark.django_db

DRAFT = {
    "title": "Later appointments",
    "what_we_found": "Appointments clash with school.",
    "what_we_ask": "Offer appointments after 4pm.",
}


def draft_by(user, **changes) -> Recommendation:
    return services.save_recommendation(user=user, **{**DRAFT, **changes})


def test_a_member_starts_a_draft_with_linked_evidence(client_for, member):
    topic, _ = Topic.objects.get_or_create(name="Appointments")
    feedback = make_feedback(topic=topic, text="I miss school for these.")
    theme = Theme.objects.create(name="Time")
    response = client_for(member).post(
        reverse("board:recommendation_create"),
        {**DRAFT, "evidence_feedback": [feedback.pk], "evidence_themes": [theme.pk]},
    )
    recommendation = Recommendation.objects.get()
    assert response["Location"] == reverse(
        "board:recommendation_detail", args=[recommendation.pk]
    )
    assert recommendation.is_draft
    assert list(recommendation.evidence_feedback.all()) == [feedback]
    assert list(recommendation.evidence_themes.all()) == [theme]
    page = client_for(member).get(response["Location"]).content.decode()
    assert "I miss school for these." in page


def test_a_forged_evidence_id_too_big_for_the_database_is_refused_next_to_the_field(
    client_for, member
):
    theme = Theme.objects.create(name="Time")
    response = client_for(member).post(
        reverse("board:recommendation_create"),
        {**DRAFT, "evidence_themes": [theme.pk, "9" * 30], "meeting": "9" * 30},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert DRAFT["what_we_ask"] in response.content.decode()
    assert not Recommendation.objects.exists()


def test_feedback_that_is_not_shared_cannot_be_linked_as_evidence(client_for, member):
    topic, _ = Topic.objects.get_or_create(name="Appointments")
    private = make_feedback(topic=topic, text="Secret", share_consent=False)
    response = client_for(member).post(
        reverse("board:recommendation_create"),
        {**DRAFT, "evidence_feedback": [private.pk]},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Recommendation.objects.exists()


def test_a_missing_title_is_answered_next_to_the_field_and_the_rest_is_kept(
    client_for, member
):
    response = client_for(member).post(
        reverse("board:recommendation_create"), {**DRAFT, "title": ""}
    )
    body = response.content.decode()
    assert "Please give it a short title." in body
    assert "Offer appointments after 4pm." in body


def test_any_member_may_edit_a_draft_and_each_change_is_in_the_history(
    client_for, member, second_member
):
    recommendation = draft_by(member)
    client = client_for(second_member)
    client.post(
        reverse("board:recommendation_edit", args=[recommendation.pk]),
        {**DRAFT, "what_we_ask": "Offer appointments after 4pm or on Saturdays."},
    )
    recommendation.refresh_from_db()
    assert recommendation.what_we_ask.endswith("on Saturdays.")
    entries = ModelLogEntry.objects.for_instance(recommendation).order_by("timestamp")
    assert [entry.user for entry in entries] == [member, second_member]
    page = client.get(
        reverse("board:recommendation_detail", args=[recommendation.pk])
    ).content.decode()
    assert second_member.username in page


def test_staff_without_board_work_cannot_edit_drafts(people, member):
    from django.core.exceptions import PermissionDenied

    from accounts import roles

    with pytest.raises(PermissionDenied):
        draft_by(people[roles.MODERATOR])
    assert not Recommendation.objects.exists()


def test_submitting_sends_it_to_managers_and_it_can_no_longer_change(
    client_for, member
):
    recommendation = draft_by(member)
    client = client_for(member)
    client.post(reverse("board:recommendation_submit", args=[recommendation.pk]))
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.SUBMITTED
    assert recommendation.submitted_at is not None
    assert recommendation in Recommendation.objects.submitted()
    response = client.post(
        reverse("board:recommendation_edit", args=[recommendation.pk]),
        {**DRAFT, "title": "Changed"},
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.title == DRAFT["title"]
    with pytest.raises(ValidationError):
        services.submit_recommendation(recommendation=recommendation, user=member)


def test_a_manager_records_the_response_and_members_are_told(
    client_for, member, manager
):
    recommendation = draft_by(member)
    services.submit_recommendation(recommendation=recommendation, user=member)
    url = reverse("board_admin:respond", args=[recommendation.pk])
    client = client_for(manager)
    response = client.post(url, {"outcome": "accepted_in_part", "reasons": ""})
    assert "Please give your reasons." in response.content.decode()
    client.post(
        url, {"outcome": "accepted_in_part", "reasons": "Tuesdays only, from January."}
    )
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.RESPONDED
    assert (
        recommendation.response.outcome == ManagementResponse.Outcome.ACCEPTED_IN_PART
    )
    assert recommendation.response.responded_by == manager
    assert recommendation.response_time is not None
    assert recommendation.response_days == 0
    assert Notification.objects.filter(
        user=member, message__contains="Accepted in part"
    ).exists()
    page = client_for(member).get(
        reverse("board:recommendation_detail", args=[recommendation.pk])
    )
    assert "Tuesdays only, from January." in page.content.decode()


def test_a_draft_cannot_be_answered_by_managers(member, manager):
    recommendation = draft_by(member)
    with pytest.raises(ValidationError):
        services.record_response(
            recommendation=recommendation, by=manager, outcome="accepted", reasons="x"
        )


def test_comments_are_shown_to_others_only_once_approved(
    client_for, member, second_member
):
    recommendation = draft_by(member)
    url = reverse("board:recommendation_detail", args=[recommendation.pk])
    client = client_for(member)
    response = client.post(url, {"text": "We should add Saturdays."}, follow=True)
    body = response.content.decode()
    assert "We should add Saturdays." in body
    assert "waiting to be checked" in body
    text = ModeratedText.objects.get(kind=ModeratedText.Kind.BOARD_COMMENT)
    assert text.author == member

    other = client_for(second_member).get(url).content.decode()
    assert "We should add Saturdays." not in other

    text.status = ModeratedText.Status.APPROVED
    text.redacted_text = "We should add [day]."
    text.save()
    other = client_for(second_member).get(url).content.decode()
    assert "We should add [day]." in other
    assert "waiting to be checked" not in other


def test_an_empty_comment_is_answered_clearly(client_for, member):
    recommendation = draft_by(member)
    response = client_for(member).post(
        reverse("board:recommendation_detail", args=[recommendation.pk]),
        {"text": ""},
    )
    assert "Please write your comment first." in response.content.decode()


def test_the_public_board_page_lists_submitted_recommendations_only(
    client, member, manager, board_page
):
    draft_by(member, title="Still a draft")
    sent = draft_by(member, title="Sent one")
    services.submit_recommendation(recommendation=sent, user=member)
    services.record_response(
        recommendation=sent, by=manager, outcome="accepted", reasons="Yes, we will."
    )
    body = client.get(board_page.url).content.decode()
    assert "Sent one" in body
    assert "Yes, we will." in body
    assert "Still a draft" not in body


def test_the_influence_log_export_never_lets_a_cell_run_as_a_formula(
    client_for, member, manager
):
    risky = draft_by(member, title='=HYPERLINK("http://bad")')
    services.submit_recommendation(recommendation=risky, user=member)
    services.record_response(
        recommendation=risky, by=manager, outcome="not_accepted", reasons="@SUM(1)"
    )
    for title in ("+1", "-1"):
        draft_by(member, title=title)
    client = client_for(member)
    response = client.get(reverse("board:influence_log_export", args=["csv"]))
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://bad")' in cells
    assert "'@SUM(1)" in cells
    assert {"'+1", "'-1"} <= set(cells)
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)

    response = client.get(reverse("board:influence_log_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [
        str(c.value) for row in sheet.iter_rows(min_row=2) for c in row if c.value
    ]
    assert not any(value.startswith(("=", "+", "-", "@")) for value in values)
    assert (
        client.get(reverse("board:influence_log_export", args=["pdf"])).status_code
        == 404
    )


def test_the_influence_log_queries_do_not_grow_with_more_recommendations(
    client_for, member, manager, django_assert_max_num_queries
):
    def add(count):
        for number in range(count):
            recommendation = draft_by(member, title=f"Idea {number}")
            services.submit_recommendation(recommendation=recommendation, user=member)
            services.record_response(
                recommendation=recommendation,
                by=manager,
                outcome="accepted",
                reasons="Ok",
            )

    add(2)
    client = client_for(member)
    client.get(reverse("board:influence_log"))
    with django_assert_max_num_queries(30) as small:
        client.get(reverse("board:influence_log"))
    add(8)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("board:influence_log"))
    assert response.content.decode().count("Idea ") == 10


def test_worrying_words_in_a_draft_reach_safeguarding(member):
    from voice.safeguarding.models import SafeguardingConcern, SafeguardingPhrase

    SafeguardingPhrase.objects.get_or_create(phrase="carry a knife", category="weapons")
    recommendation = draft_by(
        member, what_we_found="Some of us feel we have to carry a knife to get home."
    )
    assert recommendation.pk is not None
    concern = SafeguardingConcern.objects.get()
    assert concern.raised_by == member
    assert "carry a knife" in concern.moderated_text.text


def test_managers_are_told_when_a_recommendation_is_sent(member, manager):
    recommendation = draft_by(member)
    services.submit_recommendation(recommendation=recommendation, user=member)
    notification = Notification.objects.get(user=manager)
    assert DRAFT["title"] in notification.message
    assert notification.link == reverse("board_admin:respond", args=[recommendation.pk])


def test_a_disclosure_in_a_draft_or_a_comment_reaches_safeguarding_in_childrens_words(
    client_for, member
):
    from voice.safeguarding.models import SafeguardingConcern

    client = client_for(member)
    client.post(
        reverse("board:recommendation_create"),
        {
            **DRAFT,
            "what_we_found": "tbh i aint safe at mine, my step dad kicks off n hits me",
        },
    )
    draft_concern = SafeguardingConcern.objects.get()
    assert "hits me" in draft_concern.moderated_text.text
    recommendation = Recommendation.objects.get()
    response = client.post(
        reverse("board:recommendation_detail", args=[recommendation.pk]),
        {"text": "some olders make me hold bags at my house n i cant say no"},
        follow=True,
    )
    assert "check you are okay" in response.content.decode()
    comment_concern = SafeguardingConcern.objects.exclude(pk=draft_concern.pk).get()
    assert comment_concern.reasons
    assert "hold bags" in comment_concern.moderated_text.text
