"""Workflow news reaches staff in their Messages, not only by email."""

import pytest
from django.core import mail
from wagtail.models import Workflow

from accounts import roles
from tests.programmes.factories import make_event

pytestmark = pytest.mark.django_db


def messages_page(client, user) -> str:
    client.force_login(user)
    return client.get("/accounts/messages/").content.decode()


def submitted_event(programme, staff, title):
    draft = make_event(programme, title=title, live=False)
    draft.save_revision(user=staff)
    Workflow.objects.get(name="Programme approval").start(draft, staff)
    return draft


def test_a_service_manager_finds_a_page_waiting_for_approval_in_messages(
    client, people, programme, settings
):
    settings.STAFF_MFA_REQUIRED = False
    staff = people[roles.PROGRAMME_STAFF]
    draft = submitted_event(programme, staff, "Studio day")

    page = messages_page(client, people[roles.SERVICE_MANAGER])

    assert "“Studio day” is waiting for your approval" in page
    assert f"/admin/pages/{draft.pk}/edit/" in page
    assert "Studio day" not in messages_page(client, people[roles.MODERATOR])


def test_the_writer_finds_approval_and_sending_back_in_messages(
    client, people, programme, settings
):
    settings.STAFF_MFA_REQUIRED = False
    staff = people[roles.PROGRAMME_STAFF]
    manager = people[roles.SERVICE_MANAGER]
    approved = submitted_event(programme, staff, "Studio day")
    sent_back = submitted_event(programme, staff, "Boxing taster")
    client.force_login(manager)
    emails_before = len(mail.outbox)

    for draft, action, comment in [
        (approved, "approve", "Looks good"),
        (sent_back, "reject", "Please add the address."),
    ]:
        task_state = draft.current_workflow_state.current_task_state
        response = client.post(
            f"/admin/pages/workflow/action/{draft.pk}/{action}/{task_state.pk}/",
            {"comment": comment},
        )
        assert response.status_code < 400

    page = messages_page(client, staff)
    assert "“Studio day” was approved by" in page
    assert "“Boxing taster” was sent back for changes by" in page
    assert "Please add the address." in page
    # Our Messages add no emails of their own: Wagtail's workflow emails remain.
    assert not any(
        "Boxing taster” was sent back" in m.body for m in mail.outbox[emails_before:]
    )
