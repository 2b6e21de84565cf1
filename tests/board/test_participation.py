"""Board meetings and recommendations appear in a member's record of taking part."""

import pytest
from django.urls import reverse

from tests.board.factories import make_meeting, make_question
from voice.board import services
from voice.board.participation import board_participation
from voice.moderation.models import ModeratedText

pytestmark = pytest.mark.django_db


def test_meetings_voted_in_and_recommendations_written_show_on_my_participation_and_the_certificate(
    client_for, member, second_member, board_page, facilitator
):
    voted = make_meeting(board_page, title="March meeting")
    missed = make_meeting(board_page, title="April meeting")
    services.cast_vote(
        question=make_question(voted, by=facilitator), member=member, choice="yes"
    )
    services.cast_vote(
        question=make_question(missed, by=facilitator),
        member=second_member,
        choice="no",
    )
    services.save_recommendation(
        user=member,
        title="Later appointments",
        what_we_found="Clashes with school.",
        what_we_ask="After 4pm.",
    )
    services.save_recommendation(
        user=second_member,
        title="Someone else's idea",
        what_we_found="x",
        what_we_ask="y",
    )

    page = client_for(member).get(reverse("events:my_participation")).content.decode()
    assert "March meeting" in page
    assert "Board meeting" in page
    assert "Later appointments" in page
    assert "April meeting" not in page
    assert "Someone else&#x27;s idea" not in page and "Someone else's idea" not in page

    certificate = client_for(member).get(reverse("events:certificate")).content.decode()
    assert "March meeting" in certificate
    assert "Later appointments" in certificate


def test_an_approved_comment_counts_as_contributing_but_one_waiting_to_be_checked_does_not(
    member, second_member
):
    recommendation = services.save_recommendation(
        user=member, title="Quiet room", what_we_found="x", what_we_ask="y"
    )
    comment = services.comment_on_recommendation(
        recommendation=recommendation, author=second_member, text="Good idea, yes."
    )
    assert board_participation(second_member) == []
    comment.moderated_text.status = ModeratedText.Status.APPROVED
    comment.moderated_text.save()
    (entry,) = board_participation(second_member)
    assert entry.title == "Quiet room"
    assert entry.detail == "Added ideas to the shadow board's recommendation."


def test_voting_on_several_questions_in_one_meeting_lists_the_meeting_once(
    member, board_page, facilitator
):
    meeting = make_meeting(board_page, title="May meeting")
    for text in ("One?", "Two?"):
        question = make_question(meeting, by=facilitator, text=text)
        services.cast_vote(question=question, member=member, choice="yes")
    assert [entry.title for entry in board_participation(member)] == ["May meeting"]
