"""Screening: offensive words and personal details are found offline, and marked safely."""

import socket

import pytest

from voice.safeguarding.screening import (
    find_offensive_words,
    find_personal_details,
    highlight,
    match_safeguarding_phrases,
    propose_redaction,
)


def kinds(text):
    return [(d["kind"], d["text"]) for d in find_personal_details(text)]


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("screening tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_offensive_words_are_found_by_the_model_shipped_in_the_package(no_network):
    found = find_offensive_words("My worker is a fucking idiot and this is shit.")
    words = {f["word"].lower() for f in found}
    assert {"fucking", "shit"} <= words
    assert "worker" not in words
    text = "My worker is a fucking idiot and this is shit."
    assert all(text[f["start"] : f["end"]] == f["word"] for f in found)


def test_kind_words_are_not_offensive(no_network):
    assert find_offensive_words("My worker listens to me and helps me a lot.") == []
    assert find_offensive_words("") == []


def test_a_name_after_a_cue_is_found():
    assert ("name", "Jordan") in kinds("Hi, my name is Jordan and I am 14.")
    assert ("name", "Sam Lee") in kinds("I'm called Sam Lee.")
    assert ("name", "Dave") in kinds("my worker Dave is always late")


def test_a_capitalised_name_pair_is_found_but_not_ordinary_capitals():
    assert ("name", "Priya Sharma") in kinds("I went with Priya Sharma to court.")
    assert kinds("The Youth Justice Service is OK. Thank You.") == []


def test_uk_phone_numbers_are_found():
    assert ("phone", "07700 900123") in kinds("text me on 07700 900123 pls")
    assert ("phone", "+44 7700 900123") in kinds("or +44 7700 900123")
    assert ("phone", "0161 496 0000") in kinds("ring 0161 496 0000")
    assert kinds("I waited 45 minutes and it was 2024") == []


def test_emails_are_found():
    assert ("email", "jo.b+1@example.co.uk") in kinds("email jo.b+1@example.co.uk now")


def test_street_addresses_and_postcodes_are_found():
    found = kinds("I live at 12 Acacia Avenue, M1 2AB near the shop")
    assert ("address", "12 Acacia Avenue") in found
    assert ("postcode", "M1 2AB") in found
    assert ("postcode", "sw1a 1aa") in kinds("postcode sw1a 1aa")


def test_school_names_are_found():
    assert ("school", "Oakfield Academy") in kinds(
        "I got kicked out of Oakfield Academy"
    )
    assert ("school", "St Mary's High School") in kinds("I go to St Mary's High School")
    assert ("school", "Riverside College") in kinds("Riverside College is ok")


def test_offences_and_case_details_are_found():
    found = [k for k, _ in kinds("I was arrested for robbery last year")]
    assert "case_detail" in found
    assert "case_detail" in [k for k, _ in kinds("my case number is 01AB2345")]
    assert "case_detail" in [k for k, _ in kinds("I got a tag for 3 months")]
    assert "case_detail" in [
        k for k, _ in kinds("I was in Leeds Youth Court on Monday")
    ]


def test_the_proposed_redaction_replaces_each_detail_and_keeps_the_rest():
    text = "My name is Jordan, call 07700 900123 or jo@example.org."
    redacted = propose_redaction(text, find_personal_details(text))
    assert redacted == "My name is [name], call [phone number] or [email address]."


def test_highlighting_escapes_what_was_typed_and_marks_spans():
    text = "<script>alert(1)</script> my name is Jordan"
    html = highlight(text, [], find_personal_details(text))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert '<mark class="flag-personal"' in html
    assert ">Jordan<" in html


def test_highlighting_ignores_spans_that_do_not_fit_the_text():
    html = highlight("short", [{"start": 3, "end": 99, "word": "x"}], [])
    assert html == "short"


@pytest.mark.django_db
def test_safeguarding_phrases_from_the_starter_list_match_whole_words():
    matches = match_safeguarding_phrases("Sometimes I want to DIE, honestly.")
    assert ("want to die", "suicide") in [(m.phrase, m.category) for m in matches]
    assert match_safeguarding_phrases("The gunnery museum trip was great") == []
