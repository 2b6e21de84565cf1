from django.urls import path

from pages.websocket_routes import register
from voice.safeguarding import consumers

websocket_urlpatterns = [
    path("ws/staff/safeguarding/", consumers.SafeguardingConsumer.as_asgi()),
]

register(websocket_urlpatterns)
