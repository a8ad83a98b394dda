"""Speakers as a reader finds them (issue 19): passives, whom a cue addresses, appositions, a participle
read as a name. Short reports written for these tests; each rule was measured on PolNeAR train
(docs/attribution.md)."""

from __future__ import annotations

import pytest

from storyline.analyze import analyze_article


def speaker_of(text: str, words: str) -> str | None:
    found = [q for q in analyze_article(text, None).quotes if q.direct and words in q.text]
    assert len(found) == 1, [(q.text, q.speaker) for q in analyze_article(text, None).quotes]
    return found[0].speaker


def test_a_participle_opening_a_sentence_is_no_person():
    text = ("Mayor Piet Larsen opened the quay on Monday.\n\n"
            "Conceding that the ferry would be late, he warned: “It is not going to happen soon, whatever the "
            "council says.”")
    assert speaker_of(text, "not going to happen") == "Piet Larsen"


def test_the_agent_of_a_passive_cue_speaks():
    text = "Larsen was asked by host Dana Whitby, who backs him, “Now, you said the quay was safe, did you not?”"
    assert speaker_of(text, "quay was safe") == "Dana Whitby"


def test_the_one_asked_is_not_the_one_asking():
    text = ("In an interview on Wednesday, Mayor Piet Larsen was asked, “What is the most dangerous place you "
            "have been to?”")
    assert speaker_of(text, "dangerous place") is None


def test_asked_after_a_quotation_names_the_asker():
    text = "“Why would anyone close the quay now?” asked Piet Larsen, now a harbour pilot. “It makes no sense.”"
    assert speaker_of(text, "close the quay") == "Piet Larsen"


def test_whom_a_cue_addresses_does_not_speak_the_sentences_subject_does():
    text = ("Mayor Piet Larsen took the stage.\n\n"
            "Larsen did not mention any of his rivals by name, but told his supporters, “our harbour is in "
            "horrible trouble.”")
    assert speaker_of(text, "horrible trouble") == "Piet Larsen"


@pytest.mark.parametrize("text, speaker", [
    ("“If I were managing the harbour, I would wish otherwise,” Eric Holt, a harbour strategist and former "
     "adviser to Piet Larsen, said of the plan.", "Eric Holt"),
    ("“They would be wrong,” Michael Briggs, a spokesman for Larsen, said in an interview on Sunday.",
     "Michael Briggs"),
    ("In a series of posts on Sunday, Mr. Dana Whitby, a former speechwriter for Piet Larsen, wrote: “The "
     "big question about the quay is whether it will stand.”", "Dana Whitby"),
])
def test_a_person_named_inside_an_apposition_is_not_its_speaker(text, speaker):
    assert speaker_of(text, "") == speaker

