from django.urls import path

from tests.perf.baseline.consumers import LiveSubmissionsConsumer

websocket_urlpatterns = [
    path("ws/bench/submissions/", LiveSubmissionsConsumer.as_asgi()),
]
