"""Websocket routes: every app's (declared in its `routing.py`), then a refusal.

`websocket_routes` is what the ASGI application serves: every app's routes,
then one that refuses any other path (config/websockets.py).
"""

from config.websockets import unknown_path
from pages.websocket_routes import websocket_urlpatterns

websocket_routes: list = [*websocket_urlpatterns, unknown_path]

__all__ = ["websocket_routes", "websocket_urlpatterns"]
