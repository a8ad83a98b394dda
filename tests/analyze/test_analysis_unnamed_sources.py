"""A quotation whose article gives its source without a name (analyze/unnamed.py): the speaker stays null,
never a guessed name, and the quote carries the source as the article writes it, trimmed to its noun
phrase, with its span; a name, a resolved pronoun or role, and "they" give no such phrase. The sentences
are written for these tests."""

from __future__ import annotations

import pytest

from storyline.analyze import analyze_article
from storyline.model import Quote

from conftest import speaker_of


def quote_with(text: str, words: str) -> Quote:
    found = [q for q in analyze_article(text, None).quotes if words in q.text]
    assert len(found) == 1, [(q.text, q.speaker, q.unnamed_source) for q in found]
    return found[0]


@pytest.mark.parametrize(("text", "words", "phrase"), [
    ("The ferry ran late again.\n\n“We will fix the timetable by May,” a harbour aide said on Tuesday.",
     "fix the timetable", "a harbour aide"),
    ("The ferry ran late again. “The timetable is dead for now,” said a senior port official.",
     "timetable is dead", "a senior port official"),
    ("The Ruiz campaign said in a statement: “We are proud of every volunteer.”",
     "proud of every volunteer", "The Ruiz campaign"),
    ("“Nothing is settled yet,” according to two people familiar with the talks.",
     "Nothing is settled", "two people familiar with the talks"),
    ("The quay stayed shut. “It will reopen within the week,” officials said.",
     "reopen within the week", "officials"),
    ("Lena Okafor stayed away from the hearing. “She has no comment today,” a spokesman for Lena Okafor said.",
     "no comment today", "a spokesman for Lena Okafor"),
    # an age with no one named in its paragraph or the one before (docs/attribution.md: an age is the one
    # person just named, never someone further back)
    ("Ines Falkenrath spoke on Monday.\n\nThe cranes stood idle.\n\nThe quay stayed shut. “We are late with the "
     "cranes,” the 46-year-old said.", "late with the cranes", "the 46-year-old"),
    ("The ferry ran late again. “The vote is rigged,” shouted one man in the back row.",
     "vote is rigged", "one man in the back row"),
    ("The plan stalled. “It is dead for this year,” said a longtime adviser to Ruiz.",
     "dead for this year", "a longtime adviser to Ruiz"),
    ("Dan Oduya cited the harbour audit. A footnote in the audit makes that clear: “These figures leave out the "
     "ferry.”", "leave out the ferry", "A footnote"),
])
def test_an_unnamed_source_keeps_its_phrase_and_no_speaker(text, words, phrase):
    quote = quote_with(text, words)
    assert quote.speaker is None
    assert quote.unnamed_source == phrase
    assert quote.unnamed_span is not None and text[quote.unnamed_span[0]:quote.unnamed_span[1]] == phrase


def test_a_quotation_going_on_from_an_unnamed_source_keeps_its_phrase():
    text = "“The pier is unsafe,” a harbour engineer said. “Nobody should walk on it.”"
    assert quote_with(text, "Nobody should walk").unnamed_source == "a harbour engineer"


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("Ana Ortiz spoke at the quay. “We are ready for the vote,” she said.", "ready for the vote", "Ana Ortiz"),
    ("Mayor Dan Ruiz toured the pier. “The bridge is safe,” the mayor said.", "bridge is safe", "Dan Ruiz"),
    ("“The pier is unsafe,” Dan Ruiz said.", "pier is unsafe", "Dan Ruiz"),
])
def test_a_named_or_resolved_speaker_has_no_unnamed_source(text, words, speaker):
    quote = quote_with(text, words)
    assert quote.speaker == speaker and quote.unnamed_source is None and quote.unnamed_span is None


@pytest.mark.parametrize(("text", "words"), [
    ("The quay stayed shut for a week. “We were never told why,” they said.", "never told why"),
    ("Dan Ruiz took questions. Ruiz was asked, “Will the pier reopen before the summer season?”", "pier reopen"),
    # the subject rules ran over a verb ("plans"): no noun phrase, no source to show
    ("The company plans to fly again in May and says “we are ready for it now.”", "ready for it now"),
])
def test_nothing_to_show_stays_unattributed(text, words):
    quote = quote_with(text, words)
    assert quote.speaker is None and quote.unnamed_source is None


@pytest.mark.parametrize(("text", "words", "phrase"), [
    ("The pier closed on Monday.\n\n“The piles are rotten,” a harbour engineer said.\n\n"
     "“Nobody should walk on it until the spring.”", "Nobody should walk", "a harbour engineer"),
    ("The pier closed on Monday.\n\nA senior port official added:\n\n“The piles are rotten through.”",
     "piles are rotten", "A senior port official"),
])
def test_a_quotation_paragraph_going_on_from_an_unnamed_source_keeps_its_phrase(text, words, phrase):
    quote = quote_with(text, words)
    assert quote.speaker is None and quote.unnamed_source == phrase


def test_a_quotation_paragraph_going_on_from_a_named_speaker_stays_theirs():
    text = ("The pier closed on Monday.\n\n“The piles are rotten,” Dan Ruiz said.\n\n"
            "“Nobody should walk on it until the spring.”")
    quote = quote_with(text, "Nobody should walk")
    assert quote.speaker == "Dan Ruiz" and quote.unnamed_source is None


@pytest.mark.parametrize(("text", "words", "phrase"), [
    ("Hundreds came to the quay. Some chanted “No sale of the port!”", "No sale of the port", "Some"),
    ("Hundreds came to the quay. Others, angry at the delay, shouted, “Stop the sale now!”", "Stop the sale now",
     "Others"),
    ("The vote went to the mayor.\n\n“The count was rigged from the start,” tweeted another.", "count was rigged",
     "another"),
    ("The board wrote to the union.\n\n“We will not sell the port to anyone,” the email read.",
     "not sell the port", "the email"),
    ("The board wrote to the union.\n\n“We will not sell the port to anyone,” read the statement, which the board "
     "sent on Friday.", "not sell the port", "the statement"),
    ("“Ferries come first, fares second,” the editorial read.", "Ferries come first", "the editorial"),
])
def test_a_quantifier_or_a_text_that_reads_is_the_unnamed_source(text, words, phrase):
    quote = quote_with(text, words)
    assert quote.speaker is None and quote.unnamed_source == phrase


def test_words_a_person_read_out_stay_that_persons():
    text = "“We will not sell the port,” Ana Ortiz said, and read the statement again."
    quote = quote_with(text, "not sell the port")
    assert quote.speaker == "Ana Ortiz" and quote.unnamed_source is None


def test_he_after_a_stranger_his_paragraph_introduces_is_that_stranger():
    """"One ferry pilot said he …" then "“…,” he said": the pilot's words, unnamed, not the mayor's from before."""
    text = ("Mayor Dan Oduya opened the quay on Monday. “It is a good day,” Oduya said.\n\n"
            "One ferry pilot said he had worked double shifts since April. “Not one day off,” he said.")
    quote = quote_with(text, "Not one day off")
    assert (quote.speaker, quote.unnamed_source) == (None, "One ferry pilot")


def test_she_after_someones_mother_is_the_mother_unnamed():
    """"His mother spoke to reporters. “…,” she said": the mother's words, not unattributed, and not the son's."""
    for relative in ("His mother", "The defendant's mother"):
        text = (f"Brian Cole was sentenced on Friday for the robbery.\n\n{relative} spoke to reporters outside the "
                "court. “We just want to fade away,” she said.")
        quote = quote_with(text, "fade away")
        assert (quote.speaker, quote.unnamed_source) == (None, relative)
    # the pronoun of the other sex is not the relative's
    text = ("Brian Cole was sentenced on Friday.\n\nHis mother spoke to reporters outside. “I am sorry,” he said.")
    assert quote_with(text, "I am sorry").unnamed_source is None
    # nor is "she" the one whose mother she is, where the sentence opens with another clause
    text = ("The two jurors spoke publicly. They sat through the sentencing but left before reporters could interview "
            "them. As she came into the courthouse, Nichols' mother expressed their sentiments. “We just want to fade "
            "into obscurity,” she said.")
    assert quote_with(text, "fade into obscurity").speaker is None


def test_he_after_a_stranger_who_asks_a_named_person_is_the_one_asked():
    text = ("The count went on late.\n\nA reporter asked Lena Ruiz how she felt on the night. She replied: "
            "“The bigger the turnout, the better I feel.”")
    assert quote_with(text, "bigger the turnout").speaker == "Lena Ruiz"


def test_she_is_no_stranger_of_the_other_sex():
    text = ("Mayor Ana Oduya opened the quay. “It is a good day,” Oduya said.\n\n"
            "A spokesman for the port said the budget was gone. Later she added: “We will find the money.”")
    assert quote_with(text, "find the money").speaker == "Ana Oduya"


def test_she_after_a_spokeswoman_for_a_body_is_that_spokeswoman():
    # the name after "a spokeswoman for" is her company's (the model may take it for a person's), not a speaker
    text = ("Senator Carla Whitfield said the resignation changed nothing. “Customers deserve to know what the "
            "company knew,” Whitfield said.\n\n"
            "A spokeswoman for Nimbly declined to say whether the chief executive would receive severance. “We "
            "will disclose compensation matters as required in our filings,” she said.")
    assert speaker_of(text, "disclose compensation") is None


def test_the_role_of_a_stranger_its_paragraph_introduced_is_that_stranger():
    # "the inspector" is the "one inspector" of its paragraph, unnamed, not the resident quoted before
    text = ("Lorena Pike said she can no longer hang laundry outside. “Some mornings it hits you like a wall,” "
            "Pike said.\n\n"
            "One inspector said the filters appeared to be working only intermittently. “When they are running, "
            "it is fine,” the inspector said.")
    assert speaker_of(text, "When they are running") is None


@pytest.mark.parametrize(("opening", "words"), [
    ("A neighbor who saw the fire from her window said the flames reached the roof in minutes.",
     "like daylight at midnight"),
    ("A neighbor who saw Ann Lee at the gate said the flames reached the roof in minutes.",
     "like daylight at midnight"),
    ("One inspector who visited the site, speaking on condition of anonymity, said the alarms had failed.",
     "like daylight at midnight"),
])
def test_a_stranger_a_relative_clause_describes_speaks_not_the_clauses_object(opening, words):
    text = ("Mayor Ann Lee toured the street on Monday. “We will rebuild every house,” Lee said.\n\n"
            f"{opening} “It was like daylight at midnight,” she said.")
    assert speaker_of(text, words) is None


def test_a_name_opening_the_clause_after_a_relative_clause_speaks():
    text = ("As for the pundits who find Ann Lee more palatable than Dan Oduya, Piet Varga said, “They do not "
            "understand her record.”")
    assert speaker_of(text, "understand her record") == "Piet Varga"


def test_the_company_is_the_body_its_paragraph_was_about():
    text = ("Corvane Foods, which bought the biscuit maker in 2014, said production would move to a larger plant "
            "abroad by the end of next year.\n\n"
            "‘This has been an extremely difficult decision,’ the company said in a statement.")
    assert speaker_of(text, "difficult decision") == "Corvane Foods"


@pytest.mark.parametrize("before", [
    "Reuters reported the deal could be announced as soon as Monday.",
    "The Federal Aviation Administration said it would inspect every Aerion jet.",
    "Brightwater Freight said its board had approved the offer.",
])
def test_the_company_stays_unnamed_where_two_companies_were_named_whoever_spoke_last(before):
    # the body the sentence before opens with is a news agency, a regulator, or one of the two: which company is
    # meant, the noun does not say (a rule taking that body gave Reuters, Goldman Sachs, Greenpeace "the company")
    text = ("Halvorsen Logistics is in talks to buy Brightwater Freight, people familiar with the matter said.\n\n"
            f"{before} “We do not comment on market rumours,” the company said.")
    assert speaker_of(text, "market rumours") is None


@pytest.mark.parametrize("description, body", [
    ("the weather service", "National Weather Service"),
    ("the debt office", "National Debt Office"),
    ("the fire department", "Lakeport Fire Department"),
])
def test_a_description_in_words_of_a_body_s_name_is_that_body(description, body):
    text = (f"The {body} and Corvane Foods gave their figures on Monday, and ice storms are expected by Thursday.\n\n"
            f"“Any additional ice could cause new outages,” {description} said.")
    assert speaker_of(text, "additional ice") == body
    # words no body's name holds, or the names of two such bodies, say no one
    other = text.replace(f"{description} said", "the health department said")
    assert speaker_of(other, "additional ice") is None
    two = text.replace("and Corvane Foods", f"and the Harlow {body.split()[-2]} {body.split()[-1]}")
    assert speaker_of(two, "additional ice") is None


@pytest.mark.parametrize("text", [
    # named paragraphs before, where another is the one meant
    ("The Harlow City Council approved a new bus lane on Monday.\n\nIn neighbouring Eastfield, traders objected.\n\n"
     "Eastfield councillors met on Tuesday. “We will look at it closely,” the city council said."),
    # a body of the noun's kind told of unnamed in between
    ("The Marlow County Health Department opened a vaccine clinic last month.\n\nIn neighbouring Eastfield, the "
     "city's own health department reported 12 new measles cases on Monday. “We urge parents to vaccinate,” the "
     "health department said."),
    # a word that sets another body apart
    ("Lawmakers voted on Monday to create an agency to oversee drones, backed by the Eastfield Transit Agency. "
     "“We will be ready by spring,” the new transit agency said."),
])
def test_a_description_in_words_of_a_name_says_no_one_where_another_body_may_be_meant(text):
    assert [q.speaker for q in analyze_article(text, None).quotes if q.direct] == [None]


def test_a_body_only_named_as_what_others_turned_to_is_not_the_one_that_speaks():
    # the district is whom the parents complained to; "the school" is the school, unnamed
    text = ("Parents complained to the Harlow School District about a fight at a primary school on Friday. "
            "“We are reviewing the footage,” the school said.")
    assert speaker_of(text, "reviewing the footage") is None


def test_the_carmaker_is_the_body_introduced_as_one_after_others_spoke():
    text = ("Japanese carmaker Hoshida Motor will recall 410,000 vehicles to replace faulty airbag inflators.\n\n"
            "Hoshida's supplier, Tamura Safety Systems, said it was cooperating. “We deeply regret the "
            "inconvenience,” Tamura said.\n\n"
            "“Owners do not need to wait for a letter to book an appointment,” the carmaker said.")
    assert speaker_of(text, "do not need to wait") == "Hoshida Motor"


def test_a_company_names_itself_in_its_own_words():
    # a person who names himself in the third person is seldom the speaker; a company does so in every statement
    text = ("Corvane Foods closed its biscuit plant in Harlow on Friday after a fire.\n\n"
            "“This is a sad day for the whole Corvane Foods family,” the company said in a statement.")
    assert speaker_of(text, "sad day") == "Corvane Foods"


@pytest.mark.parametrize("description", ["the food giant", "the US food giant", "the Seattle-based retailer",
                                         "the Japanese carmaker"])
def test_a_description_of_a_company_is_the_company_named_around_it(description):
    text = ("Corvane Foods recalled 20,000 jars of jam on Monday after glass was found in a batch.\n\n"
            f"“We are working around the clock to trace every jar,” {description} said.")
    assert speaker_of(text, "around the clock") == "Corvane Foods"


@pytest.mark.parametrize("person", ["the film maker", "the mail carrier", "the veteran broadcaster", "the policy maker"])
def test_a_description_that_may_be_a_person_is_no_company(person):
    text = ("Corvane Foods recalled 20,000 jars of jam on Monday after glass was found in a batch.\n\n"
            f"“I have never seen anything like it,” {person} said.")
    assert speaker_of(text, "never seen") is None


def test_a_description_of_a_company_is_nobody_where_two_are_named():
    text = ("Brightwell Foods agreed on Monday to buy Corvane Foods for $2 billion.\n\n"
            "“The deal will close by the summer,” the food giant said.")
    assert speaker_of(text, "close by the summer") is None


def test_the_ministry_is_no_body_whose_name_lacks_the_word():
    # "the ministry" is not the company the paragraph was about; which ministry, the article does not say
    text = ("Corvane Foods said production would move abroad by the end of next year.\n\n"
            "‘We were not consulted,’ the ministry said in a statement.")
    assert speaker_of(text, "not consulted") is None


def test_the_company_is_nobody_where_two_bodies_are_named():
    text = ("Brightwell Foods agreed on Monday to buy Corvane Foods for $2 billion.\n\n"
            "‘The deal will close by the summer,’ the company said in a statement.")
    assert speaker_of(text, "close by the summer") is None


def test_a_relative_clause_closed_before_the_cue_leaves_the_cue_to_the_phrase_it_ends():
    # the adviser speaks, not Whitfield, whom "to" governs; "for Mr. Sanders, who said" stays Sanders's
    text = ("Gov. Dana Whitfield toured Ames on Saturday.\n\n"
            "A senior adviser to Whitfield, who spoke on condition of anonymity to discuss polling, said the "
            "governor was now within striking distance of the lead.")
    quote = quote_with(text, "striking distance")
    assert quote.speaker is None and quote.unnamed_source == "A senior adviser to Whitfield"
    text = "The loss was steep for Mr. Karl Sanders, who said the harbour vote had been “a hard night for us”."
    assert quote_with(text, "hard night").speaker == "Karl Sanders"


def test_one_of_a_bodys_people_is_one_stranger_whom_the_role_takes_up_a_paragraph_on():
    text = ("Lumora's board met on Friday.\n\n"
            "One of Lumora's early investors, who asked not to be named, said the two founders had stopped "
            "speaking months ago.\n\n"
            "“Everyone around them could see it,” the investor said.")
    quote = quote_with(text, "Everyone around them")
    assert quote.speaker is None and quote.unnamed_source == "One of Lumora's early investors"


def test_a_body_named_in_full_and_in_part_is_one_body():
    # the model reads "Eastfield" alone as a body too; it is the department's name, not a second body
    text = ("Two men were arrested Tuesday night after an armed robbery at a jewelry store in downtown Eastfield, the "
            "Eastfield Police Department said.\n\n"
            "In a news release, the department said officers had recovered “a large quantity of stolen goods” from "
            "a car.")
    assert quote_with(text, "stolen goods").speaker == "Eastfield Police Department"


@pytest.mark.parametrize("opening", ["Another expert", "One critic", "A second witness"])
def test_a_stranger_set_beside_a_name_with_its_place_is_that_person(opening):
    text = (f"{opening}, Dr. Lars Engqvist of Nordbotten University, said the findings were “genuinely exciting, "
            "if they hold up.”")
    assert quote_with(text, "genuinely exciting").speaker == "Lars Engqvist"


def test_it_is_the_body_the_sentence_before_opens_with():
    text = ("Meridian Logistics cut its forecast on Tuesday. It said demand for freight had “fallen off a cliff” in "
            "March.\n\n“We expect a slow summer,” it said.")
    assert quote_with(text, "fallen off a cliff").speaker == "Meridian Logistics"
    assert quote_with(text, "slow summer").speaker == "Meridian Logistics"
    # the subject, not the body the sentence names after its verb
    text = ("Meridian Logistics agreed to buy Corvane Freight on Tuesday.\n\n“We expect a slow summer,” it said.")
    assert quote_with(text, "slow summer").speaker == "Meridian Logistics"


def test_it_is_the_body_its_description_introduced_the_sentence_before():
    text = ("Credit rating agency Stellar Ratings said it saw no pressure on the country's rating. "
            "“The fiscal buffers remain adequate,” it said in a note to clients.")
    assert quote_with(text, "fiscal buffers").speaker == "Stellar Ratings"


@pytest.mark.parametrize("opening", ["A hospital in Harlow", "Police in Norrvik", "A study funded by charity Heart Aid"])
def test_it_is_not_a_place_or_body_the_subject_is_tied_to(opening):
    text = f"{opening} said two patients had died of the infection. “All other wards remain open,” it said."
    assert quote_with(text, "wards remain open").speaker is None


@pytest.mark.parametrize("opening", ["The company", "The carmaker"])
def test_it_is_the_body_the_company_opening_the_sentence_before_stands_for(opening):
    text = ("Japanese carmaker Hoshida Motor will recall 410,000 vehicles, the company said on Thursday.\n\n"
            f"{opening} said dealers would replace the part free of charge. “Owners do not need to wait for a "
            "letter,” it said.")
    assert quote_with(text, "need to wait").speaker == "Hoshida Motor"
    # "the review" opening it is a thing that speaks, no body
    text = ("Hoshida Motor commissioned the review last year.\n\nThe review said the recall came late. "
            "“Owners were told nothing for months,” it said.")
    assert quote_with(text, "told nothing").speaker is None


@pytest.mark.parametrize("text, words", [
    # "it" is the review, the email, the ruling the sentence before is about, not the body named near it
    ("Harlow Council commissioned the independent review last year.\n\nThe review was published on Monday. It said the "
     "council had “failed children at every turn.”", "failed children"),
    ("Greenwell Water was fined £3m in May.\n\nA leaked email from a senior manager surfaced on Tuesday. It said staff "
     "should “keep the numbers out of the board papers.”", "keep the numbers"),
])
def test_it_after_a_sentence_about_a_thing_is_no_body(text, words):
    assert quote_with(text, words).speaker is None


def test_it_after_a_country_is_that_country():
    text = ("The agency reported new enrichment at two sites.\n\nIran rejected the findings on Wednesday. It said the "
            "report was “politically motivated and baseless.”")
    assert quote_with(text, "politically motivated").speaker == "Iran"


def test_the_directorate_is_the_one_body_whose_name_holds_the_word():
    text = ("Skyvale Airways grounded its fleet for six hours on Monday.\n\n"
            "The Civil Aviation Directorate said it had opened an inquiry. “We expect airlines to have robust "
            "contingency arrangements,” the directorate said in a statement.")
    assert quote_with(text, "robust contingency").speaker == "Civil Aviation Directorate"


@pytest.mark.parametrize("text, words, speaker", [
    # a body named after a person's given name is still a body
    ("Chester Zoo has lost two of its three tigers to a virus.\n\n“Our keepers are heartbroken,” it said in a "
     "statement on Friday.", "keepers are heartbroken", "Chester Zoo"),
    # another office than the one named: nobody's
    ("The Office for National Statistics said inflation fell in May. The mayor's office said the figures masked "
     "soaring rents. “Londoners are not feeling any relief,” the office said.", "not feeling any relief", None),
])
def test_a_body_noun_goes_to_its_body_only_where_no_other_is_meant(text, words, speaker):
    assert quote_with(text, words).speaker == speaker


@pytest.mark.parametrize("body, noun", [("Skyvale Airways", "airline"), ("Sterling Bancorp", "bank"),
                                        ("the Harcourt Foundation", "charity")])
def test_a_body_noun_reads_the_words_its_kind_is_named_with(body, noun):
    text = f"{body[0].upper() + body[1:]} said on Monday it had found the error.\n\n“We are sorry,” the {noun} said."
    assert quote_with(text, "We are sorry").speaker == body.removeprefix("the ")


def test_she_after_a_stranger_named_by_a_common_noun_is_that_stranger():
    text = ("Curator Brenda Oyelowo said questions would be asked about security.\n\n"
            "A volunteer guide, who asked not to be named, said staff had raised concerns weeks ago. "
            "‘We mentioned it twice. Nobody came,’ she said.")
    assert speaker_of(text, "mentioned it twice") is None


@pytest.mark.parametrize("introduced", ["Trammell's spokeswoman, Kelsey Orr, said in a statement",
                                        "Kelsey Orr, a spokeswoman for the congressman, said in a statement"])
def test_the_spokeswoman_is_the_one_the_paragraph_named_so(introduced):
    text = ("Rep. Boyd Trammell faced angry voters on Monday.\n\n"
            f"{introduced} that the congressman welcomed tough questions. “Some of tonight's disruptions were "
            "organized by outside groups,” the spokeswoman said.")
    assert speaker_of(text, "disruptions") == "Kelsey Orr"


@pytest.mark.parametrize("introduced, description", [
    ("Finland's top diplomat, Elina Valtonen, said", "the diplomat"),
    ("Elina Valtonen, a resident of the village, said", "the resident"),
    ("A witness, Elina Valtonen, said", "the witness"),
])
def test_a_word_that_mostly_leaves_its_holder_unnamed_is_the_one_named_so(introduced, description):
    text = (f"{introduced} the road out of Kessel had been cut since Monday. “It will take weeks to reopen,” "
            f"{description} said.")
    assert speaker_of(text, "take weeks") == "Elina Valtonen"
    assert speaker_of("A witness said the road had been cut since Monday. “It will take weeks to reopen,” "
                      f"{description} said.", "take weeks") is None


def test_the_spokeswoman_stays_unnamed_where_no_one_was_named_so():
    text = ("Rep. Boyd Trammell faced angry voters on Monday. His office issued a statement.\n\n"
            "“Some of tonight's disruptions were organized by outside groups,” the spokeswoman said.")
    assert speaker_of(text, "disruptions") is None


@pytest.mark.parametrize("stranger", [
    "A Republican strategist advising two Senate campaigns, who spoke on condition of anonymity, put it bluntly.",
    "An older woman filling a cooler with ice beside her, who declined to give her name, said she would stay.",
])
def test_a_stranger_whose_phrase_runs_on_in_a_participle_is_that_stranger(stranger):
    text = ("Maya Okonjo runs the party's polling. “Our numbers are fine,” she said.\n\n"
            f"{stranger} “Our people think the issue is the border,” she said.")
    assert speaker_of(text, "issue is the border") is None


def test_a_description_no_table_holds_is_the_one_named_beside_it():
    text = ("Asked by the evening's moderator, the novelist Grace Pell, whether the book was a campaign document, "
            "Ms. Marchetti laughed. “Every book by a politician is a campaign document,” she said.\n\n"
            "Ms. Pell pressed her. “So that's a yes?” the novelist asked.")
    assert speaker_of(text, "So that's a yes") == "Grace Pell"


def test_a_message_is_never_the_person_named_beside_it():
    text = ("According to the FBI summary, Mills asked the employee to delete the emails. The employee did not do so "
            "immediately, according to the summary.\n\n“The files were kept,” the summary said.")
    assert speaker_of(text, "files were kept") is None


def test_a_stranger_this_paragraph_introduces_outranks_a_holder_named_before():
    text = ("Maya Okonjo, a Democratic strategist, said the money was flowing. “Our numbers are fine,” she said.\n\n"
            "A Republican strategist advising two Senate campaigns, who spoke on condition of anonymity, put it "
            "bluntly. “Our people think the issue is the border,” the strategist said.")
    assert speaker_of(text, "issue is the border") is None


@pytest.mark.parametrize("text, words", [
    ("The weather office said temperatures would ease on Monday, but warned of ‘dry lightning strikes and erratic "
     "wind changes’ through Sunday night.", "dry lightning"),
    ("The State Department less than two weeks ago said for the first time that “top secret” material had passed "
     "through the server.", "top secret"),
])
def test_a_preposition_or_a_stretch_of_time_is_never_the_source_shown(text, words):
    quote = quote_with(text, words)
    assert quote.unnamed_source not in ("of", "two weeks ago")


def test_a_body_whose_name_the_model_cut_short_speaks_whole():
    # the small model reads "Gold Foods" alone; the capitalised words before it opening the clause are its name
    text = ("Agents raided the plant on Tuesday.\n\n"
            "Prairie Gold Foods said in a statement that it “has always cooperated fully with federal authorities.”")
    assert speaker_of(text, "cooperated fully") == "Prairie Gold Foods"


def test_he_opening_a_paragraph_after_a_stranger_was_introduced_is_that_stranger():
    text = ("Travis Bell, the county's Republican chairman, said the recount was a waste of money.\n\n"
            "One Republican observer, who declined to give his name, described the mood in the room as "
            "“tense but polite.”\n\n“Nobody's yelling yet,” he said. “Give it till Saturday.”")
    assert speaker_of(text, "yelling yet") is None


def test_an_opening_participle_is_no_source_shown():
    text = ("Wade Tillotson, 56, apologized on Monday.\n\n"
            "Asked whether he would support more money for rural schools, the 56-year-old said he would, and then "
            "added: “I would rather you judge me by the budget.”")
    quote = quote_with(text, "judge me by the budget")
    assert quote.speaker == "Wade Tillotson" and quote.unnamed_source is None


def test_who_after_a_role_is_its_holder_and_there_is_no_source():
    text = ("Gov. Remy Thibodeaux ordered an evacuation on Sunday.\n\n"
            "Mayor Ann Pitre said the buses were ready. Asked about buses, she deferred to the governor, who conceded "
            "there had been “some gaps” in planning.")
    quote = quote_with(text, "some gaps")
    assert quote.speaker == "Remy Thibodeaux" and quote.unnamed_source != "there"


@pytest.mark.parametrize("introduced, description", [
    ("US Secretary of State Marco Rubio", "the top US diplomat"),
    ("Foreign Minister Elina Valtonen", "Finland's top diplomat"),
    ("Elina Valtonen, the foreign minister,", "the country's chief diplomat"),
])
def test_the_top_diplomat_is_the_one_who_holds_the_office(introduced, description):
    text = (f"{introduced} spoke to reporters on Thursday about the talks.\n\n"
            f"“This will be slow, and it will come step by step,” {description} said.")
    assert speaker_of(text, "step by step") == ("Marco Rubio" if "Rubio" in introduced else "Elina Valtonen")
    # a diplomat without "top" or "chief" is any diplomat: the words stay the source's, unnamed
    assert speaker_of(text.replace(description, "a diplomat"), "step by step") is None
    # two holders of such an office, and the words do not say whose: unnamed
    two = text.replace("spoke to reporters", "met Russian Foreign Minister Sergei Lavrov")
    assert speaker_of(two, "step by step") is None


@pytest.mark.parametrize(("text", "words", "phrase"), [
    ("The fire was treated as “deliberate”, a spokesman for Kent Fire and Rescue Service said.",
     "deliberate", "a spokesman for Kent Fire and Rescue Service"),
    ("“We will not comment on a case under review,” said a spokeswoman for Immigration and Customs Enforcement.",
     "under review", "a spokeswoman for Immigration and Customs Enforcement"),
    ("“The rule is final,” an official at the Department of Health and Human Services said on Friday.",
     "rule is final", "an official at the Department of Health and Human Services"),
    ("“No weapon was recovered,” said a spokesman for the Bureau of Alcohol, Tobacco, Firearms and Explosives.",
     "No weapon", "a spokesman for the Bureau of Alcohol, Tobacco, Firearms and Explosives"),
])
def test_a_body_whose_name_holds_and_is_named_whole(text, words, phrase):
    # the body's name is one word of the source's phrase, its "and" and commas its own
    assert quote_with(text, words).unnamed_source == phrase



_FIRE = ("The store in Banstead burned through the night.\n\n“We are asking anyone with footage to come forward,” police said."
         "\n\nThe fire is being treated by police as “potentially suspicious”.\n\n")


@pytest.mark.parametrize(("named", "speaker"), [
    ("Anyone with information is asked to contact Surrey Police.", "Surrey Police"),  # named below: the one force
    ("Officers of the Harlow Police Department joined the search.", "Harlow Police Department"),
    ("Anyone with information is asked to call the hotline.", None),  # no force named: unnamed police
    ("Officers from Surrey Police and from the Metropolitan Police were at the scene.", None),  # two forces: which one, no one says
    ("Anyone with information should call Devon and Cornwall Police.", "Devon and Cornwall Police"),
    ("Officers from West Yorkshire Police and Greater Manchester Police joined the search.", None),
    ("French police said the driver was British. Kent Police said it was aware of the case.", None),  # another place's
    ("Police in Calais said the driver was British. Kent Police said it was aware of the case.", None),
    ("The Police Federation said it would support the officers.", None),  # no force
    ("The owner, a retired Surrey Police detective, was away.", None),  # a former officer's force, not the one acting
])
def test_police_is_the_one_force_the_article_names(named, speaker):
    text = _FIRE + named
    for words in ("anyone with footage", "potentially suspicious"):
        quote = quote_with(text, words)
        assert quote.speaker == speaker
        assert (quote.unnamed_source is None) == (speaker is not None)


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("The company, Northfield Energy, said the worker had been trained.\n\n“We are cooperating fully,” it added.",
     "had been trained", "Northfield Energy"),
    ("The US carmaker, Hoshida Motor, said dealers would replace the part.", "replace the part", "Hoshida Motor"),
    ("The group, the Sierra Club, said the pipeline was “reckless”.", "pipeline was", "Sierra Club"),
])
def test_the_body_named_beside_its_noun_speaks(text, words, speaker):
    assert speaker_of(text, words) == speaker


def test_a_name_and_himself_is_that_name():
    text = ("Arsenal manager Mikel Arteta said he had no update on Bukayo Saka.\n\n"
            "Saka himself posted on Instagram on Sunday night: “Gutted to come off. I will be back soon.”")
    quote = quote_with(text, "Gutted to come off")
    assert quote.speaker == "Bukayo Saka" and quote.unnamed_source is None


@pytest.mark.parametrize(("text", "words", "phrase"), [
    ("A spokesman for Ford and General Motors said both companies would share a battery plant.", "battery plant",
     "A spokesman for Ford and General Motors"),
    ("A lawyer for Anna Berg and Tom Reyes said the two founders would sue the board.", "sue the board",
     "A lawyer for Anna Berg and Tom Reyes"),
    ("A spokesman for Barclays, HSBC and Lloyds said the banks would contest the claim.", "contest the claim",
     "A spokesman for Barclays, HSBC and Lloyds"),
])
def test_a_spokesman_for_several_is_none_of_them(text, words, phrase):
    quote = quote_with(text, words)
    assert quote.speaker is None and quote.unnamed_source == phrase


def test_a_name_after_a_comma_is_no_one_elses_conjunct():
    # "CNN, Trump": the interview's outlet and its subject, not a list
    assert speaker_of("Donald Trump toured Iowa on Monday. In an interview with CNN, Trump said the race was close.",
                      "the race was close") == "Donald Trump"


@pytest.mark.parametrize(("cue", "body"), [("Procter and Gamble said", "Procter and Gamble"),
                                           ("Marks & Spencer said in a statement", "Marks & Spencer")])
def test_a_body_named_with_and_the_model_missed_speaks_not_the_last_speaker(cue, body):
    text = f"Mayor Ana Ruiz opened the plant on Monday.\n\n“It is a fair deal,” {cue}."
    assert speaker_of(text, "fair deal") == body


@pytest.mark.parametrize(("named", "speaker"), [
    ("Kraft Foods said the plant would close.", "Kraft Foods"),  # the one fuller name of the body
    ("Kraft Foods and Kraft Group both own plants in the city.", "Kraft"),  # two: which one, no one says
    ("Kraft Music announced a tour.", "Kraft"),  # "Music" says no kind of body: a product, a label, not a fuller name
])
def test_a_body_named_short_speaks_by_its_fuller_name(named, speaker):
    text = f"{named}\n\n“We suspended the employee when she became agitated,” Kraft said."
    assert speaker_of(text, "suspended the employee") == speaker
