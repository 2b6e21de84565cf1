"""Websocket routes, gathered from each app's `routing.py` (`websocket_urlpatterns`).

`websocket_routes` is what the ASGI application serves: every app's routes,
then one that refuses any other path (config/websockets.py).
"""

from accounts.access import project_modules
from config.websockets import unknown_path

websocket_urlpatterns: list = [
    pattern
    for module in project_modules("routing")
    for pattern in module.websocket_urlpatterns
]

websocket_routes: list = [*websocket_urlpatterns, unknown_path]
