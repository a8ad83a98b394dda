"""Whom a reader takes a quotation's he, she or role for, where the paragraph has moved on to someone: a name
shown to be a person's by a role beside it or by a given name, a qualified role no holder's introduction
holds, the subject of an "as" clause giving a view, a person named after the paragraph's last speaker, and
never the one the cue tells. Our own sentences."""

from conftest import speaker_of

from storyline.analyze.known_people import people_by_context
from storyline.model import Mention


def _mention(text: str, name: str, label: str) -> Mention:
    start = text.index(name)
    return Mention(name, start, start + len(name), label)


def test_a_name_with_a_role_set_beside_it_is_a_person() -> None:
    text = "Organizers met on Friday. Halvard Quist, the party chairman, announced a website."
    assert [m.label for m in people_by_context(text, [_mention(text, "Halvard Quist", "ORG")])] == ["PERSON"]


def test_a_place_before_a_clause_of_its_own_keeps_its_label() -> None:
    text = "In Ohio, the state senator said the vote would wait. Ohio, the state senator said, is ready."
    assert [m.label for m in people_by_context(text, [_mention(text, "Ohio", "GPE")])] == ["GPE"]


def test_a_name_opened_by_a_given_name_is_a_person_unless_written_as_a_place() -> None:
    text = "Former Quorvant chief Carly Dunmore named a cooking show. The fair was held in Jordan Valley."
    mentions = [_mention(text, "Carly Dunmore", "ORG"), _mention(text, "Jordan Valley", "GPE")]
    assert [m.label for m in people_by_context(text, mentions)] == ["PERSON", "GPE"]


def test_a_qualified_role_no_holder_was_introduced_with_is_the_person_the_story_is_about() -> None:
    text = ("Sen. Paul Norris said the talks had failed. “They walked away,” Norris said.\n\n"
            "Democratic candidate Dana Whitlock is choosing not to answer the attacks.\n\n"
            "Instead, the Vermont senator is sticking to his message, hoping to avoid a misstep.\n\n"
            "“We have come a long way,” he told supporters in Nashua.")
    assert speaker_of(text, "long way") == "Dana Whitlock"


def test_a_role_its_holder_was_introduced_with_is_still_theirs() -> None:
    text = ("Vermont Sen. Paul Norris said the talks had failed.\n\n"
            "Democratic candidate Dana Whitlock is choosing not to answer the attacks.\n\n"
            "“We walked away from nothing,” the Vermont senator said.")
    assert speaker_of(text, "nothing") == "Paul Norris"


def test_the_subject_of_an_as_clause_is_whom_the_next_paragraph_speaks_of() -> None:
    text = ("The plant will close in two years. “We looked at every option,” said Akhil Johri, the finance chief.\n\n"
            "Cutting costs is the plan, as Mr. Tom Feeney suggested at the meeting with analysts.\n\n"
            "Still he rejected the notion that greed had prompted the move. “This was a really tough decision,” he said.")
    assert speaker_of(text, "tough decision") == "Tom Feeney"


def test_a_person_named_after_the_paragraphs_speaker_takes_the_quotation_and_the_next_he() -> None:
    text = ("Judge Berman came back into the courtroom. He began by saying, “I don’t think that a prison term is "
            "needed.” Just those words. I felt relief. Brafman, however, could not have been more delighted. His face "
            "darted from side to side, his eyes gleaming, as if to say, “Did you see me pull that off?”\n\n"
            "Later, when I emailed Brafman to thank him, he replied, “This was one of my finest moments.”")
    assert speaker_of(text, "pull that off") == "Brafman"
    assert speaker_of(text, "finest moments") == "Brafman"


def test_a_quotation_that_goes_on_from_its_subject_is_said_of_them_not_by_them() -> None:
    # the quoted words are the sentence's verb: the commentator's words about Felt, in the third person
    text = ("Reaction split along party lines.\n"
            "“There is nothing brave about breaking faith with your people,” said commentator Pat Brennan.\n"
            "Felt “disgraced himself and dishonoured everything an agent should stand for.”\n"
            "But Richard Olsen, a lawyer, said the leak showed courage.")
    assert speaker_of(text, "disgraced himself") == "Pat Brennan"
    # a subject the paragraph moves on to before the quotation still takes it
    moved = ("“We did our best,” said coach Pat Brennan. Tom Varga, however, was furious, his face red as if to "
             "say, “Nobody here did their best.”")
    assert speaker_of(moved, "Nobody here did") == "Tom Varga"
    # words in the first person after the subject are the subject's own
    own = ("“They were outstanding,” coach Ann Brooks said of her defence. "
           "Dunn “felt like I let the guys down” after the fumble.")
    assert speaker_of(own, "let the guys down") == "Dunn"


def test_he_is_not_the_one_the_cue_tells() -> None:
    text = ("“We are going to build it,” Ruiz added.\n\n"
            "Halvorsen asked Ruiz how long the bridge would be.\n\n"
            "“I think it could be a mile long,” he told Halvorsen, to cheers from the crowd.")
    assert speaker_of(text, "a mile long") == "Ruiz"


def test_a_role_qualified_by_the_state_or_party_of_a_lawmakers_bracket_is_that_lawmakers() -> None:
    text = ("Sen. Bernard Lasky (I-Vt.) spoke first. Sen. Paul Norris (R-Ohio) spoke next and said the talks had failed.\n\n"
            "“We have come a long way,” the Vermont senator said.")
    assert speaker_of(text, "long way") == "Bernard Lasky"
    text = ("Sen. Bernard Lasky (D-N.Y.) spoke first. Sen. Paul Norris (R-Ohio) spoke next and said the talks had "
            "failed.\n\n“We have come a long way,” the Democratic senator said.")
    assert speaker_of(text, "long way") == "Bernard Lasky"


def test_a_party_and_a_place_is_no_ones_name() -> None:
    from storyline.analyze.person_names import could_be_name

    assert not could_be_name(["Independent", "Vermont"])
    assert could_be_name(["Dana", "Whitlock"])


def test_a_bare_role_is_the_holder_its_own_paragraph_is_about() -> None:
    # Sen. Piet Varga was introduced as the senator paragraphs back; Ruiz, whom this paragraph is about, is the
    # senator who speaks here
    text = ("Sen. Piet Varga toured the harbour on Monday and promised new cranes.\n\n"
            "The port board met on Tuesday to weigh the cost of the cranes.\n\n"
            "Its members were split on the timetable and asked for more studies.\n\n"
            "Dan Ruiz stopped by the ferry office to thank the night crews. "
            "Walking past the queue, the senator said the boats would run on time. “It is a fine crew,” he said.")
    assert speaker_of(text, "It is a fine crew") == "Dan Ruiz"


def test_a_bare_role_keeps_its_holder_when_its_paragraph_names_no_one() -> None:
    # the paragraph before names Ruiz, but only Varga holds the role: "the senator" is still Varga
    text = ("Sen. Piet Varga toured the harbour on Monday and promised new cranes.\n\n"
            "The port board met on Tuesday to weigh the cost of the cranes.\n\n"
            "Dan Ruiz, the harbour master, said the board would vote in May.\n\n"
            "“We will see the cranes this year,” the senator said.")
    assert speaker_of(text, "We will see the cranes") == "Piet Varga"


def test_a_role_after_an_opening_phrase_is_the_sentence_subject() -> None:
    # "Asked later - … - the admiral chuckled": the admiral is whom the next "he said" stands for, not the senator
    # who asked him
    text = ("Adm. Dan Ruiz commands the fleet in the south.\n\n"
            "Sen. Piet Varga asked Admiral Ruiz about the shoal on Monday. "
            "Asked later - war or no war - the admiral chuckled.\n\n"
            "“We will manage either way,” he said.")
    assert speaker_of(text, "We will manage either way") == "Dan Ruiz"


def test_he_inside_a_relative_clause_is_the_person_the_clause_is_about():
    """"Rep. Joe Wilson, the congressman who gained notice when he yelled “…”": Wilson yelled, not the last speaker."""
    text = ("Mayor Tom Ruiz opened the quay. “It is a good day,” Ruiz said.\n\n"
            "The latest is Rep. Dan Oduya, the Ohio congressman who gained notice in 2009 when he yelled “You lie!” "
            "at the governor.")
    assert speaker_of(text, "You lie") == "Dan Oduya"


def test_he_after_who_as_its_object_is_not_the_person_before_who():
    text = ("Tom Ruiz spoke for an hour.\n\nHe took a swipe at Piet Varga, who he dubbed “the little mayor.” "
            "“He has never built a thing,” he said.")
    assert speaker_of(text, "never built") == "Tom Ruiz"


def test_a_role_opening_a_sentence_is_the_person_just_named_not_a_holder_pages_back():
    text = ("The radio journalist Ana Ruiz has covered the port for years. “The ferry is late,” Ruiz said.\n\n"
            "The council met on Monday.\n\nThe mayor spoke about the budget.\n\n"
            "After the vote, the station's night anchor Lena Okafor wrote a letter to the council. The veteran "
            "journalist asked for patience. “We all want the boats back,” she wrote.")
    assert speaker_of(text, "boats back") == "Lena Okafor"
