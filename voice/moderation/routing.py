from django.urls import path

from voice.moderation import consumers

websocket_urlpatterns = [
    path("ws/staff/moderation/", consumers.ModerationQueueConsumer.as_asgi()),
]
