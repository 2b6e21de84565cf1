"""The staff who run the shadow board edit its pages; service managers edit the events they approve."""

import pytest

from accounts import roles
from tests.programmes.factories import make_event, make_programme, programme_index

pytestmark = pytest.mark.django_db


def edit_view_status(client, user, page) -> int:
    client.force_login(user)
    return client.get(f"/admin/pages/{page.pk}/edit/").status_code


@pytest.mark.parametrize("role", [roles.PROGRAMME_STAFF, roles.SERVICE_MANAGER])
def test_the_boards_staff_can_open_its_pages_in_the_admins_edit_view(
    client, settings, people, board_page, meeting, role
):
    settings.STAFF_MFA_REQUIRED = False
    assert edit_view_status(client, people[role], board_page) == 200
    assert edit_view_status(client, people[role], meeting) == 200


@pytest.mark.parametrize(
    "role", [roles.MODERATOR, roles.CASE_WORKER, roles.SAFEGUARDING_LEAD]
)
def test_other_staff_cannot_edit_the_boards_pages(
    client, settings, people, meeting, role
):
    settings.STAFF_MFA_REQUIRED = False
    assert edit_view_status(client, people[role], meeting) != 200


def test_a_service_manager_can_edit_an_event_and_save_a_change(
    client, settings, people, home_page
):
    settings.STAFF_MFA_REQUIRED = False
    event = make_event(
        make_programme(programme_index(home_page), title="Inspire", slug="inspire"),
        title="Climbing taster",
    )
    assert edit_view_status(client, people[roles.SERVICE_MANAGER], event) == 200
    assert event.permissions_for_user(people[roles.SERVICE_MANAGER]).can_edit()
