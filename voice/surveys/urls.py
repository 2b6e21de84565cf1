from django.urls import path

from voice.surveys import views

app_name = "surveys"

urlpatterns = [path("", views.open_surveys, name="list")]
