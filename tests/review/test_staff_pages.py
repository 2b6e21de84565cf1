"""Staff pages: a cycle built from seeded data, actions made and moved on, exports."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from accounts import roles
from tests.factories import user_with_role
from tests.review.factories import ThemeFactory, at, make_feedback
from voice.feedback.models import Feedback
from voice.moderation.models import ModeratedText
from voice.review import services
from voice.review.demo import CYCLE_NAME
from voice.review.models import Action, ReviewCycle
from voice.safeguarding.models import SafeguardingConcern


@pytest.fixture
def staff(client_for, manager):
    return client_for(manager)


def test_a_cycle_built_from_seeded_data_shows_its_figures(client_for, db):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # safe to run twice
    cycle = ReviewCycle.objects.get(name=CYCLE_NAME)
    assert sorted(cycle.actions.values_list("status", flat=True)) == sorted(
        Action.Status.values
    )
    manager = user_with_role(roles.SERVICE_MANAGER, username="seed-viewer")

    html = client_for(manager).get(f"/staff/review/cycles/{cycle.pk}/").content.decode()

    assert "<h1>Demo review: the last three months</h1>" in html
    approved = ModeratedText.objects.filter(status="approved", feedback__isnull=False)
    assert f'<p class="big-number">{approved.count()}</p>' in html
    assert '<th scope="row">Waiting</th><td>3</td>' in html  # theme, as a table row
    # Topic counts include approved feedback from every app's demo in the period.
    appointments = Feedback.objects.filter(
        topic__name="Appointments",
        moderated_text__status="approved",
        created_at__date__gte=cycle.start,
        created_at__date__lte=cycle.end,
    ).count()
    assert appointments >= 3
    assert f'<th scope="row">Appointments</th><td>{appointments}</td>' in html
    assert '<svg class="bar"' in html and 'aria-hidden="true"' in html
    assert "Concerns raised" in html
    assert "Make an action from this" in html


def test_the_demo_tells_signed_in_people_whose_feedback_led_to_an_action(db):
    from accounts.models import Notification

    call_command("seed_demo", stdout=io.StringIO())

    assert Notification.objects.filter(user__username="young1").exists()
    assert Notification.objects.filter(user__username="parent1").exists()


def fill_quarter(cycle, manager, count: int) -> None:
    themes = [ThemeFactory(name="Waiting"), ThemeFactory(name="Feeling safe")]
    for n in range(count):
        feedback = make_feedback(
            created_at=at(2026, 1 + n % 3, 1 + n % 28),
            feeling=1 + n % 5,
            themes=themes[: 1 + n % 2],
        )
        services.create_action(
            cycle=cycle,
            topic=feedback.topic,
            what_we_heard="Heard",
            what_we_will_do=f"Do {n}",
            owner=manager,
            user=manager,
            feedback=[feedback],
        )
        concern = SafeguardingConcern.objects.create(
            source="moderator", created_at=at(2026, 2, 1 + n % 20)
        )
        concern.acknowledged_at = concern.created_at + datetime.timedelta(hours=n + 1)
        concern.save()


@pytest.mark.parametrize("page", ["cycles/{pk}/", "cycles/{pk}/report/"])
def test_dashboard_and_report_need_the_same_queries_for_more_data(
    staff, cycle, manager, page
):
    url = "/staff/review/" + page.format(pk=cycle.pk)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert staff.get(url).status_code == 200
        return len(captured.captured_queries)

    fill_quarter(cycle, manager, 3)
    staff.get(url)
    small = count()
    fill_quarter(cycle, manager, 30)
    assert count() == small


def test_dashboard_trend_and_safeguarding_numbers(staff, cycle, manager):
    make_feedback(created_at=at(2026, 1, 5), feeling=1)
    make_feedback(created_at=at(2026, 1, 6), feeling=5)
    make_feedback(created_at=at(2026, 2, 20), feeling=4)
    make_feedback(created_at=at(2026, 2, 21), status=ModeratedText.Status.WAITING)
    for hours in (1, 3):
        SafeguardingConcern.objects.create(
            source="moderator",
            created_at=at(2026, 1, 10),
            acknowledged_at=at(2026, 1, 10) + datetime.timedelta(hours=hours),
        )
    SafeguardingConcern.objects.create(source="moderator", created_at=at(2026, 1, 11))

    html = staff.get(f"/staff/review/cycles/{cycle.pk}/").content.decode()

    # Week of Monday 5 January: two pieces of feedback, one very unhappy, one very happy.
    assert (
        '<th scope="row">5 Jan 2026</th>\n                <td>2</td>\n                <td>3.0</td>'
        in html
    )
    assert '<th scope="row">Concerns raised</th><td>3</td>' in html
    assert '<th scope="row">Concerns acknowledged</th><td>2</td>' in html
    assert "2.0 hours" in html


def test_starting_a_cycle_checks_the_dates_and_keeps_what_was_typed(staff):
    response = staff.post(
        "/staff/review/cycles/new/",
        {"name": "Autumn", "start": "2026-09-30", "end": "2026-09-01"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "The last day must be on or after the first day." in html
    assert 'value="Autumn"' in html

    response = staff.post(
        "/staff/review/cycles/new/",
        {"name": "Autumn", "start": "2026-09-01", "end": "2026-11-30"},
    )
    cycle = ReviewCycle.objects.get(name="Autumn")
    assert response["Location"] == f"/staff/review/cycles/{cycle.pk}/"


def test_a_manager_makes_an_action_from_feedback_and_moves_it_on(
    staff, cycle, manager, topic
):
    author = user_with_role(roles.YOUNG_PERSON, username="teller")
    theme = ThemeFactory(name="Waiting")
    feedback = make_feedback(
        author=author, created_at=at(2026, 2, 2), topic=topic, themes=[theme]
    )
    form = staff.get(
        f"/staff/review/cycles/{cycle.pk}/actions/new/?feedback={feedback.pk}"
    ).content.decode()
    assert f'value="{feedback.pk}"' in form
    assert feedback.receipt_code not in form  # the child's secret
    assert "The waiting room is boring." in form  # staff see the approved words

    response = staff.post(
        f"/staff/review/cycles/{cycle.pk}/actions/new/",
        {
            "topic": topic.pk,
            "what_we_heard": "Waiting is boring.",
            "what_we_will_do": "Games in reception.",
            "themes": [theme.pk],
            "owner": manager.pk,
            "due_date": "2026-05-01",
            "feedback_numbers": str(feedback.pk),
        },
    )
    action = Action.objects.get()
    assert response["Location"] == f"/staff/review/actions/{action.pk}/"
    assert list(action.feedback.all()) == [feedback]
    assert author.notifications.count() == 1

    response = staff.post(
        f"/staff/review/actions/{action.pk}/status/",
        {"status": "not_possible", "reason": "", "note": ""},
    )
    assert response.status_code == 400
    assert "Say why it was not possible." in response.content.decode()

    staff.post(
        f"/staff/review/actions/{action.pk}/status/",
        {"status": "done", "reason": "", "note": "Bought the games."},
    )
    staff.post(f"/staff/review/actions/{action.pk}/notes/", {"text": "Kids love it."})
    html = staff.get(f"/staff/review/actions/{action.pk}/").content.decode()

    action.refresh_from_db()
    assert action.status == "done"
    assert author.notifications.count() == 2
    assert "Bought the games." in html and "Kids love it." in html
    assert "Status changed from “Proposed” to “Done”" in html
    assert "Created as “Proposed”, from 1 feedback item(s)" in html
    assert html.count("Progress note added</td>") == 2


def test_unknown_or_unapproved_feedback_numbers_are_refused_next_to_the_field(
    staff, cycle, manager, topic
):
    waiting = make_feedback(status=ModeratedText.Status.WAITING)
    data = {
        "topic": topic.pk,
        "what_we_heard": "Heard it",
        "what_we_will_do": "Do it",
        "owner": manager.pk,
    }
    url = f"/staff/review/cycles/{cycle.pk}/actions/new/"

    not_a_number = staff.post(
        url, data | {"feedback_numbers": "NOPE123"}
    ).content.decode()
    unknown = staff.post(url, data | {"feedback_numbers": "987654"}).content.decode()
    unapproved = staff.post(
        url, data | {"feedback_numbers": str(waiting.pk)}
    ).content.decode()

    assert "These are not feedback numbers" in not_a_number
    assert "NOPE123" in not_a_number
    assert "We could not find feedback with these numbers: 987654" in unknown
    assert 'value="Heard it"' not in unknown  # a textarea keeps it as content
    assert "Heard it</textarea>" in unknown
    assert (
        f"Only approved feedback can be linked. Not approved: {waiting.pk}"
        in unapproved
    )
    assert not Action.objects.exists()


def test_editing_an_action_is_logged(staff, cycle, manager, topic):
    action = services.create_action(
        cycle=cycle,
        topic=topic,
        what_we_heard="Heard",
        what_we_will_do="Old plan",
        owner=manager,
        user=manager,
    )
    staff.post(
        f"/staff/review/actions/{action.pk}/edit/",
        {
            "topic": topic.pk,
            "what_we_heard": "Heard",
            "what_we_will_do": "New plan",
            "owner": manager.pk,
            "feedback_numbers": "",
        },
    )
    html = staff.get(f"/staff/review/actions/{action.pk}/").content.decode()
    assert "New plan" in html
    assert "Changed: what_we_will_do" in html


@pytest.fixture
def report_cycle(cycle, manager, topic):
    feedback = make_feedback(created_at=at(2026, 1, 3), replied_at=at(2026, 1, 5))
    action = services.create_action(
        cycle=cycle,
        topic=topic,
        what_we_heard="Heard",
        what_we_will_do='=HYPERLINK("http://evil.example","click")',
        owner=manager,
        user=manager,
        feedback=[feedback],
    )
    action = services.change_action_status(action=action, status="done", user=manager)
    services.rate_action(action=action, feedback=feedback, score=5)
    return cycle


def test_the_printable_report_states_the_rules_and_figures(staff, report_cycle):
    html = staff.get(f"/staff/review/cycles/{report_cycle.pk}/report/").content.decode()

    assert '<td data-figure="people-total">1</td>' in html
    assert '<td data-figure="answered-share">100.0%</td>' in html
    assert '<td data-figure="median-days">1.0</td>' in html
    assert '<p class="big-number" data-figure="changes-made">1</p>' in html
    assert "each anonymous piece of feedback is counted as one person" in html.lower()
    assert "data-print" in html and "printable-report" in html


def test_csv_export_neutralises_formulas(staff, report_cycle):
    response = staff.get(f"/staff/review/cycles/{report_cycle.pk}/report.csv")

    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == ["Section", "Measure", "Value"]
    values = {(section, measure): value for section, measure, value in rows[1:]}
    assert values[("Changes made", "Changes made because of feedback")] == "1"
    assert values[("Ratings", "Average rating (1 to 5)")] == "5.0"
    item = [row for row in rows if row[0] == "Ratings of each item"][0]
    assert item[1].startswith("#") and "=HYPERLINK" in item[1]
    assert not any(
        cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row
    )


def test_xlsx_export_holds_the_same_rows_with_no_formulas(staff, report_cycle, manager):
    services.create_action(
        cycle=report_cycle,
        topic=Action.objects.first().topic,
        what_we_heard="Heard",
        what_we_will_do="@SUM(1+1)",
        owner=manager,
        user=manager,
    )
    report_cycle.name = "-cmd|' /C calc'!A0"
    report_cycle.save()

    response = staff.get(f"/staff/review/cycles/{report_cycle.pk}/report.xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'-cmd|' /C calc'!A0" in cells
    assert not any(
        isinstance(value, str) and value.startswith(("=", "+", "-", "@"))
        for value in cells
    )
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_people_without_the_review_permission_are_kept_out(client_for, cycle):
    for role in (roles.MODERATOR, roles.CASE_WORKER, roles.YOUNG_PERSON):
        client = client_for(user_with_role(role))
        assert (
            client.get(f"/staff/review/cycles/{cycle.pk}/report.csv").status_code == 403
        )


def test_the_staff_home_and_main_navigation_link_here(client_for, manager, db):
    home = client_for(manager).get("/staff/").content.decode()
    assert "Service review" in home and 'href="/staff/review/"' in home
    assert 'href="/you-said-we-did/"' in home


def test_feedback_numbers_are_found_however_staff_type_them(
    staff, cycle, manager, topic
):
    first = make_feedback()
    second = make_feedback()
    third = make_feedback()
    typed = f"{first.pk}, #{second.pk};\n Feedback {third.pk}"
    response = staff.post(
        f"/staff/review/cycles/{cycle.pk}/actions/new/",
        {
            "topic": topic.pk,
            "what_we_heard": "Heard it",
            "what_we_will_do": "Do it",
            "owner": manager.pk,
            "feedback_numbers": typed,
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert set(action.feedback.all()) == {first, second, third}


def test_forged_huge_ids_in_the_action_form_get_a_message_not_a_server_error(
    client_for, people
):
    cycle = ReviewCycle.objects.create(
        name="Spring", start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31)
    )
    client = client_for(people[roles.SERVICE_MANAGER])
    response = client.post(
        reverse("review:action_create", args=[cycle.pk]),
        {"themes": "9447455318725361664", "topic": "99999999999999999999999"},
    )
    assert response.status_code in (200, 400)
    assert "Select a valid choice" in response.content.decode()


def test_the_approved_feedback_list_pages_through_every_approved_item(staff, cycle):
    for n in range(21):
        make_feedback(text=f"Approved number {n}", created_at=at(2026, 2, 1, minute=n))
    make_feedback(text="Still waiting", created_at=at(2026, 2, 2), status="waiting")
    url = f"/staff/review/cycles/{cycle.pk}/"

    first = staff.get(url).content.decode()
    second = staff.get(url, {"page": 2}).content.decode()

    assert "Approved number 20<" in first and "Approved number 1<" in first
    assert "Approved number 0<" not in first
    assert "Approved number 0<" in second and "Approved number 1<" not in second
    assert "Still waiting" not in first + second
    assert "Page 2 of 2" in second
