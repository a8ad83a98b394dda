"""Story-wide figures (compare/conflicts/number.py): the words of a figure's own span between its value
and its noun say what it counts ("140 damaged homes"), and a figure inside a quotation is said of whom
the quoted words name, not of who said it ("said Mara Quill" / "she told the paper")."""

from __future__ import annotations

from test_compare_claims import compare_reports, conflicts
from test_happening_words import FILLER

from storyline.analyze.numbers import find_numbers
from storyline.compare.conflicts.number import modifiers

FIRST = "\u201cIn Swansea we counted 210 homes damaged by the flood,\u201d said Mara Quill, the housing officer."
SECOND = ("Ilsa Brant runs the bakery on Mill Lane.\n\n"
          "\u201cNobody expected 140 damaged homes in {town} by the end of the week,\u201d she told the paper.")


def number_values(first: str, second: str) -> list[dict[str, str]]:
    result = compare_reports([("harbour-times", "2025-03-04", FILLER + first),
                              ("valley-news", "2025-03-04", FILLER + second)])
    return [{v["source"]: v["normalized"] for v in c["conflict"]["values"]} for c in conflicts(result, "number")]


def test_a_figures_own_words_before_its_noun_say_what_it_counts():
    text = "Nobody expected about 140 damaged homes, or 14 container ships, or 600 firefighters."
    assert [modifiers(n) for n in find_numbers(text, 0, len(text), [])] == [{"damag"}, {"container"}, set()]


def test_two_speakers_figures_of_one_count_in_their_quotations_are_compared():
    # one figure said by a named speaker, one by a "she" read as the person named before her: who said
    # them is not what they are of
    assert {"harbour-times": "210", "valley-news": "140"} in number_values(FIRST, SECOND.format(town="Swansea"))


def test_two_counts_of_homes_in_two_towns_stay_apart():
    assert number_values(FIRST, SECOND.format(town="Bristol")) == []
