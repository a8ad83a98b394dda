"""People the model does not tag are found by their name's shape (analyze/missed_people.py): a given name, a title
or role before the name, a surname the article gives a person; and the quotation they speak gets them. Capitalised
words that name no one stay no one's. Our own sentences."""

from __future__ import annotations

from conftest import speaker_of

from storyline.analyze.missed_people import missed_people
from storyline.model import Mention


def _mention(text: str, name: str, label: str) -> Mention:
    start = text.index(name)
    return Mention(name, start, start + len(name), label)


def _people(text: str, mentions: list[Mention] | None = None) -> list[str]:
    return [m.text for m in missed_people(text, mentions or []) if m.label == "PERSON"]


def test_a_given_name_and_a_surname_the_model_missed_speak() -> None:
    text = "Ana Ortiz stood at the quay. “We will rebuild,” she said."
    assert _people(text) == ["Ana Ortiz"]
    assert speaker_of(text, "rebuild") == "Ana Ortiz"


def test_a_given_name_the_census_gives_one_sex_makes_a_name_the_model_missed() -> None:
    # "Patrice" is in no hand-made table; the census's names of one sex hold it (lang/en_given_names.py)
    text = ("Patrice Hargrove spoke on Monday.\n\nGov. Lorraine Ashworth said she was sorry.\n\n"
            "Hargrove did not back down. “Friends show up,” she said.")
    assert "Patrice Hargrove" in _people(text, [_mention(text, "Lorraine Ashworth", "PERSON")])
    assert speaker_of(text, "Friends show up") == "Patrice Hargrove"


def test_a_title_or_role_before_capitalised_words_makes_them_a_name() -> None:
    assert _people("The vote was close, state Representative Karlee Macer told the hall.") == ["Karlee Macer"]
    assert _people("The show's host Teodor Brandvik laughed.") == ["Teodor Brandvik"]
    found = missed_people("Dr. Kelli Wardle spoke.", [])
    assert [(m.text, m.title) for m in found] == [("Kelli Wardle", "Dr.")]


def test_a_surname_the_article_gives_a_person_makes_the_name_before_it_a_person() -> None:
    text = "Marek Duda spoke first. Later Ilse Duda took the stage."
    mentions = [_mention(text, "Marek Duda", "PERSON")]
    assert _people(text, mentions) == ["Marek Duda", "Ilse Duda"]


def test_a_name_run_into_a_body_across_a_comma_is_cut_from_it() -> None:
    text = "said his oldest friend at Brackley, Bruce Tannery, who knew the family."
    found = missed_people(text, [_mention(text, "Brackley, Bruce Tannery", "ORG")])
    assert [(m.text, m.label) for m in found] == [("Brackley", "ORG"), ("Bruce Tannery", "PERSON")]


def test_a_given_name_the_model_read_as_a_place_gives_way_to_the_whole_name() -> None:
    text = "And then Carly Fenwick: what are her plans?"
    found = missed_people(text, [_mention(text, "Carly", "GPE")])
    assert [(m.text, m.label) for m in found] == [("Carly Fenwick", "PERSON")]


def test_capitalised_words_that_name_no_one_stay_no_one() -> None:
    text = "Marek Duda spoke. Then Duda left. The Bruce Foundation paid. Mark Street was shut. Will Congress act? " \
           "Angry Voters Turn On Ana Ortiz Today. I will mark the day, then go."
    mentions = [_mention(text, "Marek Duda", "PERSON")]
    assert _people(text, mentions) == ["Marek Duda"]


def test_a_longer_name_the_model_read_keeps_the_model_reading() -> None:
    text = "The Ana Ortiz Trust for Harbours paid for it."
    assert _people(text, [_mention(text, "Ana Ortiz Trust for Harbours", "ORG")]) == []


def test_an_age_or_a_person_noun_beside_capitalised_words_makes_them_a_name() -> None:
    assert _people("One voter, Teodor Brandvik, 35, showed up early.") == ["Teodor Brandvik"]
    assert _people("Her cousin Ilse Marwede drove her there.") == ["Ilse Marwede"]


def test_a_title_outweighs_the_model_reading_a_name_as_a_body() -> None:
    text = "Prize-winning author Teodor Brandvik made a case for reading."
    found = missed_people(text, [_mention(text, "Teodor Brandvik", "ORG")])
    assert [(m.text, m.label, m.title) for m in found] == [("Teodor Brandvik", "PERSON", None)]


def test_a_given_name_and_a_place_the_article_names_stay_the_model_reading() -> None:
    text = "Troops left Charlotte Hills. Later the Charlotte Hills farms were empty."
    mentions = [_mention(text, "Charlotte Hills", "GPE")]
    assert _people(text, mentions) == []


def test_the_quotation_of_a_person_run_into_a_body_or_named_by_a_known_surname_gets_them() -> None:
    text = ("“It may have been his first attempt to stand apart from his father,” said his best friend at Brackley, "
            "Bruce Tannery, who knew the family well.")
    assert speaker_of(text, "first attempt") == "Bruce Tannery"
    text = ("Donald Trump won the state. At the convention, Ivanka Trump strode across the stage. “Policies should "
            "help mothers,” she said.")
    assert speaker_of(text, "Policies") == "Ivanka Trump"


def test_a_role_and_another_noun_before_capitalised_words_make_them_a_name() -> None:
    assert _people("The author and harbour firebrand Teodor Vasko spoke last.") == ["Teodor Vasko"]
    # the words after "and" are a body's ("publisher of"), not a person's noun before a name
    assert _people("said the president and publisher of Grand Harbour Press.") == []


def test_a_census_name_is_read_only_where_the_model_read_nothing_and_no_person_is_made_plural() -> None:
    # "German" is a given name in the census and a people; "Bennetts" is the Bennett of the article made plural
    assert _people("The German Bundestag voted on Friday.", [_mention("The German Bundestag voted", "German", "NORP")]) \
        == []
    text = ("Campaign manager Barry Bennett spoke first.\n\n“It’s really more the Barry Bennetts of the world,” he said.")
    assert _people(text, [_mention(text, "Barry Bennett", "PERSON")]) == ["Barry Bennett"]
