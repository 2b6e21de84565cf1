from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.index, name="index"),
    path("my-data.json", views.download_json, name="download_json"),
    path("everything/", views.printable, name="printable"),
    path("sharing/<id:feedback_id>/stop/", views.stop_sharing, name="stop_sharing"),
    path("delete/", views.delete_account, name="delete_account"),
    path("deleted/", views.account_deleted, name="account_deleted"),
]
