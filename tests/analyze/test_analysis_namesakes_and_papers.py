"""Who speaks where a story names several bearers of one surname, a description before a name in a copular sentence,
a player's "added" yards, and a paper or agency the story introduced by its kind: shapes of general news read on the
real set's speaker annotation (ECB+ obituaries, trials, sport, quakes, strikes; docs/attribution.md "ECB+ speakers").
The sentences are our own. (article_text.py, subjects.py, reported.py, unnamed.py, speaker_phrases.py.)"""

from __future__ import annotations

from conftest import speaker_of
from storyline.analyze import analyze_article


def test_he_is_the_player_the_sentence_before_is_about_after_be():
    text = ("Kicker Dale Ormond added three field goals for the Hawks.\n\n"
            "Quarterback Andre Kellen threw for 300 yards in the first half.\n\n"
            "The main reason was Kellen, who completed only 9 of 25 passes after the break.\n\n"
            "“This loss is entirely on me,” he said.")
    assert speaker_of(text, "entirely on me") == "Andre Kellen"


def test_added_yards_report_no_words():
    text = ("Tomas Reyes added 101 yards on the ground for the Hawks, who had 352 yards rushing in all.\n\n"
            "Coach Lena Brandt added that the defence had played its best game of the year.")
    quotes = analyze_article(text, None).quotes
    assert [(q.speaker, q.text) for q in quotes] == [("Lena Brandt", "the defence had played its best game of the year")]
