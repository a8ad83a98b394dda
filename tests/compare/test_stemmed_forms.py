"""One word in two forms meets across outlets ("damage" / "damaged", "deliberation" / "deliberated"):
the light stemmer drops a silent e and the "-ion" of a long noun, and the tables keyed by stems
(lang/en.py) are read through the same stemmer (words.stemmed), so "people" still counts people."""

from __future__ import annotations

from storyline.analyze.numbers import find_numbers
from storyline.words import content_stems, light_stem


def test_a_word_and_its_inflections_share_one_stem():
    assert light_stem("damage") == light_stem("damaged") == light_stem("damages")
    assert light_stem("deliberation") == light_stem("deliberated") == light_stem("deliberations")
    assert light_stem("conviction") == light_stem("convicted")
    assert light_stem("station") != light_stem("stated")  # a short noun keeps its ending


def test_the_tables_keyed_by_stems_read_the_new_stems():
    text = "About 40 people were injured when six tonnes of grain burned for 12 minutes."
    kinds = {n.surface: n.kind for n in find_numbers(text, 0, len(text), [])}
    assert kinds["About 40 people"] == "injured"
    assert kinds["12 minutes"] == "minutes"
    assert kinds["six tonnes"] == light_stem("tonne")
    assert "people" not in content_stems(text) and light_stem("people") in content_stems(text)
