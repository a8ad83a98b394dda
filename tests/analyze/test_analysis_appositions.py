"""A quotation whose name and cue a long apposition parts is that person's (analyze/appositions.py).
Measured on real reporting in docs/attribution.md; the sentences here are written for these tests."""

from __future__ import annotations

from storyline.analyze import analyze_article


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze_article(text, None).quotes]


def test_a_name_described_at_length_after_the_quotation_speaks_it():
    text = ("Not every delegate was pleased.\n\n“We have had better seasons than this one,” harbour delegate Ola "
            "Brekke, wearing a yellow cap and “Vote Norrvik” pins, said flatly. “Much better.”")
    assert speakers(text)[0] == "Ola Brekke"


def test_a_name_opening_the_sentence_speaks_the_quotation_after_its_long_apposition_and_cue():
    text = ("Maria Gonzalez announced she and her husband expect a second child.\n\nGonzalez, 35, the daughter of "
            "former President Carlos Gonzalez and presidential candidate Eva Gonzalez, said on Twitter on Monday, in "
            "reference to her first child, a girl born Sept. 26, 2014, “Next summer, Lucia is going to be a big "
            "sister!”")
    assert speakers(text) == ["Maria Gonzalez"]


def test_a_cue_of_another_clause_or_a_fragment_gives_no_speaker():
    text = ("The board met on Monday.\n\nCompare that with Ruiz, who has called the plan “a disaster,” and Varga, "
            "who says it is “a start.”")
    assert speakers(text) == [None, None]


def test_a_description_set_before_the_name_is_no_part_of_what_was_said():
    """"The study's senior author, Arne Vik, said …": the words reported are after "said", the description is
    who he is."""
    for text, said in [
        ("The study's senior author, Arne Vik, said the team hoped to run a trial next year.",
         "the team hoped to run a trial next year"),
        ("One victim, Joan Meadows, said she no longer felt safe in her own home.",
         "she no longer felt safe in her own home"),
    ]:
        quotes = analyze_article(text, None).quotes
        assert [(q.speaker, q.text) for q in quotes] == [(text.split(", ")[1], said)]
    # nor for a cue that follows in the words reported ("had agreed")
    text = ("The UN special envoy for Sudan, Yekaterina Volkova, told the Security Council on Thursday that the "
            "warring parties had agreed to open three corridors.")
    assert [q.text for q in analyze_article(text, None).quotes] == [
        "the warring parties had agreed to open three corridors"]
    # words reported before the speaker are still reported, with no verb too
    for text, said in [("The plan is late and over budget, Arne Vik said.", "The plan is late and over budget"),
                       ("Not a single penny more, Ana Cole, the finance minister, said on Tuesday.",
                        "Not a single penny more"),
                       ("The worst flood in a century, Piet Hale, 58, told reporters.", "The worst flood in a century"),
                       ("Not one more soldier, Ana Cole, the opposition leader, said on Tuesday at a briefing.",
                        "Not one more soldier")]:
        assert [q.text for q in analyze_article(text, None).quotes] == [said]


def test_words_reported_on_both_sides_of_a_name_set_off_by_commas_stay_reported():
    quotes = analyze_article("Every nurse, Ann Hill, the union leader, said, would vote to strike.", None).quotes
    assert [q.text for q in quotes] == ["Every nurse", "would vote to strike"]


def test_a_person_whose_apposition_closes_on_their_own_predicate_does_not_speak_the_sentence():
    """"Hamdy, a mother of three, was also headed to Cairo, her friend said": the friend reports it, and the person
    opening the sentence is what the report is about; an apposition that is a relative clause keeps its verbs
    ("Ann Lee, whose hometown, Tampa, is sinking, argues that …"), and a verb governing the cue is the cue's own."""
    cases = [
        ("Marwa Hamdy.\n\nHamdy, a mother of three and a manager at a bank, was also headed to Cairo, her friend said.",
         "Hamdy, a mother of three and a manager at a bank, was also headed to Cairo", None, "her friend"),
        ("Karim Assem.\n\nAssem, the plane's co-pilot, had logged 2,766 flying hours, the airline said.",
         "Assem, the plane's co-pilot, had logged 2,766 flying hours", None, "the airline"),
        ("Ann Lee, whose hometown, Tampa, is sinking into the bay, argues that the levees will fail by 2040.",
         "the levees will fail by 2040", "Ann Lee", None),
        ("Colin Clarke, a political scientist at the Rand Corporation, cited reports that the gunman had called the "
         "police.", "the gunman had called the police", "Colin Clarke", None),
    ]
    for text, said, speaker, unnamed in cases:
        quotes = analyze_article(text, None).quotes
        assert [(q.text, q.speaker, q.unnamed_source) for q in quotes] == [(said, speaker, unnamed)], text


def test_who_after_a_description_ending_in_a_body_or_after_a_home_place_is_the_person():
    """"Sen. Ann Lee of California, the ranking Democrat on the Senate Intelligence Committee, who said …": "who" is
    the senator, not the committee ending her description nor the state she is of; and the quotation after it,
    "she said", is hers. A place's state before "who" is still no one ("a doctor from Englewood, New Jersey,
    who said")."""
    text = ("The emails were released on Friday.\n\n"
            "The plan was backed by Sen. Ann Lee of California, the ranking Democrat on the Senate Intelligence "
            "Committee, who said none of the emails originated with the secretary.\n\n"
            "“It has never made sense to me,” she said in a statement.")
    quotes = analyze_article(text, None).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("none of the emails originated with the secretary", "Ann Lee"), ("It has never made sense to me", "Ann Lee")]
    quotes = analyze_article("The plan was backed by Sen. Ann Lee of California, who said the cost was too high.",
                             None).quotes
    assert [(q.text, q.speaker) for q in quotes] == [("the cost was too high", "Ann Lee")]
    quotes = analyze_article("The clinic was run by a doctor from Englewood, New Jersey, who said the cost was too "
                             "high.", None).quotes
    assert [q.speaker for q in quotes] == [None]


def test_a_participle_or_an_aside_after_the_apposition_leaves_the_cue_to_the_person():
    """The person's own predicate ends the apposition only where an auxiliary opens it; a participle's phrase ("dressed
    in his old uniform") or an aside after the auxiliary ("has, for months, said") does not."""
    for text, speaker, said in [
        ("Jorge Ortega, a retired teacher, dressed in his old uniform, said the memorial was beautiful.", "Jorge Ortega",
         "the memorial was beautiful"),
        ("Peter Obi, the Labour Party candidate, has, for months, said the election was stolen.", "Peter Obi",
         "the election was stolen"),
    ]:
        assert [(q.speaker, q.text) for q in analyze_article(text, None).quotes] == [(speaker, said)], text
