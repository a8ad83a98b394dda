"""Quotations with a cue a reader follows at once that came out with no speaker (analyze/cue_words.py, quotation_cues.py,
speaker_phrases.py, speakers.py, described.py, text.py): initials run together before a surname, "was prompted to say", a cue before a
"when asked" clause, a capitalised name word read as a verb ("the United States"), a court document's
author, a name in apposition after a short phrase of place, whose words the text before a quotation says it
gives ("in Ms. Ortiz's words", "Ortiz's word:", "as Quayside put it,"). Measured on PolNeAR train in
docs/attribution.md; the sentences here are written for these tests."""

from __future__ import annotations

from conftest import speaker_of


def test_a_name_after_initials_run_together_speaks():
    text = ("The ferry crews have many friends in the press.\n\n"
            "Just last week, J.J. Varga, editor at large of the Harbour Weekly, a paper for the ferry towns, wrote, "
            "“When we think of the crossing, we should think of a lifeline, not a cost.”")
    assert speaker_of(text, "we should think of a lifeline") == "J.J. Varga"


def test_the_one_prompted_to_say_speaks():
    text = ("Ana Ortiz and Dan Oduya debated the ferry plan on Monday.\n\n"
            "But much of the debate was so calm that Ms. Ortiz was prompted to say, “So far, I cannot believe "
            "how polite it has been up here.”")
    assert speaker_of(text, "how polite it has been") == "Ana Ortiz"


def test_a_cue_before_a_when_asked_clause_speaks():
    text = ("The inquiry into the ferry contracts goes on.\n\n"
            "Any decision would involve Attorney General Ana Ortiz, who told the council when asked last month "
            "about the ferry inquiry: “That matter is being handled by career investigators, and they follow the "
            "evidence.”")
    assert speaker_of(text, "handled by career investigators") == "Ana Ortiz"


def test_the_last_word_of_a_place_is_no_cue():
    text = ("The harbour vote was held at a town hall.\n\n"
            "“If there had not been that vote” by the United States, the port board and the crews, Ana Ortiz said on "
            "Monday, “we would be looking at a closed harbour for a year.”")
    assert speaker_of(text, "looking at a closed harbour", direct=True) == "Ana Ortiz"


def test_the_author_of_a_court_document_speaks():
    text = ("The charges against the ferry operator were dropped on Thursday.\n\n"
            "“The evidence cannot prove all the elements of the charge and is not enough for a prosecution,” "
            "according to a court document filed by state attorney Dan Oduya.")
    assert speaker_of(text, "cannot prove all the elements") == "Dan Oduya"


def test_a_name_in_apposition_after_a_phrase_of_place_speaks():
    text = ("Piet Varga joined the ferry crews when he was nineteen.\n\n"
            "“It may have been his first attempt to make a statement of his own,” said his best friend at college, "
            "Bruce Tan, who remembered the summer well.")
    assert speaker_of(text, "first attempt to make a statement") == "Bruce Tan"


def test_the_one_whose_words_are_quoted_speaks():
    text = ("Ana Ortiz runs the ferry board. Dan Oduya sits on it.\n\n"
            "In Ms. Ortiz's words, \"the crossing will reopen in spring and the fares will stay the same.\"")
    assert speaker_of(text, "crossing will reopen") == "Ana Ortiz"
    text = text.replace("In Ms. Ortiz's words,", "In the words of Ms. Ortiz,")
    assert speaker_of(text, "crossing will reopen") == "Ana Ortiz"


def test_a_paragraph_ending_in_a_named_persons_word_gives_the_next_quotation():
    text = ("Ana Ortiz runs the ferry board. Dan Oduya sits on it.\n\n"
            "All the critics have is a blind faith in Ortiz’s word:\n\n"
            "\"As we have said before, the crossing will reopen in spring and the fares will stay the same.\"")
    assert speaker_of(text, "crossing will reopen") == "Ana Ortiz"
    # "his word" may be anyone's: the words are given to no one by it
    assert speaker_of(text.replace("Ortiz’s word", "the board's word"), "crossing will reopen") != "Ana Ortiz"


def test_a_name_the_model_missed_before_put_it_speaks():
    text = ("The ferry to the islands ran late all week.\n\n"
            "~ As Quayside put it, “Hello, it is the slow boat again.” The board will meet on Monday.")
    assert speaker_of(text, "slow boat again") == "Quayside"
    # "as the paper put it" names no one
    assert speaker_of(text.replace("Quayside", "the paper"), "slow boat again") is None
