"""Responses no browser or cache may keep: a person's words, a receipt, a form.

The one place these headers are set. A response is never kept when

- the person is signed in (their pages show their name, words and messages),
- it answers a post (it may show back what was typed), or
- its view is declared here by the app that owns it (`declare`, called from
  each app's `permissions.py`, next to who may open the view), or
- the view marked the response (`mark`), for a Wagtail page whose type decides.

`Cache-Control: no-store` also keeps the page out of the browser's
back-forward cache, so Back on a shared phone fetches it afresh.
"""

import fnmatch
from functools import wraps

from django.utils.cache import add_never_cache_headers

from accounts.access import all_rules

_declared: set[str] = set()
MARK = "_never_kept"


def declare(*view_names: str) -> None:
    """Declare views (a name may end in `*`) whose responses are never kept."""
    _declared.update(view_names)


def mark(response):
    """Mark one response as never kept (for views that decide per object)."""
    setattr(response, MARK, True)
    return response


def marked(view_func):
    """Decorate a view whose every response is never kept (a page-type's `serve`)."""

    @wraps(view_func)
    def wrapper(*args, **kwargs):
        return mark(view_func(*args, **kwargs))

    return wrapper


def is_declared(view_name: str) -> bool:
    all_rules()  # importing each app's permissions module makes its declarations
    return view_name in _declared or any(
        "*" in name and fnmatch.fnmatchcase(view_name, name) for name in _declared
    )


def never_kept(request, response) -> bool:
    if getattr(response, MARK, False):
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if request.method not in ("GET", "HEAD"):
        return True
    match = getattr(request, "resolver_match", None)
    return match is not None and is_declared(match.view_name)


class NeverKeptMiddleware:
    """Say `no-store` (and `Pragma: no-cache`) on every response that must not be kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if never_kept(request, response):
            add_never_cache_headers(response)
            response["Pragma"] = "no-cache"
        return response
