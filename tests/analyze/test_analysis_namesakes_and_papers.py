"""Who speaks where a story names several bearers of one surname, a description before a name in a copular
sentence, a player's "added" yards, and a paper or agency the story introduced by its kind: shapes of general news
read on the real set's speaker annotation (ECB+ obituaries, trials, sport, quakes, strikes; docs/attribution.md "ECB+
speakers"). The sentences are our own. (subjects.py, reported.py, unnamed.py, speaker_phrases.py, entities.py.)"""

from __future__ import annotations

from conftest import speaker_of
from storyline.analyze import analyze_article


def test_a_bare_surname_is_the_bearer_named_last_whatever_their_kin():
    # the husband introduced as "Her husband" is the one charged and the one speaking; the senator at "her father's
    # funeral" is no relative introduced, and speaks
    charged = ("Ana Varga, 48, was found dead at her home in Linden on Saturday.\n\n"
               "Her husband, Tomas Varga, 52, was charged with murder on Monday.\n\n"
               "In court on Tuesday, Varga said he had been at work all evening.")
    assert speaker_of(charged, "at work all evening") == "Tomas Varga"
    funeral = ("Former governor Robert Hollis died last week at 88.\n\n"
               "At her father's funeral on Tuesday, Senator Claire Hollis vowed to carry on his work.\n\n"
               "\"He taught me that public service is a duty,\" Hollis said.")
    assert speaker_of(funeral, "public service") == "Claire Hollis"


def test_a_relative_is_still_whom_the_surname_names_where_no_one_else_bears_it():
    # the wife is the only Lindgren the story names in full: "Lindgren" alone is her
    text = ("The appeal was filed by his widow, Marta Lindgren, on Friday.\n\n"
            "“We waited nine years for this,” Lindgren said.")
    assert speaker_of(text, "nine years") == "Marta Lindgren"


def test_he_is_the_player_the_sentence_before_is_about_after_be():
    text = ("Kicker Dale Ormond added three field goals for the Hawks.\n\n"
            "Quarterback Andre Kellen threw for 300 yards in the first half.\n\n"
            "The main reason was Kellen, who completed only 9 of 25 passes after the break.\n\n"
            "“This loss is entirely on me,” he said.")
    assert speaker_of(text, "entirely on me") == "Andre Kellen"


def test_added_yards_report_no_words():
    text = ("Tomas Reyes added 101 yards on the ground for the Hawks, who had 352 yards rushing in all.\n\n"
            "Coach Lena Brandt added that the defence had played its best game of the year.")
    quotes = analyze_article(text, None).quotes
    assert [(q.speaker, q.text) for q in quotes] == [("Lena Brandt", "the defence had played its best game of the year")]


def test_the_paper_is_the_daily_the_story_introduced():
    text = ("Centre-right daily Kathimerini warned that anger would boil over.\n\n"
            "“If nothing changes, the anger will sweep everything away,” the paper said.")
    assert speaker_of(text, "sweep everything away") == "Kathimerini"


def test_the_agency_is_the_news_agency_named_and_speaks_itself():
    text = ("The main hospital on the island could not cope with the injured, the official news agency Petra said. "
            "It was “full of wounded,” the agency reported.")
    quotes = analyze_article(text, None).quotes
    assert [q.speaker for q in quotes] == ["Petra", "Petra"]


def test_the_paper_stays_unnamed_where_two_papers_are_named():
    text = ("The Valley Courier, a weekly, and the daily Harbour Gazette both reported the closure.\n\n"
            "“Nobody saw this coming,” the paper wrote in an editorial.")
    quote = next(q for q in analyze_article(text, None).quotes if "Nobody" in q.text)
    assert quote.speaker is None and quote.unnamed_source == "the paper"


def test_a_capitalised_role_opening_a_sentence_is_no_one():
    # "Filmmaker" opens the sentence before a second role and a name: no person, so "she" is the actress
    text = ("Betty Arlen never made it as an actress.\n\n"
            "Filmmaker and aviator Marcus Dellow also pursued Arlen, but she rebuffed him as well.\n\n"
            "“I never returned any of his calls,” she once said.")
    assert speaker_of(text, "returned any") == "Betty Arlen"


def test_a_surname_opening_a_sentence_before_a_running_mate_is_still_its_bearer():
    text = ("Hillary Clinton spoke in Ohio.\n\n"
            "Clinton and running mate Tim Kaine then flew to Florida. “We will win,” Clinton said.")
    assert speaker_of(text, "We will win") == "Hillary Clinton"


def test_a_person_described_before_be_is_named_not_the_subject():
    text = ("Police chief Tom Baker said the search had ended.\n\n"
            "The man found in the river was Daniel Ruiz, a fisherman from the town.\n\n"
            "\"We have informed his family,\" he said.")
    assert speaker_of(text, "informed his family") == "Tom Baker"


def test_added_and_a_clause_reports_words():
    for text in ("Inspector Hana Pohl added the driver, who was taken to hospital, had been drinking.",
                 "Inspector Hana Pohl added 12 people died in the crash."):
        assert [q.speaker for q in analyze_article(text, None).quotes] == ["Hana Pohl"]


def test_the_paper_stays_unnamed_where_another_paper_speaks():
    text = ("Centre-left daily Avgi reported the deal on Monday. The Daily Courier, citing ministry sources, said "
            "talks had failed.\n\nThe talks will resume in July, the paper said.")
    quote = next(q for q in analyze_article(text, None).quotes if "July" in q.text)
    assert quote.speaker is None and quote.unnamed_source == "the paper"


def test_a_one_word_name_before_a_role_and_a_name_is_a_person():
    text = "Zendara and producer Mark Olsen arrived at the awards together.\n\n\"It has been a long road,\" she said."
    assert speaker_of(text, "long road") == "Zendara"


def test_a_name_said_to_be_a_description_leaves_he_to_whom_the_paragraph_is_about():
    text = ("Coach Tom Bell named his squad on Friday. The big surprise was Ruiz, a teenager from the academy. "
            "\"The kid is ready,\" he said.")
    assert speaker_of(text, "kid is ready") == "Tom Bell"


def test_added_and_a_figure_before_a_verb_of_the_present_reports_words():
    for text, speaker in (("Mayor Tom Bell added two more shelters open on Friday.", "Tom Bell"),
                          ("Inspector Hana Pohl added 12 people remain missing after the flood.", "Hana Pohl")):
        assert [q.speaker for q in analyze_article(text, None).quotes] == [speaker]
    for text in ("Kicker Dale Ormond added three field goals.", "Police added 40 officers to the patrol."):
        assert analyze_article(text, None).quotes == ()
