"""Quoted words inside a sentence of the writer's with no cue of their own (analyze/speakers.py): the person
standing as the sentence's subject said them ("Ortiz welcomed “…”", "Ortiz thanked him for “…”"), not the
paragraph's last speaker; not a thing's words ("a sign reading, “…”"), not a person the sentence names after its
verb, not the subject of a clause that opens the sentence when the quotation stands in the main clause, and not a
title in title case. Measured on PolNeAR train in docs/attribution.md; the sentences here are written for these
tests."""

from __future__ import annotations

from conftest import speaker_of


def test_the_subject_of_the_sentence_said_the_words_it_quotes():
    text = ("The harbour board met on Tuesday night.\n\n"
            "“We are ready to vote,” Piet Varga said. Ana Ortiz, the harbour master, thanked him for “finally "
            "listening to the crews who work the night shift.”")
    assert speaker_of(text, "finally listening to the crews") == "Ana Ortiz"


def test_a_verb_before_the_quotation_is_enough():
    text = ("The ferry plan passed by two votes.\n\n"
            "Ana Ortiz welcomed “a plan that finally puts the ferry crews first, after ten years of waiting.”")
    assert speaker_of(text, "finally puts the ferry crews first") == "Ana Ortiz"


def test_a_thing_that_reads_says_its_own_words():
    text = ("Protesters gathered at the quay.\n\n"
            "Ana Ortiz held up a sign reading, “the ferry is not for sale, not today and not ever.”")
    assert speaker_of(text, "the ferry is not for sale") is None


def test_a_person_named_after_the_verb_is_not_the_subject():
    text = ("The board split over the ferry.\n\n"
            "Piet Varga accused Ana Ortiz of “selling the ferry to the highest bidder behind our backs.”")
    assert speaker_of(text, "selling the ferry") != "Ana Ortiz"


def test_the_subject_of_an_opening_clause_does_not_speak_the_main_clause():
    text = ("The strike entered its second week.\n\n"
            "As Piet Varga spoke, the union was urging its members to “stay calm and keep the boats running "
            "through the night.”")
    assert speaker_of(text, "stay calm and keep the boats running") is None
