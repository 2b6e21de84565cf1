from django.urls import path

from voice.review import views

app_name = "you_said_we_did"

urlpatterns = [
    path("", views.you_said_we_did, name="list"),
    path("rate/", views.rate, name="rate"),
]
