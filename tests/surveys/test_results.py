"""Results for staff: counts, shares, averages, trends, groups under 5 hidden, queries that do not grow."""

import re

import pytest
from django.urls import reverse

from accounts import roles
from tests.surveys.factories import make_survey
from voice.moderation.models import ModeratedText
from voice.moderation.services import submit_text
from voice.surveys.models import Answer, SurveyResponse
from voice.surveys.selectors import public_results, survey_results


def add_response(survey, *, speaker="", age="", **answers_by_type):
    """One response with the given answers (type → number, choice, list of choices or text)."""
    blocks = {b.block_type: b.id for b in survey.questions}
    response = SurveyResponse.objects.create(
        survey=survey, speaker_type=speaker, age_band=age
    )
    rows = []
    for kind, value in answers_by_type.items():
        base = {
            "survey": survey,
            "response": response,
            "question_id": blocks[kind],
            "speaker_type": speaker,
            "age_band": age,
        }
        if kind in ("emoji_scale", "yes_no", "rating"):
            rows.append(Answer(number=value, **base))
        elif kind == "several_choices":
            rows += [
                Answer(choice=choice, counts_person=place == 0, **base)
                for place, choice in enumerate(value)
            ]
        elif kind == "one_choice":
            rows.append(Answer(choice=value, **base))
        else:
            item = submit_text(text=value, kind=ModeratedText.Kind.SURVEY_ANSWER)
            rows.append(Answer(moderated_text=item, **base))
    Answer.objects.bulk_create(rows)
    return response


def question(results, kind_label_start):
    return next(
        q for q in results.questions if q.kind_label.startswith(kind_label_start)
    )


@pytest.mark.django_db
def test_counts_shares_and_averages_are_counted_for_each_question(survey):
    add_response(
        survey,
        emoji_scale=5,
        yes_no=1,
        rating=10,
        one_choice="Home",
        several_choices=["Sport", "Music"],
    )
    add_response(
        survey,
        emoji_scale=3,
        yes_no=1,
        rating=4,
        one_choice="Home",
        several_choices=["Sport"],
    )
    add_response(survey, emoji_scale=1, yes_no=0, rating=7)
    add_response(survey, yes_no=0, rating=0)

    results = survey_results(survey)
    assert results.total == 4

    faces = question(results, "Faces")
    assert faces.answered == 3 and faces.skipped == 1
    assert faces.mean == 3.0
    assert [(o.label, o.count, o.percent) for o in faces.options] == [
        ("😢 Very unhappy", 1, 33.3),
        ("🙁 Unhappy", 0, 0.0),
        ("😐 Okay", 1, 33.3),
        ("🙂 Happy", 0, 0.0),
        ("😄 Very happy", 1, 33.3),
    ]
    yes_no = question(results, "Yes or no")
    assert [(o.label, o.count, o.percent) for o in yes_no.options] == [
        ("Yes", 2, 50.0),
        ("No", 2, 50.0),
    ]
    assert yes_no.mean is None  # a yes/no has shares, not an average
    rating = question(results, "Score")
    assert rating.mean == 5.25 and len(rating.options) == 11
    pick_one = question(results, "Pick one")
    assert {o.label: o.count for o in pick_one.options} == {
        "Office": 0,
        "Home": 2,
        "Café": 0,
    }
    pick_any = question(results, "Pick any")
    assert pick_any.answered == 2
    assert {o.label: o.percent for o in pick_any.options} == {
        "Sport": 100.0,
        "Music": 50.0,
        "Trips": 0.0,
    }


@pytest.mark.django_db
def test_the_results_page_shows_a_chart_that_is_also_a_table(client, survey, people):
    add_response(survey, emoji_scale=5, yes_no=1, rating=10)
    client.force_login(people[roles.SERVICE_MANAGER])
    page = client.get(
        reverse("survey_admin:results", args=[survey.pk])
    ).content.decode()
    assert "1 response" in page
    assert '<table class="bar-table">' in page
    assert '<th scope="row">😄 Very happy</th>' in page
    assert "100.0%" in page
    assert '<rect class="bar__fill" x="0" y="0" width="100.0" height="10">' in page
    assert 'aria-hidden="true"' in page
    assert "Average: 5.0" in page


@pytest.mark.django_db
def test_only_approved_written_answers_are_shown_and_in_their_shared_form(
    client, survey, people
):
    add_response(survey, yes_no=1, short_text="Waiting words")
    add_response(survey, yes_no=1, short_text="Approved words, Sam said")
    add_response(survey, yes_no=1, short_text="Rude words")
    approved = ModeratedText.objects.get(text__startswith="Approved")
    approved.status = ModeratedText.Status.APPROVED
    approved.redacted_text = "Approved words, [name] said"
    approved.save()
    ModeratedText.objects.filter(text="Rude words").update(
        status=ModeratedText.Status.NOT_SHARED
    )
    client.force_login(people[roles.SERVICE_MANAGER])
    page = client.get(
        reverse("survey_admin:results", args=[survey.pk])
    ).content.decode()
    assert "Approved words, [name] said" in page
    assert "Sam said" not in page
    assert "Waiting words" not in page and "Rude words" not in page
    assert "Waiting for a moderator: 1" in page
    assert "Not shared: 1" in page


@pytest.mark.django_db
def test_the_ten_newest_approved_written_answers_are_shown_newest_first(
    client, survey, people
):
    for number in range(1, 13):
        add_response(survey, yes_no=1, short_text=f"Answer number {number:02d}")
    ModeratedText.objects.update(status=ModeratedText.Status.APPROVED)
    client.force_login(people[roles.SERVICE_MANAGER])
    page = client.get(
        reverse("survey_admin:results", args=[survey.pk])
    ).content.decode()
    shown = re.findall(r"<li>Answer number (\d\d)</li>", page)
    assert shown == [f"{number:02d}" for number in range(12, 2, -1)]


@pytest.mark.django_db
def test_groups_of_fewer_than_five_are_never_shown(client, survey, people):
    for _ in range(5):
        add_response(
            survey,
            speaker="young_person",
            age="14_15",
            emoji_scale=4,
            yes_no=1,
            rating=6,
        )
    for _ in range(4):
        add_response(
            survey,
            speaker="parent_carer",
            age="18_plus",
            emoji_scale=1,
            yes_no=0,
            rating=2,
        )
    for _ in range(5):
        add_response(survey, emoji_scale=3, yes_no=1, rating=5)  # did not say

    results = survey_results(survey)
    faces = question(results, "Faces")
    by_speaker = {b.title: b for b in faces.breakdowns}["By who answered"]
    rows = {row.label: row for row in by_speaker.rows}
    assert rows["A young person"].suppressed is False
    assert rows["A young person"].mean == 4.0
    assert rows["A young person"].answered == 5
    assert rows["A parent or carer"].suppressed is True
    assert (
        rows["A parent or carer"].cells == [] and rows["A parent or carer"].mean is None
    )

    client.force_login(people[roles.SERVICE_MANAGER])
    page = client.get(
        reverse("survey_admin:results", args=[survey.pk])
    ).content.decode()
    assert "Fewer than 5: not shown, so no one can be picked out." in page
    # the average of the small group (1.0) appears nowhere in the breakdowns
    assert "<td>1.0</td>" not in page


@pytest.mark.django_db
def test_a_small_group_cannot_be_worked_out_by_taking_the_others_from_the_whole(
    survey,
):
    for _ in range(6):
        add_response(survey, speaker="young_person", emoji_scale=4, yes_no=1, rating=6)
    for _ in range(5):
        add_response(survey, speaker="board_member", emoji_scale=3, yes_no=1, rating=6)
    for _ in range(2):
        add_response(survey, speaker="parent_carer", emoji_scale=1, yes_no=0, rating=2)

    faces = question(survey_results(survey), "Faces")
    rows = {row.label: row for row in faces.breakdowns[0].rows}
    assert rows["A parent or carer"].suppressed
    # Whole minus young people minus board members would give the two parents away.
    assert rows["A shadow board member"].suppressed
    assert rows["A shadow board member"].hidden_by_difference
    assert rows["A shadow board member"].cells == []
    assert not rows["A young person"].suppressed


@pytest.mark.django_db
def test_people_who_did_not_say_count_towards_hiding_a_small_group(survey):
    for _ in range(6):
        add_response(survey, speaker="young_person", emoji_scale=4)
    for _ in range(5):
        add_response(survey, speaker="board_member", emoji_scale=3)
    for _ in range(2):
        add_response(survey, speaker="parent_carer", emoji_scale=1)
    for _ in range(5):
        add_response(survey, emoji_scale=2)  # did not say who they are

    faces = question(survey_results(survey), "Faces")
    rows = {row.label: row for row in faces.breakdowns[0].rows}
    assert rows["A parent or carer"].suppressed
    assert not rows["A shadow board member"].suppressed
    assert not rows["A young person"].suppressed


@pytest.mark.django_db
def test_a_group_is_hidden_for_a_question_fewer_than_five_of_them_answered(survey):
    for index in range(6):
        add_response(
            survey,
            speaker="young_person",
            emoji_scale=4,
            **({"rating": 5} if index < 4 else {}),
        )
    results = survey_results(survey)
    rating = question(results, "Score")
    row = rating.breakdowns[0].rows[0]
    assert row.suppressed is True
    faces = question(results, "Faces")
    assert faces.breakdowns[0].rows[0].suppressed is False


@pytest.mark.django_db
def test_results_show_the_change_since_the_previous_run(client, home_page, people):
    last_year = make_survey(home_page, title="Last year")
    for value in (2, 2, 4, 4):
        add_response(last_year, emoji_scale=value, yes_no=0)
    this_year = make_survey(home_page, title="This year", previous_run=last_year)
    for value in (4, 5):
        add_response(this_year, emoji_scale=value, yes_no=1)

    results = survey_results(this_year)
    faces = question(results, "Faces")
    assert faces.previous.mean == 3.0
    assert faces.mean == 4.5
    assert faces.mean_change == 1.5
    yes = question(results, "Yes or no").options[0]
    assert (yes.percent, yes.previous_percent, yes.change) == (100.0, 0.0, 100.0)

    client.force_login(people[roles.SERVICE_MANAGER])
    page = client.get(
        reverse("survey_admin:results", args=[this_year.pk])
    ).content.decode()
    assert "Compared with the last run" in page
    assert "last time 3.0" in page and "up 1.5" in page


@pytest.mark.django_db
def test_the_published_summary_shows_counts_but_never_written_answers_or_small_numbers(
    client, home_page, survey
):
    from tests.surveys.factories import survey_index
    from voice.surveys.models import SurveySummaryPage

    for _ in range(5):
        add_response(survey, emoji_scale=5, yes_no=1, short_text="Secret words")
    add_response(survey, one_choice="Home")
    summary = SurveySummaryPage(
        title="What you told us", slug="told-us", survey=survey, intro="Thanks"
    )
    survey_index(home_page).add_child(instance=summary)
    summary.save_revision().publish()

    results = public_results(survey)
    labels = [q.question for q in results.questions]
    assert "How was today?" in labels
    assert "Where do you like to meet?" not in labels  # one person answered
    assert not any(q.is_text for q in results.questions)
    page = client.get(summary.url).content.decode()
    assert "6 people answered." in page
    assert "How was today?" in page
    assert "Secret words" not in page
    assert "Where do you like to meet?" not in page


def fill(survey, count, start=0):
    for index in range(start, start + count):
        add_response(
            survey,
            speaker=["young_person", "parent_carer"][index % 2],
            age=["14_15", "16_17"][index % 2],
            emoji_scale=index % 5 + 1,
            yes_no=index % 2,
            rating=index % 11,
            one_choice="Home",
            several_choices=["Sport", "Trips"],
            short_text=f"Answer {index}",
        )
    ModeratedText.objects.update(status=ModeratedText.Status.APPROVED)


@pytest.mark.django_db
def test_the_results_page_makes_the_same_number_of_queries_for_many_more_responses(
    client, home_page, people, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    previous = make_survey(home_page, title="Before")
    fill(previous, 3)
    survey = make_survey(home_page, previous_run=previous)
    fill(survey, 6)
    client.force_login(people[roles.SERVICE_MANAGER])
    url = reverse("survey_admin:results", args=[survey.pk])
    client.get(url)  # warm caches (site settings, session)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200

    fill(survey, 40, start=6)
    fill(previous, 20, start=3)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert "46 responses" in response.content.decode()
