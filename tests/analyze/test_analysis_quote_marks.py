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


def test_curly_marks_inside_a_straight_quotation_are_its_own():
    text = ("Dr. Lena Okafor stated:\n\n"
            "\"The ferry board isn't about “Service to All” anymore. It is about one vision of the harbour.\n\n"
            "\"The solution is not politics, but a timetable.\"")
    assert quoted(text)[0] == "The ferry board isn't about “Service to All” anymore. It is about one vision of the harbour"
    assert all(speaker == "Lena Okafor" for speaker in (q.speaker for q in analyze_article(text, None).quotes))


def test_a_straight_mark_doubled_by_a_curly_one_opens_one_quotation():
    text = "Varga spoke to Radio Norr.\n\n\"“You don’t win the vote by counting ferries,” Varga said."
    assert [q.speaker for q in analyze_article(text, None).quotes] == ["Varga"]


def test_an_apostrophe_ending_a_word_inside_single_marks_closes_nothing():
    assert quoted("‘It was the players’ decision to strike, not mine,’ he said.") == [
        "It was the players’ decision to strike, not mine"]
    assert quoted("‘It’s rock ’n’ roll scheduling – play now, worry later,’ said the coach.") == [
        "It’s rock ’n’ roll scheduling – play now, worry later"]
    # a term's end, or a close followed by what follows quotations, still closes
    assert quoted("He called it a 'disgrace' today and said 'never again' to reporters.") == ["disgrace", "never again"]
    assert quoted("‘We were the better side’ he said, adding the players’ union agreed.") == ["We were the better side"]
