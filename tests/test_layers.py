"""Imports point down, and no project import hides inside a function.

An import inside a function is a cycle being dodged. The only places allowed
one are those where Django needs it: an AppConfig's `ready` (the app registry
must be ready), a migration and a management command; each says why in a
comment above it. The layer and model contracts themselves are import-linter's
([tool.importlinter] in pyproject.toml, also run by `make lint`).
"""

import ast
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = [ROOT / "site", ROOT / "voice", ROOT / "programmes"]
PROJECT_PACKAGES = {"config", "pages", "accounts", "privacy", "voice", "programmes"}


def _is_project_import(node: ast.AST) -> bool:
    if isinstance(node, ast.ImportFrom):
        return bool(node.level) or (node.module or "").split(".")[0] in (
            PROJECT_PACKAGES
        )
    if isinstance(node, ast.Import):
        return any(alias.name.split(".")[0] in PROJECT_PACKAGES for alias in node.names)
    return False


def _allowed_place(path: Path, function: ast.FunctionDef) -> bool:
    parts = path.relative_to(ROOT).parts
    if "migrations" in parts:
        return True
    if "management" in parts and "commands" in parts:
        return True
    return path.name == "apps.py" and function.name == "ready"


def in_function_imports(path: Path, source: str) -> list[tuple[str, bool, bool]]:
    """(where, allowed here, commented) for each project import in a function."""
    lines = source.splitlines()
    found = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if not _is_project_import(node):
                continue
            before = lines[function.lineno : node.lineno - 1]
            commented = any(line.strip().startswith("#") for line in before)
            where = f"{path.relative_to(ROOT)}:{node.lineno} in {function.name}()"
            found.append((where, _allowed_place(path, function), commented))
    return found


def project_files() -> list[Path]:
    return sorted(path for folder in SOURCE_DIRS for path in folder.rglob("*.py"))


def scan() -> list[tuple[str, bool, bool]]:
    return [
        found
        for path in project_files()
        for found in in_function_imports(path, path.read_text())
    ]


def test_no_project_import_inside_a_function_outside_the_places_django_needs_one():
    misplaced = [where for where, allowed, _ in scan() if not allowed]
    assert misplaced == []


def test_each_import_inside_ready_a_migration_or_a_command_says_why():
    # Migrations are generated and frozen; the rule for them is the place alone.
    unexplained = [
        where
        for where, allowed, commented in scan()
        if allowed and not commented and "/migrations/" not in where
    ]
    assert unexplained == []


def test_the_scan_finds_an_import_hidden_in_a_function(tmp_path):
    views = ROOT / "voice" / "feedback" / "views.py"
    source = "def view(request):\n    from voice.feedback import selectors\n"
    assert [found[1] for found in in_function_imports(views, source)] == [False]
    ready = ROOT / "voice" / "feedback" / "apps.py"
    source = "def ready(self):\n    # why\n    from . import rollups\n"
    assert in_function_imports(ready, source)[0][1:3] == (True, True)


def test_the_import_contracts_hold():
    lint_imports = shutil.which("lint-imports") or str(
        Path(__file__).resolve().parent.parent / ".venv" / "bin" / "lint-imports"
    )
    if not Path(lint_imports).exists():
        pytest.fail("lint-imports is not installed (pip install -e '.[test]')")
    result = subprocess.run(  # noqa: S603
        [lint_imports, "--no-logo", "--no-cache"],
        cwd=ROOT,
        # This tree's code, whichever checkout the installed package points at.
        env={**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'site'}"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
