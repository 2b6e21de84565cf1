"""Easy-read versions of the pages young people use most, each linked from its full page."""

from django.urls import path

from pages import views

app_name = "easy_read"

urlpatterns = [
    path(
        "give-feedback/",
        views.easy_read,
        {"page": "give_feedback"},
        name="give_feedback",
    ),
    path(
        "check-my-receipt/",
        views.easy_read,
        {"page": "check_receipt"},
        name="check_receipt",
    ),
    path("i-dont-feel-safe/", views.easy_read, {"page": "unsafe"}, name="unsafe"),
    path(
        "what-happens-to-what-you-tell-us/",
        views.easy_read,
        {"page": "what_happens"},
        name="what_happens",
    ),
]
