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
        "recommendations/<id:pk>/",
        views.recommendation_detail,
        name="recommendation_detail",
    ),
    path(
        "recommendations/<id:pk>/edit/",
        views.recommendation_edit,
        name="recommendation_edit",
    ),
    path(
        "recommendations/<id:pk>/submit/",
        views.recommendation_submit,
        name="recommendation_submit",
    ),
    path("influence/", views.influence_log, name="influence_log"),
    path(
        "influence/export.<str:file_format>",
        views.influence_log_export,
        name="influence_log_export",
    ),
    path("meetings/<id:meeting_id>/", views.meeting, name="meeting"),
    path(
        "meetings/<id:meeting_id>/questions/",
        views.meeting_open_question,
        name="meeting_open_question",
    ),
    path("questions/<id:pk>/vote/", views.question_vote, name="question_vote"),
    path("questions/<id:pk>/close/", views.question_close, name="question_close"),
]
