from django.urls import path

from voice.moderation import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("rows/", views.queue_rows, name="queue_rows"),
    path("<int:pk>/", views.item_detail, name="item"),
    path("<int:pk>/claim/", views.claim, name="claim"),
    path("<int:pk>/release/", views.release, name="release"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/not-shared/", views.not_shared, name="not_shared"),
    path("<int:pk>/escalate/", views.escalate, name="escalate"),
    path("<int:pk>/themes/", views.themes, name="themes"),
    path("<int:pk>/reply/", views.reply, name="reply"),
]
