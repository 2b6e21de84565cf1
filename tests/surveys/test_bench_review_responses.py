"""`bench_review --responses` adds survey data the review dashboard then counts."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.perf import bench_review
from voice.review.models import ReviewCycle
from voice.review.sections import sections_for
from voice.surveys.models import SurveyResponse


@pytest.mark.django_db
def test_bench_review_adds_survey_responses_that_the_cycle_counts(home_page):
    out = StringIO()
    call_command(
        bench_review.Command(),
        "--feedback=40",
        "--actions=3",
        "--ratings=5",
        "--responses=12",
        stdout=out,
    )
    printed = out.getvalue()
    assert "12 survey responses in the database" in printed
    assert "Dashboard figures" in printed and "queries" in printed
    assert SurveyResponse.objects.count() == 12
    cycle = ReviewCycle.objects.get(name="Benchmark year")
    (surveys,) = [s for s in sections_for(cycle) if s.title == "Survey results"]
    assert dict(surveys.report_rows)["Benchmark survey: responses"] == 12
