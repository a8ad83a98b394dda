"""Who speaks, in shapes of general news found on the real set's speaker annotation (ECB+ obituaries, trials,
outages, sport, fires; docs/attribution.md "ECB+ speakers"): a job noun with no article before an apposed name
("the candidate, retired schoolteacher Wendell Abara,"), a body the model did not tag ("Coastline Rights Watch said
in a report:"), short titles with full stops ("Dist. Atty.", "Det. Supt.", "Lt. … of the … Police") and without
("Insp"), a line ending in a colon inside a paragraph, a role someone was acted on ("convicted of attacking a
judge"), of another clause ("The judge found that …, Mr. Cole") or cut short ("judges"), a party letter
("(R-Pa.)") making a lawmaker one of the party, a person's noun before a name the model took for a place ("protester Paris
Nikolaidis"), a body between a name and its place ("of Brightline Research in Silicon Valley"), a clause after a
comma that is no apposition ("…, and there is no timeframe …, said"), a cue after "because" that is another
clause's, "quoted as saying" (the one quoted, subject or object), a relative no one is named as ("his mother
told"), a two-word name the model took for a
body whose surname it took for a person ("Bettie Page"), and a message speaking for who gave it ("a statement from
Kestrel Foods said", "an editorial in the Morning Courier", "the letter read" after "X wrote a letter").
The sentences are our own. (speaker_phrases.py, speaker_kinds.py, office_titles.py, entities.py,
quotation_cues.py, cue_words.py, cue_subjects.py, speakers.py, roles.py, missed_people.py, text.py, described.py.)"""

from __future__ import annotations

import pytest

from conftest import speaker_of


def test_a_job_noun_with_no_article_before_an_apposed_name():
    text = ("Ana Ruiz said the plant would stay closed.\n\n“I will devote all my strength to the district,” the "
            "candidate, retired schoolteacher Wendell Abara, said in a campaign statement.")
    assert speaker_of(text, "devote all my strength") == "Wendell Abara"
    # an -ing word is an action, not what the person is: the phrase names no one
    acting = text.replace("retired schoolteacher Wendell Abara", "backing Wendell Abara")
    assert speaker_of(acting, "devote all my strength") != "Wendell Abara"


def test_a_body_the_model_did_not_tag_speaks_for_itself():
    text = ("Kraft said the plant would stay closed.\n\nCoastline Rights Watch said in a report last month:\n\n"
            "“The conditions are not in place for a free and fair vote.”")
    assert speaker_of(text, "conditions are not in place") == "Coastline Rights Watch"


def test_short_titles_before_a_name():
    assert speaker_of("A bomb killed a bank guard, officials said Saturday.\n\n“That person is dangerous and needs "
                      "to be found quickly,” said Lt. Marta Quill of the Harbour State Police.",
                      "That person is dangerous") == "Marta Quill"
    assert speaker_of("The jury returned its verdict on Friday.\n\n“This is the kind of crime the law was written "
                      "for,” said Dist. Atty. Ramon Ocasio.", "kind of crime") == "Ramon Ocasio"
    assert speaker_of("The search went on overnight.\n\n“We panicked,” Det. Supt. Ann Lee said.", "We panicked") \
        == "Ann Lee"
    assert speaker_of("The climbers were found at dawn.\n\n“They were very lucky,” said Insp Dave Gorrie of Highland "
                      "Police.", "very lucky") == "Dave Gorrie"


def test_a_line_ending_in_a_colon_gives_the_next_lines_quotation_its_subject():
    text = ("Judge Ann Reyes sentenced Tom Vale to life on Saturday.\n“I am sorry,” Vale said.\n"
            "The judge had advice for anyone who deals with Vale in the future:\n“Do not trust Mr. Vale ever again.”")
    assert speaker_of(text, "Do not trust") == "Ann Reyes"


def test_a_role_someone_was_acted_on_is_not_theirs():
    text = ("Judge Ann Reyes sentenced Tom Vale to life on Saturday.\n\nVale, 37, was convicted last month of "
            "attacking a judge and a court clerk in 2024.\n\n“Justice has been done,” the judge said.")
    assert speaker_of(text, "Justice has been done") == "Ann Reyes"


def test_the_words_after_a_name_are_read_to_a_whole_word_and_stop_at_the_description():
    text = ("Judge Ann Reyes opened the hearing.\n\nRep. Dale Orme, a Republican who led a failed bid last year to "
            "allow judges to set the terms, spoke first.\n\n“The law is plain,” the judge said.")
    assert speaker_of(text, "The law is plain") == "Ann Reyes"
    text = ("“Our sell-through is the strongest in five years,” Chief Executive Lena Hart said on a call.\n\n"
            "Pressed by Julia Bram on whether job cuts were being considered, the chief executive said: “We are not "
            "announcing any restructuring today.”")
    assert speaker_of(text, "restructuring") == "Lena Hart"


def test_a_persons_noun_before_a_name_the_model_took_for_a_place():
    text = ("Protesters marched again on Monday.\n\n“In the end, the violence we use is small,” said 32-year-old "
            "protester Paris Nikolaidis.")
    assert speaker_of(text, "violence we use") == "Paris Nikolaidis"


def test_a_body_and_its_place_between_a_name_and_its_cue():
    text = ("Microsoft released the fix on Tuesday.\n\nAnalyst Mira Holt of Brightline Research in Silicon Valley "
            "said it was “amazing” that the company turned out a fix in a week.")
    assert speaker_of(text, "amazing") == "Mira Holt"


def test_a_clause_after_a_comma_is_no_apposition_of_the_name_before_it():
    text = ("Three cables were damaged.\n\nThe failures cut the flow of “data of every kind” between Europe and the "
            "Middle East, and there is no timeframe for when service will be restored, said Sanjay Gupta, director "
            "of networks at Rilance Telecom.")
    assert speaker_of(text, "data of every kind") == "Sanjay Gupta"


def test_a_cue_after_because_is_another_clauses():
    text = ("Lohan entered rehab on Thursday.\n\nWhite said he was “completely blindsided” by the choice of clinic "
            "because Heller had agreed to send the actress elsewhere.")
    assert speaker_of(text, "blindsided") == "White"


def test_a_name_with_a_comma_in_it_is_a_place_and_a_name():
    text = ("When he enrolled at Lehigh University, Freddy joined a fraternity.\n\n“It may have been Freddy's first "
            "attempt to make his own statement,” said his best friend at Lehigh, Bruce Turry, who remembered him well.")
    assert speaker_of(text, "first attempt") == "Bruce Turry"


def test_a_two_word_name_whose_surname_the_model_took_alone_for_a_person():
    text = ("Bettie Page, the 1950s pin-up model who helped set the stage for the sexual revolution, has died.\n"
            "She was 85.\nHer agent, Mark Roesler, said Page died yesterday at a hospital.\n"
            "After resurfacing in the 1990s, she occasionally granted interviews.\n"
            "“I don't want to be photographed in my old age,” she said in 1998.")
    assert speaker_of(text, "photographed in my old age") == "Bettie Page"


def test_an_apposed_description_stays_its_names():
    text = ("Officials say a recount cannot be done.\n\nSam Lau, the communications director for the Iowa Democratic "
            "Party said in a statement. “There are no paper ballots to recount.”")
    assert speaker_of(text, "no paper ballots") == "Sam Lau"


def test_quoted_as_saying_gives_the_one_quoted():
    assert speaker_of("The quake injured two people on the island.\n\n“Two people were hurt but their condition is "
                      "satisfactory,” Governor Mehdi Tavan was quoted as saying.", "Two people were hurt") == "Mehdi Tavan"
    assert speaker_of("Police opened fire on the teenager.\n\n“The officers jumped out of the car so fast,” the Harwick "
                      "Daily News quoted witness Devon Marsh as saying.", "jumped out of the car") == "Devon Marsh"


def test_a_role_word_of_the_clause_before_a_name_is_not_its_role():
    text = ("Judge Eva Lund ruled in 1996 that Vincent Cole was fit to stand trial.\n\nThe judge found that at least "
            "until 1991, Mr. Cole had deceived his doctors.\n\n“He is a shadow of his former self,” the judge said.")
    assert speaker_of(text, "shadow of his former self") == "Eva Lund"


def test_a_lawmakers_party_letter_makes_them_one_of_that_party():
    text = ("Speaker Dwight Hale, an Indiana Republican, blamed the Senate on Wednesday.\n\nNot every Republican is on "
            "board. Rep. Janine Okoro (R-Pa.), whose suburban district is home to thousands of federal workers, said "
            "she would vote for a clean extension.\n\n“She wasn't slamming any doors,” the Pennsylvania Republican said.")
    assert speaker_of(text, "slamming any doors") == "Janine Okoro"


def test_quoted_as_saying_before_the_quotation():
    assert speaker_of("Police made an arrest on Monday. Reuters quoted Chief Tom Reed as saying, “The suspect "
                      "confessed.”", "suspect confessed") == "Tom Reed"
    assert speaker_of("The statement quoted Tom Reed as saying: “We have made an arrest.”", "made an arrest") == "Tom Reed"


def test_a_governed_name_before_a_place_does_not_speak():
    from storyline.analyze import analyze_article

    # the spokesman speaks, unnamed: not the mayor the phrase is about
    (quote,) = analyze_article("“We will rebuild,” a spokesman for Mayor Tom Reed in Springfield said.", None).quotes
    assert quote.speaker is None and quote.unnamed_source == "a spokesman for Mayor Tom Reed in Springfield"


def test_an_office_in_capitals_is_a_role_not_a_body():
    text = ("Police Chief Ann Lee asked residents to stay indoors.\n\n“We are asking everyone to stay home,” "
            "Springfield Police Chief said.")
    assert speaker_of(text, "stay home") == "Ann Lee"


def test_a_place_or_body_named_like_a_person_stays_what_it_is():
    from storyline.analyze.entities import extract_mentions

    labels = {m.text: m.label for m in extract_mentions("Ann Lee arrived on Monday. Lee said the base was safe. "
                                                        "Troops at Fort Lee were on alert.")}
    assert labels.get("Fort Lee") != "PERSON" and labels.get("Ann Lee") == "PERSON"
    # and a body after a person's noun is no person's name ("survivor", unlike "protester", is not read so)
    labels = {m.text: m.label for m in extract_mentions("Every survivor Red Cross workers interviewed said the water "
                                                        "came fast.")}
    assert labels.get("Red Cross") != "PERSON"


def test_a_relative_no_one_named_is_stays_unnamed():
    text = ("Vincent Gigante feigned madness for decades, his lawyers said.\nHis brother Louis, a priest, told reporters "
            "Vincent had dementia.\nFederal marshals once found him standing under the shower, holding an umbrella.\n"
            "\"Vincenzo?\nHe is the boss of the toilet!\"\nhis mother told a newspaper columnist.")
    assert speaker_of(text, "boss of the toilet") is None  # not the brother named before her


# --- a message speaks for who gave it (described.py: author_of_message, issuer_of_message) ---------------------------


def test_a_statement_from_a_body_is_the_bodys_and_so_is_it_after_it():
    text = ("Fire destroyed the department store in Harrowgate on Friday. A statement from Kestrel Foods said the "
            "store would be rebuilt. “We regret any inconvenience caused to residents,” it added.")
    assert speaker_of(text, "store would be rebuilt") == "Kestrel Foods"
    assert speaker_of(text, "We regret any inconvenience") == "Kestrel Foods"


def test_an_editorial_in_a_paper_is_the_papers():
    text = ("Protests spread across the capital for a fourth night. “For four days, the city has surrendered itself "
            "to anarchy,” said an editorial in the conservative daily Morning Courier.")
    assert speaker_of(text, "surrendered itself") == "Morning Courier"


def test_the_statement_or_the_letter_is_whoever_issued_it_before():
    issued = ("The Norrvik Port Authority issued a statement on Monday. “We are committed to the harbour,” the "
              "statement said.")
    assert speaker_of(issued, "committed to the harbour") == "Norrvik Port Authority"
    wrote = ("Principal Matthew Willoughby wrote a letter describing the teen as hard-working. “Kimani made great "
             "strides this year,” the letter read.")
    assert speaker_of(wrote, "great strides", direct=True) == "Matthew Willoughby"
    relative = ("Lena Ortiz met Tom Berg, who had sent a letter to the council. “Fix the road,” the letter said.")
    assert speaker_of(relative, "Fix the road") == "Tom Berg"
    provided = ("The Herald said Peter Cook provided a written statement in response to its questions. “It was a "
                "mistake,” the statement said.")
    assert speaker_of(provided, "It was a mistake") == "Peter Cook"


@pytest.mark.parametrize("said_in", ["said in a statement", "said on Monday in a statement",
                                     "said in a written statement", ", the region's largest utility, said in a statement"])
def test_the_statement_is_whoever_said_something_in_it(said_in):
    text = (f"Northfield Energy{'' if said_in.startswith(',') else ' '}{said_in} that it was saddened by the death of the "
            "worker.\n\n“Safety is our highest priority,” the statement said.")
    assert speaker_of(text, "highest priority") == "Northfield Energy"
    # one who only heard or read the statement did not give it
    heard = "Ana Ortiz said she had read a statement from the union.\n\n“We will strike,” the statement said."
    assert speaker_of(heard, "We will strike") is None
    # a family's statement is no statement of a person its surname names
    family = "The Hale family issued a statement on Monday.\n\n“Our son was innocent,” the statement said."
    assert speaker_of(family, "Our son was innocent") is None


def test_the_message_is_its_authors_not_whoever_handles_it():
    for text, author in (
            ("Ana Ortiz received a letter from Tom Berg on Monday. “You have failed us,” the letter said.", "Tom Berg"),
            ("Ana Ortiz read a statement from Tom Berg to reporters. “I am innocent,” the statement said.", "Tom Berg"),
            ("Kestrel Foods welcomed a statement that Norrvik Council issued on Monday. “We will act,” the statement "
             "said.", "Norrvik Council"),
            ("A letter was sent late last night by Tom Berg to the council. “Fix the road,” the letter said.", "Tom Berg"),
            ("Tom Berg issued a statement on Monday. Ana Ortiz called the statement a lie. “I did nothing wrong,” the "
             "statement said.", "Tom Berg"),
            ("Tom Berg's letter arrived on Monday. Ana Ortiz read the letter aloud. “I did nothing wrong,” the letter "
             "said.", "Tom Berg"),
            ("Ana Ortiz criticised the letter. “Fix the road,” the letter said.", None),
            ("Ana Ortiz gave the letter to police. “Fix the road,” the letter said.", None)):
        quoted = text.split("“")[1].split("”")[0].rstrip(",")
        assert speaker_of(text, quoted) == author, text


def test_a_statement_from_someone_of_a_named_body_is_not_the_bodys():
    for who in ("Ana Ortiz's lawyer", "Senate Republicans", "European Union leaders", "Hospital officials"):
        assert speaker_of(f"A statement from {who} said the plan was dead.", "plan was dead") is None, who


def test_a_message_no_one_named_gave_stays_unnamed():
    # found by the police, sent by a campaign: no one named gave it, and the campaign is not its candidate
    assert speaker_of("Police found a letter in the car. “I am sorry,” the letter read.", "I am sorry") is None
    assert speaker_of("Ortiz's campaign sent out an email on Monday. “We need you now,” the email said.",
                      "We need you now") is None
