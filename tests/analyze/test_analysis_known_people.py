"""A name the model labels a body or a place is a person's where the article's words show it, at every
mention of it; a person's name does not run on over "of <body>"; a nested question's cue after a name's
apposition ("Will Ortega, the chairman …, said"); the pronoun after an opening clause with no comma; the person in
apposition to a possessor's kin. Our own sentences."""

import re

from conftest import speaker_of

from storyline.analyze import analyze_article
from storyline.analyze.known_people import people_by_context
from storyline.analyze.nlp import Token
from storyline.analyze.person_names import given_name_as_verb
from storyline.model import Mention


def _mention(text: str, name: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(name, start, start + len(name), label)


def test_a_name_that_does_something_to_himself_is_a_person_at_every_mention() -> None:
    text = "The Halloran camp was upbeat. At the debate, Halloran compared himself to Ruiz, saying he was ready."
    mentions = [_mention(text, "Halloran", "ORG"), _mention(text, "Halloran", "ORG", 1), _mention(text, "Ruiz", "PERSON")]
    assert [m.label for m in people_by_context(text, mentions)] == ["PERSON", "PERSON", "PERSON"]


def test_a_name_whose_surname_the_article_gives_a_mr_is_a_person() -> None:
    # "Mr Quispe told local radio": only a person is a Mr, so "Gilberto Quispe" is one wherever it stands
    text = ("Work was slow, said Gilberto Quispe, head of the regional mining office. "
            "\"We need more machines,\" Mr Quispe told local radio.")
    mentions = [_mention(text, "Gilberto Quispe", "ORG")]
    assert [m.label for m in people_by_context(text, mentions)] == ["PERSON"]
    body = text.replace("Mr Quispe", "the office")
    assert [m.label for m in people_by_context(body, [_mention(body, "Gilberto Quispe", "ORG")])] == ["ORG"]


def test_a_name_in_apposition_after_a_kin_noun_is_a_person() -> None:
    text = "Varga's son, Tomas, defended his father online."
    mentions = [_mention(text, "Varga", "PERSON"), _mention(text, "Tomas", "ORG")]
    assert [m.label for m in people_by_context(text, mentions)] == ["PERSON", "PERSON"]


def test_a_body_or_a_place_that_does_something_to_itself_keeps_its_label() -> None:
    text = "Lima prides itself on its parks. The Halloran Group described himself as a victim, the memo joked."
    mentions = [_mention(text, "Lima", "GPE"), _mention(text, "Halloran Group", "ORG")]
    assert [m.label for m in people_by_context(text, mentions)] == ["GPE", "ORG"]


def test_a_person_of_a_body_of_a_place_speaks() -> None:
    text = ("The talks stalled again on Monday.\n\nHowever, as Archbishop John Miller of the Baptist Convention of Texas told "
            "the radio station, “We will stay at the table for as long as it takes.”")
    assert speaker_of(text, "We will stay") == "John Miller"


def test_a_nested_question_is_cued_after_the_apposition_of_the_name_that_follows() -> None:
    text = ("The county was the prize.\n\n\"He just stopped and said, 'We have to win the county. How do we win it?’\" "
            "Will Ortega, the chairman for the Northern Valley exurb, said.")
    assert speaker_of(text, "He just stopped and said") == "Will Ortega"
    # the words he tells of the man saying are that man's, whom he does not name (analyze/nested.py)
    inner = [q for q in analyze_article(text, None).quotes if q.text.startswith("We have to win")]
    assert [(q.speaker, q.unnamed_source) for q in inner] == [(None, "He")]


def test_a_given_name_that_is_a_verb_s_form_opens_a_name_only_before_a_surname() -> None:
    def tokens(text: str) -> list[Token]:
        return [Token(m.start(), m.end(), m.group(), "") for m in re.finditer(r"\S+", text)]

    assert given_name_as_verb(tokens("Will Ortega said"), 0)
    assert not given_name_as_verb(tokens("Ortega May Not Have Said It"), 1)
    assert not given_name_as_verb(tokens("Will they say"), 0)


def test_a_pronoun_after_an_opening_clause_without_a_comma_speaks() -> None:
    text = ("Judge Ruiz called a short recess.\n\nWhen he returned he began by saying, “I see no reason to send "
            "anyone to prison today.”")
    assert speaker_of(text, "I see no reason") == "Ruiz"


def test_the_person_in_apposition_to_a_possessor_s_kin_speaks() -> None:
    text = ("The network dropped Varga on Monday.\n\nVarga's son, Grant, defended his father online on Tuesday, saying: "
            "''My father has never meant harm to anyone in his life.''")
    assert speaker_of(text, "My father has never") == "Grant"
