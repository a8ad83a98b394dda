"""Two game clocks of one moment of play that two outlets give differently are a date (time)
conflict, minor where they are a second or so apart (conflicts/date.py); a sentence that gives two
clocks, and clocks of two parts of play, are not. Reports are our own."""

from __future__ import annotations

from test_compare_claims import pair_conflicts

RECORD_A = ("Lena Ostrova broke the school's career scoring record on Saturday with a layup with 7:41 left in "
            "the first half against Marlow.\n\nThe Hawks went on to win 71-60.")
RECORD_B = ("Lena Ostrova broke the school's career scoring record on Saturday with a layup with 7:44 left in "
            "the first half against Marlow.\n\nThe Hawks won 71-60.")


def clock_values(first: str, second: str) -> list[tuple[dict[str, str], bool]]:
    return pair_conflicts(first, second, "date")


def test_one_moment_s_game_clock_given_two_ways_is_a_minor_conflict():
    assert clock_values(RECORD_A, RECORD_B) == [({"harbour-times": "7:41", "valley-news": "7:44"}, True)]


def test_a_clock_is_compared_with_the_one_of_its_part_of_play():
    # "with 9:02 left" names no part of play: the first half's clock is still the one to compare
    other = RECORD_B.replace("with a layup with 7:44", "after a miss with 9:02 left, with a layup with 7:44")
    assert clock_values(RECORD_A, other) == [({"harbour-times": "7:41", "valley-news": "7:44"}, True)]


def test_clocks_of_two_parts_of_play_two_of_one_part_or_of_none_are_no_conflict():
    assert clock_values(RECORD_A, RECORD_B.replace("first half", "second half")) == []
    two = RECORD_B.replace("with a layup with 7:44", "after a miss with 9:02 left in the first half and a layup with 7:44")
    assert clock_values(RECORD_A, two) == []
    unsaid = " left in the first half"
    assert clock_values(RECORD_A.replace(unsaid, " to play"), RECORD_B.replace(unsaid, " to play")) == []
