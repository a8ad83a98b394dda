"""Quotations inside a quotation (analyze/nested.py): the words a speaker tells of another saying are that
other's, by the subject of the verb of saying inside the outer words. Our own sentences."""

from __future__ import annotations

from storyline.analyze import analyze_article


def said(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {q.text: (q.speaker, q.unnamed_source) for q in analyze_article(text, None).quotes if q.direct}


def test_the_inner_words_are_theirs_whom_the_speaker_tells_of():
    found = said("“He was yelling, 'Get out, get out, the building's on fire!'” Tasha Greenlee said.")
    assert found["He was yelling, 'Get out, get out, the building's on fire!'"] == ("Tasha Greenlee", None)
    assert found["Get out, get out, the building's on fire!"] == (None, "He")
    found = said("“People kept telling me, 'She can't win,'” Marisol Vega said.")
    assert found["She can't win"] == (None, "People")
    found = said("“She wrote to me, and I quote: 'I can't walk to the end of my garden,'” Fiona Blakemore said.")
    assert found["I can't walk to the end of my garden"] == (None, "She")  # "I quote" only announces them


def test_a_name_inside_is_the_person_the_article_names_and_i_is_the_speaker():
    found = said("Coach Brent Halvorsen spoke after the game. “Nobody panicked,” Jonas Kowalczyk said. “Brent came "
                 "in and said, 'Simplify. Pucks deep, get to the net.' That's what we did.”")
    assert found["Simplify. Pucks deep, get to the net"] == ("Brent Halvorsen", None)
    found = said("“I said, 'Go get the pay phone,'” Fred LaRue said.")
    assert found["Go get the pay phone"] == ("Fred LaRue", None)
    found = said("“He said, 'Give me the keys,' and I said, 'No way,'” Tanya Brooks told police.")
    assert (found["Give me the keys"], found["No way"]) == ((None, "He"), ("Tanya Brooks", None))
    found = said("Darren Cole, 41, denies the charge. “Mr Cole looked her in the eye and said, 'Nobody will believe "
                 "you,'” the prosecutor told the jury.")
    assert found["Nobody will believe you"] == ("Darren Cole", None)  # a title and a surname: the person
    found = said("“Grandpa always said, 'A town needs a hardware store,'” Emily Kimball said.")
    assert found["A town needs a hardware store"] == (None, "Grandpa")  # what a family calls him, no name


def test_a_participle_s_words_are_its_clause_subject_s():
    found = said("“He was running for his life, telling the officers, 'Stop.' Then they fired,” a witness said.")
    assert found["Stop"] == (None, "He")


def test_words_quoted_with_no_verb_of_saying_before_them_stay_the_speaker_s():
    found = said("“It was a 'historic' day, and the council announced a 'pivot' to buses,” Ana Ruiz said.")
    assert list(found.values()) == [("Ana Ruiz", None)]
    # nor a title after one ("told me to read 'Animal Farm'", "wrote 'The Long Road Home'")
    found = said("“He told me to read 'Animal Farm' before the exam, and she wrote 'The Long Road Home' in a "
                 "fortnight,” said Zara Khan.")
    assert list(found.values()) == [("Zara Khan", None)]


def test_a_british_paper_nests_double_marks_inside_single_ones():
    found = said("Margaret Hollis, 81, said: ‘He stood at the foot of the bed and shouted, “Where is the money?” I told "
                 "him there wasn’t any.’\n\n‘I was shaking,’ she added. ‘My husband kept saying, “Stay calm, love,” but "
                 "I couldn’t.’")
    outer = "He stood at the foot of the bed and shouted, “Where is the money?” I told him there wasn’t any"
    assert found[outer] == ("Margaret Hollis", None)
    assert found["Where is the money?"] == (None, "He")
    assert found["My husband kept saying, “Stay calm, love,” but I couldn’t"] == ("Margaret Hollis", None)
    assert found["Stay calm, love"] == (None, "My husband")


def test_an_apostrophe_is_no_outer_single_mark():
    # the apostrophes of '90s and players' around a double-marked quotation would pair as marks: they are no quotation
    found = said("In the '90s, Gareth Lowe said \"we won everything,\" and the players' union agreed.")
    assert found == {"we won everything": ("Gareth Lowe", None)}


def test_the_subject_that_ends_with_a_name_or_a_pronoun_before_the_verb_is_the_inner_speaker():
    found = said("Bill Henty, 78, lost a shed.\n\nBill’s neighbour Priya Raman moved to the valley.\n\n“My neighbour "
                 "Bill told me the first week we arrived, ‘Love, if you ever see smoke, don’t wait,’ and that’s what "
                 "I did,” Priya said.")
    assert found["Love, if you ever see smoke, don’t wait"] == ("Bill Henty", None)
    found = said("“As I was running down the steps they were yelling, 'Get out now!'” Andy Ryan said.")
    assert found["Get out now!"] == (None, "they")
    found = said("Donald Trump leads.\n\n“If you campaign against Donald saying, 'I am softer on crime,' it does not "
                 "work,” Ted Cruz said.")
    assert found["I am softer on crime"] == (None, "you")  # Donald is whom they campaign against
    found = said("Her teacher is Dan Hollis.\n\n“Mr. Hollis locked the door and he kept saying, 'Stay low, you're "
                 "OK,'” Kayla Brandt said.")
    assert found["Stay low, you're OK"] == ("Dan Hollis", None)  # he, after Hollis at the clause's start


def test_words_told_to_the_subject_or_said_by_no_one_are_no_one_s():
    found = said("“We are told all the time, 'Kosovo is a special case,'” Vladimir Putin said.")
    assert found["Kosovo is a special case"] == (None, None)  # said to "we", by no one named
    found = said("“People were shouting, 'It's a terrorist attack!'” Lena Moretti said.")
    assert found["It's a terrorist attack!"] == (None, "People")
    found = said("“When that group said, 'We think he would be a good president,' that ignited something that said "
                 "to everyone, 'We might have something here,'” Dana Cole said.")
    assert "We might have something here" not in found  # "something that said" is no one
