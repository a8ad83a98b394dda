"""A named person's age that two outlets give differently (issue 20): read beside the name, before it
("61-year-old Dana Whitlow") or after it ("Dana Whitlow, 60,"), and compared by whose it is, since the
words around two outlets' ages rarely agree. Ages of two times are no dispute. Our own sentences."""

from __future__ import annotations

from test_compare_claims import article, compare, conflicts

PAPER, WIRE = "harbour-times", "valley-news"


def _ages(first: str, second: str, days: tuple[str, str] = ("2025-03-07", "2025-03-07")) -> list[dict[str, str]]:
    result = compare([article("a", PAPER, days[0], first), article("b", WIRE, days[1], second)])
    return [{v["source"]: v["normalized"] for v in c["conflict"]["values"]} for c in conflicts(result, "number")]


ARREST = ("Police in Kessel arrested {who} on Friday morning and charged her with the 1984 killing of a shop "
          "assistant, the county prosecutor said.\n\n"
          "Detectives reopened the case last year after new witnesses came forward. A court hearing is set for "
          "next week.")


def test_an_age_before_a_name_and_one_after_it_are_one_persons_age_given_two_ways() -> None:
    first = ARREST.format(who="61-year-old Dana Whitlow")
    second = ARREST.format(who="Dana Whitlow, 60, at her home")
    assert _ages(first, second) == [{PAPER: "61", WIRE: "60"}]
    # in brackets, or with "aged", it is the same reading
    assert _ages(first, ARREST.format(who="Dana Whitlow (60)")) == [{PAPER: "61", WIRE: "60"}]
    assert _ages(first, ARREST.format(who="Dana Whitlow, aged 60, at her home")) == [{PAPER: "61", WIRE: "60"}]


def test_the_same_age_given_two_ways_is_no_conflict() -> None:
    assert _ages(ARREST.format(who="61-year-old Dana Whitlow"), ARREST.format(who="Dana Whitlow, 61, at her home")) == []


def test_an_age_that_names_no_one_is_left_alone() -> None:
    assert _ages(ARREST.format(who="a 60-year-old woman"), ARREST.format(who="Dana Whitlow, 61, at her home")) == []


def test_ages_of_two_times_are_no_dispute() -> None:
    # an age marked as of the past
    assert _ages(ARREST.format(who="the then-60-year-old Dana Whitlow"), ARREST.format(who="Dana Whitlow, 61,")) == []
    # ages further apart than a year: an arrest and a trial two years on, not one age told two ways
    assert _ages(ARREST.format(who="61-year-old Dana Whitlow"), ARREST.format(who="Dana Whitlow, 63,")) == []
    # reports published a year apart
    assert _ages(ARREST.format(who="61-year-old Dana Whitlow"), ARREST.format(who="Dana Whitlow, 60,"),
                 ("2025-03-07", "2024-02-01")) == []


def test_a_report_that_gives_one_person_two_ages_says_two_times() -> None:
    first = ARREST.format(who="61-year-old Dana Whitlow") + "\n\nDana Whitlow, 20, had worked at the shop that summer."
    assert _ages(first, ARREST.format(who="Dana Whitlow, 60,")) == []


def test_two_peoples_ages_are_not_compared() -> None:
    first = ARREST.format(who="61-year-old Dana Whitlow")
    second = ARREST.format(who="Dana Whitlow, 61,") + "\n\nHer neighbour Ruth Calloway, 60, said she was stunned."
    assert _ages(first, second) == []


MATCH = ("The Kessel Otters beat the harbour side 88-80 on Friday night. {who} and Ruth Calloway (17) led the "
         "scoring for the Otters.\n\nThe Otters play again next week at home.")


def test_a_bare_figure_in_brackets_beside_a_game_is_a_tally_not_an_age() -> None:
    assert _ages(MATCH.format(who="Dana Whitlow (22)"), MATCH.format(who="Dana Whitlow (21)")) == []
    # with "aged", or beside no game's measure, it is an age
    assert _ages(MATCH.format(who="Dana Whitlow (aged 22)"), MATCH.format(who="Dana Whitlow (aged 21)")) == [
        {PAPER: "22", WIRE: "21"}]


def test_a_count_with_a_thousands_separator_after_a_name_is_no_age() -> None:
    vote = ("The count in Kessel ended on Friday night. {who} votes went to the mayor's rival.\n\n"
            "A recount is not expected, the county clerk said.")
    # the two counts differ, as counts do; no age of 5 against 4 comes with them
    assert _ages(vote.format(who="Dana Whitlow, 5,120"), vote.format(who="Dana Whitlow, 4,980")) == [
        {PAPER: "5120", WIRE: "4980"}]


DEATH = ("{who}, the singer whose ballads {verb}.\n\n"
         "Her family said she had been ill for some months. A funeral will be held in Kessel next week.")


def test_ages_at_death_are_one_time_however_far_apart() -> None:
    # "has died aged 81" / "has died at 84": a person dies at one age, so three years apart is a dispute, not
    # two times; the age is of the sentence's first person, not of a character named in its clause
    first = DEATH.format(who="Mara Kessling", verb="filled the Kessel Arena for three decades, has died aged 81")
    second = DEATH.format(who="Mara Kessling", verb="made a star of her stage double Lotte Brand, has died at 84")
    assert _ages(first, second) == [{PAPER: "81", WIRE: "84"}]
    third = DEATH.format(who="Mara Kessling", verb="filled the Kessel Arena, died at the age of 81 on Sunday")
    assert _ages(first, third) == []


def test_an_age_at_death_and_an_age_of_another_time_are_not_compared_years_apart() -> None:
    dying = DEATH.format(who="Mara Kessling", verb="filled the Kessel Arena for three decades, has died aged 81")
    earlier = ("Mara Kessling, 78, filled the Kessel Arena in what she said was her last tour.\n\n"
               "Her family said she had been ill for some months. A funeral will be held in Kessel next week.")
    assert _ages(dying, earlier) == []
