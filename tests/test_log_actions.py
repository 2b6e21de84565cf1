"""Every audit log action of ours is named once, in its app's log_actions module.

Services, views and consumers log with those names, and each app's
wagtail_hooks.py registers that module's table with Wagtail, so every entry
reads in the audit log with a label. A string literal passed as the action, or
a module reaching into a wagtail_hooks module for a name, would let the name
that is logged drift from the name that is registered.
"""

import ast
import importlib
import importlib.util
from pathlib import Path
from types import ModuleType

from django.apps import apps
from wagtail.log_actions import registry

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = [ROOT / "site", ROOT / "voice", ROOT / "programmes"]
PROJECT_PACKAGES = {"config", "pages", "accounts", "privacy", "voice", "programmes"}
APP_LABELS = (
    "board",
    "moderation",
    "review",
    "programmes",
    "safeguarding",
    "feedback",
    "surveys",
    "privacy",
    "accounts",
)
# Written by hand: the apps whose services and views write to the audit log.
APPS_THAT_LOG = {
    "accounts",
    "programmes",
    "voice.board",
    "voice.feedback",
    "voice.moderation",
    "voice.review",
    "voice.safeguarding",
}
LOGGING_CALLS = {"log", "log_action"}


def log_actions_modules() -> dict[str, ModuleType]:
    """{app package: its log_actions module}, for every installed app of ours."""
    return {
        config.name: importlib.import_module(f"{config.name}.log_actions")
        for config in apps.get_app_configs()
        if config.name.split(".")[0] in PROJECT_PACKAGES
        and importlib.util.find_spec(f"{config.name}.log_actions")
    }


def named_actions(module: ModuleType) -> dict[str, str]:
    """{constant: action} for each action name the module defines."""
    return {
        name: value
        for name, value in vars(module).items()
        if name.isupper()
        and isinstance(value, str)
        and value.startswith(tuple(f"{label}." for label in APP_LABELS))
    }


def tabled_actions(module: ModuleType) -> dict[str, str]:
    """{action: label} as the module's tables give them to Wagtail."""
    labels = {action: label for action, label, _message in module.LOG_ACTIONS}
    for action, formatter in getattr(module, "LOG_FORMATTERS", {}).items():
        labels[action] = formatter.label
    return labels


def _called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def _action_arguments(call: ast.Call) -> list[ast.expr]:
    """The expressions a call passes as an audit log action."""
    found = [keyword.value for keyword in call.keywords if keyword.arg == "action"]
    if _called_name(call) in LOGGING_CALLS and len(call.args) > 1:
        found.append(call.args[1])
    return found


def literal_actions(path: Path, source: str) -> list[str]:
    """Where a call passes one of our action names as a string literal."""
    prefixes = tuple(f"{label}." for label in APP_LABELS)
    found = []
    for call in ast.walk(ast.parse(source)):
        if not isinstance(call, ast.Call):
            continue
        for argument in _action_arguments(call):
            for node in ast.walk(argument):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and node.value.startswith(prefixes)
                ):
                    found.append(f"{path}:{node.lineno} {node.value!r}")
    return found


def wagtail_hooks_imports(path: Path, source: str) -> list[str]:
    """Where a module imports a wagtail_hooks module (Wagtail alone finds them)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names = [module] + [f"{module}.{alias.name}" for alias in node.names]
        else:
            continue
        if any(name.split(".")[-1] == "wagtail_hooks" for name in names):
            found.append(f"{path}:{node.lineno}")
    return found


def app_modules(*, with_log_actions: bool) -> list[Path]:
    return sorted(
        path
        for folder in SOURCE_DIRS
        for path in folder.rglob("*.py")
        if "migrations" not in path.parts
        and (with_log_actions or path.name != "log_actions.py")
    )


def test_each_app_that_writes_to_the_audit_log_names_its_actions_in_log_actions():
    assert set(log_actions_modules()) == APPS_THAT_LOG


def test_every_action_we_name_is_registered_with_wagtail_under_its_label():
    for app, module in log_actions_modules().items():
        actions = named_actions(module)
        labels = tabled_actions(module)
        assert actions, app
        assert set(labels) == set(actions.values()), app
        for action, label in labels.items():
            assert registry.action_exists(action), action
            assert str(registry.get_action_label(action)) == str(label), action
            assert str(label).strip(), action


def test_no_app_module_logs_an_action_by_a_string_literal():
    found = [
        where
        for path in app_modules(with_log_actions=False)
        for where in literal_actions(path.relative_to(ROOT), path.read_text())
    ]
    assert found == []


def test_no_module_imports_a_wagtail_hooks_module():
    found = [
        where
        for path in app_modules(with_log_actions=True)
        for where in wagtail_hooks_imports(path.relative_to(ROOT), path.read_text())
    ]
    assert found == []


def test_the_scan_finds_an_action_written_as_a_literal():
    source = (
        "log(item, 'moderation.claim', user=moderator)\n"
        "log(instance=r, action='board.recommendation.create' if new else 'wagtail.edit')\n"
        "ModelLogEntry.objects.create(action='safeguarding.raise')\n"
        "log(item, log_actions.CLAIMED, user=moderator)\n"
        "log(instance=r, action='wagtail.edit')\n"
    )
    found = literal_actions(Path("services.py"), source)
    assert found == [
        "services.py:1 'moderation.claim'",
        "services.py:2 'board.recommendation.create'",
        "services.py:3 'safeguarding.raise'",
    ]


def test_the_scan_finds_a_wagtail_hooks_import():
    source = (
        "from voice.review import wagtail_hooks as audit\n"
        "import voice.board.wagtail_hooks\n"
        "from voice.moderation.wagtail_hooks import LOG_ACTIONS\n"
        "from voice.review import log_actions\n"
    )
    found = wagtail_hooks_imports(Path("services.py"), source)
    assert found == ["services.py:1", "services.py:2", "services.py:3"]
