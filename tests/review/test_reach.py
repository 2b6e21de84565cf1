"""Reach: the share of the children the service worked with who gave their view."""

import csv
import io

import pytest
from django.urls import reverse

from accounts import roles
from tests.factories import user_with_role
from tests.review.factories import at, make_feedback
from tests.surveys.factories import make_survey
from voice.feedback.models import Speaker
from voice.surveys.models import SurveyResponse


@pytest.fixture
def heard(db, cycle, home_page):
    """Five children heard in the quarter, by hand: yp1, yp2, the board member, two anonymous."""
    yp1 = user_with_role(roles.YOUNG_PERSON, username="reach-yp1")
    yp2 = user_with_role(roles.YOUNG_PERSON, username="reach-yp2")
    member = user_with_role(roles.BOARD_MEMBER, username="reach-member")
    parent = user_with_role(roles.PARENT_CARER, username="reach-parent")
    make_feedback(author=yp1, created_at=at(2026, 1, 10))
    make_feedback(author=yp1, created_at=at(2026, 2, 10))  # the same child again
    make_feedback(author=yp2, created_at=at(2026, 2, 11))
    make_feedback(created_at=at(2026, 3, 1))  # anonymous young person
    make_feedback(created_at=at(2026, 3, 2))  # anonymous young person
    make_feedback(
        speaker=Speaker.PARENT_CARER, author=parent, created_at=at(2026, 3, 3)
    )
    make_feedback(speaker=Speaker.PARENT_CARER, created_at=at(2026, 3, 4))
    make_feedback(created_at=at(2026, 4, 2))  # after the quarter
    survey = make_survey(home_page, mode="signed_in")
    for person in (yp2, member, parent):
        SurveyResponse.objects.create(
            survey=survey, respondent=person, submitted_at=at(2026, 3, 20)
        )
    return cycle


@pytest.fixture
def staff(client, settings):
    settings.STAFF_MFA_REQUIRED = False
    client.force_login(user_with_role(roles.SERVICE_MANAGER, username="reach-sm"))
    return client


def reach_url(cycle) -> str:
    return reverse("review:cycle_reach", args=[cycle.pk])


def test_the_board_report_shows_the_share_of_children_who_gave_their_view(staff, heard):
    response = staff.post(reach_url(heard), {"children_worked_with": "40"})
    assert response.status_code == 302

    html = staff.get(reverse("review:report", args=[heard.pk])).content.decode()
    assert '<td data-figure="children-heard">5</td>' in html
    assert '<td data-figure="children-worked-with">40</td>' in html
    assert '<td data-figure="reach-share">12.5%</td>' in html
    assert "Anonymous survey answers are not counted" in html

    export = staff.get(reverse("review:report_csv", args=[heard.pk]))
    body = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = {(r[0], r[1]): r[2] for r in csv.reader(io.StringIO(body))}
    assert rows[("Reach", "Children who gave their view")] == "5"
    assert rows[("Reach", "Children the service worked with")] == "40"
    assert rows[("Reach", "Share who gave their view (%)")] == "12.5"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-3", "This cannot be below 0."),
        ("4", "5 children gave their view in this period, so the service worked"),
        ("lots", "Enter a whole number."),
    ],
)
def test_a_number_of_children_that_cannot_be_right_is_refused_beside_the_field(
    staff, heard, typed, message
):
    response = staff.post(reach_url(heard), {"children_worked_with": typed})

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'value="{typed}"' in html
    heard.refresh_from_db()
    assert heard.children_worked_with is None
