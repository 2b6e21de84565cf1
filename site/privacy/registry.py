"""Where each app says what it holds about a person, and how it is erased or expires.

The contract
============

Every project app that keeps anything about a person has a module
``<app>/personal_data.py`` that ends with ``register(__name__)`` (privacy's
AppConfig.ready imports them all with Django's ``autodiscover_modules``; the
accounts app sits below privacy, so privacy registers its module for it), defining:

``LABEL = "Feedback"``
    A heading in plain words, used on /my-data/ and as the section name in
    the downloaded file.

``def export_for(user) -> list[dict]``
    Everything this app holds about the person, one readable row per thing,
    with plain-words keys ("Given on", "What you said") and values that are
    strings, numbers, booleans or None (dates as ISO text). Only this
    person's data: never another person's name or words.

``def erase_for(user, *, keep_anonymised: bool) -> list[str]``
    Called inside one transaction just before the account is deleted.
    ``keep_anonymised=False``: erase the person's words and anything that
    points at them. ``keep_anonymised=True``: keep their words but remove
    every link to them. Either way keep the rows that reports count (topic,
    feeling, status) when they no longer identify anyone. Return notes in
    plain words for anything kept and why (e.g. safeguarding records); an
    empty list if nothing was kept. Must not delete the user itself: the
    caller does that last.

``def purge_expired(policy, now) -> dict[str, int]`` (optional)
    Remove or anonymise what is past its retention period under ``policy``
    (a ``privacy.models.RetentionSettings``) at ``now``: strictly older than
    the period, so a record exactly at the boundary stays one more day.
    Return what was done as ``{"plain description": count}``. Run daily by
    ``manage.py purge_expired_data``.

``RUNS_AFTER = ("voice.safeguarding.personal_data",)`` (optional)
    The modules whose ``erase_for`` and ``purge_expired`` must run before this
    module's, because what it does depends on what they did (moderation blanks
    the words of a safeguarding record once safeguarding has anonymised the
    record, in the same daily run). Otherwise modules run in the order apps
    are installed, and the download always shows them in that order.

An app whose people can agree to share what they wrote (feedback) also calls
``register_sharing(consents_for, stop_sharing)``: ``consents_for(user)`` lists
what they agreed to share for /my-data/ (``voice.feedback.selectors.ConsentRecord``,
as privacy/index.html shows them), and
``stop_sharing(user, item_id)`` stops one (raising Http404 if it is not theirs).

Staff views in any app that show one identifiable person's records call
``privacy.audit.record_access(request, subject_user, what)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType

from django.core.exceptions import ImproperlyConfigured
from django.http import Http404


@dataclass(frozen=True)
class Section:
    label: str
    rows: list[dict]


@dataclass(frozen=True)
class Sharing:
    consents_for: Callable
    stop_sharing: Callable


_module_names: list[str] = []
_sharing: list[Sharing] = []


def register(module_name: str) -> None:
    """Add an app's personal_data module (it passes its own `__name__`)."""
    if module_name not in _module_names:
        _module_names.append(module_name)


def register_sharing(consents_for: Callable, stop_sharing: Callable) -> None:
    """Say where the things a person agreed to share are listed and stopped."""
    sharing = Sharing(consents_for, stop_sharing)
    if _sharing and _sharing[0] != sharing:
        raise ValueError("Only one app may list what people agreed to share")
    _sharing[:] = [sharing]


def personal_data_modules() -> list[ModuleType]:
    """Each app's `personal_data` module, in the order apps are installed."""
    return [import_module(name) for name in _module_names]


def modules_in_working_order() -> list[ModuleType]:
    """The modules in install order, each moved after those its RUNS_AFTER names."""
    modules = personal_data_modules()
    by_name = {module.__name__: module for module in modules}
    ordered: list[ModuleType] = []
    placing: set[str] = set()

    def place(module: ModuleType) -> None:
        if module in ordered:
            return
        if module.__name__ in placing:
            raise ImproperlyConfigured(
                f"{module.__name__} must run after itself (RUNS_AFTER goes round)"
            )
        placing.add(module.__name__)
        for name in getattr(module, "RUNS_AFTER", ()):
            if name not in by_name:
                raise ImproperlyConfigured(
                    f"{module.__name__} runs after {name}, which is not registered"
                )
            place(by_name[name])
        ordered.append(module)

    for module in modules:
        place(module)
    return ordered


def consents_for(user) -> list:
    """What the person agreed to share, newest first (empty if no app offers it)."""
    return [consent for sharing in _sharing for consent in sharing.consents_for(user)]


def stop_sharing(user, item_id: int) -> None:
    """Stop sharing one thing the person agreed to share."""
    if not _sharing:
        raise Http404
    _sharing[0].stop_sharing(user, item_id)


def export_sections(user) -> list[Section]:
    """Every app's section for this person, empty sections included."""
    return [
        Section(label=str(module.LABEL), rows=module.export_for(user))
        for module in personal_data_modules()
    ]


def erase_everywhere(user, *, keep_anonymised: bool) -> list[str]:
    """Ask every app to erase or anonymise the person's data; gather what was kept."""
    notes: list[str] = []
    for module in modules_in_working_order():
        notes.extend(module.erase_for(user, keep_anonymised=keep_anonymised))
    return notes


def purge_everywhere(policy, now) -> dict[str, dict[str, int]]:
    """Run each app's `purge_expired`; the counts by app label."""
    done = {}
    for module in modules_in_working_order():
        purge = getattr(module, "purge_expired", None)
        if purge is not None:
            done[str(module.LABEL)] = purge(policy, now)
    return done
