"""URL kwargs for the survey routes that need a survey (seed_demo has made some)."""


def any_survey(people):
    from voice.surveys.models import SurveyPage

    return {"survey_id": SurveyPage.objects.order_by("pk").first().pk}


SAMPLE_KWARGS = {
    "survey_admin:results": any_survey,
    "survey_admin:export_csv": any_survey,
    "survey_admin:export_xlsx": any_survey,
}
