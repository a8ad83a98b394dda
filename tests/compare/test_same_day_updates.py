"""Reports of one day are ordered by their time of day, where the feed gives one, and by their own words
("as of 4 p.m.", "has risen to", the days of an ongoing happening, a case that moved on): a count that
grew within the day is an update, earliest first, not a dispute (compare/report_order.py)."""

from __future__ import annotations

from test_compare_claims import compare_reports, conflicts
from test_rising_counts import steps, updates


def state_steps(reports: list[tuple[str, str, str]]) -> list[list[tuple[str, str]]]:
    return [[(v["source"], v["normalized"]) for v in u["values"]] for u in updates(reports) if u["about"] == "state"]


def test_a_toll_given_later_in_the_day_by_another_outlet_is_an_update_in_time_order():
    reports = [("bay-herald", "2025-04-14T18:30", "Heavy rain brought a hillside down on homes in Velmar province, "
                                                  "killing 11 people, the regional governor said."),
               ("coast-wire", "2025-04-14T07:45", "A landslide buried part of the hamlet of Orsk in Velmar "
                                                  "province and killed three people, local officials said.")]
    result = compare_reports(reports)
    assert conflicts(result, "number") == []
    assert [steps(u) for u in updates(reports)] == [[("coast-wire", "3", "2025-04-14"), ("bay-herald", "11", "2025-04-14")]]


def test_a_toll_whose_own_words_make_it_a_later_reading_follows_the_days_lower_toll():
    reports = [("coast-wire", "2025-04-14", "A landslide buried part of the hamlet of Orsk and killed at least "
                                            "three people, local officials said."),
               ("bay-herald", "2025-04-14", "The landslide in Velmar province has now killed 11 people, "
                                            "the regional governor said.")]
    assert [steps(u) for u in updates(reports)] == [[("coast-wire", "3", "2025-04-14"), ("bay-herald", "11", "2025-04-14")]]


def test_a_share_as_it_stood_at_an_hour_comes_before_the_days_final_figure():
    reports = [("coast-wire", "2025-06-01", "Some 1.2 million people, or 61 percent of eligible voters, had cast "
                                            "their ballots as of 3 p.m., the election commission said."),
               ("bay-herald", "2025-06-01", "Officials said turnout in the referendum reached 74 percent.")]
    assert [steps(u)[-2:] for u in updates(reports)] == [[("coast-wire", "61", "2025-06-01"),
                                                          ("bay-herald", "74", "2025-06-01")]]


def test_days_of_an_ongoing_happening_counted_in_reports_of_one_day_grow_in_their_order():
    reports = [("coast-wire", "2025-11-06", "Dockers in Kessling have kept up four days of strikes over pay, "
                                            "blocking the container terminal."),
               ("bay-herald", "2025-11-06", "The port of Kessling stayed shut for a sixth straight day of strikes "
                                            "as the union weighed an offer.")]
    assert [steps(u) for u in updates(reports)] == [[("coast-wire", "4", "2025-11-06"), ("bay-herald", "6", "2025-11-06")]]


def test_a_cause_suspected_after_it_was_considered_the_same_day_is_an_update():
    reports = [("coast-wire", "2025-03-07", "Fire crews fought the blaze at the Orsk grain store overnight, and "
                                            "officials are considering arson among possible causes."),
               ("bay-herald", "2025-03-07", "Investigators now suspect arson in the blaze that gutted the Orsk "
                                            "grain store.")]
    assert state_steps(reports) == [[("coast-wire", "possible"), ("bay-herald", "suspected")]]


def test_reports_of_one_day_that_nothing_orders_are_no_update():
    reports = [("coast-wire", "2025-04-14", "A landslide in the hamlet of Orsk killed at least three people."),
               ("bay-herald", "2025-04-14", "Heavy rain brought a hillside down on homes in Velmar province, killing 11.")]
    assert updates(reports) == []
    timed_and_not = [("coast-wire", "2025-04-14T08:00", reports[0][2]), ("bay-herald", "2025-04-14", reports[1][2])]
    assert updates(timed_and_not) == []


def test_a_day_that_told_the_sixth_aftershock_stood_at_six_so_a_later_five_is_no_step():
    reports = [("coast-wire", "2025-09-01", "At least four aftershocks have shaken the island of Tarn since "
                                            "the earthquake, the seismic institute said."),
               ("bay-herald", "2025-09-01", "The sixth aftershock shook Tarn in the evening, sending people "
                                            "into the streets."),
               ("lake-post", "2025-09-02", "Five aftershocks have struck Tarn since the earthquake, "
                                           "officials said.")]
    assert updates(reports) == []


def test_an_update_cites_every_sentence_of_a_report_that_gives_its_step():
    reports = [("coast-wire", "2025-04-14", "A landslide buried part of the hamlet of Orsk and killed three "
                                            "people, local officials said.\n\nRescuers said three people "
                                            "were killed when the hillside gave way."),
               ("bay-herald", "2025-04-15", "The landslide in Orsk killed 11 people, the governor said."),
               ("lake-post", "2025-04-15", "Rescuers said 11 people were killed when the hillside gave way "
                                           "in Orsk.")]
    first = [v for u in updates(reports) for v in u["values"] if v["source"] == "coast-wire"]
    assert first and [e["text"] for e in first[0]["evidence"]] == ["three people", "three people"]  # both sentences
