from django.urls import path

from voice.board import views

app_name = "board"

urlpatterns = [
    path("", views.home, name="home"),
    path("join/", views.apply, name="apply"),
    path("profile/", views.profile, name="profile"),
    path("evidence/", views.evidence, name="evidence"),
    path("recommendations/", views.recommendation_list, name="recommendation_list"),
    path(
        "recommendations/new/",
        views.recommendation_create,
        name="recommendation_create",
    ),
    path(
        "recommendations/<int:pk>/",
        views.recommendation_detail,
        name="recommendation_detail",
    ),
    path(
        "recommendations/<int:pk>/edit/",
        views.recommendation_edit,
        name="recommendation_edit",
    ),
    path(
        "recommendations/<int:pk>/submit/",
        views.recommendation_submit,
        name="recommendation_submit",
    ),
    path("influence/", views.influence_log, name="influence_log"),
    path(
        "influence/export.<str:file_format>",
        views.influence_log_export,
        name="influence_log_export",
    ),
    path("meetings/<int:meeting_id>/", views.meeting, name="meeting"),
    path(
        "meetings/<int:meeting_id>/questions/",
        views.meeting_open_question,
        name="meeting_open_question",
    ),
    path("questions/<int:pk>/vote/", views.question_vote, name="question_vote"),
    path("questions/<int:pk>/close/", views.question_close, name="question_close"),
]
