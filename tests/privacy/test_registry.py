"""Apps' personal data modules run in install order unless one must wait for another."""

import sys
from types import ModuleType

import pytest
from django.core.exceptions import ImproperlyConfigured

from privacy import registry


def personal_data(monkeypatch, name: str, runs_after: tuple[str, ...] = ()) -> None:
    module = ModuleType(name)
    if runs_after:
        module.RUNS_AFTER = runs_after
    monkeypatch.setitem(sys.modules, name, module)


@pytest.fixture
def installed(monkeypatch):
    """Stand-in modules registered in the order given, instead of the real ones."""

    def install(*names: str) -> None:
        monkeypatch.setattr(registry, "_module_names", list(names))

    return install


def test_a_module_runs_after_the_ones_it_names_and_the_rest_keep_their_order(
    monkeypatch, installed
):
    personal_data(monkeypatch, "words", runs_after=("records",))
    for name in ("account", "records", "feedback"):
        personal_data(monkeypatch, name)
    installed("account", "words", "records", "feedback")

    order = [module.__name__ for module in registry.modules_in_working_order()]

    assert order == ["account", "records", "words", "feedback"]
    shown = [module.__name__ for module in registry.personal_data_modules()]
    assert shown == ["account", "words", "records", "feedback"]


def test_waiting_for_a_module_that_is_not_registered_is_a_mistake(
    monkeypatch, installed
):
    personal_data(monkeypatch, "words", runs_after=("records",))
    installed("words")
    with pytest.raises(ImproperlyConfigured, match="not registered"):
        registry.modules_in_working_order()


def test_two_modules_waiting_for_each_other_is_a_mistake(monkeypatch, installed):
    personal_data(monkeypatch, "words", runs_after=("records",))
    personal_data(monkeypatch, "records", runs_after=("words",))
    installed("words", "records")
    with pytest.raises(ImproperlyConfigured, match="goes round"):
        registry.modules_in_working_order()
