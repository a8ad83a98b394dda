"""Who speaks through a passive verb of perceiving ("a reporter can be heard asking", analyze/participles.py) and
who answers a question put to a named person (analyze/antecedents.py). Measured on real reporting in
docs/attribution.md; the sentences here are written for these tests."""

from __future__ import annotations

import pytest
from conftest import speaker_of


def test_the_one_heard_asking_or_telling_says_the_words():
    from storyline.analyze import analyze_article

    text = ("Ana Ruiz toured the paper mill in Leeds on Monday.\n\n"
            "“Will the mill close before the winter?” a reporter can be heard asking Ruiz after the tour.")
    quote = analyze_article(text, None).quotes[0]
    assert quote.speaker is None  # the reporter, not Ruiz whom the question is put to
    assert quote.unnamed_source == "a reporter"
    text = ("Ana Ruiz toured the paper mill in Leeds on Monday.\n\n"
            "On the recording, Ruiz is heard telling the workers, “Nobody here will lose a job this year.”")
    assert speaker_of(text, "Nobody here will lose") == "Ana Ruiz"
    text = ("Ana Ruiz toured the paper mill in Leeds on Monday.\n\n"
            "“Nobody here will lose a job this year,” Ruiz was overheard saying to an aide.")
    assert speaker_of(text, "Nobody here will lose") == "Ana Ruiz"
    text = ("Ana Ruiz watched the count at home with Piet Varga.\n\n"
            "On the big screen, his supporters were shown chanting “Piet! Piet!”")
    assert speaker_of(text, "Piet! Piet!") is None  # the supporters, not Varga nor Ruiz


def test_the_one_asked_answers():
    for answer in ("he replied", "the businessman replied"):
        text = ("Ana Ruiz toured the paper mill in Leeds on Monday with its owner.\n\n"
                "“Will the mill close before the winter?” a reporter asked Piet Varga after the tour.\n\n"
                f"“Not while I run it,” {answer}.")
        assert speaker_of(text, "Not while I run it") == "Piet Varga", answer



def test_a_shout_before_another_speakers_quotation_is_the_shouters():
    text = ("Piet Varga read from the book to the crowd in Leeds. “Tell me who wrote this,” he said.\n\n"
            "When someone in the audience shouted, “Ruiz,” Varga joked, “Come on up and take a bow.”")
    assert speaker_of(text, "Ruiz") is None  # someone in the audience
    assert speaker_of(text, "take a bow") == "Piet Varga"
    text = ("Ana Ruiz, the mayor of the port town, backed the plan to close the ferry.\n\n"
            "She said, “The ferry will close” - at which point the crowd chanted “Close it!” - “and the port will be"
            " safer for it.”")
    assert speaker_of(text, "The ferry will close") == "Ana Ruiz"  # the crowd's cue opens the chant, not hers
    text = "Dan Oduya spoke in the square on Friday.\n\nAs the crowd chanted, “We will build the bridge,” Oduya said."
    assert speaker_of(text, "We will build the bridge") == "Dan Oduya"  # no quotation of its own after the cue


def test_the_answer_to_a_reported_question_is_not_the_askers():
    text = ("“He waited four months for a referral. He didn't have four months,” Betty Kranz said.\n\n"
            "Rep. Gloria Santangelo, visibly moved, said she was sorry for her loss and asked whether the family had "
            "filed a complaint.\n\n“I filed a complaint, I filed a claim, I filed everything,” she said.")
    assert speaker_of(text, "I filed everything") == "Betty Kranz"


@pytest.mark.parametrize("asked", ["was asked by a caller whether refugees were safe.",
                                   ", asked in a hallway whether anything had changed, answered at once."])
def test_the_one_asked_still_answers(asked):
    text = ("Gloria Santangelo spoke after Betty Kranz on Monday.\n\n"
            f"Santangelo{' ' if asked.startswith('was') else ''}{asked} “I have no doubt at all,” she said.")
    assert speaker_of(text, "no doubt at all") == "Gloria Santangelo"


def test_a_request_is_no_question_whose_asker_cannot_answer():
    text = ("Police released a sketch of the man, Det. Sgt. Jamie Walsh said, and asked anyone who recognised him to "
            "come forward.\n\n“He may be armed,” she said.")
    assert speaker_of(text, "may be armed") == "Jamie Walsh"
