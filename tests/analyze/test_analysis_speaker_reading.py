"""Speakers as a reader finds them (issue 19): passives, whom a cue addresses, appositions, a participle
read as a name; genders the article gives, roles held by people named with a title, whose view a
sentence gives. Short reports written for these tests; each rule was measured on PolNeAR train
(docs/attribution.md)."""

from __future__ import annotations

from functools import partial

import pytest

from conftest import speaker_of as any_speaker_of
from storyline.analyze import analyze_article


speaker_of = partial(any_speaker_of, direct=True)  # these texts report speech beside their quotations


def test_she_passes_over_a_man_the_article_speaks_of_as_he():
    text = ("Dana Whitby said her plan for the quay was ready. Piet Larsen said his plan was not.\n\n"
            "“We have come a long way this year, and the quay will open in spring,” she said.")
    assert speaker_of(text, "long way") == "Dana Whitby"


def test_a_pronoun_in_a_that_clause_gives_no_gender_to_the_one_who_speaks_of_her():
    text = ("Harbour pilot Marit Holm went missing on Tuesday.\n\n"
            "Pastor Dexter Wakefield told the paper that she was a regular at the chapel. He said the family "
            "asked for privacy.\n\n"
            "“She is a warm and generous woman, and the whole island is praying,” he added.")
    assert speaker_of(text, "warm and generous") == "Dexter Wakefield"


def test_a_role_noun_is_the_person_who_holds_that_title():
    text = ("Coastal Sen. Dana Whitby is declining to answer the charges.\n\n"
            "Instead, the coastal senator is sticking to his plan for the quay, hoping to avoid a misstep.\n\n"
            "“We have come a long way this year,” he told cheering supporters.")
    assert speaker_of(text, "long way") == "Dana Whitby"


def test_a_role_noun_prefers_the_person_its_qualifier_names():
    text = ("Northern Gov. Piet Larsen and Southern Gov. Ivo Brandt met at the quay on Monday.\n\n"
            "“The ferry will run again by the summer, whatever the cost,” the Northern governor said.")
    assert speaker_of(text, "ferry will run") == "Piet Larsen"


@pytest.mark.parametrize("opening", ["To", "For"])
def test_the_person_whose_view_a_sentence_gives_is_its_subject(opening):
    text = (f"Governor Ivo Brandt said his record was strong.\n\n"
            f"{opening} harbour historian Dana Whitby, Mayor Piet Larsen is making a mistake with the quay. "
            f"“It really looked like heartbreak,” she said.")
    assert speaker_of(text, "heartbreak") == "Dana Whitby"


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


def test_her_as_an_object_gives_no_gender_to_the_subject():
    text = ("Harbour chief Dana Whitby was criticised for the delay.\n\n"
            "Mayor Piet Larsen backed her up on Sunday. “I do not think it posed a problem for the quay,” he said.")
    assert speaker_of(text, "posed a problem") == "Piet Larsen"


def test_a_surname_two_people_bear_is_told_apart_by_the_pronoun_after_it():
    # "Larsen" alone is Ana or Bill; "She followed" says it is Ana, for both her quotations
    text = ("Ana Larsen and her husband, Bill Larsen, toured the quay.\n\nLater Bill Larsen said his piece to the crowd.\n\n"
            "Asked about the delay, Larsen said, “I do take responsibility for it.” She followed that by saying, "
            "“I am not a natural speaker, unlike my husband.”")
    assert speaker_of(text, "natural speaker") == speaker_of(text, "take responsibility") == "Ana Larsen"


def test_a_pronoun_after_saying_gives_no_gender_to_the_one_saying():
    text = ("Mayor Piet Larsen mocked the harbour chief, saying she would be a poor manager of the quay.\n\n"
            "“I have not quite recovered from the shouting at the meeting,” he said.")
    assert speaker_of(text, "recovered") == "Piet Larsen"


def test_a_name_after_of_or_under_is_no_subject_for_he():
    text = ("“There is no question the quay is late,” said Peter Wehner, a former director under Governor Ivo "
            "Brandt who has known the mayor for years. “He is trying to set a path,” he said.")
    assert speaker_of(text, "set a path") == "Peter Wehner"


@pytest.mark.parametrize("sentence", ["Whitby considers the new quay “a first step”.",
                                      "Whitby called the new quay “a first step” on Monday.",
                                      "Whitby has described the new quay as “a first step”."])
def test_what_a_person_calls_something_is_their_speech(sentence):
    text = f"Harbour master Dana Whitby spoke at the opening.\n\n{sentence}"
    # lower-case words after a verb of naming are part of the writer's clause: reported speech
    # (analyze/fragments.py), with the same speaker
    found = [q for q in analyze_article(text, None).quotes if "first step" in q.text]
    assert [(q.speaker, q.direct) for q in found] == [("Dana Whitby", False)]


@pytest.mark.parametrize("sentence", ["Whitby was called “a traitor” by the old crews.",
                                      "Whitby spoke of the so-called “quay tax” again."])
def test_a_name_given_to_someone_or_a_so_called_phrase_is_nobodys_quotation(sentence):
    text = f"Harbour master Dana Whitby spoke at the opening.\n\n{sentence}"
    assert [q.speaker for q in analyze_article(text, None).quotes if q.direct] in ([], [None])


def test_a_quotation_followed_by_while_and_another_speaker_is_the_first_speakers():
    text = ("Harbour master Dana Whitby told the Quay Times there was “nothing to show the crane was badly loaded” "
            "while Piet Larsen, a former crane inspector, said “it looks like an honest accident” to him.")
    # both quotations are fragments of reported clauses, so reported speech (analyze/fragments.py), with their speakers
    said = {q.speaker: q.text for q in analyze_article(text, None).quotes if not q.direct}
    assert "badly loaded" in said["Dana Whitby"] and "honest accident" not in said["Dana Whitby"]
    assert "honest accident" in said["Piet Larsen"]


@pytest.mark.parametrize("clause", ["backed the new quay on Thursday, saying,",
                                    "made her case for the new quay by saying,",
                                    "appeared with radio host Piet Larsen and backed the new quay, saying,"])
def test_a_participle_after_its_clause_speaks_for_the_clauses_subject(clause):
    text = ("Harbour master Dana Whitby met the crews.\n\n"
            f"On Thursday, after staying neutral through the vote, Whitby {clause} “The crews have waited long "
            "enough for this.”")
    assert speaker_of(text, "waited long") == "Dana Whitby"


def test_a_participle_after_an_unnamed_subject_gives_no_name():
    text = ("Piet Larsen of the Quay Times wrote, “If you want people to trust the harbour, you have to show it.”\n\n"
            "Alongside the crews' calls, even a top party strategist said Whitby will have to choose a side, "
            "saying, “At some point, she is going to have to come out.”")
    assert speaker_of(text, "come out") is None


@pytest.mark.parametrize(("open_", "close"), [("''", "''"), ("“", "”")])
def test_a_quotation_running_on_into_the_next_paragraph_keeps_its_speaker(open_, close):
    text = ("Piet Larsen of the crane union spoke first.\n\n"
            f"{open_}We agreed to keep the quay open,{close} Harbour master Dana Whitby said on Monday. "
            f"{open_}The crews will stay. All of them will be paid.\n\n"
            f"{open_}We will keep a stake in the port, whatever the ministry decides.{close}")
    assert speaker_of(text, "keep a stake") == "Dana Whitby"


def test_a_person_after_an_opening_phrase_and_a_body_in_their_title_is_the_subject():
    text = ("Piet Larsen of the crane union spoke first.\n\n"
            "Before the vote, Norrvik Police Chief Dana Whitby lobbied to close the old quay, saying, “The fewer "
            "cranes, the better.”")
    assert speaker_of(text, "fewer cranes") == "Dana Whitby"
