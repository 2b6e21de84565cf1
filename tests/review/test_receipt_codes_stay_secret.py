"""A receipt code is the young person's secret: no staff page shows one.

Staff refer to feedback by its own number. The pages are collected from the
URL configuration (every route under /staff/), so a new staff page is
checked as soon as it is mounted.
"""

import io

import pytest
from django.core.management import call_command

from accounts import roles
from tests.review.factories import make_feedback
from tests.routes import openable_paths
from voice.feedback.models import Feedback
from voice.moderation.models import ModeratedText
from voice.review import services

STAFF_WHO_SEE_FEEDBACK = [
    roles.MODERATOR,
    roles.SAFEGUARDING_LEAD,
    roles.CASE_WORKER,
    roles.PROGRAMME_STAFF,
    roles.SERVICE_MANAGER,
    roles.ADMINISTRATOR,
]


@pytest.fixture
def site_with_content(db):
    """The demo content, made before the people of each role (it has its own)."""
    call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture
def linked_action(db, cycle, topic, manager):
    feedback = make_feedback(topic=topic, status=ModeratedText.Status.APPROVED)
    action = services.create_action(
        cycle=cycle,
        topic=topic,
        what_we_heard="Waiting is boring.",
        what_we_will_do="Games in reception.",
        owner=manager,
        user=manager,
        feedback=[feedback],
    )
    return action, feedback


@pytest.mark.parametrize("role", STAFF_WHO_SEE_FEEDBACK)
def test_no_staff_page_shows_a_receipt_code(
    client, settings, site_with_content, people, cycle, linked_action, role
):
    action, feedback = linked_action
    codes = list(Feedback.objects.values_list("receipt_code", flat=True))
    assert feedback.receipt_code in codes
    # Sample objects first: some of them change people's accounts (and sessions).
    paths = [path for _name, path in openable_paths(people) if "/staff/" in path]
    settings.STAFF_MFA_REQUIRED = False  # MFA has its own tests
    extra = [
        f"/staff/review/cycles/{cycle.pk}/",
        f"/staff/review/cycles/{cycle.pk}/report/",
        f"/staff/review/actions/{action.pk}/",
        f"/staff/review/actions/{action.pk}/edit/",
        f"/staff/review/cycles/{cycle.pk}/actions/new/?feedback={feedback.pk}",
    ]
    checked = 0
    statuses = []
    for path in paths + extra:
        client.force_login(people[role])
        response = client.get(path)
        statuses.append((path, response.status_code))
        if response.status_code != 200 or response.streaming:
            continue
        html = response.content.decode(errors="replace")
        shown = [
            code for code in codes if code in html or code.replace("-", "") in html
        ]
        assert not shown, f"{role} GET {path} shows receipt codes {shown}"
        checked += 1
    assert checked >= 3, statuses


def test_staff_see_the_feedback_number_on_the_cycle_and_action_pages(
    client_for, manager, cycle, linked_action
):
    action, feedback = linked_action
    client = client_for(manager)
    dashboard = client.get(f"/staff/review/cycles/{cycle.pk}/").content.decode()
    detail = client.get(f"/staff/review/actions/{action.pk}/").content.decode()
    assert f"Feedback {feedback.pk}" in detail
    assert feedback.receipt_code not in dashboard + detail
