"""A count of the days an ongoing happening has lasted so far ("four days of rioting") grows every day
it goes on: two reports of one day that give two such counts were written at two hours of it, or one
of them days before its stamp, so they are no dispute (compare/conflicts/number.py, lasted_so_far).
A length fixed once and for all ("40 days in jail") and the day one happening fell on ("on the eighth
day of the strike") can still be disputed."""

from __future__ import annotations

from test_compare_claims import pair_conflicts

# Two outlets' reports of one day on unrest in a port city; their counts of riot days differ as each
# was written at another point of the week.
FOUR_DAYS = ("Shops stayed shut in Kessling on Friday as four days of rioting left the old harbour district "
             "scarred, the city council said.\n\nThe mayor asked residents to stay indoors after dark.")
SIX_DAYS = ("Kessling was quiet on Saturday after six days of the worst riots the harbour district has seen, "
            "the city council said.\n\nVolunteers swept glass from the streets near the fish market.")


def test_two_running_counts_of_riot_days_are_no_dispute():
    assert pair_conflicts(FOUR_DAYS, SIX_DAYS, "number") == []


def test_a_running_count_is_told_apart_from_a_fixed_length():
    # the same words, but days of a sentence: a length fixed when it was handed down
    first = "A court in Kessling sentenced the harbour pilot to 40 days in jail on Friday for the collision."
    second = "A court in Kessling sentenced the harbour pilot to 60 days in jail on Friday for the collision."
    assert [values for values, _ in pair_conflicts(first, second, "number")] == [
        {"harbour-times": "40", "valley-news": "60"}]


def test_a_day_named_as_the_count_of_a_strike_is_not_the_day_it_began():
    # the strike began on Wednesday; Thursday is its second day, another happening's day
    began = ("About 3,000 workers at Kessling's container terminals went on strike on Wednesday, halting most cargo "
             "handling.\n\nThe union wants a 12% rise.")
    second_day = ("Kessling's container terminals stayed idle on Thursday, the second day of a wage strike by about "
                  "3,000 workers.\n\nThe union wants a 12% rise.")
    assert pair_conflicts(began, second_day, "date") == []
    # two days given for the strike's start still disagree
    assert [values for values, _ in pair_conflicts(began, began.replace("on Wednesday", "on Thursday"), "date")] != []
