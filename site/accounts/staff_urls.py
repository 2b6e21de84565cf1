"""Case workers' pages for the young people they support (under /staff/young-people/)."""

from django.urls import path

from accounts import views

app_name = "young_people"

urlpatterns = [
    path("", views.supported_list, name="list"),
    path("new/", views.create_supported, name="create"),
    path("<id:user_id>/code/", views.sign_in_code, name="sign_in_code"),
    path(
        "<id:user_id>/let-sign-in/", views.lift_sign_in_lock, name="lift_sign_in_lock"
    ),
    path("<id:user_id>/code/ask/", views.ask_for_code, name="ask_for_code"),
    path("code-requests/", views.code_requests, name="code_requests"),
    path(
        "code-requests/<id:request_id>/",
        views.decide_code_request,
        name="decide_code_request",
    ),
]
