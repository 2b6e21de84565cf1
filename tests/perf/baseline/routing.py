from django.urls import path

from pages.websocket_routes import register
from tests.perf.baseline.consumers import LiveSubmissionsConsumer

websocket_urlpatterns = [
    path("ws/bench/submissions/", LiveSubmissionsConsumer.as_asgi()),
]

register(websocket_urlpatterns)
