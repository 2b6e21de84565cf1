"""The roles that own content edit it in the Wagtail admin, on a site with no demo content.

Each test opens the page's edit view, sends the form back as the browser
would (read from the edit page) with a new title, and checks a revision was
saved. The permissions come from migrations and page creation, never from
the demo content: the test database has none.
"""

from importlib import import_module

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    streamfield,
)

from accounts import roles
from tests.board.factories import make_board_page, make_meeting
from tests.programmes.factories import make_event, make_programme, programme_index
from tests.surveys.factories import make_survey, survey_index
from tests.test_migrations import run_forward
from voice.surveys.models import SurveyIndexPage

pytestmark = pytest.mark.django_db


def save_a_change_in_the_admin(
    client, user, page: Page, streams: dict | None = None
) -> Page:
    """Open the edit view, send the form back with a new title; the revision saved.

    `streams` gives StreamField data that the edit page builds with script.
    """
    client.force_login(user)
    url = f"/admin/pages/{page.pk}/edit/"
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    new_title = f"{page.title} (changed by {user.username})"
    data["title"] = new_title
    for name, value in nested_form_data(streams or {}).items():
        data[name] = value
    revisions_before = page.revisions.count()

    saved = client.post(url, data)

    assert saved.status_code == 302, saved.content.decode()[:2000]
    page.refresh_from_db()
    assert page.revisions.count() == revisions_before + 1
    assert page.get_latest_revision().as_object().title == new_title
    return page


@pytest.fixture
def admin_client(client, settings):
    settings.STAFF_MFA_REQUIRED = False
    return client


@pytest.fixture
def event(home_page):
    programme = make_programme(
        programme_index(home_page), title="Inspire", slug="inspire"
    )
    return make_event(programme, title="Climbing taster")


def test_there_is_no_demo_content_here(home_page):
    assert not Page.objects.filter(slug__in=["climbing-taster", "how-are-we-doing"])


@pytest.mark.parametrize("role", [roles.SERVICE_MANAGER, roles.PROGRAMME_STAFF])
def test_the_programme_roles_edit_an_event_and_save_a_revision(
    admin_client, people, event, role
):
    save_a_change_in_the_admin(admin_client, people[role], event)


@pytest.mark.parametrize("role", [roles.SERVICE_MANAGER, roles.PROGRAMME_STAFF])
def test_the_boards_staff_edit_its_front_page_and_a_meeting_and_save_revisions(
    admin_client, people, home_page, role
):
    board_page = make_board_page(home_page)
    meeting = make_meeting(board_page)
    save_a_change_in_the_admin(admin_client, people[role], board_page)
    save_a_change_in_the_admin(admin_client, people[role], meeting)


@pytest.mark.parametrize("role", [roles.SERVICE_MANAGER, roles.PROGRAMME_STAFF])
def test_the_survey_staff_edit_a_survey_and_save_a_revision(
    admin_client, people, home_page, role
):
    question = {"question": "Did you feel safe?", "help_text": "", "required": ""}
    survey = make_survey(home_page, questions=[("yes_no", question)])
    save_a_change_in_the_admin(
        admin_client,
        people[role],
        survey,
        streams={"questions": streamfield([("yes_no", question)])},
    )


@pytest.mark.parametrize(
    "role", [roles.MODERATOR, roles.CASE_WORKER, roles.SAFEGUARDING_LEAD]
)
def test_other_staff_cannot_open_the_edit_view_of_a_survey_or_an_event(
    admin_client, people, home_page, event, role
):
    admin_client.force_login(people[role])
    for page in (make_survey(home_page), event):
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code != 200


def test_the_survey_permissions_migration_gives_an_existing_index_its_grants(
    home_page,
):
    index = survey_index(home_page)
    GroupPagePermission.objects.filter(page=index).delete()

    run_forward("surveys", "0005_survey_page_permissions")

    for role in (roles.PROGRAMME_STAFF, roles.SERVICE_MANAGER):
        granted = set(
            GroupPagePermission.objects.filter(
                page=index, group=Group.objects.get(name=role)
            ).values_list("permission__codename", flat=True)
        )
        assert granted == {"add_page", "change_page", "publish_page"}


def test_the_migration_keeps_a_frozen_copy_of_the_grants():
    migration = import_module("voice.surveys.migrations.0005_survey_page_permissions")
    assert migration.SURVEY_PAGE_PERMISSIONS_AT_THIS_POINT == {
        roles.PROGRAMME_STAFF: ["add_page", "change_page", "publish_page"],
        roles.SERVICE_MANAGER: ["add_page", "change_page", "publish_page"],
    }
    assert SurveyIndexPage  # the index the grants are given on
