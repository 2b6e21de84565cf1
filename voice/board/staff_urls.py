from django.urls import path

from voice.board import staff_views

app_name = "board_admin"

urlpatterns = [
    path("", staff_views.home, name="home"),
    path("applications/<id:pk>/", staff_views.application, name="application"),
    path("recommendations/<id:pk>/respond/", staff_views.respond, name="respond"),
]
