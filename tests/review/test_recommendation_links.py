"""Actions that answer shadow board recommendations and come from survey questions."""

import pytest
from django.urls import reverse

from accounts import roles
from accounts.models import Notification
from tests.factories import UserFactory
from tests.surveys.factories import make_survey
from voice.board import services as board_services
from voice.board.models import ManagementResponse
from voice.review import services
from voice.review.models import Action, ActionSurveyQuestion

pytestmark = pytest.mark.django_db


def sent_recommendation(member, title="Later appointments"):
    recommendation = board_services.save_recommendation(
        user=member,
        title=title,
        what_we_found="Appointments clash with school.",
        what_we_ask="Offer appointments after 4pm.",
    )
    return board_services.submit_recommendation(
        recommendation=recommendation, user=member
    )


def action_form(topic, manager, **extra):
    return {
        "topic": topic.pk,
        "what_we_heard": "Appointments clash with school.",
        "what_we_will_do": "Open the office until 6pm on Thursdays.",
        "owner": manager.pk,
        "feedback_numbers": "",
        **extra,
    }


@pytest.fixture
def member(people):
    return people[roles.BOARD_MEMBER]


def test_staff_link_a_sent_recommendation_and_a_survey_question_and_the_action_page_lists_them(
    client_for, manager, cycle, topic, member, home_page
):
    recommendation = sent_recommendation(member)
    survey = make_survey(home_page, title="Your appointments")
    block = list(survey.questions)[0]
    response = client_for(manager).post(
        reverse("review:action_create", args=[cycle.pk]),
        action_form(
            topic,
            manager,
            recommendations=[recommendation.pk],
            survey_questions=[f"{survey.pk}:{block.id}"],
        ),
    )
    action = Action.objects.get()
    assert response["Location"] == reverse("review:action", args=[action.pk])
    assert list(action.recommendations.all()) == [recommendation]
    link = ActionSurveyQuestion.objects.get(action=action)
    assert (link.survey_id, link.block_id) == (survey.pk, block.id)
    assert link.question_text == block.value["question"]
    page = client_for(manager).get(response["Location"]).content.decode()
    assert "Later appointments" in page
    assert f"Your appointments: {block.value['question']}" in page


def test_a_draft_recommendation_is_not_offered_and_a_forged_one_is_refused(
    client_for, manager, cycle, topic, member
):
    draft = board_services.save_recommendation(
        user=member, title="Still writing", what_we_found="x", what_we_ask="y"
    )
    form_page = client_for(manager).get(
        reverse("review:action_create", args=[cycle.pk])
    )
    assert "Still writing" not in form_page.content.decode()
    response = client_for(manager).post(
        reverse("review:action_create", args=[cycle.pk]),
        action_form(topic, manager, recommendations=[draft.pk]),
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Action.objects.exists()


def test_an_unknown_survey_question_is_refused_with_the_text_kept(
    client_for, manager, cycle, topic
):
    response = client_for(manager).post(
        reverse("review:action_create", args=[cycle.pk]),
        action_form(topic, manager, survey_questions=["999:nope"]),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Select a valid choice" in page
    assert "Open the office until 6pm on Thursdays." in page
    assert not Action.objects.exists()


def test_board_members_are_told_when_an_action_answers_their_recommendation_and_when_it_moves_on(
    client_for, manager, cycle, topic, member
):
    other_member = UserFactory(username="board-two", roles=[roles.BOARD_MEMBER])
    young_person = UserFactory(username="not-on-board", roles=[roles.YOUNG_PERSON])
    recommendation = sent_recommendation(member)
    Notification.objects.all().delete()
    client_for(manager).post(
        reverse("review:action_create", args=[cycle.pk]),
        action_form(topic, manager, recommendations=[recommendation.pk]),
    )
    action = Action.objects.get()
    for person in (member, other_member):
        note = Notification.objects.get(user=person)
        assert "Later appointments" in note.message
        assert "Proposed" in note.message
        assert note.link == reverse(
            "board:recommendation_detail", args=[recommendation.pk]
        )
    assert not Notification.objects.filter(user=young_person).exists()

    client_for(manager).post(
        reverse("review:action_status", args=[action.pk]),
        {"status": Action.Status.IN_PROGRESS},
    )
    latest = Notification.objects.filter(user=member).order_by("-pk").first()
    assert Notification.objects.filter(user=member).count() == 2
    assert "In progress" in latest.message


def test_an_action_without_a_recommendation_tells_the_board_nothing(
    manager, cycle, topic, member
):
    services.create_action(
        cycle=cycle,
        topic=topic,
        what_we_heard="Heard",
        what_we_will_do="Do",
        owner=manager,
        user=manager,
    )
    assert not Notification.objects.filter(user=member).exists()


def test_the_members_recommendation_page_shows_what_changed_because_of_it(
    client_for, manager, cycle, topic, member
):
    recommendation = sent_recommendation(member)
    detail = reverse("board:recommendation_detail", args=[recommendation.pk])
    page = client_for(member).get(detail).content.decode()
    assert "What changed because of this" in page
    assert "Nothing yet" in page
    ManagementResponse.objects.create(
        recommendation=recommendation, outcome="accepted", reasons="Good idea."
    )
    action = services.create_action(
        cycle=cycle,
        topic=topic,
        what_we_heard="Heard",
        what_we_will_do="Open the office until 6pm on Thursdays.",
        owner=manager,
        user=manager,
        recommendations=[recommendation],
    )
    services.change_action_status(
        action=action, status=Action.Status.DONE, user=manager
    )
    page = client_for(member).get(detail).content.decode()
    assert "Open the office until 6pm on Thursdays." in page
    assert "Done" in page
    assert "Nothing yet" not in page


def test_editing_an_action_keeps_and_changes_its_links(
    client_for, manager, cycle, topic, member
):
    first = sent_recommendation(member, title="First")
    second = sent_recommendation(member, title="Second")
    action = services.create_action(
        cycle=cycle,
        topic=topic,
        what_we_heard="Heard",
        what_we_will_do="Do",
        owner=manager,
        user=manager,
        recommendations=[first],
    )
    edit = reverse("review:action_edit", args=[action.pk])
    form = client_for(manager).get(edit)
    assert form.context["form"].initial["recommendations"] == [first.pk]
    client_for(manager).post(
        edit,
        action_form(topic, manager, recommendations=[first.pk, second.pk]),
    )
    assert set(action.recommendations.all()) == {first, second}
