"""Words cried out by a crowd or someone unnamed, and sources that name no person (analyze/speakers.py,
cue_subjects.py): a chant, a shout or a jeer whose crier is "the crowd", "his friends" or "someone in the
audience" belongs to no named person, not to the person the sentence is about; a source speaking to an outlet
is not the outlet. Measured on PolNeAR train in docs/attribution.md; the sentences here are written for these
tests."""

from __future__ import annotations

import pytest

from conftest import speaker_of

from storyline.analyze import analyze_article


def test_chants_of_the_crowd_are_not_the_speakers():
    text = ("Dan Oduya spoke last on the second night.\n\n"
            "Casting himself as the judge, Mr. Oduya roused the crowd to loud chants of “Send them home!”")
    assert speaker_of(text, "Send them home") is None


def test_a_jeer_of_his_friends_is_not_his():
    text = ("Dan Oduya learnt to sail as a boy.\n\n"
            "Once, when they passed a tanker off the cape, Dan circled it as his friends jeered, “Farewell!”")
    assert speaker_of(text, "Farewell") is None


def test_someone_in_the_audience_shouting_is_no_one_named():
    text = ("Dan Oduya took questions in the hall on Friday.\n\n"
            "When someone in the audience shouted, “Varga,” Oduya laughed.")
    assert speaker_of(text, "Varga") is None


def test_a_named_speaker_cheered_by_a_crowd_keeps_the_words():
    text = ("Dan Oduya spoke in the square on Friday.\n\n"
            "As the crowd cheered, “We will build the bridge,” Oduya said.")
    assert speaker_of(text, "We will build the bridge") == "Dan Oduya"


def test_a_named_speaker_who_shouts_keeps_the_words():
    text = ("Dan Oduya spoke in the square on Friday.\n\n"
            "Oduya shouted, “We will build the bridge!”")
    assert speaker_of(text, "We will build the bridge") == "Dan Oduya"


def test_a_source_speaking_to_an_outlet_is_not_the_outlet():
    text = ("Ana Ortiz met Dan Oduya on Monday.\n\n"
            "Another source speaking to Harbour Radio said, “The ledger was closed before the vote.”")
    assert speaker_of(text, "The ledger was closed") is None


def test_a_crowd_crying_out_after_a_speakers_question_is_no_one_named():
    # a verb of crying out no cue table holds as a cue ("cried out", "roared"), after a crowd: not the speaker before
    text = ("Dan Oduya spoke for an hour in the square.\n\n"
            "“Do we give up?” Oduya said. “Do we go home and moan?”\n\n"
            "“Nooo!” the crowd cried out, booing.")
    assert speaker_of(text, "Nooo") is None


def test_the_crowd_crying_out_is_the_source_shown():
    text = ("Dan Oduya spoke for an hour in the square.\n\n"
            "“Do we give up?” Oduya said. “Do we go home and moan?”\n\n"
            "“Nooo!” the crowd cried out, booing.")
    [quote] = [q for q in analyze_article(text, None).quotes if "Nooo" in q.text]
    assert quote.speaker is None and quote.unnamed_source == "the crowd"


@pytest.mark.parametrize("cry", ["Oduya told the crowd, which erupted into chants of",
                                 "he said, as the hall shook with chants of"])
def test_chants_of_anyone_are_not_the_speakers(cry):
    text = ("Dan Oduya spoke for an hour in the square.\n\n"
            f"“We will open the harbour by spring,” {cry} “Open it now! Open it now!”")
    assert speaker_of(text, "Open it now") is None


def test_a_section_of_the_crowd_that_began_chanting_is_the_source_shown():
    text = ("Dan Oduya spoke for an hour in the square. He turned on the press pen at the back.\n\n"
            "Moments later, a section near the back began chanting “Tell the truth!”")
    [quote] = [q for q in analyze_article(text, None).quotes if "Tell the truth" in q.text]
    assert quote.speaker is None and quote.unnamed_source == "a section near the back"


def test_a_cry_that_ends_the_sentence_before_a_quotation_is_not_its_crier():
    text = ("The Speaker, Sir Geoffrey Tallis, intervened when backbenchers on the government side began shouting "
            "across the chamber. “Order! The public can hear you, and I promise you they are not impressed.”")
    assert speaker_of(text, "not impressed") == "Geoffrey Tallis"
