"""Two outlets give one thing in their own words: the same posts cut called jobs, roles or positions; a plan
reported as "said it would"; the day a ship ran aground in a sentence that also dates the statement. And what
their words say is two things: rain in the hour before a landing and rain overnight. (conflicts/number.py,
date.py; lang/en.py KIND_CLASSES, REPORTED_WILL, SCOPE_MARKS; lang/en_happenings.py.) Reports are our own."""

from __future__ import annotations

import pytest
from test_compare_claims import pair_values as values
from test_compare_claims import report_conflicts


BANK_A = ("Halden Mercantile Bank will cut 4,000 jobs over the next two years as it automates its back offices, "
          "the bank said on Tuesday.\n\nIts shares rose 3 per cent in London.")
BANK_B = ("Halden Mercantile Bank said on Tuesday it would cut 3,200 {noun} over the next two years as it automates "
          "its back offices.\n\nThe bank's shares closed higher.")


@pytest.mark.parametrize("noun", ["roles", "positions", "jobs"])
def test_jobs_roles_and_positions_cut_are_one_count(noun):
    assert values(BANK_A, BANK_B.format(noun=noun), "number") == [{"harbour-times": "4,000 jobs",
                                                                   "valley-news": f"3,200 {noun}"}]


def test_a_plan_reported_as_would_is_stated_but_a_guess_or_a_forecast_is_not():
    # "said it would cut" reports the bank's "will cut"; "could cut" is a guess, which disputes no count, and so is
    # what others say it would do ("analysts said it would cost the bank 3,200 jobs")
    planned = BANK_B.format(noun="jobs")
    assert values(BANK_A, planned, "number") == [{"harbour-times": "4,000 jobs", "valley-news": "3,200 jobs"}]
    assert values(BANK_A, planned.replace("said on Tuesday it would cut", "said on Tuesday it could cut"), "number") == []
    forecast = ("Analysts said on Tuesday it would cost Halden Mercantile Bank 3,200 jobs over the next two years as it "
                "automates its back offices.\n\nThe bank's shares closed higher.")
    assert values(BANK_A, forecast, "number") == []


def test_counts_of_two_kinds_of_people_stay_apart():
    # staff and seafarers are no one count, whatever the figures
    crew = BANK_B.format(noun="seafarers")
    assert values(BANK_A, crew, "number") == []


RAIN_A = ("The plane skidded off the runway at Warrigal Creek.\n\n"
          "The weather bureau said 38mm of rain fell at the airport in the hour before the landing, with a "
          "thunderstorm warning in place.")
RAIN_B = ("The plane overshot the runway at Warrigal Creek.\n\n"
          "The weather bureau said 90mm of rain fell at the airport overnight, with a thunderstorm warning in place.")


def test_rain_in_the_hour_before_and_rain_overnight_are_two_measures():
    assert values(RAIN_A, RAIN_B, "number") == []
    assert values(RAIN_A, RAIN_B.replace("overnight", "in the hour before the landing"), "number") \
        == [{"harbour-times": "38mm", "valley-news": "90mm"}]


def test_within_the_hour_says_how_soon_not_what_a_count_is_of():
    first = ("Fire crews arrived within the hour and rescued 12 workers from the roof of the Kelmford depot, "
             "the fire service said.\n\nThe depot was destroyed.")
    second = ("Fire crews rescued 15 workers from the roof of the Kelmford depot, the fire service said.\n\n"
              "The depot was destroyed.")
    assert values(first, second, "number") == [{"harbour-times": "12 workers", "valley-news": "15 workers"}]


TAIL = ("\n\nThe ship's 21 crew members were unhurt, the maritime safety authority said.\n\n"
        "Salvage teams were due to inspect the hull once the weather eased.")


def test_the_day_a_ship_ran_aground_beside_the_day_it_was_said_is_a_date_conflict():
    reports = [("coast-wire", "2025-08-04", "Carrier Aground Off Coast\n\nA bulk carrier loaded with iron ore ran aground "
                "late on Saturday on a reef off the west coast, authorities said on Monday." + TAIL),
               ("reef-news", "2025-08-04", "Ship Stuck On Reef\n\nA bulk carrier ran aground on a reef off the west coast "
                "early on Sunday, leaking fuel into a marine park." + TAIL)]
    assert {"coast-wire": "2025-08-02", "reef-news": "2025-08-03"} in report_conflicts(reports, "date")


PLANE_A = ("The turboprop overshot the runway at Warrigal Creek on Monday morning.\n\n"
           "Six people were taken to hospital with minor injuries, the airline said.")
PLANE_B = ("The turboprop skidded off the runway at Warrigal Creek on Monday morning.\n\n"
           "Nine passengers were hospitalised with minor injuries, the airline said.")


def test_people_taken_to_hospital_are_counted_as_the_hospitalised_are():
    assert values(PLANE_A, PLANE_B, "number") == [{"harbour-times": "Six people", "valley-news": "Nine passengers"}]
    # taken somewhere else, they are no count of the injured, nor are nurses sent to hospitals
    assert values(PLANE_A.replace("taken to hospital with minor injuries", "taken to a hotel"), PLANE_B, "number") == []
    sent = PLANE_A.replace("Six people were taken to hospital with minor injuries", "Six nurses were sent to hospitals")
    assert values(sent, PLANE_B, "number") == []
