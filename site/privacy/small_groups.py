"""The smallest group any figure, page or export shows, so no one can be picked out.

Survey results and their exports, the shadow board's evidence and the board
report all read this one number: a group with fewer people is shown as
"fewer than 5", never as a count or as the answers of its people.
"""

from collections.abc import Mapping
from typing import TypeVar

MIN_GROUP_SIZE = 5

Group = TypeVar("Group")


def groups_to_hide(counts: Mapping[Group, int], total: int) -> set[Group]:
    """Which groups a table must show as "fewer than 5: not shown".

    `counts` is each group's number of people; `total` is everyone the table
    is about, which may include people in no listed group (who did not say).
    Every group under MIN_GROUP_SIZE is hidden. Then, while the people not
    shown number 1 to MIN_GROUP_SIZE - 1, they could be worked out by taking
    the groups shown from the total, so the smallest group still shown is
    hidden too (complementary suppression), until they are none or enough.
    """
    hidden = {group for group, n in counts.items() if n < MIN_GROUP_SIZE}
    while True:
        shown = [group for group in counts if group not in hidden]
        not_shown = total - sum(counts[group] for group in shown)
        if not shown or not 0 < not_shown < MIN_GROUP_SIZE:
            return hidden
        hidden.add(min(shown, key=lambda group: counts[group]))
