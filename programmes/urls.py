from django.urls import path

from programmes import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("past/", views.past_events, name="past"),
    path("calendar.ics", views.all_events_calendar, name="calendar"),
    path(
        "programme/<id:programme_id>/calendar.ics",
        views.programme_calendar,
        name="programme_calendar",
    ),
    path("<id:event_id>/event.ics", views.event_calendar, name="event_calendar"),
    path("<id:event_id>/sign-up/", views.sign_up, name="sign_up"),
    path("sign-ups/<id:sign_up_id>/cancel/", views.cancel_sign_up, name="cancel"),
    path("my-participation/", views.my_participation, name="my_participation"),
    path("my-participation/certificate/", views.certificate, name="certificate"),
    path(
        "my-participation/certificates/<id:certificate_id>/",
        views.issued_certificate,
        name="issued_certificate",
    ),
    path(
        "my-participation/certificates/<id:certificate_id>/withdraw/",
        views.withdraw_certificate,
        name="withdraw_certificate",
    ),
]
