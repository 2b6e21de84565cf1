"""The shadow board's and the service review's parts of "download my data" and deletion."""

import pytest

from privacy.registry import export_sections
from privacy.services import delete_account
from tests.board.factories import make_meeting, make_question
from tests.review.factories import ReviewCycleFactory, TopicFactory, make_feedback
from voice.board import services
from voice.board.models import (
    BoardApplication,
    MemberProfile,
    Question,
    Recommendation,
    RecommendationComment,
    Vote,
)
from voice.board.selectors import vote_counts
from voice.moderation.models import ModeratedText
from voice.review import figures
from voice.review import services as review_services

pytestmark = pytest.mark.django_db


def section(user, label):
    (found,) = [item for item in export_sections(user) if item.label == label]
    return found.rows


@pytest.fixture
def board_activity(member, second_member, board_page, facilitator):
    """Two members who both applied, commented and voted, in an open and a closed question."""
    meeting = make_meeting(board_page, title="March meeting")
    closed = make_question(meeting, by=facilitator, text="Closed question?")
    still_open = make_question(meeting, by=facilitator, text="Open question?")
    for person, name, choice in ((member, "Sam", "yes"), (second_member, "Ali", "no")):
        services.apply_to_join(
            applicant=person, chosen_name=name, why=f"{name} wants to help."
        )
        services.save_profile(
            user=person, chosen_name=name, avatar="star", is_public=True
        )
        services.cast_vote(question=closed, member=person, choice=choice)
        services.cast_vote(question=still_open, member=person, choice=choice)
    recommendation = services.save_recommendation(
        user=member, title="Later appointments", what_we_found="x", what_we_ask="y"
    )
    for person, words in (
        (member, "Sam's comment."),
        (second_member, "Ali's comment."),
    ):
        services.comment_on_recommendation(
            recommendation=recommendation, author=person, text=words
        )
    services.close_question(question=closed, by=facilitator)
    return {"closed": closed, "open": still_open, "recommendation": recommendation}


def test_the_export_holds_only_this_members_profile_application_comments_and_votes(
    member, board_activity
):
    rows = section(member, "Shadow board")
    text = repr(rows)
    assert "Sam" in text and "Sam wants to help." in text
    assert "Sam's comment." in text
    assert "Later appointments" in text
    assert "Closed question?" in text and "Open question?" in text
    assert "Ali" not in text


def test_erasing_removes_profile_application_comments_and_open_votes_but_keeps_closed_results(
    member, second_member, board_activity
):
    closed_before = Question.objects.get(pk=board_activity["closed"].pk).result
    delete_account(user=member, keep_words=False)

    assert not MemberProfile.objects.filter(chosen_name="Sam").exists()
    assert not BoardApplication.objects.filter(chosen_name="Sam").exists()
    assert list(
        RecommendationComment.objects.values_list("moderated_text__text", flat=True)
    ) == ["Ali's comment."]
    assert not ModeratedText.objects.filter(text__contains="Sam").exists()
    assert vote_counts(board_activity["open"].pk) == {
        "yes": 0,
        "no": 1,
        "not_sure": 0,
    }
    closed = Question.objects.get(pk=board_activity["closed"].pk)
    assert closed.result == closed_before == {"yes": 1, "no": 1, "not_sure": 0}
    recommendation = Recommendation.objects.get(pk=board_activity["recommendation"].pk)
    assert recommendation.created_by is None
    assert Vote.objects.filter(member=second_member).count() == 2
    assert MemberProfile.objects.filter(chosen_name="Ali").exists()


def test_keeping_words_keeps_the_comment_without_a_name(member, board_activity):
    result = delete_account(user=member, keep_words=True)
    comment = RecommendationComment.objects.get(moderated_text__text="Sam's comment.")
    assert comment.author is None
    assert comment.moderated_text.author is None
    assert not BoardApplication.objects.filter(chosen_name="Sam").exists()
    assert any("recommendation" in note for note in result.notes)


def test_ratings_are_exported_and_stay_counted_without_a_name_after_deletion(
    young_person, people, manager
):
    from accounts import roles

    cycle = ReviewCycleFactory(name="Now")
    action = review_services.create_action(
        cycle=cycle,
        topic=TopicFactory(name="Appointments"),
        what_we_heard="Heard",
        what_we_will_do="Open later on Thursdays",
        owner=manager,
        user=manager,
        status="done",
    )
    other = people[roles.YOUNG_PERSON]
    theirs = make_feedback(author=young_person)
    action.feedback.add(theirs, make_feedback(author=other))
    review_services.rate_action(action=action, feedback=theirs, score=5)
    review_services.rate_action(
        action=action, feedback=action.feedback.exclude(pk=theirs.pk).get(), score=2
    )
    rows = section(young_person, "You said, we did")
    assert rows == [
        {
            "You rated": "Open later on Thursdays",
            "Your rating": "Very well",
            "Rated on": rows[0]["Rated on"],
        }
    ]
    before = figures.report_rows(figures.board_report(cycle))
    delete_account(user=young_person, keep_words=False)
    assert figures.report_rows(figures.board_report(cycle)) == before
