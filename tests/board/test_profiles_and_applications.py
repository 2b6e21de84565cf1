"""Member profiles show only what a member agreed; young people apply and staff decide."""

import pytest
from django.urls import reverse

from accounts import roles
from accounts.models import Notification
from voice.board.models import BoardApplication, MemberProfile
from voice.moderation.models import ModeratedText
from voice.safeguarding.models import SafeguardingConcern

pytestmark = pytest.mark.django_db


def test_a_profile_appears_on_the_public_page_only_when_the_member_agrees(
    client_for, member, board_page
):
    client = client_for(member)
    response = client.post(
        reverse("board:profile"),
        {"chosen_name": "Jay", "avatar": "rocket", "is_public": ""},
    )
    assert response.status_code == 302
    client.logout()
    assert "Jay" not in client.get(board_page.url).content.decode()

    client.force_login(member)
    client.post(
        reverse("board:profile"),
        {"chosen_name": "Jay", "avatar": "rocket", "is_public": "on"},
    )
    client.logout()
    page = client.get(board_page.url).content.decode()
    assert "Jay" in page
    assert "🚀" in page


def test_a_public_profile_never_shows_surname_or_username(client, member, board_page):
    member.first_name, member.last_name = "Jayden", "Smithson"
    member.username = "jsmithson2010"
    member.save()
    MemberProfile.objects.create(
        user=member, chosen_name="Jay", avatar="star", is_public=True
    )
    page = client.get(board_page.url).content.decode()
    assert "Jay" in page
    assert "Smithson" not in page
    assert member.username not in page


def test_a_member_withdraws_their_profile_and_it_disappears_at_once(
    client_for, member, board_page
):
    MemberProfile.objects.create(
        user=member, chosen_name="Jay", avatar="star", is_public=True
    )
    client = client_for(member)
    response = client.post(reverse("board:profile"), {"withdraw": "1"})
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=member)
    assert not profile.is_public and profile.withdrawn_at is not None
    client.logout()
    assert "Jay" not in client.get(board_page.url).content.decode()


def test_a_profile_of_someone_who_left_the_board_is_not_shown(
    client, member, board_page
):
    MemberProfile.objects.create(
        user=member, chosen_name="Jay", avatar="star", is_public=True
    )
    member.groups.clear()
    assert "Jay" not in client.get(board_page.url).content.decode()


def test_a_profile_without_a_name_is_refused_next_to_the_field(client_for, member):
    response = client_for(member).post(
        reverse("board:profile"), {"chosen_name": "", "avatar": "star"}
    )
    assert response.status_code == 200
    assert "Please choose a name to show." in response.content.decode()
    assert not MemberProfile.objects.filter(user=member).exists()


def test_a_young_person_applies_and_the_reason_goes_through_moderation(
    client_for, young_person
):
    response = client_for(young_person).post(
        reverse("board:apply"), {"chosen_name": "Kai", "why": "I want things fairer."}
    )
    assert response.status_code == 302
    application = BoardApplication.objects.get(applicant=young_person)
    assert application.why.kind == ModeratedText.Kind.BOARD_COMMENT
    assert application.why.text == "I want things fairer."
    follow = client_for(young_person).get(reverse("board:apply"))
    assert "We have your application" in follow.content.decode()


def test_an_empty_application_is_answered_clearly_and_keeps_what_was_typed(
    client_for, young_person
):
    response = client_for(young_person).post(
        reverse("board:apply"), {"chosen_name": "Kai", "why": ""}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Please tell us a little about why." in body
    assert 'value="Kai"' in body
    assert not BoardApplication.objects.exists()


def test_an_application_with_worrying_words_raises_a_safeguarding_concern(
    client_for, young_person
):
    from voice.safeguarding.models import SafeguardingPhrase

    SafeguardingPhrase.objects.get_or_create(phrase="hurt myself", category="self_harm")
    client_for(young_person).post(
        reverse("board:apply"),
        {"chosen_name": "Kai", "why": "Sometimes I want to hurt myself."},
    )
    assert SafeguardingConcern.objects.filter(raised_by=young_person).exists()


def test_staff_accept_an_application_and_the_young_person_becomes_a_member(
    client_for, young_person, facilitator
):
    from voice.board.services import apply_to_join

    application = apply_to_join(applicant=young_person, chosen_name="Kai", why="Hi")
    response = client_for(facilitator).post(
        reverse("board_admin:application", args=[application.pk]),
        {"decision": "accept"},
    )
    assert response.status_code == 302
    young_person.refresh_from_db()
    assert young_person.groups.filter(name=roles.BOARD_MEMBER).exists()
    assert MemberProfile.objects.get(user=young_person).is_public is False
    assert Notification.objects.filter(
        user=young_person, message__contains="Welcome"
    ).exists()


def test_declining_needs_a_kind_reason_which_the_young_person_is_told(
    client_for, young_person, facilitator
):
    from voice.board.services import apply_to_join

    application = apply_to_join(applicant=young_person, chosen_name="Kai", why="Hi")
    url = reverse("board_admin:application", args=[application.pk])
    client = client_for(facilitator)
    response = client.post(url, {"decision": "decline", "reason": ""})
    assert "Please give a kind reason." in response.content.decode()
    client.post(
        url, {"decision": "decline", "reason": "The board is full until spring."}
    )
    application.refresh_from_db()
    assert application.status == BoardApplication.Status.DECLINED
    assert not young_person.groups.filter(name=roles.BOARD_MEMBER).exists()
    assert Notification.objects.get(user=young_person).message.endswith(
        "The board is full until spring."
    )
