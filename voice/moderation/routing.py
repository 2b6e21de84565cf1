from django.urls import path

from pages.websocket_routes import register
from voice.moderation import consumers

websocket_urlpatterns = [
    path("ws/staff/moderation/", consumers.ModerationQueueConsumer.as_asgi()),
]

register(websocket_urlpatterns)
