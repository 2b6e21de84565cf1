from django.urls import path

from voice.safeguarding import consumers

websocket_urlpatterns = [
    path("ws/staff/safeguarding/", consumers.SafeguardingConsumer.as_asgi()),
]
