"""One smallest group size for every figure, page and export."""

import ast
import pathlib

from privacy import small_groups

ROOT = pathlib.Path(__file__).resolve().parents[2]
THRESHOLD_NAMES = {"MIN_GROUP_SIZE", "SMALLEST_GROUP_SHOWN"}


def threshold_definitions() -> list[str]:
    """Every module-level assignment of a smallest-group name in the project's code."""
    found = []
    for path in [*ROOT.glob("voice/**/*.py"), *ROOT.glob("site/**/*.py")]:
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = (
                    node.targets if isinstance(node, ast.Assign) else [node.target]
                )
                names = {t.id for t in targets if isinstance(t, ast.Name)}
                if names & THRESHOLD_NAMES:
                    found.append(str(path.relative_to(ROOT)))
    return found


def test_the_smallest_group_shown_is_set_in_one_place_only():
    assert threshold_definitions() == ["site/privacy/small_groups.py"]
    assert small_groups.MIN_GROUP_SIZE == 5
