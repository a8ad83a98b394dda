"""Quoted fragments inside a reported sentence are reported speech, on short reports written for these tests."""

from __future__ import annotations

import pytest

from storyline.analyze import analyze_article


def quotes(text: str):
    return analyze_article(text, None).quotes


def with_words(text: str, words: str):
    found = [q for q in quotes(text) if words in q.text]
    assert len(found) == 1, [(q.text, q.direct) for q in quotes(text)]
    return found[0]


def test_a_fragment_after_the_cue_and_its_clause_is_reported_speech_of_the_speaker():
    text = ("The harbour board met on Monday.\n\nHarbour master Ines Falkenrath said the new levy was “a tax on "
            "fishermen” that would empty the quays by spring.")
    quote = with_words(text, "a tax on fishermen")
    assert not quote.direct
    assert quote.text == "the new levy was “a tax on fishermen” that would empty the quays by spring"
    assert quote.speaker == "Ines Falkenrath"
    assert quote.cue == "said"


def test_a_fragment_after_that_is_reported_from_the_words_after_that():
    text = "Councillor Tomas Brandt told reporters that the ferry timetable was “simply not good enough.”"
    quote = with_words(text, "simply not good enough")
    assert not quote.direct
    assert quote.text.startswith("the ferry timetable was “simply")
    assert quote.speaker == "Tomas Brandt"


def test_a_fragment_before_an_inverted_cue_is_reported_from_the_sentence_start():
    text = "The dredging plan may prove “a costly mistake,” said Ada Lindqvist, an engineer at the port."
    quote = with_words(text, "costly mistake")
    assert not quote.direct
    assert quote.text == "The dredging plan may prove “a costly mistake,”"
    assert quote.speaker == "Ada Lindqvist"


def test_words_after_the_closing_mark_make_a_fragment_of_a_quote_right_after_its_cue():
    text = "Mayor Petra Olsen says “the bridge is finished” despite the cracks the inspectors found last week."
    quote = with_words(text, "the bridge is finished")
    assert not quote.direct
    assert quote.speaker == "Petra Olsen"


def test_whole_quotations_stay_direct():
    text = ("Mayor Petra Olsen spoke on Tuesday. “The bridge will open in May,” she said.\n\n"
            "Ada Lindqvist said, “We checked every pile twice.”\n\n"
            "Tomas Brandt says “the ferry stays” and nobody on the council disagrees.")
    assert with_words(text, "bridge will open").direct
    assert with_words(text, "checked every pile").direct
    assert with_words(text, "the ferry stays").direct


def test_a_quote_split_around_its_cue_keeps_the_part_after_the_cue_direct():
    text = ("Praising the crews’ “quiet courage,” harbour master Ines Falkenrath said, “Nobody left the pier "
            "until the last boat was in.”")
    after = with_words(text, "Nobody left the pier")
    assert after.direct
    assert after.speaker == "Ines Falkenrath"
    fragment = with_words(text, "quiet courage")
    assert not fragment.direct


def test_what_a_person_calls_something_in_lower_case_is_their_word_in_the_writers_sentence():
    text = ("Councillor Tomas Brandt called the new levy “a tax on fishermen.”\n\n"
            "The harbour master, who has resented the levy since spring, described the vote ''rushed and unfair.''")
    levy = with_words(text, "a tax on fishermen")
    assert not levy.direct
    assert levy.speaker == "Tomas Brandt"
    assert levy.text == "the new levy “a tax on fishermen.”"
    assert not with_words(text, "rushed and unfair").direct


def test_what_a_person_calls_something_in_a_sentence_of_its_own_stays_their_quotation():
    text = "Councillor Tomas Brandt called the new levy “A tax on fishermen, and nothing else.”"
    quote = with_words(text, "A tax on fishermen")
    assert quote.direct
    assert quote.speaker == "Tomas Brandt"


def test_a_quotation_after_a_headline_stays_direct():
    text = "FERRY CREWS WALK OUT IN NORRVIK “We worked double shifts since April,” the union steward said."
    quote = with_words(text, "double shifts")
    assert quote.direct


def test_two_fragments_of_one_reported_clause_are_one_reported_statement():
    text = "Harbour master Ines Falkenrath said the levy was “a tax on fishermen” and “a gift to the ferry company.”"
    said = [q for q in quotes(text) if "levy" in q.text or "ferry company" in q.text]
    assert [(q.direct, q.speaker) for q in said] == [(False, "Ines Falkenrath")]
    assert "a gift to the ferry company" in said[0].text


def test_a_fragment_with_no_cue_bound_into_the_writers_clause_is_reported_speech():
    text = ("Union steward Jonas Ekdal spoke on Monday.\n\nThe crews want the operator to stop trying to “break the "
            "union by the back door” before the summer timetable.")
    quote = with_words(text, "break the union")
    assert not quote.direct
    assert quote.text == ("The crews want the operator to stop trying to “break the union by the back door” before the "
                          "summer timetable")


def test_a_fragment_with_no_cue_after_a_determiner_or_copula_is_reported_speech():
    text = "The harbour board met on Monday. The new levy was “a tax on every fisherman in Norrvik” for the union."
    assert not with_words(text, "a tax on every fisherman").direct


def test_quoted_words_that_stand_whole_after_a_verb_stay_direct():
    text = ("The harbour board met on Monday.\n\nThe union welcomed “the first real step towards safe rosters on the "
            "ferries.”\n\nOkafor saluted “the crews who stood together when the operator would not listen.”")
    assert with_words(text, "first real step").direct
    assert with_words(text, "stood together").direct


def test_quoted_words_the_writers_sentence_goes_on_past_are_reported_speech():
    text = ("The harbour board met on Monday.\n\nThe pilots heard “more than a few shouts” from the quay wake the "
            "crews.\n\nThe union welcomed “the first real step towards safe rosters” on the ferries.")
    heard = with_words(text, "more than a few shouts")
    assert not heard.direct
    assert heard.text == "The pilots heard “more than a few shouts” from the quay wake the crews"
    assert not with_words(text, "first real step").direct


def test_examples_after_such_as_stay_direct():
    text = ("The union’s leaflets carried slogans such as “Safe crews make safe crossings” and “No rosters "
            "without rest.”")
    assert with_words(text, "Safe crews make safe crossings").direct


@pytest.mark.parametrize("called", ["called it", "called him", "described it as"])
def test_what_a_person_calls_it_in_the_writers_words_is_reported_speech(called):
    text = f"Councillor Tomas Brandt {called} “a tax on every fisherman in Norrvik” at the meeting."
    quote = with_words(text, "a tax on every fisherman")
    assert not quote.direct
    assert quote.speaker == "Tomas Brandt"


def test_a_reported_clause_ends_before_a_quotation_that_opens_a_sentence_of_its_own():
    text = ("Mr. Brandt, referring to what he calls the ''rigged'' roster system, asked whether the board would "
            "listen. ''The answer is it will not.''")
    whole = with_words(text, "The answer is it will not")
    assert whole.direct
    assert whole.text == "The answer is it will not"


def test_an_article_of_many_fragments_reports_each_as_its_paragraph_alone_does():
    """The clauses already reported are looked up among those still open, not scanned all: with sixty
    paragraphs of fragments and whole quotations, each paragraph's quotes are those it has read alone."""
    people = ["Ines Falkenrath", "Tomas Brandt", "Ada Lindqvist", "Petra Olsen", "Jonas Ekdal", "Lena Ruiz"]
    things = ["levy", "toll", "timetable", "dredging plan", "harbour fee", "berth rule"]
    paragraphs = []
    for n in range(60):
        person, other, thing = people[n % 6], people[(n + 1) % 6], things[(n // 6) % 6]
        paragraphs.append([
            f"Councillor {person} said the {thing} was not “a tax on crew {n}” but “a gift to firm {n}.”",
            f"“We will vote on the {thing} in week {n},” {other} said.",
            f"{other} told reporters that the {thing} was “simply not good enough” for boat {n}.",
        ][n % 3])

    def said(text: str) -> list[tuple[str, bool, str | None]]:
        return [(q.text, q.direct, q.speaker) for q in quotes(text)]

    alone = [said(paragraph) for paragraph in paragraphs]
    # one statement a paragraph: the second fragment is in the first one's clause, the whole quotation direct
    assert [[direct for _, direct, _ in found] for found in alone] == [[n % 3 == 1] for n in range(60)]
    assert said("\n\n".join(paragraphs)) == [quote for found in alone for quote in found]


def test_a_quotation_inside_a_headlines_own_clause_is_a_fragment_of_it():
    text = ("Harbour Master Says The New Levy Is “A Tax On Every Fisherman”\n\n"
            "Norrvik Ferry Crews Are “Worn To The Bone” After The Strike\n\n"
            "The harbour board met on Monday to set the levy for the coming season.")
    levy = with_words(text, "A Tax On Every Fisherman")
    assert not levy.direct
    assert levy.cue == "Says"
    assert not with_words(text, "Worn To The Bone").direct


def test_what_a_person_called_something_in_the_writers_relative_clause_stays_their_quotation():
    text = ("The port hopes to shed what its director, Ines Falkenrath, called “a reputation for delays.”\n\n"
            "Falkenrath called the old timetable “a reputation for delays.”")
    quoted = [q for q in quotes(text) if "reputation for delays" in q.text]
    assert [q.direct for q in quoted] == [True, False]
    assert quoted[0].text == "a reputation for delays"


@pytest.mark.parametrize("before", ["the ferry company’s", "Mr. Brandt's", "the crews fear it’s", "they’ll"])
def test_a_fragment_after_a_possessive_or_a_shortened_auxiliary_is_reported_speech(before):
    text = f"The harbour board met on Monday.\n\nIn the end {before} “never going to mend the night rosters.”"
    assert not with_words(text, "never going to mend the night rosters").direct


def test_quoted_words_joined_by_and_to_the_writers_words_are_reported_speech():
    text = ("The harbour board met on Monday.\n\nThe operator cut two crossings in May and “left the night crews to "
            "carry the whole roster.”\n\nThe leaflets read “Safe crews make safe crossings” and “No rosters "
            "without rest.”")
    assert not with_words(text, "left the night crews").direct
    # joined to another quotation, the quoted words keep that one's kind: both leaflet slogans are direct
    assert with_words(text, "No rosters without rest").direct
    assert with_words(text, "Safe crews make safe crossings").direct


def test_a_quotation_a_headline_goes_on_past_is_a_fragment_of_it():
    text = ("Harbour Master: ‘No Longer’ Safe To Moor At The Old Quay\n\n"
            "Ferry Crews Wear ‘Safe Crews Come First’ Badges At The Board Meeting\n\n"
            "Ortiz: ‘The Ferry Will Run Again.’\n\n"
            "The harbour board met on Monday to set the levy for the coming season.")
    assert not with_words(text, "No Longer").direct
    assert not with_words(text, "Safe Crews Come First").direct
    assert with_words(text, "The Ferry Will Run Again").direct


def test_quoted_words_right_after_a_name_with_no_cue_are_the_rest_of_the_writers_clause():
    text = ("Ortiz: Velmar ‘Not Ready For A Second Ferry Yet.’\n\n"
            "The inspectors found that Ortiz “never read the safety file before the crossing.”\n\n"
            "HARBOUR NEWS “The ferry will run again next week, the board says.”")
    assert not with_words(text, "Not Ready For A Second Ferry").direct
    never = with_words(text, "never read the safety file")
    assert not never.direct
    assert never.text == "The inspectors found that Ortiz “never read the safety file before the crossing.”"
    assert with_words(text, "The ferry will run again").direct  # a heading in capitals, run into its text


def test_a_quotation_after_a_name_that_signs_the_line_above_stays_whole():
    text = ("Readers wrote to us after the strike.\n\n“The ferry must run again before the winter comes.” ― Ana Ortiz\n"
            "“We will never give up the old quay to the developers.” ― Piet Varga\n")
    assert with_words(text, "We will never give up the old quay").direct


@pytest.mark.parametrize("text, words", [
    ("The crews marched to the quay, chanting “no levy, no ferry” until the harbour master came out.",
     "no levy, no ferry"),
    ("Their chants of “Keep the ferry running” were cut short when the mayor arrived.", "Keep the ferry running"),
    ("Walking onto the pier to chants of “Ana! Ana!,” the mayor said the ferry would sail on Monday.", "Ana! Ana!"),
])
def test_a_cry_is_quoted_whole_however_the_sentence_goes_on(text, words):
    """What a crowd chants or shouts is its words, quoted whole: after a word of crying ("chanting", "chants of") the
    quotation is no fragment of the writer's sentence, though the sentence goes on past it."""
    quote = with_words(text, words)
    assert quote.direct
    assert quote.text == words.rstrip(",")


def test_a_quotation_after_a_preposition_but_no_cry_stays_a_fragment():
    """The same sentence with no word of crying before the marks ("marched for “…” until") keeps them in the writer's
    clause."""
    text = "The crews marched to the quay for “a fair levy for the boats” until the harbour master came out."
    assert not with_words(text, "a fair levy for the boats").direct


@pytest.mark.parametrize("text, words", [
    ("The ferry sailed again on Friday.\n\nMayor Ana Ortiz tweeted, “Thank you Velmar! #FerryBack” on Friday "
     "afternoon.", "Thank you Velmar! #FerryBack"),
    ("The board voted to keep the ferry.\n\n“We are extremely happy” about the vote, said Ines Falkenrath, the "
     "union’s president.", "We are extremely happy"),
])
def test_a_sentence_the_speaker_opens_is_quoted_though_the_writers_sentence_goes_on(text, words):
    """Quoted words that open in capitals with nothing of the writer's sentence before them (after the cue's comma, or
    opening the paragraph) are the start of a sentence of the speaker's, quoted as they said it: the writer's words
    after the closing mark ("on Friday afternoon") add when or about what, they do not make the quotation theirs."""
    quote = with_words(text, words)
    assert quote.direct
    assert quote.text == words


def test_a_lower_case_opening_the_writers_sentence_goes_on_past_stays_reported():
    """The same shape in lower case ("“more ferries” on the route") opens no sentence of the speaker's."""
    text = "The board voted to keep the ferry.\n\n“more ferries” on the route, said Ines Falkenrath, was the union’s aim."
    assert not with_words(text, "more ferries").direct


@pytest.mark.parametrize("text, words", [
    ("The harbour board met on Monday.\n\nMayor Ana Ortiz said that whatever the board decides, “the ferry will "
     "keep its winter timetable.”", "the ferry will keep its winter timetable"),
    ("The harbour board met on Monday.\n\nIn past winters, “we could run the ferry with two crews,” Ana Ortiz said.",
     "we could run the ferry with two crews"),
])
def test_lower_case_words_after_the_writers_clause_and_a_comma_are_reported_speech(text, words):
    """Quoted words opening in lower case after a comma that ends a clause of the writer's ("said that whatever the
    board decides,", "In past winters,") go on the writer's sentence: reported speech, as any fragment."""
    assert not with_words(text, words).direct


@pytest.mark.parametrize("text, words", [
    ("“We will run it,” Ana Ortiz said, “and we will run it all winter.”", "and we will run it all winter"),
    ("The board met.\n\nAna Ortiz said, “we will see.”", "we will see"),
    ("The board met.\n\nAna Ortiz told the crews who gathered on the quay, “nobody will lose a job.”",
     "nobody will lose a job"),
])
def test_lower_case_words_right_after_a_cue_stay_a_quotation(text, words):
    """The second piece of an interrupted quotation, words right after the cue's comma, and words after whom the cue
    speaks to stay direct."""
    assert with_words(text, words).direct


def test_an_apostrophe_in_the_writers_clause_is_no_quotation_before_the_words():
    """"it’s" holds a mark that is no quotation: lower-case words after the writer's clause and its comma are
    reported speech, as they are where the clause holds no apostrophe."""
    text = ("The harbour board met on Monday.\n\nMayor Ana Ortiz said it’s clear that if the ferry stops, “the harbour "
            "will be empty by spring.”")
    assert not with_words(text, "the harbour will be empty by spring").direct


@pytest.mark.parametrize("text, words", [
    ("The harbour board met on Monday.\n\nIn the leaflet’s view, the crews “should vote against the new rosters at "
     "the meeting.”", "should vote against the new rosters"),
    ("The harbour board met on Monday.\n\nOrtiz backed three harbour candidates “who stand for safe crossings and "
     "fair pay.”", "who stand for safe crossings"),
    ("The harbour board met on Monday.\n\nThe crews accused the operator of running a service “of delays, of "
     "excuses and of broken promises.”", "of delays, of excuses"),
    ("The harbour board met on Monday.\n\nOrtiz began talking about what will happen “if the ferry does not sail "
     "this winter.”", "if the ferry does not sail"),
])
def test_quoted_words_that_go_on_the_writers_clause_are_reported_speech(text, words):
    """Quoted words opening in lower case with an auxiliary, a relative or subordinating word or a preposition
    (CONTINUING_WORDS) finish a clause the writer began outside the marks, whatever word stands before them: a
    fragment of the writer's sentence, reported speech."""
    assert not with_words(text, words).direct


@pytest.mark.parametrize("text, words", [
    ("The harbour board met on Monday.\n\nAn early winter, Ana Ortiz said, “would be the worst time to cut the "
     "ferry.”", "would be the worst time"),
    ("The harbour board met on Monday.\n\nThe old ferry — the crews’ ferry — “was the last boat to sail in any "
     "weather,” Mr. Ortiz said.", "was the last boat to sail"),
    ("The harbour board met on Monday.\n\nThe harbour master opened the meeting saying “of course the ferry sails "
     "in winter.”", "of course the ferry sails"),
])
def test_quoted_words_right_by_their_cue_stay_a_quotation_whatever_word_opens_them(text, words):
    """Right after its cue, or with its cue right after the closing mark, the words are the speaker's own going on,
    as the second piece of an interrupted quotation is: a quotation, though they open with "would" or "of"."""
    assert with_words(text, words).direct


def test_lower_case_words_after_the_writers_clause_and_a_comma_are_reported_speech_in_nyt_marks():
    """The New York Times' ''…'' is two marks, whose first stands before the words' opening: after the writer's
    clause and its comma the quoted words are reported speech in those marks as in “…”."""
    text = ("The harbour board met on Monday.\n\nAna Ortiz said that in the coldest winters, ''the ferry ran with two "
            "crews and no one complained.''")
    assert not with_words(text, "the ferry ran with two crews").direct


@pytest.mark.parametrize("verb", ["believes", "believed", "thinks"])
def test_lower_case_words_right_after_a_verb_of_thinking_are_the_thought_reported(verb):
    text = (f"The harbour board met on Monday.\n\nAfter the vote, Ines Falkenrath said she {verb} “the ferry will "
            "run again by May if the crews are paid.”")
    quote = with_words(text, "the ferry will run again")
    assert not quote.direct
    assert quote.speaker == "Ines Falkenrath"


def test_a_sentence_after_a_verb_of_thinking_or_words_after_its_comma_stay_quotations():
    text = ("The harbour board met on Monday.\n\nInes Falkenrath said she believes “Norrvik needs the ferry.”\n\n"
            "Tomas Brandt thinks, “we should wait for the survey before any vote.”")
    assert with_words(text, "Norrvik needs the ferry").direct
    assert with_words(text, "we should wait for the survey").direct


def test_quoted_words_after_a_linking_verb_are_the_writers_clause():
    text = ("The harbour board met on Monday.\n\nFor the union the ferry talks remained “one of the few chances the "
            "port has to keep its crews.”")
    assert not with_words(text, "one of the few chances").direct


def test_what_a_person_calls_something_past_an_aside_is_their_word_in_the_writers_sentence():
    text = ("The harbour board met on Monday.\n\nMayor Ana Ortiz attacked the operator, calling its chief, among other "
            "things, “a careless steward of the port.”")
    quote = with_words(text, "a careless steward")
    assert not quote.direct
    assert quote.speaker == "Ana Ortiz"


@pytest.mark.parametrize("sentence, words", [
    ("Mayor Ana Ortiz said that once the levy is gone, “I will run the ferry every hour.”", "I will run the ferry"),
    ("Ines Falkenrath told the crews that in a storm like this one, “Nobody sails before noon.”", "Nobody sails"),
])
def test_a_quotation_that_finishes_the_cues_that_clause_is_reported_speech(sentence, words):
    quote = with_words("The harbour board met on Monday.\n\n" + sentence, words)
    assert not quote.direct
    assert quote.speaker in ("Ana Ortiz", "Ines Falkenrath")


def test_a_quotation_after_the_cue_alone_or_after_that_clause_ends_stays_direct():
    text = ("The harbour board met on Monday.\n\nMayor Ana Ortiz said, “I will run the ferry every hour.”\n\n"
            "Ines Falkenrath said that she was tired. “Nobody sails before noon,” she added.")
    assert with_words(text, "I will run the ferry").direct
    assert with_words(text, "Nobody sails").direct


def test_a_fragment_far_into_a_that_clause_is_the_cues_speakers():
    # the cue is 15 words before the mark: its "that" still opens the clause the fragment ends
    text = ("Dockworkers walked out on Monday. Meridian Logistics said in a statement that its final offer included "
            "a 14 percent raise over four years and was “generous by any standard in this industry.”")
    quote = with_words(text, "generous by any standard")
    assert not quote.direct and quote.speaker == "Meridian Logistics"
    assert quote.text.startswith("its final offer included")


def test_a_short_title_far_into_a_that_clause_is_no_quotation():
    text = ("Dr. Ana Lee wrote in her 1990 memoir that she had been named the most honest student in a psychology "
            "class, “Perceptions 301,” because she stayed.")
    assert [q.text for q in quotes(text) if "Perceptions" in q.text and q.direct] == []


@pytest.mark.parametrize("sentence, speaker", [
    ("Chief Minister Ravi Gowda dismissed the protest as “drama staged for the evening news.”", "Ravi Gowda"),
    ("Mayor Ann Lee hailed the deal in a statement as “a turning point for the harbour.”", "Ann Lee"),
])
def test_a_verb_that_names_a_thing_as_something_gives_the_fragment_its_speaker(sentence, speaker):
    quote = with_words(sentence, "as “")
    assert not quote.direct and quote.speaker == speaker


def test_praise_without_as_is_no_naming():
    text = "Mayor Ann Lee praised the crews. “They worked through the night,” she said."
    assert with_words(text, "worked through the night").direct


def test_what_a_naming_verb_names_is_not_who_speaks():
    text = "The Daily Ledger, which once dismissed Ms. Ana Ortiz as “a political lightweight,” endorsed her on Sunday."
    assert with_words(text, "political lightweight").speaker != "Ana Ortiz"


@pytest.mark.parametrize("sentence, words, speaker", [
    ("Caleb Strand accused the president of “spending the country into a ditch.”", "into a ditch", "Caleb Strand"),
    ("Mike Pence praised Ted Cruz for showing “the courage of his convictions.”", "courage of his", "Mike Pence"),
])
def test_the_charge_or_merit_a_judging_verb_quotes_is_reported_speech_of_its_subject(sentence, words, speaker):
    [quote] = [q for q in analyze_article(sentence, None).quotes if words in q.text]
    assert not quote.direct and quote.speaker == speaker


def test_a_cue_after_the_quotation_on_the_same_subject_leaves_it_to_the_verb_before():
    # "and said" goes on the sentence's first verb: the words in marks are what Dorrance called the charge
    text = ("Cheryl Brandt attacked her rival on Tuesday.\n\n"
            "Brandt's campaign manager, Wes Dorrance, called the charge “recycled garbage” and said it would not stick.")
    [quote] = [q for q in analyze_article(text, None).quotes if "recycled garbage" in q.text]
    assert not quote.direct and quote.speaker == "Wes Dorrance"
