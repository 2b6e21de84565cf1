from django.urls import path

from voice.safeguarding import views

app_name = "safeguarding"

urlpatterns = [
    path("", views.concern_list, name="list"),
    path("rows/", views.concern_rows, name="rows"),
    path("<int:pk>/", views.concern_detail, name="detail"),
    path("<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("<int:pk>/action/", views.record_action, name="action"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/no-concern/", views.no_concern, name="no_concern"),
]
