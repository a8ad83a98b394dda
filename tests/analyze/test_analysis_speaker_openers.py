"""Who a cue's sentence or paragraph is about, in shapes of US political reporting written for a speaker set of
6 December (docs/attribution.md): a county in a list of places is nobody he can be ("in Lenoir, Wayne and Craven
counties"), "former" before one office makes no one a former holder of another ("Republican nominee Roy
Tillotson, a former governor of the state"), "Secretary of State" is no part of the name after it, the person who
opens a sentence with a relative clause owns its cue even where the clause holds quotation marks, the one who
spent an hour "telling Congress" owns the participle, and "and" after a quoted fragment opens another speaker's
clause ("…,” and the congresswoman fired back"). The sentences are our own. (subjects.py, roles.py,
speaker_kinds.py, cue_subjects.py, participles.py, quotation_cues.py.)"""

from __future__ import annotations

from conftest import speaker_of

from storyline.analyze import analyze_article


def test_a_name_in_a_list_of_places_is_no_one_for_he():
    text = ("Gov. Lorraine Ashworth defended the state's response on Monday.\n\n"
            "Okonjo said 412 people had been rescued by boat since Thursday, most of them in Lenoir, Wayne and Craven "
            "counties. “We had swift-water teams staged before the first rain band came ashore,” he explained.")
    assert speaker_of(text, "swift-water teams") == "Okonjo"


def test_former_before_another_office_leaves_the_role_now_held():
    text = ("The poll found Republican nominee Roy Tillotson, a former governor of the state, leading Democratic "
            "nominee Sen. Caroline Abernathy 46% to 44%.\n\n"
            "Ms. Abernathy’s spokesman, Julian Petrakis, said the poll showed a close race.\n\n"
            "Mr. Tillotson, campaigning in Altoona on Wednesday, waved off a question about the survey. “I’ve never "
            "met a poll I didn’t outlive,” the Republican nominee said.")
    assert speaker_of(text, "never met a poll") == "Roy Tillotson"
    assert speaker_of(text.replace("the Republican nominee said", "the former governor said"), "never met a poll") \
        == "Roy Tillotson"


def test_an_office_of_a_name_the_model_missed_is_no_part_of_it():
    text = ("Turnout appears high. “We are seeing lines in Delaware County that we usually only see in November,” "
            "Secretary of State Gail Reinholt said in an afternoon update.")
    assert speaker_of(text, "seeing lines") == "Gail Reinholt"


def test_the_person_opening_a_sentence_with_a_relative_clause_owns_its_cue():
    text = ("The hard-liners were unmoved.\n\n"
            "Rep. Boyd Tatum (R-Okla.), who leads the bloc that colleagues have taken to calling the “Tatum Nine,” "
            "said the bill “spends like it’s 2021 and pretends nobody will notice.”")
    assert speaker_of(text, "spends like") == "Boyd Tatum"
    # an inverted cue after a quotation still names its speaker after it
    assert speaker_of("“We will not fold,” said Sen. Ann Lee, who spoke after the vote.", "not fold") == "Ann Lee"


def test_a_participle_after_time_spent_is_the_spenders_words():
    text = ("President Charles Whitmore spent 72 minutes on Tuesday night telling a joint session of Congress that the "
            "state of the union was “stronger than it has been in a generation.”")
    assert speaker_of(text, "stronger than") == "Charles Whitmore"


def test_and_after_a_quoted_fragment_opens_another_speakers_clause():
    text = ("Renee Stoltenberg, the chairwoman of the state party, and Joanna Brekke have been trading barbs.\n\n"
            "On Friday, Stoltenberg said the bus tour was “a costume drama,” and the congresswoman fired back within the "
            "hour on social media.")
    quote = next(q for q in analyze_article(text, None).quotes if "costume drama" in q.text)
    assert (quote.speaker, quote.cue) == ("Renee Stoltenberg", "said")  # not "fired", the congresswoman's
    assert quote.text.startswith("the bus tour was")  # the words said, not the clause that says who said them


def test_what_these_rules_leave_to_the_cue_after_the_words():
    # the writer's clause goes on past a quoted fragment to its cue
    assert speaker_of("The new rules are “unworkable” and will cost jobs, the Kelby Chamber of Commerce said.",
                      "unworkable") == "Kelby Chamber of Commerce"
    # a relative clause closed before the main verb leaves the inverted cue to the one named after it
    assert speaker_of("Dana Whitfield, who was arrested on Tuesday, is “a danger to the public,” said prosecutor Tom "
                      "Reyes.", "a danger") == "Tom Reyes"
    # a participle after another one: the residents' words, not the senator's
    text = ("Sen. Ann Lee spent an hour listening to residents telling her “this plant must close before it kills "
            "someone.”")
    assert speaker_of(text, "plant must close") != "Ann Lee"
