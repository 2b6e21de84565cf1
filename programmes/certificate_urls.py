"""The public page where anyone checks a certificate's reference."""

from django.urls import path

from programmes import views

app_name = "certificates"

urlpatterns = [
    path("check/", views.check_certificate, name="check"),
]
