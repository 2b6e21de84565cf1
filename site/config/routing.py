"""Websocket routes, gathered from the apps that have live views."""

websocket_urlpatterns: list = []
