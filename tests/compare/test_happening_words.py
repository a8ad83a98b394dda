"""Two outlets tell one happening with different words ("killed" / "fatal shooting"): the words
around its day are read as the kind of happening they name (lang/en_happenings.py)."""

from __future__ import annotations

from test_compare_claims import compare_reports, conflicts

from storyline.words import as_happenings, content_stems

# sentences about other things, so that the words of the story are weighed as a story's are
FILLER = ("Shops on the high street stayed shut for the day.\n\n"
          "The city council met in an emergency session.\n\n"
          "Schools in the district reopened after a week.\n\n"
          "A march to the town hall drew students and teachers.\n\n"
          "The mayor called for calm on the local radio station.\n\n"
          "Bus services were cut back across the centre.\n\n"
          "Church bells rang at noon.\n\n"
          "Traders counted the cost of a lost weekend.\n\n"
          "The football club postponed its home game.\n\n"
          "Volunteers cleared broken glass from the square.\n\n")


def date_values(first: str, second: str) -> list[dict[str, str]]:
    result = compare_reports([("harbour-times", "2025-03-04", FILLER + first),
                              ("valley-news", "2025-03-04", FILLER + second)])
    return [{v["source"]: v["normalized"] for v in c["conflict"]["values"]} for c in conflicts(result, "date")]


def test_one_killing_dated_two_ways_in_two_wordings_is_a_date_conflict():
    first = "Officer Dana Pell killed Marek Tovic on Sunday, according to the charge sheet."
    second = "The fatal shooting of Marek Tovic on Saturday sparked protests among his classmates."
    assert {"harbour-times": "2025-03-02", "valley-news": "2025-03-01"} in date_values(first, second)


def test_two_happenings_of_one_person_on_two_days_are_no_date_conflict():
    first = "Officer Dana Pell killed Marek Tovic on Sunday, according to the charge sheet."
    second = "Marek Tovic was named captain of his school's chess team on Saturday by his classmates."
    assert date_values(first, second) == []


def test_an_attempt_is_not_the_happening_it_attempts():
    assert as_happenings(content_stems("the fatal shooting")) == as_happenings(content_stems("was killed"))
    assert as_happenings(content_stems("was found guilty")) == as_happenings(content_stems("was convicted"))
    assert "@killing" not in as_happenings(content_stems("the attempted murder of a guard"))


def test_one_persons_killing_told_with_a_district_and_with_a_country_is_one_happening():
    # where it happened and where it echoed set no two scopes apart: a person is killed once
    first = "Officer Dana Pell killed Marek Tovic on Sunday in the Alfama district of Lisbon, the charge sheet says."
    second = "The fatal shooting of Marek Tovic on Saturday sparked protests across Portugal."
    assert {"harbour-times": "2025-03-02", "valley-news": "2025-03-01"} in date_values(first, second)


def test_the_killings_of_two_people_in_two_places_are_no_date_conflict():
    first = "Officer Dana Pell killed Marek Tovic on Sunday in the Alfama district of Lisbon, the charge sheet says."
    second = "The fatal shooting of Ilse Varga on Saturday sparked protests across Portugal."
    assert date_values(first, second) == []


def test_a_day_told_in_the_present_is_the_one_just_past_and_is_compared():
    # 4 March 2025: "are angry at the Feb. 28 killing" is of five days ago, not of next February, so it
    # disputes the charge sheet's Sunday (2 March) instead of being set aside as a year away
    first = "Officer Dana Pell killed Marek Tovic on Sunday, according to the charge sheet."
    second = "His classmates are angry at the Feb. 28 killing of Marek Tovic, the union says."
    assert {"harbour-times": "2025-03-02", "valley-news": "2025-02-28"} in date_values(first, second)


def test_a_happenings_start_and_what_came_after_it_are_two_moments():
    """"The fire started on Tuesday evening" and "firefighters were called early on Wednesday as the fire spread"
    date two moments of one fire (lang/en.py ONSET, AFTER_ONSET); two starts told on two days disagree."""
    from test_compare_claims import pair_values

    started = "The fire started on Tuesday evening in a warehouse in Kelso, firefighters said."
    called = "Firefighters were called to the warehouse in Kelso early on Wednesday as the fire spread."
    assert pair_values(started, called, "date") == []
    broke_out = "The fire in a warehouse in Kelso broke out on Wednesday evening, firefighters said."
    assert pair_values(started, broke_out, "date") == [{"harbour-times": "2025-02-25", "valley-news": "2025-02-26"}]
