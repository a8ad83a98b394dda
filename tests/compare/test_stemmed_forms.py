"""One word in two forms meets across outlets ("damage" / "damaged", "deliberation" / "deliberated"):
the light stemmer drops a silent e and the "-ion" of a long noun, and the tables keyed by stems
(lang/en.py) are read through the same stemmer (words.stemmed), so "people" still counts people."""

from __future__ import annotations

from test_compare_claims import compare_reports, conflicts
from test_happening_words import FILLER

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


def number_values(first: str, second: str) -> list[dict[str, str]]:
    result = compare_reports([("harbour-times", "2025-03-04", FILLER + first),
                              ("valley-news", "2025-03-04", FILLER + second)])
    return [{v["source"]: v["normalized"] for v in c["conflict"]["values"]} for c in conflicts(result, "number")]


FIRST = "\u201cIn Swansea we counted 210 homes suffering flood damage,\u201d said Mara Quill, the housing officer."
SECOND = ("Ilsa Brant runs the bakery on Mill Lane.\n\n"
          "\u201cNobody expected 140 damaged homes in {town} by the end of the week,\u201d she told the paper.")


def test_a_count_said_with_the_noun_and_with_the_participle_is_compared():
    # "damaged" in the figure's own words says what the count is of, as "damage" around the other does; the
    # two speakers (one named, one a "she") are who said the figures, not whom they are of
    assert {"harbour-times": "210", "valley-news": "140"} in number_values(FIRST, SECOND.format(town="Swansea"))


def test_two_counts_of_homes_in_two_towns_stay_apart():
    assert number_values(FIRST, SECOND.format(town="Bristol")) == []
