"""Quotes and their speakers, on short reports written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from storyline.analyze import analyze_article
from storyline.analyze.quote_marks import scan_quote_marks
from storyline.analyze.quotes import find_quotes


def direct(text: str):
    return [q for q in analyze_article(text, None).quotes if q.direct]


def reported(text: str):
    return [q for q in analyze_article(text, None).quotes if not q.direct]


def only(quotes, words: str):
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


@pytest.mark.parametrize("opening, closing", [("“", "”"), ('"', '"'), ("„", "“"), ("«", "»"), ("»", "«"), ("‘", "’")])
def test_every_common_quote_mark_pairs(opening, closing):
    text = (f"Harbour master Ines Falkenrath spoke after the storm. {opening}The pier will reopen once the divers "
            f"have checked every pile,{closing} Falkenrath said.")
    quote = only(direct(text), "pier will reopen")
    assert quote.text == "The pier will reopen once the divers have checked every pile"
    assert text[quote.start:quote.end] == quote.text
    assert quote.speaker == "Ines Falkenrath"
    assert quote.cue == "said"


def test_apostrophes_inside_words_do_not_open_or_close_quotes():
    text = ("“We don’t accept that Zelenskyy's envoys were kept out, and O’Rourke’s union won’t either,” said "
            "Pavel Marek, a transport analyst.")
    quote = only(direct(text), "accept")
    assert quote.text == "We don’t accept that Zelenskyy's envoys were kept out, and O’Rourke’s union won’t either"
    assert quote.speaker == "Pavel Marek"


def test_british_single_quotes_with_possessives_outside():
    text = "The workers’ leaders met at noon. ‘We are not moving until the offer changes,’ said Maud Ellingham."
    quote = only(direct(text), "moving")
    assert quote.text == "We are not moving until the offer changes"
    assert quote.speaker == "Maud Ellingham"


def test_quote_split_around_its_cue_is_one_statement_in_two_parts():
    text = ("Defence minister Kasimir Voll gave few details. “The first convoy leaves at dawn,” he told reporters, "
            "“and the second follows when the road is clear.”")
    first, second = only(direct(text), "first convoy"), only(direct(text), "second follows")
    assert first.group == second.group and (first.part, second.part) == (0, 1)
    assert first.speaker == second.speaker == "Kasimir Voll"
    assert first.addressee == "reporters"


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_an_apostrophe_after_a_sentence_end_opens_no_quotation(apostrophe):
    # "council's" is no quotation opening after "Markey said.": the next quotation is another statement, Wetzler's
    text = (f"“It is absurd,” Markey said. Andrew Wetzler, director of the council{apostrophe}s species program, "
            "commented, “This administration has rejected anything with a whiff of science.”")
    quote = only(direct(text), "whiff of science")
    assert quote.speaker == "Andrew Wetzler" and quote.part == 0


def test_multi_sentence_quote_is_one_quote():
    text = ("“The dam held. The spillway did its job. Nobody downstream lost a home,” said regional engineer "
            "Tobiah Krane.")
    quote = only(direct(text), "dam held")
    assert quote.text == "The dam held. The spillway did its job. Nobody downstream lost a home"
    assert quote.speaker == "Tobiah Krane"
    assert quote.sentence[0] == 0 and quote.sentence[1] == len(text)


def test_paragraph_opening_quote_is_attributed_by_the_next_sentence():
    text = ("The ferry service stopped on Monday.\n\n"
            "“We will not sail until the new engines are certified.” That was the message from operations chief "
            "Lorna Quist, who met inspectors in the afternoon.")
    quote = only(direct(text), "new engines")
    assert quote.speaker == "Lorna Quist"


@pytest.mark.parametrize("naming, speaker", [
    ("That is the message from harbour councillor Amira Haddad, who wants a warning system.", "Amira Haddad"),
    ("That was the lament of Marjorie Pell, 83, a customer since 1961.", "Marjorie Pell"),
    ("Such was the plea from Amira Haddad on Tuesday.", "Amira Haddad"),
    ("That was how Amira Haddad, 36, described the night the river burst its banks.", "Amira Haddad"),
    ("That is how Amira Haddad explained it to the council on Tuesday.", "Amira Haddad"),
])
def test_a_quotation_standing_alone_is_given_by_the_next_paragraph_that_points_back(naming, speaker):
    # The quotation is a paragraph of its own after another speaker's; the paragraph after it opens by saying
    # whose it was. A paragraph that does not open so names no one for it (the next test).
    text = ("Cafe owner Steve Kostopoulos said the closure had hurt trade.\n\n"
            "“It's our busiest fortnight,” Mr Kostopoulos said.\n\n"
            "“We can't keep having the same conversation every wet season.”\n\n" + naming)
    assert only(direct(text), "same conversation").speaker == speaker


@pytest.mark.parametrize("after", [
    "Councillor Amira Haddad sent the message from the council chamber on Tuesday.",
    "The reply from Health Minister Amira Haddad, when it came, was a form letter.",
    "That was how Amira Haddad won the seat in 2019.",  # how she did something, not how she put it
])
def test_a_next_paragraph_that_does_not_point_back_names_no_speaker_of_the_quotation(after):
    text = ("Cafe owner Steve Kostopoulos said the closure had hurt trade.\n\n"
            "“It's our busiest fortnight,” Mr Kostopoulos said.\n\n"
            "“We can't keep having the same conversation every wet season.”\n\n" + after)
    assert only(direct(text), "same conversation").speaker != "Amira Haddad"


def test_a_stage_direction_in_brackets_is_not_a_speaker():
    text = ("Q: Who was the hardest player to deal with?\n\n"
            "Okafor: “I'm not naming names.” (Laughs.) “He apologised the next day, to be fair.”")
    assert only(direct(text), "apologised").speaker == only(direct(text), "naming names").speaker
    assert only(direct(text), "apologised").speaker != "Laughs"


def test_quote_after_a_reporting_sentence_belongs_to_its_speaker():
    text = ("Mayor Odile Brantôme said the budget would be cut. “There is no other way to balance the books.”")
    assert only(direct(text), "balance the books").speaker == "Odile Brantôme"


def test_pronouns_resolve_to_the_person_just_named_and_respect_gender():
    text = ("Coach Henrik Dalby watched from the stand while club president Ms Ayla Rowan spoke to the press.\n\n"
            "“The young players carried us tonight,” he said.\n\n"
            "“We will keep this squad together,” she said.")
    assert only(direct(text), "young players").speaker == "Henrik Dalby"
    assert only(direct(text), "squad together").speaker == "Ayla Rowan"


def test_surname_and_role_resolve_to_the_full_name():
    text = ("Foreign Minister Jakub Strand arrived in Oslo on Tuesday. Later, Strand said the talks had been "
            "useful. “We found more common ground than we expected,” the minister said.")
    assert only(reported(text), "talks had been useful").speaker == "Jakub Strand"
    assert only(direct(text), "common ground").speaker == "Jakub Strand"


def test_anonymous_speaker_stays_unnamed():
    text = ("Marta Lindqvist chaired the meeting. A senior official, who asked not to be named, described the mood "
            "as tense. “Everyone expects a walkout next week.”")
    assert only(direct(text), "walkout").speaker is None


@pytest.mark.parametrize("sentence, clause, speaker", [
    ("Governor Rhea Tamsin said that the bridge would stay closed for a month.",
     "the bridge would stay closed for a month", "Rhea Tamsin"),
    ("Treasurer Colm Avery suggested that rates could fall again in the spring.",
     "rates could fall again in the spring", "Colm Avery"),
    ("The harvest was the worst in a decade, farm leader Ruth Okonkwo said.",
     "The harvest was the worst in a decade", "Ruth Okonkwo"),
])
def test_indirect_speech_keeps_the_reported_clause(sentence, clause, speaker):
    quote = only(reported(sentence), clause[:20])
    assert quote.text == clause
    assert quote.speaker == speaker
    assert quote.direct is False


def test_according_to_a_pronoun():
    text = ("Senator Willa Prest met the strikers. According to her, the dispute could be settled within days.")
    quote = only(reported(text), "dispute could be settled")
    assert quote.text == "the dispute could be settled within days"
    assert quote.speaker == "Willa Prest"
    assert quote.cue == "according to"


def test_venue_and_addressee_told_two_radio_hosts():
    text = ("“The ceasefire has to come first,” Secretary of State Elena Marsh told two radio hosts on the "
            "weekend show Morning Line.")
    quote = only(direct(text), "ceasefire")
    assert quote.speaker == "Elena Marsh"
    assert quote.addressee == "two radio hosts"
    assert quote.venue == "radio show"


def test_venue_at_a_briefing_carries_to_the_speakers_later_quotes():
    text = ("The war must end rather than pause, Secretary of State Elena Marsh said at a briefing for journalists "
            "on Friday.\n\n"
            "“There will be stages, and the first is a ceasefire,” she said.")
    first = only(reported(text), "war must end")
    assert first.venue == "briefing" and first.addressee == "journalists"
    later = only(direct(text), "stages")
    assert later.speaker == "Elena Marsh" and later.venue == "briefing"


@pytest.mark.parametrize("phrase, venue", [
    ("at a news conference in Lyon", "news conference"),
    ("in a post on X", "social media"),
    ("in a television interview", "television interview"),
    ("on his weekly podcast", "podcast"),
    ("in a statement", "statement"),
    ("in a speech to party members", "speech"),
])
def test_venues(phrase, venue):
    text = f"“Prices will come down by summer,” Finance Minister Arvid Stolt said {phrase}."
    assert only(direct(text), "Prices").venue == venue


def test_quote_running_over_paragraphs_keeps_its_speaker():
    text = ("“The flood barrier worked exactly as designed,” said city engineer Noor Haddad. “We tested it twice "
            "this winter.\n\n“Next year we extend it to the old harbour.”")
    quote = only(direct(text), "Next year")
    assert quote.speaker == "Noor Haddad"


@pytest.mark.parametrize("marks", ["“”", '""'])
def test_quote_running_over_lines_of_a_text_whose_paragraphs_are_lines(marks):
    # one paragraph a line, no blank line between: the quotation left open at a line's end runs on to the next
    # line's opening mark, as over paragraphs
    o, c = marks
    text = (f"Firefighters were called to the store at 9pm.\nFire officer Ana Ruiz said: {o}The fire has progressed "
            f"rapidly through the store.\n{o}People are asked to avoid the High Street area.{c}\nThe cause is not known.")
    first, second = only(direct(text), "progressed rapidly"), only(direct(text), "avoid the High Street")
    assert first.text == "The fire has progressed rapidly through the store"
    assert first.speaker == second.speaker == "Ana Ruiz" and first.group == second.group


def test_a_quotation_whose_close_was_left_out_before_its_cue_runs_on_to_no_line():
    # the line ends in its cue after a comma: the words before were the quotation, not a run-on taking in the cue
    text = ("Two secretaries rejected the rule on Monday.\n“By rolling back this rule we protect the species, the two "
            "men said in a statement.\n“Federal agencies will once again have to consult biologists.”")
    assert [q.text for q in direct(text)] == ["Federal agencies will once again have to consult biologists"]


@pytest.mark.parametrize("text, expected", [
    # the next line's quotation goes on to its own cue: another's words, not the rest of the first
    ("Minister Joel Okafor said: “We will defend it in parliament.\n“That is nonsense,” opposition leader Sara Lind "
     "replied.", [("That is nonsense", "Sara Lind")]),
    ('Reporter Lee asked: "Will the plant close?\n"Yes, in June," Paul Grant replied.', [("Yes, in June", "Paul Grant")]),
    # a stray mark in mid-sentence opens no run-on
    ('Police said the "suspect fled on foot toward the river.\n"We are searching the woods," said spokeswoman Karen '
     'Holt.', [("We are searching the woods", "Karen Holt")]),
    # the line's last clause is a cue: its close left out
    ("“We will rebuild, Mayor Paul Grant told reporters, adding that help was coming.\n“Nobody will be left behind,” "
     "he said.", [("Nobody will be left behind", "Paul Grant")]),
])
def test_a_line_left_open_runs_on_only_into_a_line_that_is_its_next_part(text, expected):
    assert [(q.text, q.speaker) for q in direct(text)] == expected


def test_a_closing_mark_typed_as_an_opening_one_opens_no_quotation_running_on():
    text = ("Ana Ruiz checked into a clinic on Friday.\n“Her friends stand by her decision, “a friend of the actress "
            "said.\n“She checked in herself.”")
    assert not [q for q in direct(text) if "friend of the actress" in q.text]


def test_scare_quotes_are_not_statements():
    text = "The so-called “peace plan” was published on Monday by the Velmar Institute."
    assert direct(text) == []


@pytest.mark.parametrize("sentence", [
    "Mayor Ana Ortiz said on Radio Velmar’s “Morning Harbour” that the ferry would run again.",
    "Speaking on “Velmar Tonight,” Mayor Ana Ortiz said the ferry would run again.",
    "Mayor Ana Ortiz told “Velmar Tonight” on Sunday that the ferry would run again.",
    "In her memoir, “Tides of Velmar,” Mayor Ana Ortiz wrote about the ferry.",
    "Mayor Ana Ortiz, a guest on the podcast “Harbour Talk,” said the ferry would run again.",
    "The “Ferry First” movement says the ferry should run again, Mayor Ana Ortiz said.",
    "Councillor Piet “Pip” Varga said the ferry would run again.",
    "Officials searched the files for words such as “ferry” and “strike” on Monday, Ortiz said.",
    "The mayor stepped around the charged term, “harbour tax,” which the council wants her to use.",
    "Varga has coined a new phrase, “dry-dock voters,” for the crews who stayed home.",
    "HARBOUR NEWS—“Velmar ferry to run again after a winter of repairs and two strikes,” by the Gazette’s Ana Ortiz.",
    "Her weekend reading: ''Ferries of the north sea coast, and the crews who kept them running,'' by Piet Varga.",
    "On weekday mornings Piet Varga is now the host of “Harbour Talk With Piet Varga.”",
    "In 2009 Ana Ortiz was a founder of ''Fishers For A Fair Levy.''",
    "The town band played “Roll On Over The Grey Sea” as the ferry left.",
    "A theatre group from Port Ellis is staging a comedy called “Sons Of The Quay” this winter.",
    "The clip was first posted by an account called “Quay Watch” on Monday morning.",
    "In his new book, ''Harbours of the North,'' and in an interview, Mr. Varga said the ferry would run.",
    "Ms. Ortiz wrote about the strike in her 2019 memoir, ''A Life on the Quay.'' So the crews stayed.",
    "The film, “12 Days: The Storm Over Velmar,” is based on a book by a harbour pilot.",
    "Varga once acted in the cable movie “Sharks Of The Quay 2: Not Again!” Now he runs the ferry.",
    "''Tales From the Harbour,'' a TV series that first aired in 1989, will return next year.",
    "Varga hoped to reprint his unauthorized biography, ''Tides and Tolls: The Lives of Ana B. Ortiz,'' next year.",
    "The mayor's own manifesto, “Ferries First: How to Keep Velmar Moving,” has sold 9,000 copies.",
])
def test_titles_nicknames_and_terms_are_not_quotes(sentence):
    assert direct(sentence) == []


def test_a_sentence_after_the_words_is_a_quotation():
    """A term is a few words: a sentence after "the words" is still what someone said."""
    text = "Ruiz said the words, “we will never sell the ferry to anyone,” on Monday."
    assert only(direct(text), "we will never sell")


def test_a_person_calling_something_is_not_a_thing_named():
    text = "At the rally the mayor called “Keep The Ferry Running” across the square, and the crowd joined in."
    assert only(direct(text), "Keep The Ferry Running")


@pytest.mark.parametrize("sentence, words", [
    ("The mayor was greeted with chants of “Ferry now!” until she spoke.", "Ferry now!"),
    ("One fisher held up a sign that read “No levy!” at the harbour gate.", "No levy!"),
    ("As the last ferry left, the quay rang with ''Goodbye!'' from the crowd.", "Goodbye!"),
    ("The clerk looked up from her ledger at last. “Mrs. Ortiz?”", "Mrs. Ortiz?"),
])
def test_short_exclamations_are_said_not_terms(sentence, words):
    assert only(direct(sentence), words)


@pytest.mark.parametrize("sentence, words", [
    ("The fishers’ rally on the quay had one message: “Save the ferry.”", "Save the ferry"),
    ("Velmar Gazette editorial: ‘Sell No Ferries.’\n\nThe town should keep its boats.", "Sell No Ferries"),
])
def test_short_words_a_colon_announces_as_a_sentence_are_said(sentence, words):
    assert only(direct(sentence), words)


@pytest.mark.parametrize("sentence", [
    "The harbour master can add a new title to her long list: “ferry poet.”",
    "Mayor Ana Ortiz spoke last. There were two words her rival would not say: “Ana Ortiz.”",
])
def test_a_term_or_a_persons_name_after_a_colon_is_no_quote(sentence):
    assert direct(sentence) == []


@pytest.mark.parametrize("sentence", [
    "The harbour master won five games on “Quiz Night!” last spring, and the town watched.",
    "The ferry firm, known as “Sail Away!” until 2019, was sold on Monday.",
    "The mayor's favourite show is the musical “Harbour Lights!”, which opened in June.",
])
def test_a_title_that_ends_on_an_exclamation_mark_is_no_shout(sentence):
    assert direct(sentence) == []


def test_a_title_cased_quotation_that_is_a_statement_stays_a_quote():
    text = ("The mayor answered in one word. “Tomorrow,” Mayor Ana Ortiz said.\n\n"
            "Ortiz: ‘The Ferry Will Run Again.’\n\nHer rival called the plan “A Fantasy For Tourists” on Monday.")
    assert only(direct(text), "Tomorrow").speaker == "Ana Ortiz"
    assert only(direct(text), "Ferry Will Run").speaker == "Ana Ortiz"
    assert only(direct(text), "A Fantasy For Tourists")


def test_without_a_doc_capitalised_names_stand_in():
    text = "“Rain will help the crews,” said fire officer Dana Kell."
    quotes = find_quotes(text)
    assert quotes[0].text == "Rain will help the crews"
    assert quotes[0].speaker == "Dana Kell"


_QUOTE_ALPHABET = st.sampled_from(list("“”„«»\"‘’'‚‹› \n.,:;abcXYZ said he told é\u00a0"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=_QUOTE_ALPHABET), st.lists(
    st.sampled_from(["“", "”", '"', "‘", "’", "'", " said Ann Bell", " he said", ",", ".", "\n\n", "We won",
                     "don’t", "O’Neil's", "«", "»", "„"]), max_size=30).map("".join)))
def test_quote_scanner_never_fails_and_spans_index_the_text(text):
    for mark in scan_quote_marks(text):
        assert 0 <= mark.open < mark.start <= mark.end <= mark.close <= len(text)
    for quote in find_quotes(text):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start:quote.end] == quote.text
        if quote.speaker_span:
            assert 0 <= quote.speaker_span[0] < quote.speaker_span[1] <= len(text)


@pytest.mark.parametrize("cue", ["stated", "shouted", "yelled", "exclaimed", "retorted", "interjected", "wondered",
                                 "echoed"])
def test_cues_that_real_reporting_uses(cue):
    # verbs PolNeAR's annotators mark as cues (docs/attribution.md) that once left the speaker null
    text = f"Harbour master Ines Falkenrath spoke after the storm. “The pier stays shut until Friday,” Falkenrath {cue}."
    quote = only(direct(text), "pier stays shut")
    assert quote.speaker == "Ines Falkenrath"
    assert quote.cue == cue


@pytest.mark.parametrize("sentence, first, second", [
    ("About three in 10 said they want the council to spend more on buses, but six in 10 said they want it to "
     "mend the roads first.",
     "they want the council to spend more on buses", "they want it to mend the roads first"),
    ("Almost half said they wanted a mayor from outside the council, compared with four in 10 who said they "
     "preferred someone who had served on it.",
     "they wanted a mayor from outside the council", "they preferred someone who had served on it"),
    ("Mayor Ines Varga said the depot would close, and the union said its drivers would strike.",
     "the depot would close", "its drivers would strike"),
])
def test_a_reported_clause_stops_before_the_next_statements_speaker(sentence, first, second):
    assert only(reported(sentence), first[:20]).text == first
    assert only(reported(sentence), second[:20]).text == second


@pytest.mark.parametrize("sentence, clause, speaker", [
    ("In a statement, the Harbour Authority said it regretted the closure of the pier.",
     "it regretted the closure of the pier", "Harbour Authority"),
    ("On Monday, Councilwoman Rita Okafor said the library would stay open until June.",
     "the library would stay open until June", "Rita Okafor"),
    ("After the vote, Mayor Daniel Price said he had expected a closer result.",
     "he had expected a closer result", "Daniel Price"),
])
def test_a_phrase_of_circumstance_before_the_speaker_is_not_what_was_said(sentence, clause, speaker):
    said = reported(sentence)
    assert [q.text for q in said] == [clause]
    assert speaker in said[0].speaker


@pytest.mark.parametrize("sentence, clause", [
    # an opening phrase with no comma of its own runs into the clause the speaker reported
    ("In 2015 the harbour handled 3 million containers, the port authority said on Tuesday.",
     "In 2015 the harbour handled 3 million containers"),
    ("From next April all new taxis in the city must be electric, Transport Secretary Ana Lund said.",
     "From next April all new taxis in the city must be electric"),
    ("During the storm three people died and dozens were injured, the fire service said.",
     "During the storm three people died and dozens were injured"),
    ("Then the roof collapsed, witnesses told the local radio station.", "Then the roof collapsed"),
])
def test_an_opening_phrase_that_runs_into_a_clause_is_part_of_what_was_said(sentence, clause):
    assert [q.text for q in reported(sentence)] == [clause]


@pytest.mark.parametrize("text, first, second", [
    ("Councilwoman Rita Okafor spoke after the vote. At one point, she said, she had considered resigning.",
     "At one point", "she had considered resigning"),
    ("Mayor Daniel Price defended the budget. The new depot, he said on Friday, will be ready by March.",
     "The new depot", "will be ready by March"),
])
def test_a_cue_inside_the_reported_words_reports_both_sides_of_it(text, first, second):
    said = reported(text)
    assert [q.text for q in said] == [first, second]
    assert said[0].group == said[1].group and (said[0].part, said[1].part) == (0, 1)
    assert said[0].speaker == said[1].speaker is not None


@pytest.mark.parametrize("sentence, clause", [
    # the words after the second comma are the reporter's: an apposition, a participle, a clause of time
    ("The committee has raised $56.5 million, said Ruth Adeyemi, its treasurer.", "The committee has raised $56.5 million"),
    ("A truck drove into the crowd, killing 12 people, officials said, before the driver was shot by police.",
     "A truck drove into the crowd, killing 12 people"),
    ("Ward Hollis repeated his promise to repeal every rule of the old council, including the parking fees.", None),
])
def test_words_after_a_cue_that_belong_to_the_reporter_are_not_reported(sentence, clause):
    said = [q.text for q in reported(sentence)]
    assert said == ([clause] if clause else [])


def test_a_speakers_short_next_sentence_after_the_cue_is_theirs():
    text = ("Jed Kowalczyk spoke after the debate.\n\n"
            "“He lost his train of thought three times,” Mr. Kowalczyk said. “We counted.”\n\n"
            "Her slogan this year is “Axe the tax.” It is printed on every leaflet.")
    quotes = analyze_article(text, None).quotes
    assert [(q.text, q.speaker) for q in quotes if "counted" in q.text] == [("We counted", "Jed Kowalczyk")]
    assert not [q for q in quotes if "Axe" in q.text]


def test_a_reply_is_not_the_words_of_the_one_replied_to_where_two_hold_the_role():
    text = ("Opposition leader Hamid Rasheed accused the council of letting the baths decay.\n\n"
            "Council leader Josephine Ward hit back. “The councillor knows the repair bill is £4.6 million,” she said.\n\n"
            "Mr Rasheed shot back from his seat: “We found £3 million for a car park quickly enough.”\n\n"
            "“That car park was funded by a transport grant,” the leader replied.")
    assert only(direct(text), "transport grant").speaker == "Josephine Ward"
    # said, not replied: the leader the paragraph before was about
    said = text.replace("the leader replied", "the leader said")
    assert only(direct(said), "transport grant").speaker == "Hamid Rasheed"
