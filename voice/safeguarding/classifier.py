"""The statistical second signal: how much a text reads like the corpus's disclosures.

TF-IDF over words and word pairs and over letter runs of the normalised text
(so "suicde" still shares most of its letters with "suicide"), then a
logistic regression: the chance that a text is a concern. A second linear
model, trained on the disclosures only, says which theme it most reads like.

The model is trained on the corpus in `voice/safeguarding/corpus/` by
`manage.py train_screening_model`, which writes `corpus/model.joblib` with a
fingerprint of the corpus it learned from. At run time the file is loaded
once per process; if it is missing or was made from another corpus, the
model is trained in the process instead (a couple of seconds, once), so a
changed corpus is never silently ignored. A reading is a sparse vector times
a weight matrix: about a millisecond.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import joblib
import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, SGDClassifier

from voice.safeguarding import corpus
from voice.safeguarding.normalise import normalise
from voice.safeguarding.phrases import find_phrases, starter_phrases

logger = logging.getLogger(__name__)

MODEL_PATH = corpus.HERE / "model.joblib"
# Chosen on held-back texts with `manage.py screening_report` (see the README):
# the score above which a text is a concern even when no phrase matched.
THRESHOLD = 0.5


@dataclass(frozen=True)
class Reading:
    score: float  # chance the text is a concern, 0 to 1
    theme: str  # the theme it most reads like, whatever the score


class Classifier:
    """Two fitted vectorisers and two linear models; `read` is pure and fast."""

    def __init__(self, words, letters, concern, themes, threshold=THRESHOLD):
        self.words = words
        self.letters = letters
        self.concern = concern
        self.themes = themes
        self.threshold = threshold
        # Labels are False/True, so the weights point towards "a concern".
        self._concern_weights = concern.coef_.ravel()
        self._concern_bias = float(concern.intercept_[0])
        self._theme_weights = np.ascontiguousarray(themes.coef_.T)
        self._theme_bias = themes.intercept_
        self._theme_names = list(themes.classes_)

    def features(self, plain_texts: list[str]):
        """The TF-IDF matrix as scikit-learn makes it (for training and checks)."""
        return sparse.hstack(
            [self.words.transform(plain_texts), self.letters.transform(plain_texts)]
        ).tocsr()

    def sparse_vector(self, plain: str) -> tuple[np.ndarray, np.ndarray]:
        """One text's TF-IDF features as (columns, values), the same as `features`.

        Done by hand: scikit-learn's `transform` checks and converts so much
        for one short text that it costs a few milliseconds, this a tenth of one.
        """
        columns: list[int] = []
        values: list[float] = []
        offset = 0
        for vectoriser in (self.words, self.letters):
            analyse, vocabulary, idf = self._parts[id(vectoriser)]
            counts: dict[int, int] = {}
            for term in analyse(plain):
                column = vocabulary.get(term)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            if counts:
                part_columns = np.fromiter(counts, dtype=np.int64)
                tf = np.fromiter(counts.values(), dtype=np.float64)
                weights = (1.0 + np.log(tf)) * idf[part_columns]
                weights /= np.sqrt(weights @ weights)
                columns.extend(part_columns + offset)
                values.extend(weights)
            offset += len(idf)
        return np.asarray(columns, dtype=np.int64), np.asarray(values)

    def read(self, text: str) -> Reading:
        return self.read_normalised(normalise(text))

    def read_normalised(self, plain: str) -> Reading:
        columns, values = self.sparse_vector(plain)
        margin = float(values @ self._concern_weights[columns]) + self._concern_bias
        score = 1.0 / (1.0 + np.exp(-margin))
        theme_scores = values @ self._theme_weights[columns] + self._theme_bias
        theme = self._theme_names[int(np.argmax(theme_scores))]
        return Reading(score=float(score), theme=theme)

    @property
    def _parts(self) -> dict:
        if not hasattr(self, "_cached_parts"):
            self._cached_parts = {
                id(vectoriser): (
                    vectoriser.build_analyzer(),
                    vectoriser.vocabulary_,
                    vectoriser.idf_,
                )
                for vectoriser in (self.words, self.letters)
            }
        return self._cached_parts


def train(rows, threshold: float = THRESHOLD) -> Classifier:
    """A fitted classifier from (text, label) rows; label "ordinary" or a theme."""
    # The same text `screen` gives the classifier: idioms and negated phrases out.
    idioms = starter_phrases()
    plain = [find_phrases(normalise(text), idioms)[1] for text, _ in rows]
    labels = [label for _, label in rows]
    words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit(plain)
    letters = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True
    ).fit(plain)
    matrix = sparse.hstack([words.transform(plain), letters.transform(plain)]).tocsr()
    is_concern = np.array([label != corpus.ORDINARY for label in labels])
    concern = LogisticRegression(
        C=4.0, solver="liblinear", class_weight="balanced", max_iter=1000
    ).fit(matrix, is_concern)
    themes = SGDClassifier(loss="hinge", alpha=1e-4, random_state=17).fit(
        matrix[is_concern], np.array(labels)[is_concern]
    )
    return Classifier(words, letters, concern, themes, threshold)


def fingerprint(rows) -> str:
    digest = hashlib.sha256()
    for text, label in rows:
        digest.update(f"{label}\t{text}\n".encode())
    return digest.hexdigest()


def save_model(path: Path = MODEL_PATH) -> dict:
    """Train on the whole corpus and write the model file; returns what was saved."""
    rows = corpus.labelled()
    saved = {"classifier": train(rows), "fingerprint": fingerprint(rows)}
    joblib.dump(saved, path, compress=3)
    return saved


_lock = threading.Lock()
_loaded: Classifier | None = None


def get_classifier() -> Classifier:
    """The process's classifier, loaded (or trained) on first use."""
    global _loaded
    if _loaded is not None:
        return _loaded
    with _lock:
        if _loaded is None:
            _loaded = _load_or_train()
    return _loaded


def _load_or_train() -> Classifier:
    rows = corpus.labelled()
    wanted = fingerprint(rows)
    if MODEL_PATH.is_file():
        try:
            # Our own file, made by our own command and kept with the code.
            with MODEL_PATH.open("rb") as handle:
                saved = joblib.load(handle)  # noqa: S301
            if saved.get("fingerprint") == wanted:
                classifier = saved["classifier"]
                classifier.threshold = THRESHOLD
                return classifier
            logger.warning("model.joblib was made from another corpus; training")
        except Exception:
            logger.exception("Could not load %s; training instead", MODEL_PATH)
    return train(rows)
