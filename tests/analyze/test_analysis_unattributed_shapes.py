"""Shapes of real reporting that left a quotation with a cue a reader follows at once unattributed or given to
the wrong person (analyze/statements.py, subjects.py, speakers.py, antecedents.py): a surname ending in -ly read
as an adverb, a clause after an opening phrase, a role the article gives its person without naming it
beside them. Measured on PolNeAR train in docs/attribution.md; the sentences here are written for these
tests."""

from __future__ import annotations

from conftest import speaker_of


def test_a_surname_ending_in_ly_is_no_adverb():
    text = ("The mayor spoke about the harbour for an hour.\n\n"
            "Ana Donnelly answered drily, with a grin: “It can happen at 45, too.”")
    assert speaker_of(text, "It can happen at 45") == "Ana Donnelly"


def test_a_titled_surname_ending_in_ly_speaks():
    text = ("Ruth Kelly ran the port authority for ten years.\n\n"
            "Mrs. Kelly said she considered the vote a slight. “They never asked the crews,” she said.")
    assert speaker_of(text, "never asked the crews") == "Ruth Kelly"


def test_a_clause_after_the_opening_phrase_is_passed_over():
    text = ("The two rivals kept in touch.\n\n"
            "In March 2019, after Ortiz lost the vote, Piet Varga sent her flowers, thanking her for the race and "
            "telling her, “You are a fighter and the valley needs you for the long haul.”")
    assert speaker_of(text, "You are a fighter", direct=True) == "Piet Varga"
