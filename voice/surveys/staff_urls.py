from django.urls import path

from voice.surveys import views

app_name = "survey_admin"

urlpatterns = [
    path("", views.results_list, name="list"),
    path("<id:survey_id>/", views.results, name="results"),
    path(
        "<id:survey_id>/responses.csv",
        views.export_responses,
        {"file_format": "csv"},
        name="export_csv",
    ),
    path(
        "<id:survey_id>/responses.xlsx",
        views.export_responses,
        {"file_format": "xlsx"},
        name="export_xlsx",
    ),
]
