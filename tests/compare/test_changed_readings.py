"""Values that changed as time passed, read as updates: a figure its own sentence says has since changed
(the other report's is the later reading), a sum a report says was raised (the earlier reports' sum first),
a share of a service restored then all back, a person's whereabouts that move from one place to another,
and the span a repair was expected to take then the day it ended (compare/conflicts/number.py,
compare/rising_counts.py, compare/whereabouts.py, compare/expected_ends.py)."""

from __future__ import annotations

from test_compare_claims import compare_reports, conflicts
from test_rising_counts import steps, updates


def test_a_share_said_to_have_improved_since_is_the_earlier_reading_of_another_reports_share():
    reports = [("harbour-times", "2025-02-07", "The operator said 74 percent of Tarvia's phone traffic to Europe "
                                               "was cut early Friday, although that situation has now improved."),
               ("valley-news", "2025-02-07", "Some 40 percent of phone traffic to Tarvia was still cut on Friday "
                                             "evening, the operator said.")]
    assert conflicts(compare_reports(reports), "number") == []
    assert [[(s, v) for s, v, _ in steps(u)] for u in updates(reports)] == [[("harbour-times", "74"),
                                                                            ("valley-news", "40")]]


def test_two_shares_of_one_day_with_nothing_said_to_have_changed_are_no_update():
    reports = [("harbour-times", "2025-02-07", "The operator said 74 percent of Tarvia's phone traffic to Europe "
                                               "was cut early Friday."),
               ("valley-news", "2025-02-07", "Some 40 percent of phone traffic to Tarvia was cut on Friday "
                                             "evening, the operator said.")]
    assert updates(reports) == []


OFFER = [("harbour-times", "2025-12-02", "The Kessling Rovers made Adan Morrow a six-year, $90 million offer "
                                         "at the winter meetings, according to the club."),
         ("valley-news", "2025-12-09", "The Kessling Rovers have raised their offer to Adan Morrow, six years "
                                       "and $90 million, to $104 million, a person close to the talks said.")]


def test_a_sum_a_later_report_says_was_raised_is_an_update_from_the_earlier_reports_sum():
    assert [steps(u) for u in updates(OFFER)] == [[("harbour-times", "90000000", "2025-12-02"),
                                                   ("valley-news", "104000000", "2025-12-09")]]


def test_a_raise_of_another_clubs_offer_is_no_step_of_this_one():
    other = [OFFER[0], ("valley-news", "2025-12-09", "The Orsk Mariners have raised their offer to the pitcher, "
                                                     "$90 million, to $104 million, a person close to the talks said.")]
    assert updates(other) == []


STAYS = [("harbour-times", "2025-05-02", "Singer Lena Varga has checked into the Harlow Recovery clinic in Brannock, "
                                         "her lawyer said."),
         ("valley-news", "2025-05-03", "Lena Varga checked into the Orsk Lake Center late Thursday, hours after "
                                       "leaving the Brannock clinic, her spokesman said."),
         ("lake-post", "2025-06-13", "The singer has now checked in to the Kessling Treatment Center in Tarvia, "
                                     "where she will stay for a month.\n\nLena Varga thanked the staff.")]


def test_a_person_checked_into_one_place_then_another_is_an_update_of_where_they_are():
    result = compare_reports(STAYS)
    assert conflicts(result, "place") == []
    moved = [u for u in updates(STAYS) if u["about"] == "place"]
    assert [[(s, d) for s, _, d in steps(u)] for u in moved] == [[("harbour-times", "2025-05-02"),
                                                                  ("valley-news", "2025-05-03"),
                                                                  ("lake-post", "2025-06-13")]]
    assert "Varga" in moved[0]["subject"]


def test_a_stay_denied_or_told_again_is_no_move():
    denied = [STAYS[0], ("valley-news", "2025-05-03", "Lena Varga never checked into the Orsk Lake Center, "
                                                      "her spokesman said.")]
    assert [u for u in updates(denied) if u["about"] == "place"] == []
    again = [STAYS[0], ("valley-news", "2025-05-03", "Lena Varga checked into the Harlow Recovery clinic on "
                                                     "Thursday, her spokesman said.")]
    assert [u for u in updates(again) if u["about"] == "place"] == []


def test_a_share_said_improved_is_read_against_a_report_that_gives_other_shares_too():
    reports = [("harbour-times", "2025-02-07", "The operator said 74 percent of Kenya's phone traffic to Europe "
                                               "was cut early Friday, although that situation has now improved.\n\nEngineers "
                                               "sailed for the break on Saturday. Banks in Mombasa reported slow "
                                               "transfers, and airlines moved bookings to their own lines."),
               ("valley-news", "2025-02-07", "Some 40 percent of phone traffic to Kenya was still cut on Friday "
                                             "evening. Ports along the coast were also losing over 30 percent of "
                                             "their traffic, the operator said.\n\nA repair ship left Marseille "
                                             "with spare cable. Schools closed their online classes for the week.")]
    assert [[(s, v) for s, v, _ in steps(u)] for u in updates(reports)] == [[("harbour-times", "74"),
                                                                            ("valley-news", "40")]]


def test_a_share_of_a_service_restored_then_running_at_full_capacity_is_an_update_to_100_percent():
    reports = [("harbour-times", "2025-10-11", "More bandwidth came online last night, bringing the Orsk network "
                                               "up to 83% of its required capacity, the provider said."),
               ("valley-news", "2025-10-14", "The provider said its Orsk network was running at full capacity "
                                             "again on Wednesday.")]
    assert [[(s, v) for s, v, _ in steps(u)] for u in updates(reports)] == [[("harbour-times", "83"),
                                                                            ("valley-news", "100")]]



REPAIR = [("harbour-times", "2025-03-03", "The operator said the repair of the Orsk cable will take around ten days, "
                                          "depending on the weather.\n\nShips were sent from Marseille."),
          ("valley-news", "2025-03-16", "The Orsk cable was successfully repaired on 14 March 2025, the operator "
                                        "said, and traffic is back on its usual routes.")]


def test_an_expected_end_of_a_repair_then_the_day_it_ended_is_an_update():
    result = compare_reports(REPAIR)
    assert conflicts(result, "date") == []
    ends = [u for u in updates(REPAIR) if u["about"] == "date"]
    assert [[(s, v) for s, v, _ in steps(u)] for u in ends] == [[("harbour-times", "expected: 10 days"),
                                                                 ("valley-news", "2025-03-14")]]


def test_an_estimate_told_only_after_the_end_is_no_step():
    late = [("harbour-times", "2025-03-16", "Initial estimates were that the repair of the Orsk cable would take "
                                            "ten days."),
            REPAIR[1]]
    assert [u for u in updates(late) if u["about"] == "date"] == []


def test_a_service_restored_to_business_customers_then_to_all_is_an_update_of_the_service():
    reports = [("harbour-times", "2025-10-14", "The Orsk cable operator said today that it has restored all its "
                                               "business customers on alternate routes."),
               ("valley-news", "2025-10-20", "The Orsk cable operator said it has restored services to all "
                                             "customers using alternate routes.")]
    assert [(u["subject"], [(s, v) for s, v, _ in steps(u)]) for u in updates(reports) if u["about"] == "state"] == [
        ("the service", [("harbour-times", "restored to some"), ("valley-news", "restored to all")])]
