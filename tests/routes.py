"""Every route of the site, collected from the URL configuration, and samples for their parameters.

Shared by the access matrix, the bad-input, XSS and CSRF tests, so each of
them covers a new app's routes as soon as they are mounted.
"""

import re
from importlib import import_module
from pathlib import Path

from django.urls import ResolverMatch, URLPattern, URLResolver, get_resolver, reverse

from accounts import roles

ROLES = ["anonymous", *roles.ALL_ROLES]


def gather_sample_kwargs() -> dict:
    """Makers (people → URL kwargs) for routes that need objects to exist.

    Each app's tests declare theirs in `tests/<app>/access_samples.py` as
    `SAMPLE_KWARGS = {"view:name": maker}`; routes without one are still
    checked for a rule.
    """
    samples = {}
    for module_path in sorted(Path(__file__).parent.glob("*/access_samples.py")):
        module = import_module(f"tests.{module_path.parent.name}.access_samples")
        samples.update(module.SAMPLE_KWARGS)
    return samples


SAMPLE_KWARGS = gather_sample_kwargs()


def collect_routes(resolver=None, prefix="/", namespace=""):
    """(view name, route, pattern) for every route in the URL configuration."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace
                    else pattern.namespace
                )
            yield from collect_routes(pattern, route, inner)
        elif isinstance(pattern, URLPattern):
            view_name = ResolverMatch(
                pattern.callback,
                (),
                {},
                pattern.name,
                namespaces=namespace.split(":") if namespace else [],
            ).view_name
            yield view_name, route, pattern


def has_parameters(route: str) -> bool:
    return bool(re.search(r"[<(\[\\?*+]", route))


ALL_ROUTES = list(collect_routes())


def plain_routes():
    """Routes that can be opened without made-up parameters, the Wagtail admin sampled once."""
    for view_name, route, _ in ALL_ROUTES:
        if route.startswith("/admin/") and route != "/admin/":
            continue
        if has_parameters(route) and view_name not in SAMPLE_KWARGS:
            continue
        yield view_name, route


def user_for(role, people):
    return None if role == "anonymous" else people[role]


def openable_paths(people):
    """(view name, path) for every plain route, with sample parameters filled in."""
    for view_name, route in plain_routes():
        if view_name in SAMPLE_KWARGS:
            yield view_name, reverse(view_name, kwargs=SAMPLE_KWARGS[view_name](people))
        else:
            yield view_name, route
