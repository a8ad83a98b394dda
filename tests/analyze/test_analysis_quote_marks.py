"""Quote-mark shapes of real reporting that the scanner pairs, on sentences written for these tests."""

from __future__ import annotations

import pytest

from storyline.analyze import analyze_article
from storyline.analyze.quote_marks import scan_quote_marks


def quoted(text: str) -> list[str]:
    return [text[m.start:m.end] for m in scan_quote_marks(text)]


@pytest.mark.parametrize("text, words", [
    # a quotation of the same kind inside one, as tweets and columns are quoted
    ("The mayor tweeted: “Crowds outside the depot wearing “Keep the Ferry” badges. Good to see. #norrvik.”",
     "Crowds outside the depot wearing “Keep the Ferry” badges. Good to see. #norrvik"),
    # a quotation that opens on an ellipsis
    ("As the Norrvik Post reported, “ … if the vote were held tonight, the crews would strike, and gladly.”",
     "… if the vote were held tonight, the crews would strike, and gladly"),
    # a stray space before the closing mark
    ("“We regret having signed that roster, ” Ekdal said, echoing the union.", "We regret having signed that roster"),
    # NYT's doubled marks closing right after a single quote, a space between
    ("Ms. Roe was blunt. ''I dislike the phrase 'ferry poor,' '' she said.", "I dislike the phrase 'ferry poor,'"),
])
def test_quotations_of_real_shapes_pair_whole(text, words):
    assert words in quoted(text)


def test_an_opening_mark_never_closed_still_leaves_the_quotation_after_it():
    text = "Ekdal spoke of “rosters and “double shifts” since April."
    assert quoted(text) == ["double shifts"]


def test_a_tweet_quoting_a_slogan_is_one_quotation_of_its_author():
    text = ("Crowds gathered at the depot.\n\nLena Okafor, the union's chair, tweeted: “Crowds outside the depot "
            "wearing “Keep the Ferry” badges. Good to see.”")
    quotes = [q for q in analyze_article(text, None).quotes if q.direct]
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Crowds outside the depot wearing “Keep the Ferry” badges. Good to see", "Lena Okafor")]
