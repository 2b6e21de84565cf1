from django.urls import path

from tests.perf.baseline import views

app_name = "perf_baseline"

urlpatterns = [
    path("bare/", views.bare_submission, name="bare"),
    path("live/", views.live_submission, name="live"),
]
