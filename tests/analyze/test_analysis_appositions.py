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
