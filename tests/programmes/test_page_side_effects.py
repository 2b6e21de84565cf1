"""What happens when programme pages are saved, whichever way they are saved.

The admin publishes through revisions; demo data and staff code save pages
directly. Either way the people signed up are told of a change, and a new
programme section is put under approval.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from accounts import roles
from accounts.models import Notification
from programmes import services
from programmes.models import EventPage
from tests.programmes.factories import programme_index

pytestmark = pytest.mark.django_db


def test_cancelling_a_live_event_saved_in_code_tells_everyone_signed_up(
    young_people, event
):
    holder, waiting = young_people(2)
    for person in (holder, waiting):
        services.sign_up(event=event, person=person, signed_up_by=person)
    event.status = EventPage.Status.CANCELLED
    event.save()
    for person in (holder, waiting):
        assert "has been cancelled" in Notification.objects.get(user=person).message


def test_a_draft_change_tells_nobody_until_it_is_published(young_people, event):
    (person,) = young_people(1)
    services.sign_up(event=event, person=person, signed_up_by=person)
    event.start += datetime.timedelta(days=1)
    event.end += datetime.timedelta(days=1)
    revision = event.save_revision()
    assert not Notification.objects.filter(user=person).exists()
    revision.publish()
    assert "has changed" in Notification.objects.get(user=person).message


def test_saving_an_event_without_a_change_people_need_tells_nobody(young_people, event):
    (person,) = young_people(1)
    services.sign_up(event=event, person=person, signed_up_by=person)
    event.summary = "Now with snacks."
    event.save()
    event.save(update_fields=["summary"])
    assert not Notification.objects.filter(user=person).exists()


def test_a_programme_section_made_in_code_is_put_under_approval(home_page, people):
    index = programme_index(home_page)
    assert index.get_workflow().name == "Programme approval"
    staff = Group.objects.get(name=roles.PROGRAMME_STAFF)
    granted = set(
        GroupPagePermission.objects.filter(group=staff, page=index).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page"} <= granted
