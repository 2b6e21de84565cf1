"""Programme and event pages: where they go, what they insist on, who edits, who approves."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Workflow, WorkflowState

from accounts import roles
from accounts.models import Notification
from programmes import services
from programmes.models import EventPage, ProgrammeIndexPage, ProgrammePage
from tests.factories import UserFactory
from tests.programmes.factories import make_event

pytestmark = pytest.mark.django_db


def test_pages_only_go_where_they_belong():
    assert ProgrammeIndexPage.parent_page_types == ["pages.HomePage"]
    assert ProgrammePage.parent_page_types == ["programmes.ProgrammeIndexPage"]
    assert EventPage.parent_page_types == ["programmes.ProgrammePage"]
    assert EventPage.subpage_types == []
    assert ProgrammePage.can_create_at(ProgrammeIndexPage())
    assert not EventPage.can_create_at(ProgrammeIndexPage())


def test_a_picture_without_a_description_is_refused(programme):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Wall", file=get_test_image_file())
    programme.image = image
    programme.image_alt = "  "
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert "image_alt" in error.value.message_dict


def test_an_event_must_end_after_it_starts_and_a_move_says_where(programme):
    event = make_event(programme)
    event.end = event.start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end" in error.value.message_dict
    event.end = event.start + datetime.timedelta(hours=1)
    event.status = EventPage.Status.MOVED
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "status_note" in error.value.message_dict


def test_event_page_shows_the_facts_in_uk_time(client, programme):
    start = timezone.make_aware(datetime.datetime(2030, 7, 1, 18, 30))
    event = make_event(
        programme,
        title="Chef talk",
        start=start,
        accessibility="Step-free entrance",
        needs_consent=True,
    )
    html = client.get(event.url).content.decode()
    assert "Chef talk" in html
    assert "6:30 PM" in html  # 17:30 UTC, shown in British Summer Time
    assert "Step-free entrance" in html
    assert "A parent or carer needs to say yes" in html
    assert "Sign in to sign up" in html  # a visitor is told to sign in first


def test_a_cancelled_event_says_so_and_offers_no_sign_up(client, programme):
    event = make_event(
        programme, status=EventPage.Status.CANCELLED, status_note="The centre flooded."
    )
    html = client.get(event.url).content.decode()
    assert "This event is cancelled." in html
    assert "The centre flooded." in html
    assert f"events/{event.pk}/sign-up/" not in html


def test_only_programme_staff_approvers_and_administrators_may_edit_programme_pages(
    people, event
):
    staff = people[roles.PROGRAMME_STAFF]
    assert event.permissions_for_user(staff).can_edit()
    assert event.get_parent().permissions_for_user(staff).can_add_subpage()
    assert not event.permissions_for_user(staff).can_publish()
    assert event.permissions_for_user(people[roles.ADMINISTRATOR]).can_publish()
    assert event.permissions_for_user(people[roles.SERVICE_MANAGER]).can_edit()
    for role in (
        roles.YOUNG_PERSON,
        roles.CASE_WORKER,
        roles.MODERATOR,
        roles.SAFEGUARDING_LEAD,
    ):
        assert not event.permissions_for_user(people[role]).can_edit(), role
    home = Page.objects.get(pk=event.get_parent().get_parent().get_parent().pk)
    assert not home.permissions_for_user(staff).can_edit()


def test_programme_section_goes_through_the_approval_workflow(programme):
    workflow = programme.get_workflow()
    assert workflow is not None and workflow.name == "Programme approval"
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [roles.SERVICE_MANAGER]


def test_staff_draft_is_published_only_when_a_service_manager_approves(
    people, programme
):
    staff = people[roles.PROGRAMME_STAFF]
    manager = people[roles.SERVICE_MANAGER]
    draft = EventPage(
        title="Boxing taster",
        slug="boxing",
        summary="Try boxing.",
        start=timezone.now() + datetime.timedelta(days=5),
        end=timezone.now() + datetime.timedelta(days=5, hours=2),
        location_name="Gym",
        capacity=8,
        live=False,
    )
    programme.add_child(instance=draft)
    draft.save_revision(user=staff)
    workflow = draft.get_workflow()
    state = workflow.start(draft, staff)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    task = task_state.task.specific
    assert not task.user_can_access_editor(draft, people[roles.YOUNG_PERSON])
    assert task.get_actions(draft, staff) == []
    assert [name for name, *_ in task.get_actions(draft, manager)][:2] == [
        "reject",
        "approve",
    ]
    draft.refresh_from_db()
    assert not draft.live

    task.on_action(task_state, manager, "approve")
    draft.refresh_from_db()
    state.refresh_from_db()
    assert draft.live
    assert state.status == WorkflowState.STATUS_APPROVED


def test_approval_through_the_wagtail_admin(client, people, programme, settings):
    settings.STAFF_MFA_REQUIRED = False
    staff = people[roles.PROGRAMME_STAFF]
    manager = people[roles.SERVICE_MANAGER]
    draft = make_event(programme, title="Studio day", live=False)
    draft.save_revision(user=staff)
    Workflow.objects.get(name="Programme approval").start(draft, staff)
    client.force_login(manager)
    assert client.get(f"/admin/pages/{draft.pk}/edit/").status_code == 200
    state = draft.current_workflow_state
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{draft.pk}/approve/{task_state.pk}/",
        {"comment": "Looks good"},
    )
    assert response.status_code < 400
    draft.refresh_from_db()
    assert draft.live
    assert draft.live_revision.user == staff


def test_a_cancellation_approved_in_the_admin_is_emailed_whatever_the_title_holds(
    client, people, programme, settings, django_capture_on_commit_callbacks
):
    settings.STAFF_MFA_REQUIRED = False
    staff = people[roles.PROGRAMME_STAFF]
    manager = people[roles.SERVICE_MANAGER]
    event = make_event(programme, title="Trip", capacity=5)
    person = UserFactory(roles=[roles.YOUNG_PERSON], email="kai@example.org")
    services.sign_up(event=event, person=person, signed_up_by=person)
    mail.outbox.clear()

    event.title = "Trip\r\nto the coast\x0b"
    event.status = EventPage.Status.CANCELLED
    event.status_note = "The coach\nbroke down."
    event.save_revision(user=staff)
    Workflow.objects.get(name="Programme approval").start(event, staff)
    task_state = event.current_workflow_state.current_task_state
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/workflow/action/{event.pk}/approve/{task_state.pk}/",
            {"comment": ""},
        )

    assert response.status_code < 400
    (email,) = mail.outbox
    assert email.to == ["kai@example.org"]
    assert email.subject == "Change to Trip to the coast"
    assert "has been cancelled" in email.body
    assert "The coach\nbroke down." in email.body
    assert Notification.objects.filter(user=person).exists()


def test_scheduled_publishing_makes_an_event_live_when_its_time_comes(
    people, programme
):
    event = make_event(programme, title="Later", live=False)
    event.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = event.save_revision(user=people[roles.ADMINISTRATOR])
    revision.publish(user=people[roles.ADMINISTRATOR])
    event.refresh_from_db()
    assert not event.live
    call_command("publish_scheduled", stdout=io.StringIO())
    event.refresh_from_db()
    assert not event.live  # not yet

    # An hour passes: the approved time is now behind us.
    revision.refresh_from_db()
    earlier = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = earlier
    revision.content["go_live_at"] = earlier.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    EventPage.objects.filter(pk=event.pk).update(go_live_at=earlier)
    call_command("publish_scheduled", stdout=io.StringIO())
    event.refresh_from_db()
    assert event.live


def test_sign_up_is_offered_only_to_those_who_may_take_part(client_for, people, event):
    link = f"/events/{event.pk}/sign-up/"
    assert (
        link in client_for(people[roles.YOUNG_PERSON]).get(event.url).content.decode()
    )
    worker_page = client_for(people[roles.CASE_WORKER]).get(event.url).content.decode()
    assert "Sign up a young person" in worker_page
    assert (
        link not in client_for(people[roles.MODERATOR]).get(event.url).content.decode()
    )
