from django.urls import path

from programmes import staff_views

app_name = "event_admin"

urlpatterns = [
    path("", staff_views.event_list, name="list"),
    path("<id:event_id>/", staff_views.event_detail, name="event"),
    path(
        "<id:event_id>/sign-ups.csv",
        staff_views.export_sign_ups,
        {"file_format": "csv"},
        name="export",
    ),
    path(
        "sign-ups/<id:sign_up_id>/attendance/",
        staff_views.mark_attendance,
        name="attendance",
    ),
    path(
        "sign-ups/<id:sign_up_id>/consent/",
        staff_views.mark_consent,
        name="consent",
    ),
    path(
        "consents/<id:consent_id>/withdraw/",
        staff_views.withdraw_consent,
        name="withdraw_consent",
    ),
]
