"""Every app's websocket routes, declared in `<app>/routing.py` with `register(...)`.

`PagesConfig.ready` imports each app's `routing.py` with Django's
`autodiscover_modules`; config/routing.py serves what was declared.
"""

websocket_urlpatterns: list = []


def register(patterns: list) -> None:
    """Add an app's websocket routes (called at import of its `routing.py`)."""
    websocket_urlpatterns.extend(
        pattern for pattern in patterns if pattern not in websocket_urlpatterns
    )
