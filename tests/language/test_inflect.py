"""The verb inflector that keeps a rewrite in the writer's tense."""

from __future__ import annotations

import pytest

from plainlint.language.inflect import (
    inflect,
    past,
    past_participle,
    present_participle,
    third_person,
)


@pytest.mark.parametrize(
    "verb, expected",
    [
        ("decide", "decides"),
        ("apply", "applies"),
        ("pay", "pays"),
        ("assess", "assesses"),
        ("fix", "fixes"),
        ("reach", "reaches"),
        ("establish", "establishes"),
        ("go", "goes"),
        ("do", "does"),
        ("have", "has"),
        ("be", "is"),
        ("analyze", "analyzes"),
    ],
)
def test_third_person(verb, expected):
    assert third_person(verb) == expected


@pytest.mark.parametrize(
    "verb, expected_past, expected_participle",
    [
        ("decide", "decided", "decided"),
        ("agree", "agreed", "agreed"),
        ("apply", "applied", "applied"),
        ("stay", "stayed", "stayed"),
        ("stop", "stopped", "stopped"),
        ("plan", "planned", "planned"),
        ("refer", "referred", "referred"),
        ("submit", "submitted", "submitted"),
        ("visit", "visited", "visited"),
        ("develop", "developed", "developed"),
        ("travel", "traveled", "traveled"),
        ("open", "opened", "opened"),
        ("fix", "fixed", "fixed"),
        ("show", "showed", "shown"),
        ("wait", "waited", "waited"),
        ("panic", "panicked", "panicked"),
        ("die", "died", "died"),
        ("make", "made", "made"),
        ("pay", "paid", "paid"),
        ("give", "gave", "given"),
        ("take", "took", "taken"),
        ("meet", "met", "met"),
        ("understand", "understood", "understood"),
    ],
)
def test_past_and_participle(verb, expected_past, expected_participle):
    assert past(verb) == expected_past
    assert past_participle(verb) == expected_participle


@pytest.mark.parametrize(
    "verb, expected",
    [
        ("decide", "deciding"),
        ("provide", "providing"),
        ("see", "seeing"),
        ("agree", "agreeing"),
        ("tie", "tying"),
        ("be", "being"),
        ("stop", "stopping"),
        ("occur", "occurring"),
        ("visit", "visiting"),
        ("apply", "applying"),
        ("panic", "panicking"),
        ("analyze", "analyzing"),
    ],
)
def test_present_participle(verb, expected):
    assert present_participle(verb) == expected


@pytest.mark.parametrize(
    "tag, expected",
    [("VB", "apply to"), ("VBP", "apply to"), ("VBZ", "applies to"), ("VBD", "applied to"),
     ("VBN", "applied to"), ("VBG", "applying to"), ("MD", "apply to")],
)
def test_inflect_changes_only_the_first_word_of_a_phrase(tag, expected):
    assert inflect("apply to", tag) == expected
