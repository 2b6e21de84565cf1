"""Screening is measured on texts the classifier never learned from, and fails below its floors.

The floors are in the README's safeguarding section. They are set a little
under today's figures so a change that makes screening deafer fails here.
"""

import joblib
import numpy as np
import pytest

from voice.safeguarding import corpus, measuring
from voice.safeguarding.classifier import MODEL_PATH, fingerprint, get_classifier
from voice.safeguarding.details import find_personal_details, nhs_number_is_valid
from voice.safeguarding.normalise import normalise
from voice.safeguarding.phrases import starter_phrases

HELD_BACK_RECALL_FLOOR = 0.85
HELD_BACK_FALSE_POSITIVE_CEILING = 0.18
EVALUATION_DISCLOSURES_FLOOR = 38  # of 40
EVALUATION_FALSE_POSITIVES_CEILING = 4  # of 40
PERSONAL_DETAILS_FLOOR = 18  # of 20


def test_the_corpus_is_big_enough_and_covers_every_theme():
    rows = corpus.labelled()
    concerning = [label for _, label in rows if label != corpus.ORDINARY]
    ordinary = [label for _, label in rows if label == corpus.ORDINARY]
    assert len(concerning) >= 600
    assert len(ordinary) >= len(concerning)
    themes = {
        "self_harm", "suicide", "abuse", "neglect", "domestic_abuse",
        "exploitation", "online_harm", "sexual_harm", "weapons", "threats",
        "missing", "fear_at_home", "radicalisation",
    }  # fmt: skip
    assert set(concerning) == themes
    assert all(concerning.count(theme) >= 40 for theme in themes)


def test_the_evaluation_set_shares_no_text_with_the_training_corpus():
    trained = {normalise(text) for text, _ in corpus.labelled()}
    assert not [t for t, _ in corpus.evaluation() if normalise(t) in trained]


def test_held_back_recall_and_false_positives_stay_within_their_floors():
    result = measuring.held_back_score()
    assert result.recall >= HELD_BACK_RECALL_FLOOR, result.disclosures
    assert result.false_positive_rate <= HELD_BACK_FALSE_POSITIVE_CEILING, (
        result.false_positives
    )


def test_the_hand_made_evaluation_set_is_heard():
    result = measuring.score(corpus.evaluation(), get_classifier(), starter_phrases())
    found, total = result.disclosures
    escalated, ordinary = result.false_positives
    assert total == 40 and ordinary == 40
    assert found >= EVALUATION_DISCLOSURES_FLOOR
    assert escalated <= EVALUATION_FALSE_POSITIVES_CEILING


def test_personal_details_are_proposed_for_redaction():
    recall = measuring.personal_detail_recall()
    assert sum(hit for hit, _ in recall.values()) >= PERSONAL_DETAILS_FLOOR


def test_the_shipped_model_was_made_from_the_corpus_in_the_repo():

    saved = joblib.load(MODEL_PATH)
    assert saved["fingerprint"] == fingerprint(corpus.labelled()), (
        "Run `make screening-model` after changing the corpus."
    )


def test_the_fast_reading_is_the_same_as_scikit_learns():
    classifier = get_classifier()
    for text, _ in corpus.evaluation()[:20]:
        plain = normalise(text)
        columns, values = classifier.sparse_vector(plain)
        dense = np.zeros(classifier.features([plain]).shape[1])
        dense[columns] = values
        assert np.allclose(dense, classifier.features([plain]).toarray().ravel())


def test_nhs_numbers_are_found_only_with_a_valid_check_digit():
    assert nhs_number_is_valid("9434765919")
    assert not nhs_number_is_valid("9434765918")
    kinds = [d["kind"] for d in find_personal_details("nhs no 943 476 5919")]
    assert "nhs_number" in kinds
    kinds = [d["kind"] for d in find_personal_details("ref 943 476 5918")]
    assert "nhs_number" not in kinds


@pytest.mark.parametrize(
    ("text", "kind", "detail"),
    [
        ("my worker sienna is lovely", "name", "sienna"),
        ("ask for MISS PATEL at the desk", "name", "MISS PATEL"),
        ("add me on insta its zed.x.07", "handle", "zed.x.07"),
        ("dob 02/11/2010", "date_of_birth", "02/11/2010"),
        ("call me on 07700 900 982", "phone", "07700 900 982"),
    ],
)
def test_personal_details_in_any_case_are_found(text, kind, detail):
    found = [(d["kind"], d["text"]) for d in find_personal_details(text)]
    assert (kind, detail) in found


def test_names_the_site_knows_are_found_in_lower_case():
    found = find_personal_details("me and tayo went", known_names=["Tayo Adebayo"])
    assert ("name", "tayo") in [(d["kind"], d["text"]) for d in found]
