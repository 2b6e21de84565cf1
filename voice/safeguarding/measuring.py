"""How well screening hears disclosures, measured on texts the classifier did not learn from.

Used by `manage.py screening_report` (and `make screening-report`) and by the
test that fails when recall falls below its floor. Pure: the starter phrase
lists and the corpus in the repo, no database.
"""

from __future__ import annotations

import copy
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field

from voice.safeguarding import corpus
from voice.safeguarding.classifier import THRESHOLD, Classifier, train
from voice.safeguarding.phrases import starter_phrases
from voice.safeguarding.screening import find_personal_details, screen

SEED = 20261203
HELD_BACK = 0.25
FOLDS = 5


@dataclass
class Score:
    """Disclosures flagged per theme, ordinary texts flagged, on one set of texts."""

    flagged: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, label: str, is_concern: bool) -> None:
        self.total[label] += 1
        self.flagged[label] += int(is_concern)

    @property
    def disclosures(self) -> tuple[int, int]:
        themes = [label for label in self.total if label != corpus.ORDINARY]
        return (
            sum(self.flagged[label] for label in themes),
            sum(self.total[label] for label in themes),
        )

    @property
    def recall(self) -> float:
        found, total = self.disclosures
        return found / total if total else 0.0

    @property
    def false_positives(self) -> tuple[int, int]:
        return self.flagged[corpus.ORDINARY], self.total[corpus.ORDINARY]

    @property
    def false_positive_rate(self) -> float:
        found, total = self.false_positives
        return found / total if total else 0.0


def stratified_split(rows, share: float = HELD_BACK, seed: int = SEED):
    """(training, held back): the same share of every label held back, the same every run."""
    by_label: dict[str, list] = defaultdict(list)
    for row in rows:
        by_label[row[1]].append(row)
    training, held = [], []
    generator = random.Random(seed)  # noqa: S311 - a repeatable split, not a secret
    for label in sorted(by_label):
        group = by_label[label][:]
        generator.shuffle(group)
        cut = round(len(group) * share)
        held += group[:cut]
        training += group[cut:]
    return training, held


def folds(rows, count: int = FOLDS, seed: int = SEED):
    """`count` (training, testing) pairs, each label spread evenly over the folds."""
    by_label: dict[str, list] = defaultdict(list)
    for row in rows:
        by_label[row[1]].append(row)
    buckets: list[list] = [[] for _ in range(count)]
    generator = random.Random(seed)  # noqa: S311 - a repeatable split, not a secret
    for label in sorted(by_label):
        group = by_label[label][:]
        generator.shuffle(group)
        for index, row in enumerate(group):
            buckets[index % count].append(row)
    for index in range(count):
        testing = buckets[index]
        training = [
            row for other, b in enumerate(buckets) if other != index for row in b
        ]
        yield training, testing


def adjusted(
    classifier: Classifier,
    threshold: float = THRESHOLD,
    *,
    use_classifier: bool = True,
) -> Classifier:
    """The classifier deciding at another threshold, or never (to measure phrases alone)."""
    changed = copy.copy(classifier)
    changed.threshold = threshold if use_classifier else float("inf")
    return changed


def score(
    rows,
    classifier,
    phrases,
    threshold=THRESHOLD,
    *,
    use_phrases: bool = True,
    use_classifier: bool = True,
) -> Score:
    """The decision `screen` makes on each row, with either signal switchable."""
    classifier = adjusted(classifier, threshold, use_classifier=use_classifier)
    phrases = phrases if use_phrases else ()
    result = Score()
    for text, label in rows:
        found = screen(text, phrases=phrases, classifier=classifier)
        result.add(label, found.is_concern)
    return result


def held_back_score(threshold: float = THRESHOLD, **switches) -> Score:
    training, held = stratified_split(corpus.labelled())
    return score(held, train(training), starter_phrases(), threshold, **switches)


def cross_validated(threshold: float = THRESHOLD) -> list[Score]:
    phrases = starter_phrases()
    return [
        score(testing, train(training), phrases, threshold)
        for training, testing in folds(corpus.labelled())
    ]


def personal_detail_recall(rows=None) -> dict[str, tuple[int, int]]:
    """Per kind: (details proposed for redaction, details in the texts).

    A detail counts as proposed when one span covers at least 80% of it.
    """
    rows = rows if rows is not None else corpus.personal_details()
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        text, detail = row["text"], row["detail"]
        names = [name for name in row.get("known_names", "").split(";") if name]
        start = text.lower().find(detail.lower())
        end = start + len(detail)
        spans = find_personal_details(text, known_names=names)
        covered = start >= 0 and any(
            min(end, span["end"]) - max(start, span["start"]) >= 0.8 * len(detail)
            for span in spans
        )
        found[row["kind"]][0] += int(covered)
        found[row["kind"]][1] += 1
    return {kind: (hit, total) for kind, (hit, total) in sorted(found.items())}


def timing(texts: list[str], classifier, phrases) -> float:
    """Milliseconds per text for the whole safeguarding decision."""
    started = time.perf_counter()
    for text in texts:
        screen(text, phrases=phrases, classifier=classifier)
    return (time.perf_counter() - started) / max(len(texts), 1) * 1000
