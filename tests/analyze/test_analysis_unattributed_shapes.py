"""Shapes of real reporting that left a quotation with a cue a reader follows at once unattributed or given to
the wrong person (analyze/speaker_phrases.py, cue_subjects.py, subjects.py, speakers.py, antecedents.py): a surname ending in -ly read
as an adverb, a clause after an opening phrase, a role ("the senator", "the former president") and who holds it,
"As X, a long apposition, put it", "That quote from X" after the quotation. Measured on PolNeAR train in
docs/attribution.md; the sentences here are written for these tests."""

from __future__ import annotations

from conftest import speaker_of


def test_a_surname_ending_in_ly_is_no_adverb():
    text = ("The mayor spoke about the harbour for an hour.\n\n"
            "Ana Donnelly answered drily, with a grin: “It can happen at 45, too.”")
    assert speaker_of(text, "It can happen at 45") == "Ana Donnelly"


def test_a_titled_surname_ending_in_ly_speaks():
    text = ("Ruth Kelly ran the port authority for ten years.\n\n"
            "Mrs. Kelly said she considered the vote a slight. “They never asked the crews,” she said.")
    assert speaker_of(text, "never asked the crews") == "Ruth Kelly"


def test_a_clause_after_the_opening_phrase_is_passed_over():
    text = ("The two rivals kept in touch.\n\n"
            "In March 2019, after Ortiz lost the vote, Piet Varga sent her flowers, thanking her for the race and "
            "telling her, “You are a fighter and the valley needs you for the long haul.”")
    assert speaker_of(text, "You are a fighter", direct=True) == "Piet Varga"


def test_the_former_president_is_not_the_one_introduced_as_president():
    text = ("President Dan Oduya signed the ferry law in May.\n\n"
            "Ana Ortiz got in on the game, mocking the rival plan at a rally on Monday. “Sometimes I feel the man "
            "running against Oduya is running harder against me,” the former president said.")
    assert speaker_of(text, "Sometimes I feel") == "Ana Ortiz"


def test_a_role_is_not_given_to_a_name_inside_a_quotation():
    text = ("Popular preacher and speaker Piet Varga believes he has a word for the mayor.\n\n"
            "Varga posted a video from a conference. In it, he sends a message to the mayor's lawyer.\n\n"
            "“My dear Dan Oduya,” the conference speaker says into the camera. “Tell the mayor we pray for him.”")
    assert speaker_of(text, "My dear Dan Oduya") == "Piet Varga"


def test_a_role_head_past_a_verb_read_into_the_phrase():
    text = ("Governor candidate Ana Ortiz spoke in Dover on Monday. “We will keep the ferries,” Ortiz said.\n\n"
            "The Harbour Party candidate appeared to lay out her plans by saying, “I am trying to save the crews "
            "their jobs.”")
    assert speaker_of(text, "save the crews") == "Ana Ortiz"


def test_the_senator_is_the_one_the_story_was_just_about():
    text = ("Sen. Piet Varga spoke on Monday. Sen. Ana Ortiz spoke on Tuesday.\n\n"
            "On Wednesday, Varga toured the harbour with the crews and the mayor.\n\n"
            "“We will keep the ferries,” the senator said.")
    assert speaker_of(text, "We will keep the ferries") == "Piet Varga"


def test_as_a_person_with_a_long_apposition_put_it():
    text = ("The court vacancy divides the harbour towns.\n\n"
            "As Ana Ortiz, professor of maritime law at Dover and author of ''The Open Quay,'' put it, ''The "
            "council should remember that a compromise now may be far better for them than the judge they get "
            "later.''")
    assert speaker_of(text, "compromise now") == "Ana Ortiz"


def test_that_quote_from_a_titled_person_in_the_next_sentence():
    text = ("Ferry chiefs face an old grudge.\n\n"
            "“I would rather have a cousin at sea than a brother at the port authority.” That quote from Harbour "
            "Commissioner Piet Varga appeared on the front page of the Dover Gazette in 1980.")
    assert speaker_of(text, "cousin at sea") == "Piet Varga"


def test_the_former_senator_is_the_one_introduced_as_former_and_the_senator_the_one_in_office():
    both = ("Former Sen. Dan Oduya and Sen. Ana Ortiz toured the harbour on Monday with the port authority.\n\n"
            "“We will not let the ferry close,” the former senator said.")
    assert speaker_of(both, "ferry close") == "Dan Oduya"
    later = ("Sen. Ana Ortiz opened the hearing on the harbour levy on Monday.\n\n"
             "Former Sen. Dan Oduya, who wrote the levy, sat in the front row.\n\n"
             "“The levy has to go,” the senator said.")
    assert speaker_of(later, "levy has to go") == "Ana Ortiz"
    aide = ("Former Ortiz pollster Dan Oduya spoke to the harbour board on Monday.\n\n"
            "“The levy was never meant to last,” the former pollster said.")
    assert speaker_of(aide, "never meant to last") == "Dan Oduya"
