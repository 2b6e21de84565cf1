"""Votes in meetings: one per member, changeable until closed, saved to the record."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts import roles
from tests.board.factories import make_question
from voice.board import services
from voice.board.models import Question, Vote
from voice.board.selectors import vote_counts

pytestmark = pytest.mark.django_db


def test_each_member_has_one_vote_and_changing_it_moves_the_count(
    meeting, member, second_member
):
    question = make_question(meeting)
    services.cast_vote(question=question, member=member, choice="yes")
    services.cast_vote(question=question, member=second_member, choice="yes")
    assert vote_counts(question.pk) == {"yes": 2, "no": 0, "not_sure": 0}
    services.cast_vote(question=question, member=member, choice="no")
    assert vote_counts(question.pk) == {"yes": 1, "no": 1, "not_sure": 0}
    assert Vote.objects.filter(question=question, member=member).count() == 1


def test_no_vote_counts_once_voting_has_closed(meeting, member, facilitator):
    question = make_question(meeting)
    services.cast_vote(question=question, member=member, choice="yes")
    services.close_question(question=question, by=facilitator)
    with pytest.raises(ValidationError):
        services.cast_vote(question=question, member=member, choice="no")
    question.refresh_from_db()
    assert question.status == Question.Status.CLOSED
    assert question.result == {"yes": 1, "no": 0, "not_sure": 0}


def test_only_members_vote_and_only_facilitators_or_the_chair_open_and_close(
    meeting, member, people, facilitator
):
    question = make_question(meeting)
    with pytest.raises(PermissionDenied):
        services.cast_vote(question=question, member=facilitator, choice="yes")
    with pytest.raises(PermissionDenied):
        services.close_question(question=question, by=member)
    with pytest.raises(PermissionDenied):
        services.open_question(meeting=meeting, by=member, text="Hi", kind="question")
    meeting.chair = member
    meeting.save()
    opened = services.open_question(
        meeting=meeting, by=member, text="Pizza at the next meeting?", kind="proposal"
    )
    services.close_question(question=opened, by=member)
    with pytest.raises(PermissionDenied):
        services.cast_vote(
            question=question, member=people[roles.YOUNG_PERSON], choice="yes"
        )


def test_a_made_up_choice_is_refused(meeting, member):
    question = make_question(meeting)
    with pytest.raises(ValidationError):
        services.cast_vote(question=question, member=member, choice="maybe")
    assert not Vote.objects.exists()


def test_members_vote_with_a_plain_form_without_javascript(client_for, meeting, member):
    question = make_question(meeting)
    client = client_for(member)
    response = client.post(
        reverse("board:question_vote", args=[question.pk]),
        {"choice": "not_sure"},
        follow=True,
    )
    body = response.content.decode()
    assert "Your vote is counted." in body
    assert (
        'value="not_sure" class="button board-vote__choice" aria-pressed="true"' in body
    )
    assert Vote.objects.get(member=member).choice == "not_sure"
    response = client.post(
        reverse("board:question_vote", args=[question.pk]), {"choice": ""}, follow=True
    )
    assert "Please choose yes, no or not sure." in response.content.decode()


def test_a_facilitator_opens_and_closes_a_vote_and_the_result_is_on_the_meeting_page(
    client, client_for, meeting, member, facilitator
):
    staff = client_for(facilitator)
    response = staff.post(
        reverse("board:meeting_open_question", args=[meeting.pk]),
        {"text": "Should letters be shorter?", "kind": "proposal"},
    )
    assert response.status_code == 302
    question = Question.objects.get()
    services.cast_vote(question=question, member=member, choice="yes")
    staff.post(reverse("board:question_close", args=[question.pk]))
    question.refresh_from_db()
    assert not question.is_open
    staff.logout()
    public = client.get(meeting.url).content.decode()
    assert "Should letters be shorter?" in public
    assert "Yes: 1" in public


def test_members_cannot_close_a_vote_by_posting(client_for, meeting, member):
    question = make_question(meeting)
    response = client_for(member).post(
        reverse("board:question_close", args=[question.pk])
    )
    assert response.status_code == 403
    question.refresh_from_db()
    assert question.is_open


def test_an_empty_question_is_refused_with_a_message(client_for, meeting, facilitator):
    response = client_for(facilitator).post(
        reverse("board:meeting_open_question", args=[meeting.pk]),
        {"text": "", "kind": "question"},
        follow=True,
    )
    assert "Please write the question first." in response.content.decode()
    assert not Question.objects.exists()


def test_the_meeting_screen_queries_do_not_grow_with_more_questions(
    client_for, meeting, member, second_member, django_assert_max_num_queries
):
    def add(count):
        for number in range(count):
            question = make_question(meeting, text=f"Question {number}?")
            services.cast_vote(question=question, member=member, choice="yes")
            services.cast_vote(question=question, member=second_member, choice="no")

    add(2)
    client = client_for(member)
    url = reverse("board:meeting", args=[meeting.pk])
    client.get(url)
    with django_assert_max_num_queries(30) as small:
        client.get(url)
    add(6)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('data-count="yes">1<') == 8
