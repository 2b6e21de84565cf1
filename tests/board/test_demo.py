"""The demo board: pages, three members, a meeting and an answered recommendation."""

import io

import pytest
from django.core.management import call_command

from voice.board.models import (
    BoardIndexPage,
    ManagementResponse,
    MeetingPage,
    MemberProfile,
    Recommendation,
)

pytestmark = pytest.mark.django_db


def test_seeding_twice_gives_one_board_with_its_members_meeting_and_recommendations(
    client,
):
    for _ in range(2):
        call_command("seed_demo", stdout=io.StringIO())
    assert BoardIndexPage.objects.count() == 1
    assert MeetingPage.objects.count() == 1
    assert MemberProfile.objects.count() == 3
    assert Recommendation.objects.count() == 2
    assert ManagementResponse.objects.count() == 1
    page = client.get("/shadow-board/").content.decode()
    assert "Jay" in page and "Sam" in page
    assert "Ri<" not in page  # Ri chose not to be shown
    assert "Accepted" in page


def test_the_demo_recommendation_about_letters_shows_the_action_that_followed(
    client_for,
):
    from accounts import roles
    from tests.factories import user_with_role

    call_command("seed_demo", stdout=io.StringIO())
    recommendation = Recommendation.objects.get(
        title="Write appointment letters in plain words"
    )
    assert recommendation.actions.count() == 1
    viewer = user_with_role(roles.BOARD_MEMBER, username="demo-board-viewer")
    page = client_for(viewer).get(f"/board/recommendations/{recommendation.pk}/")
    assert "We are rewriting our letters in plain words" in page.content.decode()
