"""Capitalised phrases that are no one's name never speak (analyze/person_names.py): a title left without
its name, the tail of a body's name, an agreement, a headline's words. Measured on real reporting in
docs/attribution.md ("Where it errs"); the sentences here are written for these tests."""

from __future__ import annotations

import pytest

from conftest import speaker_of
from storyline.analyze.person_names import as_person_name, could_be_name
from storyline.model import Mention


def test_a_title_without_its_name_hands_the_quotation_to_the_person_its_titles_go_on_to():
    text = ("“The harbour cannot wait another winter for this,” said former Northfield Gov. and Harbour League "
            "Chairman Edvard Lindqvist. “We have waited long enough.”\n\nThe board meets on Friday.")
    assert speaker_of(text, "another winter") == "Edvard Lindqvist"


def test_the_tail_of_a_body_s_name_hands_the_quotation_to_the_person_of_that_body():
    text = ("“The silt will close the channel within five years,” port engineers Marta Kovac and Piet Rasmussen "
            "of Bergen's Institute for Coastal Science and Maritime Security wrote in a report. “Dredging alone will "
            "not keep it open.”")
    assert speaker_of(text, "silt will") == "Piet Rasmussen"


def test_an_agreement_never_speaks_the_quotation_stays_unattributed():
    text = ("Ruiz spoke in Norrvik on Monday.\n\nAnd the Coastal Fisheries Agreement, which Ruiz had called a "
            "“disaster” and promised to “tear up”? Ruiz spoke instead about “improving it”.")
    assert speaker_of(text, "tear up") is None


@pytest.mark.parametrize("words, name", [
    ("Sick Of Men", False),  # a headline's words: "I’m Sick Of Men Telling Us What To Do"
    ("Northfield Gov.", False),
    ("Mrs.", False),
    ("North American Free Trade Agreement", False),
    ("Telemundo Facebook", False),
    ("White House", False),  # a body or a building: "Bill Clinton's former White House chief of staff"
    ("Harbour Security Administration", False),
    ("Northfield GOP", False),
    ("Al From", True),  # a small word ends the name: a surname
    ("Steven Law", True),
    ("Steve King", True),  # a role noun, but no title
    ("Edvard Lindqvist", True),
])
def test_what_can_be_a_person_s_name(words, name):
    assert could_be_name(words.split()) is name


def test_an_adverb_the_model_takes_into_a_name_is_cut_off_it():
    text = "Certainly Jonas Ekdal is not the only pilot who is certainly angry."
    mention = Mention(text="Certainly Jonas Ekdal", start=0, end=21, label="PERSON")
    named = as_person_name(text, mention)
    assert named is not None and named.text == "Jonas Ekdal" and text[named.start:named.end] == "Jonas Ekdal"
    assert as_person_name(text, Mention(text="Sick Of Men", start=0, end=11, label="PERSON")) is None


@pytest.mark.parametrize("opening", ["Stated", "Continued", "Said"])
def test_a_cue_verb_opening_the_sentence_is_no_part_of_the_name_after_it(opening):
    text = f"Lars Varga, the ferry union's chair, spoke on the radio on Monday.\n\n{opening} Varga: “The ferry will run all winter.”"
    start = text.index(opening)
    mention = Mention(text=f"{opening} Varga", start=start, end=start + len(opening) + 6, label="PERSON")
    assert as_person_name(text, mention).text == "Varga"
    assert speaker_of(text, "run all winter") == "Lars Varga"


def test_a_given_name_the_model_left_out_opens_the_name():
    """"Sailing great Billie Jo Varga" read as "Jo Varga": the given name before it is hers, and says she is a she."""
    text = "Sailing great Billie Jo Varga remembered the skipper."
    mention = Mention("Jo Varga", text.index("Jo Varga"), text.index("Jo Varga") + 8, "PERSON")
    named = as_person_name(text, mention)
    assert named is not None and named.text == "Billie Jo Varga" and text[named.start:named.end] == named.text
    other = "On Thursday Jo Varga remembered the skipper."
    kept = Mention("Jo Varga", other.index("Jo"), other.index("Jo") + 8, "PERSON")
    assert as_person_name(other, kept) == kept
