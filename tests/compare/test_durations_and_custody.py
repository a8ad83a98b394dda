"""Two readings of figures (issue 20): a duration counted from another happening ("10 minutes later",
"half an hour later", "two hours after the blast") is a duration figure, and people seized, detained,
rounded up or taken into custody are arrested, where things seized are a haul."""

from test_compare_claims import pair_conflicts

from storyline.analyze.numbers import find_numbers


def readings(text: str) -> list[tuple[float, str | None]]:
    return [(n.value, n.kind) for n in find_numbers(text, 0, len(text), [])]


def test_a_span_counted_from_another_happening_is_a_duration() -> None:
    assert readings("The guard left the depot and came back 10 minutes later with a key.") == [(10.0, "minutes")]
    assert readings("The guard came back half an hour later.") == [(30.0, "minutes")]
    assert readings("A second charge went off two hours after the first blast.") == [(2.0, "hours")]
    assert readings("An hour after the blast, the road was reopened.") == [(1.0, "hours")]


def test_offsets_that_are_no_duration_stay_unread() -> None:
    assert readings("Fifteen games later the coach was dismissed.") == []
    assert readings("The ferry sank three weeks ago.") == []
    assert readings("The lorry was doing 90 miles an hour.") == [(90.0, "mph")]  # a speed


def test_two_outlets_give_one_interval_differently() -> None:
    first = ("A cashier was sent home from the Marlow bakery on Friday after an argument. "
             "She came back to the Marlow bakery 20 minutes later with a knife, police said.")
    second = ("A cashier was sent home from the Marlow bakery on Friday after an argument. "
              "She came back to the Marlow bakery half an hour later with a knife, police said.")
    assert [values for values, _ in pair_conflicts(first, second, "number")] == [
        {"harbour-times": "20", "valley-news": "30"}]


def test_two_intervals_of_one_story_do_not_meet() -> None:
    first = ("Firefighters reached the Marlow warehouse 10 minutes after the alarm on Friday. "
             "The blaze was put out 30 minutes later.")
    second = ("Firefighters reached the Marlow warehouse 10 minutes after the alarm on Friday. "
              "The blaze burned for 40 minutes before the roof fell in.")
    assert pair_conflicts(first, second, "number") == []


def test_people_seized_or_detained_are_arrested() -> None:
    assert readings("Police seized 40 alleged gang members in dawn raids.") == [(40.0, "arrested")]
    assert readings("Officers detained 12 suspects on Monday.") == [(12.0, "arrested")]
    assert readings("Some 30 protesters were rounded up near the square.") == [(30.0, "arrested")]
    assert readings("Twelve men were taken into custody.") == [(12.0, "arrested")]
    assert readings("He was one of 25 dock workers seized on Monday.") == [(25.0, "arrested")]


def test_things_seized_are_no_arrests() -> None:
    assert readings("Police seized 40 weapons and $2 million in cash.") == [(40.0, "weapon"), (2000000.0, "dollar")]
    assert readings("Fifteen boats were seized.") == [(15.0, "boat")]
    assert readings("Customs seized 12 kilograms of powder.") == [(12.0, "kg")]


def test_seized_and_arrested_counts_of_one_raid_disagree() -> None:
    first = "Police in Marlow seized 60 alleged gang members on Tuesday in a dawn raid."
    second = "Police in Marlow arrested 48 people on Tuesday in a dawn raid."
    assert [values for values, _ in pair_conflicts(first, second, "number")] == [
        {"harbour-times": "60", "valley-news": "48"}]


def test_a_span_in_hours_and_minutes_is_one_span() -> None:
    assert readings("The talks at the palace lasted 1 hour and 50 minutes.") == [(110.0, "minutes")]
    assert readings("She finished in 2 hours 31 minutes.") == [(151.0, "minutes")]
    assert readings("They waited 3 hours, 10 minutes later the door opened.") == [(3.0, "hours"), (10.0, "minutes")]


def test_an_hour_and_some_minutes_does_not_dispute_nearly_two_hours() -> None:
    first = "Leaders of the three countries met at the Marlow palace on Friday for talks that lasted nearly two hours."
    second = "Leaders of the three countries met at the Marlow palace on Friday; the talks lasted 1 hour and 50 minutes."
    assert pair_conflicts(first, second, "number") == []
