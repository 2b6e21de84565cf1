"""The way from the Wagtail admin to results, and the results benchmark command."""

import io
import re

import pytest
from django.core.management import call_command

from accounts import roles
from tests.perf import bench_survey_results


@pytest.mark.django_db
def test_the_wagtail_admin_links_to_survey_results_for_those_who_may_see_them(
    client, survey, people
):
    client.force_login(people[roles.ADMINISTRATOR])
    page = client.get(f"/admin/pages/{survey.pk}/").content.decode()
    assert f"/staff/surveys/{survey.pk}/" in page
    client.force_login(people[roles.SERVICE_MANAGER])
    assert "/staff/surveys/" in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_the_admin_shows_no_results_link_to_moderators(client, survey, people):
    client.force_login(people[roles.MODERATOR])
    assert "/staff/surveys/" not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_the_benchmark_prints_the_same_query_count_at_each_size_and_cleans_up(
    home_page,
):
    from voice.surveys.models import Answer, SurveyPage, SurveyResponse

    out = io.StringIO()
    call_command(
        bench_survey_results.Command(),
        "--responses",
        "5",
        "60",
        "--rounds",
        "1",
        stdout=out,
    )
    lines = [
        line for line in out.getvalue().splitlines() if re.match(r"\s+\d+\s+\d+", line)
    ]
    assert len(lines) == 2
    sizes = [int(line.split()[0]) for line in lines]
    queries = [int(line.split()[3]) for line in lines]
    assert sizes == [5, 60]
    assert queries[0] == queries[1]
    assert not SurveyPage.objects.filter(title="Results benchmark").exists()
    assert not SurveyResponse.objects.exists() and not Answer.objects.exists()
