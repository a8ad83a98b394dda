"""What a figure or a title is stated as decides what it can dispute (conflicts/number.py, role.py): a
figure a condition supposes ("if 1,500 walk out") states nothing; one a goal requires ("the 460
delegates needed") disputes only another such; a total over a stretch of days ("on or before April 2")
or an average ("by an average of 5 points") is not one day's count or one reading; and an office held
before ("then-Sen.", "former Gov.") is no office of the person now. Reports are our own."""

from __future__ import annotations

from test_compare_claims import pair_conflicts


def numbers(first: str, second: str) -> list[dict[str, str]]:
    return [values for values, _ in pair_conflicts(first, second, "number", "value")]


def roles(first: str, second: str) -> list[dict[str, str]]:
    return [values for values, _ in pair_conflicts(first, second, "role", "value")]


STRIKE_A = ("About 1,200 workers walked out at the Brackwater steel plant on Monday, the union said.\n\n"
            "The plant's owner said talks would resume on Thursday.")
STRIKE_B = ("About 1,500 workers walked out at the Brackwater steel plant on Monday, the union said.\n\n"
            "Managers at the plant said they hoped to meet union leaders this week.")


def test_a_figure_a_condition_supposes_disputes_no_count():
    assert numbers(STRIKE_A, STRIKE_B) == [{"harbour-times": "About 1,200 workers", "valley-news": "About 1,500 workers"}]
    supposed = STRIKE_B.replace("About 1,500 workers walked out at the Brackwater steel plant on Monday, the union said.",
                                "If about 1,500 workers walk out at the Brackwater steel plant, the union said, "
                                "the furnaces will have to be shut down.")
    assert numbers(STRIKE_A, supposed) == []


BALLOT_A = ("Ines Marsh won 412 delegates in the party's first ballot in Ostrava on Saturday.\n\n"
            "A second ballot is set for Sunday.")
BALLOT_B = ("Ines Marsh won 460 delegates in the party's first ballot in Ostrava on Saturday.\n\n"
            "Her rival Petr Kolar conceded on Saturday night.")


def test_a_figure_a_goal_requires_disputes_only_another_goal():
    assert numbers(BALLOT_A, BALLOT_B) == [{"harbour-times": "412 delegates", "valley-news": "460 delegates"}]
    needed = BALLOT_B.replace("won 460 delegates", "fell short of the 460 delegates needed")
    assert numbers(BALLOT_A, needed) == []
    assert numbers(BALLOT_A.replace("won 412 delegates", "fell short of the 412 delegates needed"), needed) == [
        {"harbour-times": "412 delegates", "valley-news": "460 delegates"}]


POLL_A = ("Vera Holm led the Harwick mayoral race by 9 points in the Courier poll published on Sunday.\n\n"
          "The vote is on Thursday.")
POLL_B = ("Vera Holm led the Harwick mayoral race by 5 points in the Courier poll published on Sunday.\n\n"
          "Her campaign said it would hold a final rally on Wednesday.")


def test_an_average_disputes_no_single_reading():
    assert numbers(POLL_A, POLL_B) == [{"harbour-times": "9 points", "valley-news": "5 points"}]
    averaged = POLL_B.replace("by 5 points in the Courier poll published on Sunday",
                              "by an average of 5 points in the polls published before Sunday")
    assert numbers(POLL_A, averaged) == []


REGIONS_A = ("Nine regions hold their primaries on April 2, the election commission said on Monday.\n\n"
             "Turnout is expected to be high.")
REGIONS_B = ("Fourteen regions hold their primaries on April 2, the election commission said on Monday.\n\n"
             "Counting will take two days.")


def test_a_total_up_to_a_day_disputes_no_count_of_that_day():
    assert numbers(REGIONS_A, REGIONS_B) == [{"harbour-times": "Nine regions", "valley-news": "Fourteen regions"}]
    assert numbers(REGIONS_A, REGIONS_B.replace("on April 2", "on or before April 2")) == []


MARSH_A = "Police Superintendent Helen Marsh said nine people were arrested after the match on Saturday."
MARSH_B = "Police Inspector Helen Marsh said nine people were arrested after the match on Saturday night."


def test_an_office_held_before_disputes_no_office_held_now():
    assert roles(MARSH_A, MARSH_B) == [{"harbour-times": "Superintendent Helen Marsh",
                                        "valley-news": "Inspector Helen Marsh"}]
    assert roles(MARSH_A, "Former " + MARSH_B) == []
    then = ("Nine people were arrested after the match on Saturday night, as many as when then-Inspector Helen Marsh "
            "policed the 2019 final.")
    assert roles(MARSH_A, then) == []


def test_what_one_side_asks_for_disputes_only_what_is_asked():
    offer = ("Dockworkers at the ports of Marlow walked off the job on Monday. The Marlow Port Employers Association "
             "said it had offered wage increases of 12% over four years.")
    demand = ("Dockworkers at the ports of Marlow walked off the job on Monday. The union has said it wants a wage "
              "increase of 19% over four years.")
    assert pair_conflicts(offer, demand, "number") == []
    # two outlets' figures of the one demand still dispute each other
    assert [values for values, _ in pair_conflicts(demand.replace("19%", "15%"), demand, "number")] == [
        {"harbour-times": "15", "valley-news": "19"}]
