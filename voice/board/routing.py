from django.urls import path

from pages.websocket_routes import register
from voice.board.consumers import MeetingConsumer

websocket_urlpatterns = [
    path("ws/board/meetings/<id:meeting_id>/", MeetingConsumer.as_asgi()),
]

register(websocket_urlpatterns)
