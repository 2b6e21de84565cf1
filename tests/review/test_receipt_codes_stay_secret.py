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
def linked_action(db, cycle, topic, manager):
    feedback = make_feedback(
        "The waiting room is boring.",
        topic=topic,
        status=ModeratedText.Status.APPROVED,
    )
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
    client_for, people, cycle, linked_action, role
):
    call_command("seed_demo", stdout=io.StringIO())
    action, feedback = linked_action
    codes = list(Feedback.objects.values_list("receipt_code", flat=True))
    assert feedback.receipt_code in codes
    client = client_for(people[role])
    extra = [
        f"/staff/review/cycles/{cycle.pk}/",
        f"/staff/review/cycles/{cycle.pk}/report/",
        f"/staff/review/actions/{action.pk}/",
        f"/staff/review/actions/{action.pk}/edit/",
        f"/staff/review/cycles/{cycle.pk}/actions/new/?feedback={feedback.pk}",
    ]
    paths = [path for _name, path in openable_paths(people) if "/staff/" in path]
    checked = 0
    for path in paths + extra:
        response = client.get(path)
        if response.status_code != 200 or response.streaming:
            continue
        html = response.content.decode(errors="replace")
        shown = [
            code for code in codes if code in html or code.replace("-", "") in html
        ]
        assert not shown, f"{role} GET {path} shows receipt codes {shown}"
        checked += 1
    assert checked > 3


def test_staff_see_the_feedback_number_on_the_cycle_and_action_pages(
    client_for, manager, cycle, linked_action
):
    action, feedback = linked_action
    client = client_for(manager)
    dashboard = client.get(f"/staff/review/cycles/{cycle.pk}/").content.decode()
    detail = client.get(f"/staff/review/actions/{action.pk}/").content.decode()
    assert f"Feedback {feedback.pk}" in detail
    assert feedback.receipt_code not in dashboard + detail
