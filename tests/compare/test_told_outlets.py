"""Two sentences that state one fact and say it was told to two named news outlets are a minor venue
conflict (conflicts/venue.py): a reader is told two occasions. An addressee that is a person or a body
is no outlet. Reports are our own."""

from __future__ import annotations

from test_compare_claims import pair_conflicts

REHAB_A = ("Singer Mara Quell has checked into a treatment centre in Arizona, her publicist told Daybreak Weekly "
           "on Tuesday.\n\nQuell cancelled the last four dates of her tour last month.")
REHAB_B = ("Mara Quell has checked into a treatment centre in Arizona, her publicist told the Coastline Courier "
           "on Tuesday.\n\nThe singer called off the end of her tour last month.")


def venue_values(first: str, second: str) -> list[tuple[dict[str, str], bool]]:
    return pair_conflicts(first, second, "venue", "value")


def test_one_fact_told_to_two_outlets_is_a_minor_venue_conflict():
    assert venue_values(REHAB_A, REHAB_B) == [({"harbour-times": "Daybreak Weekly",
                                                "valley-news": "Coastline Courier"}, True)]


def test_one_outlet_named_alike_or_an_addressee_that_is_no_outlet_is_no_conflict():
    assert venue_values(REHAB_A, REHAB_B.replace("the Coastline Courier", "Daybreak Weekly")) == []
    assert venue_values(REHAB_A.replace("told Daybreak Weekly", "told Congress"), REHAB_B) == []
    assert venue_values(REHAB_A.replace("told Daybreak Weekly", "told Dr. Ellis Farrow"), REHAB_B) == []
