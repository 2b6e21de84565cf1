"""Safeguarding: every lead is told at once; concerns are acknowledged, acted on and closed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts import roles
from accounts.models import Notification
from voice.moderation.models import ModeratedText
from voice.safeguarding import services as safeguarding_services
from voice.safeguarding.models import SafeguardingConcern

pytestmark = pytest.mark.django_db


def test_a_safeguarding_phrase_reaches_every_lead_and_never_the_queue(
    client_for, submit, leads, moderator, people
):
    item = submit("my stepdad hits me when mum is out")

    concern = SafeguardingConcern.objects.get()
    assert concern.source == SafeguardingConcern.Source.PHRASE_MATCH
    assert concern.moderated_text == item
    lead_names = {lead.username for lead in leads} | {
        people[roles.SAFEGUARDING_LEAD].username
    }
    told = set(Notification.objects.values_list("user__username", flat=True))
    assert lead_names <= told
    assert moderator.username not in told
    emailed = {message.to[0] for message in mail.outbox}
    assert {"lead1@example.org", "lead2@example.org"} <= emailed
    for message in mail.outbox:
        assert "hits me" not in message.body
        assert message.subject == "Urgent: new safeguarding concern"
    queue = client_for(moderator).get(reverse("moderation:queue")).content.decode()
    assert "hits me" not in queue


def test_the_unsafe_button_raises_a_concern_that_reaches_every_lead(
    leads, django_capture_on_commit_callbacks, young_person
):
    with django_capture_on_commit_callbacks(execute=True):
        concern = safeguarding_services.raise_concern(
            source=SafeguardingConcern.Source.UNSAFE_BUTTON,
            raised_by=young_person,
            details="I don't feel safe going home",
        )
    assert concern.raised_by == young_person
    assert {m.to[0] for m in mail.outbox} == {"lead1@example.org", "lead2@example.org"}
    link = reverse("safeguarding:detail", args=[concern.pk])
    assert set(Notification.objects.values_list("link", flat=True)) == {link}


def test_concerns_are_listed_open_first_then_newest_first(client_for, leads):
    make = SafeguardingConcern.objects.create
    old_open = make(
        source="unsafe_button", created_at=timezone.now() - timedelta(days=3)
    )
    new_open = make(source="unsafe_button")
    closed = make(
        source="moderator",
        created_at=timezone.now() - timedelta(minutes=1),
        closed_at=timezone.now(),
    )
    response = client_for(leads[0]).get(reverse("safeguarding:list"))
    order = [row["concern"].pk for row in response.context["rows"]]
    assert order == [new_open.pk, old_open.pk, closed.pk]
    late = {row["concern"].pk: row["late"] for row in response.context["rows"]}
    assert late == {new_open.pk: False, old_open.pk: True, closed.pk: False}
    assert "Not acknowledged for over a working day" in response.content.decode()


def test_a_lead_acknowledges_records_what_was_done_and_closes(
    client_for, leads, submit
):
    submit("someone said they will stab him")
    concern = SafeguardingConcern.objects.get()
    SafeguardingConcern.objects.filter(pk=concern.pk).update(
        created_at=timezone.now() - timedelta(minutes=95)
    )
    client = client_for(leads[0])
    detail = reverse("safeguarding:detail", args=[concern.pk])

    page = client.get(detail).content.decode()
    assert "stab him" in page

    response = client.post(
        reverse("safeguarding:close", args=[concern.pk]), follow=True
    )
    assert "Acknowledge the concern first." in response.content.decode()

    client.post(reverse("safeguarding:acknowledge", args=[concern.pk]))
    concern.refresh_from_db()
    assert concern.acknowledged_by == leads[0]
    page = client.get(detail).content.decode()
    assert "1\xa0hour, 35\xa0minutes after it arrived" in page

    response = client.post(
        reverse("safeguarding:close", args=[concern.pk]), follow=True
    )
    assert "Record what was done before closing." in response.content.decode()
    response = client.post(
        reverse("safeguarding:action", args=[concern.pk]), {"action": ""}
    )
    assert response.status_code == 400
    assert "Write what was done." in response.content.decode()

    client.post(
        reverse("safeguarding:action", args=[concern.pk]),
        {"action": "Called the case worker; home visit today."},
    )
    client.post(
        reverse("safeguarding:action", args=[concern.pk]),
        {"action": "Visit done; referral made."},
    )
    client.post(reverse("safeguarding:close", args=[concern.pk]))

    concern.refresh_from_db()
    assert concern.closed_by == leads[0]
    assert "home visit today" in concern.action_taken
    assert "referral made" in concern.action_taken
    actions = list(
        ModelLogEntry.objects.for_instance(concern)
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "safeguarding.raise",
        "safeguarding.acknowledge",
        "safeguarding.action",
        "safeguarding.action",
        "safeguarding.close",
    ]
    assert SafeguardingConcern.objects.filter(pk=concern.pk).exists()
    assert ModeratedText.objects.filter(pk=concern.moderated_text_id).exists()


def test_moderators_who_are_not_leads_cannot_open_the_safeguarding_area(
    client_for, moderator
):
    concern = SafeguardingConcern.objects.create(source="unsafe_button")
    client = client_for(moderator)
    assert client.get(reverse("safeguarding:list")).status_code == 403
    assert (
        client.get(reverse("safeguarding:detail", args=[concern.pk])).status_code == 403
    )


def test_the_safeguarding_list_runs_the_same_number_of_queries_for_few_or_many(
    client_for, leads, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(leads[0])
    url = reverse("safeguarding:list")
    for _ in range(2):
        SafeguardingConcern.objects.create(
            source="moderator", acknowledged_by=leads[1], acknowledged_at=timezone.now()
        )
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(20):
        SafeguardingConcern.objects.create(
            source="moderator", acknowledged_by=leads[1], acknowledged_at=timezone.now()
        )
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)
