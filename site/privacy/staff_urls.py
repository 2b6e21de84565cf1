from django.urls import path

from privacy import staff_views

app_name = "privacy_admin"

urlpatterns = [
    path("", staff_views.index, name="index"),
    path("people/<id:user_id>/", staff_views.person, name="person"),
    path("people/<id:user_id>/data.json", staff_views.person_json, name="person_json"),
    path(
        "people/<id:user_id>/everything/",
        staff_views.person_printable,
        name="person_printable",
    ),
    path(
        "people/<id:user_id>/delete/", staff_views.delete_person, name="delete_person"
    ),
    path("log/", staff_views.access_log, name="access_log"),
]
