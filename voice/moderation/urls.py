from django.urls import path

from voice.moderation import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("rows/", views.queue_rows, name="queue_rows"),
    path("<id:pk>/", views.item_detail, name="item"),
    path("<id:pk>/claim/", views.claim, name="claim"),
    path("<id:pk>/release/", views.release, name="release"),
    path("<id:pk>/approve/", views.approve, name="approve"),
    path("<id:pk>/not-shared/", views.not_shared, name="not_shared"),
    path("<id:pk>/escalate/", views.escalate, name="escalate"),
    path("<id:pk>/themes/", views.themes, name="themes"),
    path("<id:pk>/reply/", views.reply, name="reply"),
]
