"""Who speaks through a passive verb of perceiving ("a reporter can be heard asking", analyze/participles.py) and
who answers a question put to a named person (analyze/antecedents.py). Measured on real reporting in
docs/attribution.md; the sentences here are written for these tests."""

from __future__ import annotations

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


def test_the_one_asked_answers():
    for answer in ("he replied", "the businessman replied"):
        text = ("Ana Ruiz toured the paper mill in Leeds on Monday with its owner.\n\n"
                "“Will the mill close before the winter?” a reporter asked Piet Varga after the tour.\n\n"
                f"“Not while I run it,” {answer}.")
        assert speaker_of(text, "Not while I run it") == "Piet Varga", answer
