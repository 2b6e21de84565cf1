from django.urls import path

from voice.safeguarding import views

app_name = "safeguarding"

urlpatterns = [
    path("", views.concern_list, name="list"),
    path("rows/", views.concern_rows, name="rows"),
    path("<id:pk>/", views.concern_detail, name="detail"),
    path("<id:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("<id:pk>/action/", views.record_action, name="action"),
    path("<id:pk>/close/", views.close, name="close"),
    path("<id:pk>/no-concern/", views.no_concern, name="no_concern"),
]
