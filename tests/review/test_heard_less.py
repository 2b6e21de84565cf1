"""Whether some groups are heard less: the "about you" counts in the review and board report.

Counts are put in by hand, so every expected figure below is worked out by
hand too. A group under 5 is never shown, nor the next smallest when one
hidden group could be worked out from the total, on the page and in the CSV.
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from accounts import roles
from tests.factories import user_with_role
from voice.feedback.about_you import Question
from voice.feedback.models import AboutYouCount, Speaker


def count(question, answer, people, day=datetime.date(2026, 2, 1)):
    AboutYouCount.objects.create(
        day=day,
        speaker=Speaker.YOUNG_PERSON,
        question=question,
        answer=answer,
        count=people,
    )


@pytest.fixture
def answers(cycle):
    # Care experience: 12 yes, 9 no, 4 not sure; 25 forms sent in the quarter.
    count(Question.CARE_EXPERIENCE, "yes", 7)
    count(Question.CARE_EXPERIENCE, "yes", 5, day=datetime.date(2026, 3, 31))
    count(Question.CARE_EXPERIENCE, "no", 9)
    count(Question.CARE_EXPERIENCE, "not_sure", 4)
    # Outside the quarter: never counted.
    count(Question.CARE_EXPERIENCE, "prefer_not", 30, day=datetime.date(2026, 4, 1))
    # Ethnic group: 20 white, 6 Black, 3 Asian; 29 forms.
    count(Question.ETHNICITY, "white", 20)
    count(Question.ETHNICITY, "black", 6)
    count(Question.ETHNICITY, "asian", 3)
    return cycle


@pytest.fixture
def manager(client, settings):
    settings.STAFF_MFA_REQUIRED = False
    client.force_login(user_with_role(roles.SERVICE_MANAGER, username="heard-sm"))
    return client


def table_rows(html: str, caption: str) -> str:
    start = html.index(caption)
    return html[start : html.index("</table>", start)]


def test_the_board_report_shows_who_gave_their_view_with_small_groups_hidden(
    manager, answers
):
    html = manager.get(reverse("review:report", args=[answers.pk])).content.decode()
    care = table_rows(html, "Care experience · 25 forms sent")
    assert "<td>12</td><td>48%</td>" in care  # 12 of 25
    # 4 not sure is hidden; 9 no would give it away (25 - 12 - 9), so it is hidden too.
    assert care.count("Fewer than 5: not shown") == 2
    assert "<td>9</td>" not in care and "<td>4</td>" not in care
    ethnicity = table_rows(html, "Ethnic group · 29 forms sent")
    # 3 Asian hidden; 6 Black hidden with it; 20 White shown.
    assert "<td>20</td><td>69%</td>" in ethnicity
    assert "<td>6</td>" not in ethnicity and "<td>3</td>" not in ethnicity
    assert "<td>0</td>" in ethnicity  # mixed: nobody, and saying so picks no one out


def test_the_board_report_export_hides_the_same_groups(manager, answers):
    export = manager.get(reverse("review:report_csv", args=[answers.pk]))
    body = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = {(r[0], r[1]): r[2] for r in csv.reader(io.StringIO(body)) if len(r) > 2}
    section = "Who gave their view"
    assert rows[(section, "Care experience: Yes")] == "12"
    assert rows[(section, "Care experience: No")] == "Fewer than 5: not shown"
    assert rows[(section, "Care experience: I'm not sure")] == "Fewer than 5: not shown"
    assert rows[(section, "Ethnic group: White")] == "20"
    assert rows[
        (section, "Ethnic group: Black, Black British, Caribbean or African")
    ] == ("Fewer than 5: not shown")
    assert rows[(section, "Ethnic group: Asian or Asian British")] == (
        "Fewer than 5: not shown"
    )
    assert "9" not in {rows[key] for key in rows if key[0] == section}


def test_the_review_dashboard_shows_the_same_table(manager, answers):
    html = manager.get(reverse("review:cycle", args=[answers.pk])).content.decode()
    assert "Care experience · 25 forms sent" in html
    assert "Fewer than 5: not shown" in html
