"""Websocket routes, gathered from each app's `routing.py` (`websocket_urlpatterns`)."""

from accounts.access import project_modules

websocket_urlpatterns: list = [
    pattern
    for module in project_modules("routing")
    for pattern in module.websocket_urlpatterns
]
