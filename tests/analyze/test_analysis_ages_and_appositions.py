"""A person described by age ("said the 74-year-old"), by a word of sport ("the striker"), by origin ("the
Spaniard"), and a name set beside an object ("beat the fourth seed, Andrés Molina,"): shapes of British, Irish,
Australian and sports reporting, on reports written for these tests."""

from __future__ import annotations

import pytest

from conftest import speaker_of
from storyline.analyze.office_titles import strip_title


@pytest.mark.parametrize("text, words, speaker", [
    ("The shop's owner, Siobhán Kearney, said she had been woken by a neighbour. ‘I thought it was a prank at "
     "first,’ the 52-year-old said.", "prank at first", "Siobhán Kearney"),
    ("Margaret Tully, from Wollongong, has been waiting 26 months for a knee replacement. ‘Some days I can’t get "
     "to the letterbox,’ said the 74-year-old.", "letterbox", "Margaret Tully"),
    ("Callum Whitlock reached the semi-finals on Thursday.\n\n‘Six months ago I wasn’t sure I’d play again,’ said "
     "the 31-year-old.", "play again", "Callum Whitlock"),
    # the age the story gave beside a name says which of two people
    ("Tom Reyes, 45, and his neighbour Dan Ortiz, 61, watched the flames. ‘We lost everything,’ the 61-year-old "
     "said.", "lost everything", "Dan Ortiz"),
    ("Retired teacher Ana Lund, aged 68, and her son Erik Lund spoke at the hearing. ‘Nobody warned us,’ said the "
     "68-year-old.", "Nobody warned us", "Ana Lund"),
    # an age said beside the name with "a" is that person's, not a stranger's
    ("Ana Ruiz, a 47-year-old teacher, has worked at the school for 20 years.\n\n“I never thought it would close,” "
     "the 47-year-old said.", "never thought", "Ana Ruiz"),
    ("A 34-year-old nurse, Ana Ruiz, was the first to reach the crash. “There was smoke everywhere,” the "
     "34-year-old said.", "smoke everywhere", "Ana Ruiz"),
])
def test_an_age_is_the_person_it_was_given_to_or_the_one_just_named(text, words, speaker):
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize("description", ["the 47-year-old", "the 47-year-old man"])
def test_an_age_said_of_someone_unnamed_is_not_the_officer_named_beside_him(description):
    text = ("Sgt. Tom Reed said a 47-year-old man had been arrested outside the bank. "
            f"“I did nothing wrong,” {description} told reporters.")
    assert speaker_of(text, "nothing wrong") is None


@pytest.mark.parametrize("description", ["the 30-year-old victim", "the 80-year-old pensioner", "the 28-year-old witness"])
def test_an_age_before_a_noun_of_no_role_given_is_no_official_just_named(description):
    # the official speaks of the one described; reading the age as the official's (as "the 47-year-old engineer" for
    # the chief technology officer just named would be) gave the inspector the victim's words
    text = f"Inspector Tom Reed said the attack happened just after midnight. “I thought I was going to die,” {description} said."
    assert speaker_of(text, "going to die") is None


def test_an_age_does_not_reach_back_past_the_paragraph_before():
    # the last speaker, three paragraphs back, is not "the 46-year-old"
    text = ("“The hall is ready for tonight,” the convention chair, Paul Okafor, told delegates.\n\n"
            "The first evening began an hour late.\n\n"
            "Several speeches ran over their time.\n\n"
            "With millions watching, the former model gave a warm defence of her husband.\n\n"
            "“He has always been a leader,” said the 46-year-old.")
    assert speaker_of(text, "always been a leader") is None


def test_a_word_of_sport_is_a_role_its_holder_answers():
    text = ("Rovers striker Jamie Harrow scored twice on Saturday.\n\n"
            "Asked about a call-up, he shrugged. “That’s above my head. I just want to play,” the striker said.")
    assert speaker_of(text, "above my head") == "Jamie Harrow"


def test_a_name_beside_an_object_is_not_the_subject_a_quotation_goes_to():
    text = ("Callum Whitlock beat the fourth seed, Andrés Molina, 7-6 6-4 on Thursday.\n\n"
            "“Six months ago I wasn’t sure I’d play again,” he said.")
    assert speaker_of(text, "play again") == "Callum Whitlock"


@pytest.mark.parametrize("origin, speaker", [("the Spaniard", "Pablo Ruiz"), ("the Argentine", "Carlos Molina")])
def test_an_origin_after_the_is_the_person_introduced_with_the_country(origin, speaker):
    text = (f"Carlos Molina of Argentina and Pablo Ruiz of Spain led after the first round.\n\n"
            f"“The greens were fast,” {origin} said.")
    assert speaker_of(text, "greens were fast") == speaker
    text = ("Argentine forward Carlos Molina and Spanish defender Pablo Ruiz both scored.\n\n"
            f"“We deserved it,” {origin} said.")
    assert speaker_of(text, "deserved it") == speaker


@pytest.mark.parametrize("text, words, speaker", [
    # an origin, an age, a parent's children: what the one person just named is
    ("Antoine Mercier won his third title on Sunday.\n\n“It never gets easier,” the Frenchman said.", "never gets easier",
     "Antoine Mercier"),
    ("Ruiz, who has nine assists this season, played down his role. Mateo Ruiz joined from Sevilla in May.\n\n"
     "“Chidi did the hard part,” the Spaniard said.", "hard part", "Mateo Ruiz"),
    ("Detectives arrested Neil Carver, 44, on Tuesday.\n\n“I did nothing wrong,” the father of two told reporters.",
     "did nothing wrong", "Neil Carver"),
    ("Police charged Dana Whitlow with arson on Monday. “I want to go home,” the mother of three said.", "go home",
     "Dana Whitlow"),
])
def test_a_description_of_what_someone_is_is_the_one_person_just_named(text, words, speaker):
    assert speaker_of(text, words) == speaker


def test_an_age_an_earlier_sentence_opened_with_is_whom_that_description_stood_for():
    """The sentence before is about someone the story describes by the same age, not the one it names beside them:
    the person named before that description."""
    text = ("Harbor City beat Lakeside 2-1 thanks to a late goal from substitute Chidi Okonkwo.\n\n"
            "The 24-year-old forward met a low cross and flicked it past goalkeeper Sven Albrecht.\n\n"
            "“I just told myself to keep running,” the 24-year-old said.")
    assert speaker_of(text, "keep running") == "Chidi Okonkwo"
    # two named before the description, or another age: no one
    assert speaker_of(text.replace("a late goal from substitute Chidi Okonkwo", "goals from Chidi Okonkwo and Tom Reyes"),
                      "keep running") is None
    assert speaker_of(text.replace("The 24-year-old forward", "The 31-year-old winger"), "keep running") is None


@pytest.mark.parametrize("text, words", [
    # two people named: neither is "the Frenchman" by being named last
    ("Antoine Mercier beat Luca Bianchi in the final.\n\n“It never gets easier,” the Frenchman said.", "never gets easier"),
    ("Police questioned Tom Reyes and Dan Ortiz on Monday.\n\n“We saw nothing,” the father of two said.", "saw nothing"),
])
def test_a_description_two_people_could_answer_is_nobodys(text, words):
    assert speaker_of(text, words) is None


@pytest.mark.parametrize("age, speaker", [("45", "Tom Reyes"), ("61", "Dan Ortiz")])
def test_of_two_ages_given_before_names_the_one_said(age, speaker):
    text = ("45-year-old Tom Reyes and 61-year-old Dan Ortiz watched the flames from the road.\n\n"
            f"“We lost everything,” the {age}-year-old said.")
    assert speaker_of(text, "lost everything") == speaker


@pytest.mark.parametrize("text, words", [
    # two people named before the age: the last named is not whom it was meant for
    ("Margaret Tully has waited eight months for knee surgery. Her GP, Dr Anil Rao, says the delay is now "
     "typical.\n\n‘Some days I can barely walk to the shops,’ said the 74-year-old.", "walk to the shops"),
    # a batsman and a bowler named: "the batsman" is neither by the last name
    ("Joe Root made 142 as England reached 390 for six. Australia's captain Pat Cummins took two wickets.\n\n"
     "“The pitch is flat and we just have to be patient,” the batsman said.", "pitch is flat"),
])
def test_an_age_or_a_role_of_sport_two_people_could_hold_is_nobodys(text, words):
    assert speaker_of(text, words) is None


def test_a_role_the_model_took_into_a_name_is_no_part_of_it():
    text = "Striker Ian Moss, 31, scored twice as Rovers beat City 3-1.\n\n“We wanted it more,” said the 31-year-old striker."
    assert speaker_of(text, "wanted it more") == "Ian Moss"
    text = "Cr Joan Penhaligon opposed the plan. “It is the wrong road,” Cr Penhaligon said."
    assert speaker_of(text, "wrong road") == "Joan Penhaligon"


@pytest.mark.parametrize("opening, speaker", [
    ("Her mentor, the late restaurateur Hugo Farrant,", "Hugo Farrant"),
    ("His neighbour, the retired teacher Ann Lee,", "Ann Lee"),
    # the name a preposition governs is not the one the apposition describes
    ("Her sister, the wife of Tom Reyes,", None),
])
def test_an_apposition_of_a_few_words_ending_in_a_name_is_that_person(opening, speaker):
    text = f"{opening} said the kitchen was “the hardest place I ever worked.”"
    assert speaker_of(text, "hardest place") == speaker


@pytest.mark.parametrize("opening", ["Her sister, the woman Tom Reyes married in 2010,",
                                     "His deputy, the officer under Chief Ray Dunn,"])
def test_a_name_inside_an_apposition_that_does_not_end_it_or_is_governed_is_not_the_speaker(opening):
    assert speaker_of(f"{opening} said the family was “devastated by the news.”", "devastated") is None


def test_what_a_question_asked_about_is_not_who_answers():
    text = ("Carla Mendes refused to talk about the title race.\n\n"
            "Lewis Dunmore was less cautious. Asked whether Rovers could win the league, he said: “Why not us? We "
            "have beaten everyone above us.”")
    assert speaker_of(text, "Why not us") == "Lewis Dunmore"


@pytest.mark.parametrize("name", ["Unseeded Chiamaka Okafor", "Embattled Chiamaka Okafor", "Analyst Chiamaka Okafor",
                                  "Spokeswoman Chiamaka Okafor"])
def test_an_epithet_the_model_took_into_a_name_is_no_part_of_it(name):
    assert strip_title(name) == "Chiamaka Okafor"
    assert strip_title("Leader of the Opposition Meenakshi Rao Patil") == "Meenakshi Rao Patil"
    assert strip_title("Opposition Meenakshi Rao Patil") == "Meenakshi Rao Patil"


@pytest.mark.parametrize("name", ["RNC Chairwoman Chiamaka Okafor", "Ohio Gov. Chiamaka Okafor", "Gov. Chiamaka Okafor",
                                  "DNC Chair Chiamaka Okafor"])
def test_a_bodys_initials_or_a_state_before_a_title_are_no_part_of_the_name(name):
    assert strip_title(name) == "Chiamaka Okafor"
    assert strip_title("Paul Justice") == "Paul Justice"


@pytest.mark.parametrize("text, words", [
    # what the story says beside the one name contradicts the description: another country, age or sex
    ("British tourist Tom Baker was injured in the attack in Mombasa.\n\n“We acted quickly,” the Kenyan said.",
     "acted quickly"),
    ("Frenchman Luc Moreau won the stage.\n\nBelgian rider Jan Peeters finished second.\n\n“I was tired,” the "
     "Frenchman said.", "was tired"),
    ("Detectives arrested Neil Carver, 44, on Tuesday.\n\n“He attacked me first,” the 24-year-old said.", "attacked me"),
    ("Police charged Daniel Whitlow with arson on Monday.\n\n“I want my kids back,” the mother of three said.",
     "kids back"),
    # an origin needs the person the story was about, not one it named as an object
    ("Officers arrested Mateo Ruiz on Monday.\n\n“He was violent,” the Briton told police.", "was violent"),
])
def test_a_description_the_story_contradicts_or_does_not_tie_to_the_one_named_is_nobodys(text, words):
    assert speaker_of(text, words) is None
