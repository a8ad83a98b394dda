"""Shapes of real reporting that left a known cue with no speaker or gave it to the wrong one (analyze/speaker_phrases.py,
quotation_cues.py, speakers.py, subjects.py, described.py, quote_marks.py, nlp.py): a "who" before the cue, a body quoted naming
itself, an outlet as he or she, a quotation inside the quotation, "when asked" after it, a quotation mark glued to
its cue or a stray space before NYT's closing '', "according to a post from …" or "the police's statement", and a surname the model missed as a
sentence's subject. Measured on PolNeAR train in docs/attribution.md; the sentences here are written for these
tests."""

from __future__ import annotations

import re

import pytest

from conftest import speaker_of
from storyline.analyze import analyze_article, find_quotes
from storyline.model import Mention


def test_who_before_the_cue_is_the_person_named_before_it():
    text = ("The harbour vote split the town.\n\n"
            "Then there was the radio host Piet Varga, who lamented in an interview with a local paper, "
            "“We have spent ten years telling people the ferry was safe.”")
    assert speaker_of(text, "ten years telling people") == "Piet Varga"


def test_a_body_quoted_naming_itself_keeps_its_words():
    text = ("Ferrolink dismissed its captain on Friday.\n\n"
            "“Ferrolink is a safe company,” Ferrolink said in a statement. “Captain Lars Ek has been told that his "
            "work for Ferrolink is over.”")
    bodies = [Mention("Ferrolink", m.start(), m.end(), "ORG") for m in re.finditer("Ferrolink", text)]
    quotes = find_quotes(text, bodies + [Mention("Lars Ek", text.index("Lars Ek"), text.index("Lars Ek") + 7, "PERSON")])
    assert [q.speaker for q in quotes if "Captain Lars Ek" in q.text] == ["Ferrolink"]


def test_a_stray_space_before_a_closing_double_apostrophe():
    text = ("Ana Ortiz wrote the ferry law.\n\n"
            "''The reason she has been so successful is that she built coalitions, '' said Mr. Varga, who now works "
            "for her. ''She sees herself as fighting for the crews.''")
    assert speaker_of(text, "reason she has been so successful") == "Varga"


def test_a_surname_the_model_missed_opens_the_sentence():
    # The model reads a bare surname as a body now and then; here it is given only the first mention.
    text = ("Varga spoke for an hour in Dover on Thursday.\n\n"
            "Varga waved as if to stop the noise, then leaned in and boomed: “Let us win the valley in November.”")
    quotes = find_quotes(text, [Mention("Varga", 0, 5, "PERSON")])
    assert [q.speaker for q in quotes if "win the valley" in q.text] == ["Varga"]


def test_a_quotation_inside_the_quotation_may_name_the_speaker():
    text = ("Tennis great Ann Lee remembered the champion as fun to be around. She saw him fight twice in New York.\n\n"
            "“He always whispered in my ear, ‘Ann Lee, you are the queen,’” she said.")
    assert speaker_of(text, "He always whispered") == "Ann Lee"


def test_an_outlet_that_reported_is_no_he():
    text = ("Piet Varga has said little about his health.\n\n"
            "The Harbour Gazette reported Saturday that a rival was planning to ask the senator for his records.\n\n"
            "Last month, a reporter asked Varga whether his age was fair game in the race.\n\n"
            "“Sure it is. I cannot remember the last day I took off because of illness,” he said.")
    assert speaker_of(text, "Sure it is") == "Piet Varga"


def test_a_name_with_a_body_s_word_is_no_he():
    # The model reads an outlet as a person now and then; here it is given so.
    text = ("Piet Varga has said little about his health.\n\n"
            "Associated Press asked about it on Friday.\n\n"
            "“Sure it is. I cannot remember the last day I took off because of illness,” he said.")
    people = [Mention("Piet Varga", 0, 10, "PERSON"),
              Mention("Associated Press", text.index("Associated"), text.index(" asked"), "PERSON")]
    assert [q.speaker for q in find_quotes(text, people) if "Sure it is" in q.text] == ["Piet Varga"]


def test_when_asked_after_a_quotation_is_no_cue_of_its_own():
    text = ("Piet Varga has raised money for his own campaign all year. Varga had previously said, “We will see,” "
            "when asked whether he would raise money for other candidates.")
    assert speaker_of(text, "We will see") == "Piet Varga"


def test_a_quotation_mark_glued_to_its_cue():
    text = "Paul Varga spoke on the radio.\n\nVarga said,“Look, those posters have no place in a campaign.”"
    assert speaker_of(text, "those posters") == "Paul Varga"
    text = ("Ana Ortiz spoke in Dover.\n\n"
            "“They trade in a lot of the fear and the anger of the valley,”Ortiz said. “Some of it is new.”")
    assert speaker_of(text, "fear and the anger") == "Ana Ortiz"


def test_according_to_a_message_is_its_author():
    text = ("The paper will cover the race as news, according to a post from Sarah Miller, its editor.\n\n"
            "“We will not only cover the ways the campaign is unique, but also its cost to the other candidates,” "
            "she wrote.")
    assert speaker_of(text, "We will not only cover") == "Sarah Miller"
    text = "The board will meet again, according to a spokesman for Sarah Miller. “Nothing is decided,” he said."
    assert speaker_of(text, "Nothing is decided") is None


def test_a_message_named_by_its_owner_is_the_owner_s_words():
    text = ("Two officers were on patrol near the depot on Saturday night.\n\n"
            "According to the Harbour Police's statement, the officers saw one man \"break away from the group upon "
            "noticing the police.\"\n\n"
            "The cable failed on Sunday. A Norrvik Telecom statement said \"more bandwidth was brought online last "
            "night.\"\n\nTelkom's latest press release said the network \"will be fully restored by Friday.\"")
    assert speaker_of(text, "break away from the group") == "Harbour Police"
    assert speaker_of(text, "more bandwidth was brought") == "Norrvik Telecom"
    assert speaker_of(text, "fully restored by Friday") == "Telkom"
    # a post, a filing or an announcement named by its medium or its register is not the medium's words
    text = ("The singer has not toured since March. According to an Instagram post, she is \"taking time to heal.\"\n\n"
            "Brentwater Holdings swung to a loss. According to an SEC filing, the company \"may not be able to "
            "continue as a going concern.\"")
    assert speaker_of(text, "taking time to heal") is None
    assert speaker_of(text, "going concern") is None
    # another's message is no one's named: the lawyer's, unnamed
    text = ("Ana Ortiz was charged on Monday.\n\n"
            "According to Ana Ortiz's lawyer's statement, the charge is \"a political act by a frightened council.\"")
    assert speaker_of(text, "a political act") is None


def test_a_surname_alone_is_not_the_relative_named_last():
    """An obituary quotes "his nephew William T. LaRue", then "Mr. LaRue said in 1971": the man it is about, not
    the nephew; but where the sentence before names the relative, the surname is theirs ("Bill Clinton spoke with
    voters … Clinton said")."""
    text = ("Frederick Halloran, a figure of the harbour scandal, died on Sunday at 75.\n\n"
            "After Mr. Halloran served his sentence, he returned to Velmar and ran the family's boatyard, his nephew "
            "Thomas J. Halloran said.\n\n"
            "The family money had dwindled by then.\n\n"
            "Mr. Halloran said in 1981, “I'm no millionaire.”")
    assert speaker_of(text, "no millionaire") == "Frederick Halloran"
    text = ("Senator Ana Ruiz campaigned in Dover on Monday with her husband, Piet Ruiz.\n\n"
            "Piet Ruiz spoke with voters outside the polling station. When a woman asked for a photograph, Ruiz "
            "said, “As long as we are not breaking any election law.”")
    assert speaker_of(text, "breaking any election law") == "Piet Ruiz"


def test_a_verb_after_a_quoted_fragment_is_no_cue_where_a_cue_comes_before():
    """"… said Monday that “putting aside the mental stuff,” Gigante had suffered from “a multitude of medical
    issues”": the lawyer's words, not Gigante's by "suffered"; "“…,” Toomey fumed" stays Toomey's."""
    text = ("Lawyer Michael Brennan, who led the defence team, said on Monday that \"putting aside the mental stuff,\" "
            "Vance had suffered from \"a multitude of medical issues relating to the heart,\" and had undergone "
            "surgery twice.")
    quotes = analyze_article(text, None).quotes
    assert {q.speaker for q in quotes if "mental stuff" in q.text or "multitude" in q.text} == {"Michael Brennan"}
    text = "“We will not back down on this,” Pat Toomey fumed after the vote."
    assert speaker_of(text, "We will not back down") == "Pat Toomey"


def test_she_is_never_a_body_and_a_whose_clause_says_nothing_of_her_sex():
    """"Gwen Adeyemi, whose father lived there until his death, said …" is no man, and "she" is never "The Care
    Quality Inspectorate", whose three capitalised words the model read as a body."""
    text = ("The Care Quality Inspectorate said it would “consider the information carefully”.\n\n"
            "Gwen Adeyemi, whose father lived at Meadowbank until his death in 2023, said the findings matched her "
            "experience.\n\n"
            "“I’d visit in the evening and there’d be no one on the floor at all,” she said.")
    assert speaker_of(text, "visit in the evening") == "Gwen Adeyemi"
    text = text.replace("Gwen Adeyemi", "Tom Adeyemi").replace("her experience", "his experience")
    assert speaker_of(text, "visit in the evening") is None


def test_the_statement_is_its_issuer_s_whose_apposition_closes_before_the_cue():
    text = ("The trust's chief executive, Dr Nikhil Varma, said in a statement that he understood the “strength of "
            "feeling”.\n\n"
            "“No one wants to close a much-loved unit,” the statement said.")
    assert speaker_of(text, "No one wants to close") == "Nikhil Varma"


def test_a_source_close_to_someone_is_not_them():
    """"A source close to the health secretary said", "People familiar with the mayor said": unnamed, not the
    secretary or the mayor the article names."""
    text = ("Health Secretary Anita Chaudhry is due to set out a new plan next week. A source close to the health "
            "secretary said the plan would include “a significant expansion of community diagnostic centres”.")
    assert speaker_of(text, "significant expansion") is None
    text = ("Mayor Ana Ruiz spoke on Monday. People familiar with the mayor said the plan would include “a new "
            "bridge”. The mayor said the plan would include “a new school”.")
    assert speaker_of(text, "a new bridge") is None
    assert speaker_of(text, "a new school") == "Ana Ruiz"


def test_it_after_a_body_s_statement_is_the_body():
    text = ("Kestrel Buses will withdraw the 42 service from March.\n\n"
            "In a statement, Kestrel Buses said it had ‘explored every option’ to keep the route running. "
            "‘Regrettably, Route 42 now carries on average fewer than six passengers per journey, and without "
            "additional support from the county council it is no longer commercially viable,’ the company said.\n\n"
            "It added that it would continue to talk to the council about ‘alternative arrangements’.")
    assert speaker_of(text, "alternative arrangements") == "Kestrel Buses"


def test_a_sport_role_after_a_team_s_name_is_the_player_just_named():
    """"the Blizzard netminder", where the model reads the team as a person, is the goalie the paragraph is about,
    and "the skipper" the captain; no role is formed on a one-word "person" the article never names in full."""
    text = ("The Blizzard scored twice in 90 seconds to take a 3-2 lead.\n\n"
            "Veteran winger Luc Tremblay tied the game with six minutes left, snapping a shot past Regina goaltender "
            "Evan Schultz.\n\n"
            "Schultz, who made 38 saves, was left shaking his head.\n\n"
            "\"I thought I had a good look at the Tremblay one, but it dipped on me,\" the Blizzard netminder said.")
    assert speaker_of(text, "good look at the Tremblay") == "Evan Schultz"
    text = ("Westvale captain Joe Whitley made 41.\n\n"
            "Whitley was full of praise for his opening batsman. “He has been knocking on the door for a while,” the "
            "skipper said.")
    assert speaker_of(text, "knocking on the door") == "Joe Whitley"


def test_an_office_no_one_is_introduced_with_is_not_the_holder_of_another_named_last():
    """"The Prime Minister said" where the story never calls its prime minister so: not the Leader of the Opposition
    named last, whom the story introduced with her own office; unnamed, as the article gives it."""
    text = ("Richard Calloway and Fiona Blakemore traded blows over waiting lists on Wednesday.\n\n"
            "Ms Blakemore, the Leader of the Opposition, opened by asking whether he would apologise. “Will he finally "
            "admit that his plan has failed?” she said.\n\n"
            "The Prime Minister said he was “very sorry” to hear of the woman's experience.")
    quotes = [q for q in analyze_article(text, None).quotes if "very sorry" in q.text]
    assert [(q.speaker, q.unnamed_source) for q in quotes] == [(None, "The Prime Minister")]
    # the Vane adviser is still Vane's adviser, Vane named with a title
    text = 'Chancellor Vane delivered the budget on Wednesday. "The numbers are brutal," the Vane adviser said.'
    assert speaker_of(text, "numbers are brutal") is None


def test_a_cue_after_though_is_another_clause_s():
    """"Defence lawyers objected to the tape as “highly prejudicial,” though Judge Ann Lee said …": the lawyers'
    words, not the judge's."""
    text = ("The jury asked to hear the recording again.\n\n"
            "Defence lawyers objected to the recording as “highly prejudicial,” though Judge Ann Lee said jurors "
            "could hear the part played at trial.")
    assert speaker_of(text, "highly prejudicial") is None


def test_who_after_a_place_or_a_governed_name():
    text = ("“It may worry people in the valley,” said Piet Varga, a doctor from Dover, New Jersey, who said he is "
            "friendly with the mayor's family.\n\n"
            "The loss was steep for Ms. Ana Ortiz, who said she would get “a rest and a day off.”")
    quotes = analyze_article(text, None).quotes
    assert [q.speaker for q in quotes if "friendly with the mayor" in q.text] == ["Piet Varga"]
    assert [q.speaker for q in quotes if "a rest and a day off" in q.text] == ["Ana Ortiz"]


def test_a_quotation_after_a_full_stop_has_the_cue_of_its_own_sentence():
    text = ("Piet Varga and Lena Okafor spoke at the depot.\n\n"
            "“Look at what you did,” Varga said. Okafor responded, “We can fix the timetable later.”")
    assert speaker_of(text, "Look at what you did") == "Piet Varga"
    assert speaker_of(text, "fix the timetable later") == "Lena Okafor"


def test_a_spaced_full_stop_after_a_title_ends_no_sentence_between_two_quotations():
    text = ("Mr . Varga left the board in 1974 .\n"
            "\"Ekdal had said that it was time for both of us to leave , \" Mr . Okafor wrote in his book , "
            "\"A Life on the Ferries . \"")
    assert speaker_of(text, "time for both of us") == "Okafor"


def test_the_speaker_and_verb_right_after_a_quotation_come_before_a_later_clauses_cue():
    # "pleaded" is no cue of the table; "continued" is, but its subject is the pair, in a clause of its own
    text = ("The presenter, Alan Trewin, tried to move the candidates on. ‘We have a lot to get through,’ he "
            "pleaded at one point, as the pair continued to talk over each other.")
    assert speaker_of(text, "a lot to get through") == "Alan Trewin"


def test_words_broken_off_are_the_speakers_named_right_after_them():
    text = ("Fiona Gallagher and Kwame Mensah met in a televised debate.\n\n"
            "‘Let me just answer the point—’ Ms Gallagher began. ‘You have had two minutes,’ Mr Mensah "
            "interjected.")
    assert speaker_of(text, "answer the point") == "Fiona Gallagher"
    assert speaker_of(text, "two minutes") == "Kwame Mensah"


def test_a_titled_speaker_and_an_adverb_before_any_verb_after_a_quotation():
    text = ("Fiona Gallagher and Kwame Mensah were asked what they admired about each other. There was a long "
            "pause.\n\n"
            "‘She is very well prepared,’ Mr Mensah eventually offered.")
    assert speaker_of(text, "very well prepared") == "Kwame Mensah"


def test_a_quotation_naming_someone_by_given_name_is_not_theirs():
    text = ("Allison Kerr fired her campaign manager, Bridget Haldane, on Monday.\n\n"
            "Pressed on whether she and Haldane had clashed, the candidate paused.\n\n"
            "“Bridget is very talented,” she said.")
    assert speaker_of(text, "very talented") == "Allison Kerr"


def test_a_given_name_alone_is_the_person_named_in_full_with_it():
    text = ("Harold Brandvold served six terms. His son Erik Brandvold is running for the seat.\n\n"
            "“Dad thinks the mine is the future of the Range,” Erik says.")
    assert speaker_of(text, "future of the Range") == "Erik Brandvold"



def test_a_bare_quotation_paragraph_after_a_source_is_introduced_is_theirs():
    text = ("Kowalczyk spoke for forty minutes in the gym where he once coached.\n\n"
            "Standing near the bleachers was Corinne Yates, the county Democratic chairwoman, who has known "
            "Kowalczyk since they worked the same summer job.\n\n"
            "“We've had candidates come up here for a photo and leave before the coffee got cold.”")
    assert speaker_of(text, "coffee got cold") == "Corinne Yates"


@pytest.mark.parametrize("text, words", [
    # a person the story named before: the paragraph is about them, not introducing a source
    ("Kowalczyk spoke in the gym with Corinne Yates beside him.\n\n"
     "Kowalczyk shook hands with Corinne Yates, the county chairwoman, near the bleachers.\n\n"
     "“We've had candidates come up here for a photo.”", "come up here for a photo"),
    # no words of a speaker's own: a sign, a slogan, a title
    ("Kowalczyk spoke for forty minutes in the gym where he once coached.\n\n"
     "Standing near the bleachers was Corinne Yates, the county chairwoman, under a banner.\n\n"
     "“Altoona Believes in Denny.”", "Altoona Believes"),
])
def test_a_bare_quotation_paragraph_stays_unattributed_without_an_introduced_speaker(text, words):
    assert speaker_of(text, words) is None


@pytest.mark.parametrize("below, speaker", [
    ("Lorraine Pettibone, a 71-year-old retired librarian, was standing in line for early voting on Tuesday.",
     "Lorraine Pettibone"),
    ("The line drew the biggest laugh of the afternoon, and it belonged to Rep. Dennis Kowalczyk, who announced "
     "his run for the Senate.", "Dennis Kowalczyk"),
    # a person the paragraph only speaks of is no one whose words they were
    ("The plea came a few minutes after the race was called for Representative Gwen Tolliver.", None),
])
def test_a_quotation_that_is_a_storys_first_paragraph_is_the_next_paragraphs_person(below, speaker):
    text = f"MILWAUKEE — “Nobody in my family ever voted in April until six years ago.”\n\n{below}"
    assert speaker_of(text, "Nobody in my family") == speaker


@pytest.mark.parametrize("ending", ["the union leader sounded confident. “They will vote yes,” she said.",
                                    "“They will vote yes,” the union leader said."])
def test_the_leader_of_a_body_is_whoever_the_story_introduced_at_its_head(ending):
    text = ("The union president, Teresa Marquez, announced the deal on Sunday. The chief executive, Sandra Kim, "
            f"called it fair. Asked whether members would approve it, {ending}")
    assert speaker_of(text, "vote yes") == "Teresa Marquez"


def test_a_role_given_after_one_name_is_not_the_next_names_the_sentence_goes_on_to():
    text = ("Juergen Koehler, the Eastbury coach, said his side had beaten Millbrook 2-1 on Saturday. Captain Dan "
            "Okafor will miss the cup match on Wednesday, the coach said. “I won’t take a risk with Dan,” he said.")
    assert speaker_of(text, "risk with Dan") == "Juergen Koehler"
    assert speaker_of(text, "cup match") == "Juergen Koehler"


def test_one_word_after_a_persons_name_and_of_is_where_they_are_from():
    text = "Mayor Oleksiy Hrytsenko of Pivdenne told residents on Monday that the bridge would reopen in May."
    assert speaker_of(text, "bridge would reopen") == "Oleksiy Hrytsenko"


@pytest.mark.parametrize("of", ["of the district court", "of the U.S. District Court in Hartford",
                                "from the county's health department"])
def test_a_person_named_before_of_and_a_body_is_who_speaks(of):
    text = ("Leonard Voss, 61, pleaded guilty in March to fraud. "
            f"Judge Harriet Adeyemi {of} said the crimes had been “calculated and sustained over nearly a decade.”")
    assert speaker_of(text, "crimes had been", direct=False) == "Harriet Adeyemi"


@pytest.mark.parametrize("who", ["Investors in the fund run by Ana Ruiz of the bank",
                                 "Pupils taught by Ana Ruiz from the school"])
def test_a_person_named_after_by_is_not_the_one_who_speaks(who):
    text = f"Leonard Voss, 61, pleaded guilty in March to fraud. {who} said the losses were “ruinous.”"
    assert speaker_of(text, "losses were", direct=False) is None


def test_a_bodys_name_in_capitals_is_not_the_common_noun_of_its_leader():
    text = ("Striking dockers' leader Tom Reed met European Union president Ana Berg in Brussels on Monday.\n\n"
            "“We will not back down,” the union leader said.")
    assert speaker_of(text, "not back down") == "Tom Reed"


def test_a_name_the_model_misses_beside_a_role_that_opens_the_sentence_speaks_not_the_name_the_role_supports():
    """"One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church, said …": the pastor is named after
    the comma, and Mr. Cruz is the object of "supporting", so neither that statement nor the "he tells" after it is
    Cruz's."""
    text = ("Mr. Cruz toured three churches on Sunday.\n\n"
            "One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church in Marion, said he had made "
            "more than 150 phone calls to other pastors.\n\n"
            "“Find your polling place and get there,” he tells parishioners.")
    assert [q.speaker for q in analyze_article(text, None).quotes] == ["Darran Whiting", "Darran Whiting"]


def test_a_clause_after_the_cue_is_what_was_said_not_the_sentence_before_the_speaker():
    """"…, and when the AP asked Bennett about it, the campaign manager said he needed to speak to the candidate first":
    what the manager said follows "said" (a pronoun and its verb), not the sentence's opening; and "Carson campaign
    manager Barry Bennett" makes Bennett the manager, Carson the one who has him."""
    text = ("Carson campaign manager Barry Bennett, a longtime political operative, was blamed by a former adviser.\n\n"
            "The interview was conducted in Carson’s home, and when the AP asked Bennett about Carson’s comments, the "
            "campaign manager said he needed to speak to the candidate first.")
    quotes = analyze_article(text, None).quotes
    assert [(q.text, q.speaker) for q in quotes] == [("he needed to speak to the candidate first", "Barry Bennett")]
    # where only place and time follow the cue, the words before the speaker are still what was said
    quotes = analyze_article("The talks had failed, the minister said at a briefing for journalists today.", None).quotes
    assert [(q.text, q.unnamed_source) for q in quotes] == [("The talks had failed", "the minister")]


def test_a_pronoun_inside_a_clause_after_the_cue_leaves_the_words_before_the_speaker_reported():
    """"The verdict is a travesty, Mr. Okafor said as he left the court": "he" opens no clause said, so the words
    before the speaker are his; and "Coach Eddie Jones and assistant coach Neal Hatley": "and" joins two people, so
    Jones is still the coach."""
    quotes = analyze_article("The verdict is a travesty, Mr. Okafor said as he left the court.", None).quotes
    assert [(q.text, q.speaker) for q in quotes] == [("The verdict is a travesty", "Okafor")]
    text = ("Coach Eddie Jones and assistant coach Neal Hatley ran the session. Hatley left early, but Jones stayed for "
            "an hour.\n\nThe coach said the squad was in good shape.")
    assert [q.speaker for q in analyze_article(text, None).quotes] == ["Eddie Jones"]


def test_the_ceo_is_the_one_introduced_as_chief_executive():
    """"Chief Executive Rebecca Sloane … the CEO said …, and then “…,” she said": the CEO is the chief executive the
    story named, and the "she" after her statement is hers, not the analyst quoted before."""
    text = ("“Our volumes turned positive in December,” Chief Executive Rebecca Sloane said on a call with analysts.\n\n"
            "“They've bought volume with margin,” said Jordan Whitfield, an analyst at a brokerage.\n\n"
            "Asked about that criticism on the call, the CEO said the company had funded the cuts through savings.\n\n"
            "“This is not a promotion,” she said.")
    quotes = analyze_article(text, None).quotes
    assert [q.speaker for q in quotes] == ["Rebecca Sloane", "Jordan Whitfield", "Rebecca Sloane", "Rebecca Sloane"]


def test_a_hockey_goalie_named_by_his_position_is_a_person_and_the_he_after_him_is_his():
    """"Calgary goalie Tyler Marchand", which the model reads as a body, is a person by the role before his name, so
    "Across the hall, Marchand was blunt … “…,” he said" is his, not the previous speaker's."""
    text = ("Sam Okonkwo made 40 saves as Winnipeg beat Calgary goalie Tyler Marchand in overtime.\n\n"
            "“I am just trying to stay in the moment,” Okonkwo said.\n\n"
            "Across the hall, Marchand was blunt about the winning goal.\n\n"
            "“I should have had it,” he said.")
    assert [q.speaker for q in analyze_article(text, None).quotes] == ["Sam Okonkwo", "Tyler Marchand"]


def test_a_description_of_the_other_sex_is_not_the_person_named_last():
    # no one is introduced as the businessman; the woman named last is no businessman: unnamed, as the article says
    text = ("Trump leads the polls in Florida, where Hillary Clinton campaigned on Monday.\n\n"
            "Clinton said the race was tightening. “We have work to do,” she said.\n\n"
            "“I get along with everybody,” the New York businessman said at a rally in Tampa.")
    quote = next(q for q in analyze_article(text, None).quotes if q.text.startswith("I get along"))
    assert (quote.speaker, quote.unnamed_source) == (None, "the New York businessman")


def test_a_role_whose_holder_acts_on_a_person_is_not_that_person_s():
    # "The coach singled out goalkeeper Hannah Brisco": the coach is Quintero, introduced so, not Brisco
    text = ("Storm coach Rafael Quintero was animated on the touchline all night.\n\n"
            "“People wrote us off,” Quintero said.\n\n"
            "The coach singled out goalkeeper Hannah Brisco, who made six saves.\n\n"
            "“Hannah kept us in it in the first half,” the coach said.")
    assert speaker_of(text, "Hannah kept us in it") == "Rafael Quintero"


def test_a_name_the_model_takes_for_a_place_is_a_person_where_its_surname_speaks():
    # the model reads "Adaeze Okafor" as a place; "Okafor said" shows her a person, and "she" goes to her
    text = ("Then Adaeze Okafor rose above two defenders and changed the mood of an entire city.\n\n"
            "“I just told myself to attack the ball,” Okafor said.\n\n"
            "Storm coach Rafael Quintero was animated all night. The coach singled out goalkeeper Hannah Brisco.\n\n"
            "According to Quintero, Okafor had been nursing a tight hamstring all week. Okafor, known as “Zee” to "
            "her teammates, shrugged off the concern.\n\n"
            "“It’s fine. It’ll be sore tomorrow,” she said with a grin.")
    assert speaker_of(text, "attack the ball") == "Adaeze Okafor"
    assert speaker_of(text, "sore tomorrow") == "Adaeze Okafor"


def test_she_paragraphs_after_anyone_was_quoted_is_the_woman_the_feature_is_about():
    text = ("Nora Gallagher has carried the post around Inishcoole for forty-one years.\n\n"
            "“People think it’s romantic,” Gallagher says. “It is, for a fortnight.”\n\n"
            "“Then it’s February,” she says. “And the wind is in your face both ways.”\n\n"
            "“I never missed a day,” she says. “Not one.”\n\n"
            "“The island will miss her,” says her brother Seamus.\n\n"
            "“I’m not bitter,” she says. “I’m saying it out loud.”\n\n"
            "Caitríona Boyle, the island’s nurse, calls her an early-warning system. “If Nora tells me someone looks "
            "poorly, I go,” Boyle says.\n\n"
            "Hughie McFadden, 84, lives at the end of the round. “She’s the only person I see some weeks,” he says.\n\n"
            "An Post said it was grateful for four decades of service.\n\n"
            "As the light goes, she walks me back down to the pier.\n\n"
            "“I’ll tell you what I’ll miss,” she says. “The doors.”")
    assert speaker_of(text, "what I’ll miss") == "Nora Gallagher"
    # the one quoted last stays the pronoun's person where she was quoted two paragraphs up or nearer
    near = text.replace("An Post said it was grateful for four decades of service.\n\n", "")
    near = near.replace("Hughie McFadden, 84, lives at the end of the round. “She’s the only person I see some weeks,” "
                        "he says.\n\n", "")
    assert speaker_of(near, "what I’ll miss") == "Caitríona Boyle"


def test_he_after_a_report_is_the_reporter_not_the_one_reported_on():
    text = ("Logan Pereira, 41, has pleaded not guilty after Daniel Fa'asalele, 39, was stabbed.\n\n"
            "Mr Fa'asalele gave evidence in the afternoon. He said he had had “no idea” Mr Pereira was waiting "
            "for him.\n\n"
            "“I walked out and he was just there,” he said.")
    assert speaker_of(text, "I walked out") == "Daniel Fa'asalele"
    # a clause after the words a cue before them reports is the sentence's own: Clinton, not Maddow
    text = ("Rachel Maddow interviewed Hillary Clinton on Wednesday.\n\n"
            "When Maddow pointed out that Sanders calls it “Medicare for all,” Clinton seized upon the reference. "
            "“Medicare for all is not the same if you’re turning it over to the states,” she said.")
    assert speaker_of(text, "is not the same") == "Hillary Clinton"


def test_a_titled_surname_two_people_bear_is_the_one_just_named():
    text = ("YUMA, Ariz. — The first thing Adriana C. Villanueva learned about politics, she says, she learned in a "
            "lettuce field. “I decided pretty early,” Villanueva said.\n\n"
            "Villanueva, a Democrat, is challenging Rep. Douglas W. Pruett.\n\n"
            "Her mother, Rosa Villanueva, was blunter. “I told her not to do it,” Mrs. Villanueva said.\n\n"
            "The candidate’s younger brother, Miguel Villanueva, an Army staff sergeant, has taken leave.\n\n"
            "“They see my picture in uniform on the flier,” Sgt. Villanueva said.")
    assert speaker_of(text, "I told her not to do it") == "Rosa Villanueva"
    assert speaker_of(text, "They see my picture") == "Miguel Villanueva"


def test_a_paragraph_of_bare_quotation_after_a_speaker_acts_is_theirs():
    text = ("“I am not going to tell you I can fix everything,” Martin Okafor said.\n\n"
            "Okafor closed with a direct appeal for turnout on Monday.\n\n"
            "“So here is what I need from you. On Monday night, I need you to show up.”")
    assert speaker_of(text, "what I need from you") == "Martin Okafor"
    # not one never quoted before: the sentence only tells what he did
    text = ("The senator spoke for an hour.\n\nOkafor closed with a direct appeal for turnout on Monday.\n\n"
            "“So here is what I need from you.”")
    assert speaker_of(text, "what I need from you") is None
    # nor the one who acts on a newcomer, nor the reader of a statement, nor one the words name
    for text in ("“Our plan will protect every home,” Mayor Alan Dunn said.\n\nCarla Ruiz, 58, has been flooded four "
                 "times. Dunn visited her house last week.\n\n“I told him the truth: we are drowning.”",
                 "“This was a brutal attack,” prosecutor Seán Gillane told the court.\n\nGillane then read a "
                 "statement from the victim’s mother.\n\n“I will never forgive him for what he took from us.”",
                 "“I’ve never seen a season like it,” said trainer Willie Mullins.\n\nHis stable jockey rode four "
                 "winners. Mullins embraced him.\n\n“I owe everything to Willie. He gave me my chance.”"):
        quote = analyze_article(text, None).quotes[-1]
        assert quote.speaker is None, text


def test_a_colon_after_words_that_name_no_one_goes_on_with_the_speaker_before():
    text = ("Hughie McFadden, 84, lives alone. “She’s the only person I see some weeks,” he says simply.\n\n"
            "Then, after a pause: “The contractor will be a nice lad, I’m sure. But he won’t come in for the tea.”")
    assert speaker_of(text, "The contractor will be") == "Hughie McFadden"


def test_an_office_in_the_words_before_a_holder_of_another_office_is_not_theirs():
    # "the speaker" stands before Kolb's name as the one she spoke to; she is a senator, the speaker is Reilly
    text = ("WASHINGTON — Speaker Gordon A. Reilly insisted that any new spending be offset.\n\n"
            "“Nobody questions that Louisiana needs help,” Mr. Reilly said.\n\n"
            "Caught in the middle is Senator Marianne Kolb, a Louisiana Republican.\n\n"
            "Asked whether she had spoken to the speaker, Ms. Kolb said, “Twice. He knows where I am.”\n\n"
            "“This is a test of whether disaster aid is still above politics,” said Pearl Anne Whitley, a former "
            "committee staff director.\n\n"
            "The speaker said he expected a vote next week. “We'll get there,” he said.")
    assert speaker_of(text, "We'll get there") == "Gordon A. Reilly"


def test_a_sentence_after_the_quotation_that_points_back_names_its_speaker():
    text = ("In Lagos, traders were already counting the cost. The police spokesman, SP Aminu Danjuma, said patrols "
            "were stepped up.\n\n"
            "“This generator is eating my profit.” That was how Kelechi Obi, a phone repairer, summed up the "
            "situation. “Every day I buy fuel,” he said.")
    assert speaker_of(text, "eating my profit") == "Kelechi Obi"
    assert speaker_of(text, "Every day I buy fuel") == "Kelechi Obi"


def test_a_capitalised_role_opening_a_sentence_is_its_subject_before_the_one_it_reports_on():
    text = ("The party retained power, with Chief Minister K. Chandrasekhar Murthy describing the outcome as "
            "\"a stamp of approval\".\n\n"
            "\"This is their victory, not mine,\" he said.\n\n"
            "The Chief Minister recalled that State Congress president A. Revanth Kumar had dismissed the schemes as "
            "\"freebies that will bankrupt the State\" during the campaign. \"Today the people have given their "
            "answer to that insult,\" he added.")
    assert speaker_of(text, "Today the people") == "K. Chandrasekhar Murthy"


def test_a_paragraph_after_a_bare_quotation_that_says_whose_line_it_was_names_its_speaker():
    text = ("The board voted 5-2 to buy the scanners.\n\n"
            "\"We can't scan our way to safety.\"\n\n"
            "That line, from board member Patricia Lowe, drew loud applause from half the room.")
    assert [q.speaker for q in analyze_article(text, None).quotes] == ["Patricia Lowe"]


def test_a_family_name_written_first_is_the_one_the_person_is_called_by():
    # two people share each family name; "Lee said" is the Lee named last before it, as a reader takes it
    text = ("SEOUL — The military said the missile flew 900 km, Col. Lee Min-jun, a spokesman for the Joint Chiefs, "
            "told a briefing.\n\n"
            "“We are still reading the radar data,” Lee said.\n\n"
            "Foreign Minister Kim Hyun-woo called his counterparts within the hour. “This breaks every resolution "
            "on the table,” Kim said.\n\n"
            "President Lee Jae-myung met his security council. According to his spokeswoman, Han Seo-yeon, he urged "
            "calm.\n\n"
            "“The channels for talks stay open,” Han said. “We answer strength with strength,” Lee said later.")
    assert speaker_of(text, "still reading the radar") == "Lee Min-jun"
    assert speaker_of(text, "breaks every resolution") == "Kim Hyun-woo"
    assert speaker_of(text, "channels for talks") == "Han Seo-yeon"
    assert speaker_of(text, "answer strength") == "Lee Jae-myung"


def test_his_wife_said_is_the_wife_the_article_names():
    text = ("At a school gym in Ankeny, precinct chair Karen Lindqvist, 58, counted the cards. Her husband, Olof, "
            "sat on the other side of the room.\n\n"
            "“He has never once voted with me,” said Olof Lindqvist, 60, a retired farmer.\n\n"
            "“We'll still be married in the morning,” his wife said, laughing.")
    assert speaker_of(text, "still be married") == "Karen Lindqvist"


def test_her_husband_opening_a_sentence_is_the_husband_the_article_named():
    text = ("Among those watching in Bogotá were Luz Dary Ospina and her husband, Hernán Ospina, whose son Mateo was "
            "taken in 2024.\n\n"
            "“I want to believe it,” Mrs. Ospina said.\n\n"
            "Her husband was blunter. “Mateo has been gone for 700 days,” he said.")
    assert speaker_of(text, "I want to believe it") == "Luz Dary Ospina"
    assert speaker_of(text, "700 days") == "Hernán Ospina"


def test_a_son_introduced_with_his_age_is_a_relative_and_the_surname_alone_his_father():
    text = ("Dale Brannock, the governor's 34-year-old son and an executive at the family firm, said his father was "
            "tired of the noise. “He's never been one to sit still,” Dale Brannock said. Asked whether his father enjoyed "
            "it, he laughed.\n\n"
            "“There were times I said the wrong thing,” Brannock said on Friday.")
    text = "Gov. Walter Brannock faced reporters in Tulsa.\n\n" + text
    assert speaker_of(text, "times I said the wrong thing") == "Walter Brannock"


def test_an_interview_is_with_the_person_named_not_the_one_whose_campaign_is():
    text = ("WASHINGTON — On election night, Tobiah Vance watched his final forecast come apart.\n\n"
            "Aides to the Redmond campaign said Redmond's internal numbers were better. Redmond's campaign manager "
            "spoke of a hidden Redmond vote. Redmond carried the state.\n\n"
            "Vance, 52, runs a firm that polls for both parties. He spoke with our correspondent on Thursday.\n\n"
            "Q: How wrong were the polls?\n\n"
            "A: Less wrong than I feared nationally, and more wrong than I can accept in the states.\n\n"
            "Q: What now?\n\n"
            "A: I will weight by education in every survey I run.")
    assert speaker_of(text, "Less wrong than I feared") == "Tobiah Vance"
    assert speaker_of(text, "weight by education") == "Tobiah Vance"
