from django.urls import path

from voice.review import staff_views as views

app_name = "review"

urlpatterns = [
    path("", views.cycle_list, name="index"),
    path("cycles/new/", views.cycle_create, name="cycle_create"),
    path("cycles/<id:pk>/", views.cycle_dashboard, name="cycle"),
    path("cycles/<id:pk>/report/", views.board_report, name="report"),
    path("cycles/<id:pk>/reach/", views.cycle_reach, name="cycle_reach"),
    path(
        "cycles/<id:pk>/report.csv",
        views.board_report_export,
        {"file_format": "csv"},
        name="report_csv",
    ),
    path(
        "cycles/<id:pk>/report.xlsx",
        views.board_report_export,
        {"file_format": "xlsx"},
        name="report_xlsx",
    ),
    path("cycles/<id:pk>/actions/new/", views.action_create, name="action_create"),
    path("actions/<id:pk>/", views.action_detail, name="action"),
    path("actions/<id:pk>/edit/", views.action_edit, name="action_edit"),
    path("actions/<id:pk>/status/", views.action_status, name="action_status"),
    path("actions/<id:pk>/notes/", views.action_note, name="action_note"),
]
