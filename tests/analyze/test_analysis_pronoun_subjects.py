"""Whom he, she and a role stand for where the subject a reader sees is not the nearest name
(analyze/antecedents.py, analyze/subjects.py): a role formed on a name is someone else's, a name after a
dangling preposition is its object, and a name after an inverted "was" or "is" is the sentence's subject.
Found by reading PolNeAR train's pronoun and role errors (docs/attribution.md); the sentences here are
written for these tests."""

from __future__ import annotations

from conftest import speaker_of


def test_a_role_formed_on_a_name_is_not_that_person():
    text = ("Senator Ana Ortiz toured the harbour on Monday. Mayor Piet Varga said he expects Ortiz to win the seat.\n\n"
            "“The north shore will carry her,” said the senior Ortiz adviser.")
    assert speaker_of(text, "north shore will carry her") is None
    text = ("Ortiz adviser Dan Oduya has run three campaigns on the coast.\n\n"
            "Senator Ana Ortiz toured the harbour on Monday.\n\n"
            "“The north shore will carry her,” said the senior Ortiz adviser.")
    assert speaker_of(text, "north shore will carry her") == "Dan Oduya"
    # the name after "of" is whom the role serves, not what it is formed on: the apposition's person speaks
    text = ("Sen. Ana Ortiz, a supporter of Piet Varga's bid for governor, told the host "
            "that Varga would win the north shore.")
    assert speaker_of(text, "Varga would win") == "Ana Ortiz"


def test_a_name_after_a_dangling_preposition_is_its_object():
    text = ("Dan Oduya once drew close to, or even slightly ahead of, front-runner Piet Varga in the polls. "
            "But he fell to ten percent in December.\n\n"
            "“My team remains in place,” he said.")
    assert speaker_of(text, "My team remains in place") == "Dan Oduya"


def test_a_name_after_an_inverted_verb_is_the_subject():
    text = ("Mayor Piet Varga opened the ferry terminal on Monday.\n\n"
            "Yet there at the back of the hall was Dan Oduya, a retired ferry pilot. He was not cheering.\n\n"
            "“This is a show for the cameras,” he said.")
    assert speaker_of(text, "a show for the cameras") == "Dan Oduya"
    text = ("Mayor Piet Varga opened the ferry terminal on Monday.\n\n"
            "At center stage was the mayor's eldest daughter, Ana Varga, who spoke about her father's drive. "
            "“I have seen him fight for this harbour,” she said.")
    assert speaker_of(text, "I have seen him fight") == "Ana Varga"
    # not where the sentence opens with its subject: the name is what the subject is, and "he" is the mayor's
    text = ("Mayor Piet Varga attacked the ferry ruling again on Monday. The judge Varga was referring to is "
            "Dan Oduya, who was born and raised in Port Ellis.\n\n"
            "He insisted that Oduya had “a conflict of interest” in the case.")
    assert speaker_of(text, "conflict of interest") == "Piet Varga"
    # nor where a conjunction stands before that subject: "But" opens no place
    text = ("Mayor Piet Varga attacked the ferry ruling again on Monday. But the judge Varga was referring to is "
            "Dan Oduya, who was born and raised in Port Ellis.\n\n"
            "He insisted that Oduya had “a conflict of interest” in the case.")
    assert speaker_of(text, "conflict of interest") == "Piet Varga"
    # while a conjunction before a place still opens an inverted sentence
    text = ("Mayor Piet Varga opened the ferry terminal on Monday.\n\n"
            "And at the back of the hall was Dan Oduya, a retired ferry pilot. He was not cheering.\n\n"
            "“This is a show for the cameras,” he said.")
    assert speaker_of(text, "a show for the cameras") == "Dan Oduya"


def test_a_role_formed_on_a_place_is_no_role_formed_on_a_name():
    # "New York" is a place: the businessman is the Dan York the article introduced as one
    text = ("Businessman Dan York opened a ferry line in Port Ellis on Monday. Senator Ana Ortiz toured the harbour.\n\n"
            "“The harbour needs more boats,” said the New York businessman.")
    assert speaker_of(text, "harbour needs more boats") == "Dan York"
    # a full name the role is formed on is still that person's: the adviser is someone else
    text = ("Senator Ana Ortiz toured the harbour on Monday.\n\n"
            "“The north shore will carry her,” said the senior Ana Ortiz adviser.")
    assert speaker_of(text, "north shore will carry her") is None


def test_a_name_joined_by_a_hyphen_to_what_it_qualifies_is_no_subject():
    """"Oduya offered a Ruiz-style retort …, tweeting at him, “…”": Oduya tweets, not Ruiz."""
    text = ("Dan Oduya and Lena Ruiz traded barbs on Monday. Oduya offered a Ruiz-style retort on the mayor's "
            "favourite medium, tweeting at her, “You are not just wrong, you are late.”")
    assert speaker_of(text, "not just wrong") == "Dan Oduya"


def test_the_one_whose_words_a_what_clause_gives_is_whom_she_stands_for():
    text = ("Ana Oduya, a rival's adviser, said the speech was copied. “Someone slipped up,” Oduya said.\n\n"
            "The account conflicted with what Lena Ruiz told a radio station on Monday. Asked whether she had "
            "practised the speech, she said, “I read it once, and I wrote it myself.”")
    assert speaker_of(text, "wrote it myself") == "Lena Ruiz"


def test_the_one_a_whether_clause_asks_about_is_the_paragraphs_person():
    """"It was unclear whether Ruiz was ready … The Vermont senator emailed supporters saying: “…”"."""
    text = ("Dan Oduya spoke on Monday. “We are ready,” Oduya said.\n\n"
            "Yet it was unclear whether Lena Ruiz was ready to follow that script. The Vermont senator emailed "
            "supporters saying: “The struggle continues.”")
    assert speaker_of(text, "struggle continues") == "Lena Ruiz"


def test_a_whether_clause_after_a_speaker_of_the_sentence_stays_below_him():
    text = ("Dan Oduya, a delegate, said he called Ruiz this month.\n\n"
            "States are called in turn, he noted, so it may be clear whether Lena Ruiz will be the nominee by "
            "then. He said the big states would settle it.\n\n“We might abstain,” he said.")
    assert speaker_of(text, "might abstain") == "Dan Oduya"


def test_the_person_a_cleft_sentence_is_about_is_a_subject():
    text = ("The band stopped for three years. Guitarist Tom Hart took a job teaching music.\n\n"
            "“We did not break up. We just stopped answering each other's texts,” Hart says.\n\n"
            "It was Dana Whitlock who got them back together, after hearing an old demo in a cafe. "
            "“Somebody had put us on a playlist,” she says.")
    assert speaker_of(text, "Somebody had put us") == "Dana Whitlock"


def test_a_countrys_people_is_no_he():
    text = ("“I understand the anger,” Tom Reed said.\n\nBut Greeks must also understand that without these measures, "
            "“the situation would be infinitely more serious,” he said.")
    assert speaker_of(text, "Greeks must also understand") == "Tom Reed"


def test_a_given_name_alone_is_not_made_a_woman_by_one_she():
    # "she" in his sentence is his wife; a reader keeps Tom a man, so the next "he said" is his
    text = ("Her husband, Tom, said she had been “the heart of the village.”\n\n“Everyone knew Jean,” he said.\n\n"
            "Jean Atkins, 79, died on Tuesday after a short illness.")
    assert speaker_of(text, "Everyone knew Jean") == "Tom"
