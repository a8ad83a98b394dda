"""Counts that rise between reports of different days are one update, shown as a dated progression,
even where the reports say it in sentences that share few words and no name (compare/rising_counts.py)."""

from __future__ import annotations

from test_compare_claims import article, compare, compare_reports, conflicts

from storyline.analyze import analyze_article
from storyline.compare.units import StoryArticle
from storyline.text import normalize_text


def updates(reports: list[tuple[str, str, str]]) -> list[dict]:
    return [c["update"] for c in compare_reports(reports).claims if c.get("update")]


def steps(update: dict) -> list[tuple[str, str, str | None]]:
    return [(v["source"], v["normalized"], v["published"]) for v in update["values"]]


# a landslide: the first report names a village, the next the province; their sentences share no name
LANDSLIDE = [
    ("coast-wire", "2025-04-14", "A landslide buried part of the hamlet of Orsk on Monday and killed at least "
                                 "three people, local officials said.\n\nRescuers worked through the night."),
    ("bay-herald", "2025-04-15", "Heavy rain brought a hillside down on homes in Velmar province, killing 11, "
                                 "the regional governor told reporters.\n\nThe army has sent two helicopters."),
    ("valley-news", "2025-04-16", "Officials in Velmar raised the toll of the landslide: 14 dead.\n\n"
                                  "Schools in the province stay closed."),
]


def test_a_toll_rising_over_three_days_in_unlike_sentences_is_one_update_earliest_first():
    result = compare_reports(LANDSLIDE)
    assert conflicts(result, "number") == []
    found = [c["update"] for c in result.claims if c.get("update")]
    assert [steps(u) for u in found] == [[("coast-wire", "3", "2025-04-14"), ("bay-herald", "11", "2025-04-15"),
                                          ("valley-news", "14", "2025-04-16")]]
    assert found[0]["about"] == "number"
    assert [v["value"] for v in found[0]["values"]][:2] == ["at least three people", "11"]


def test_an_ordinal_says_how_many_have_happened_so_far():
    reports = [("coast-wire", "2025-09-01", "At least four aftershocks rattled the island of Tarn after Sunday's "
                                            "earthquake, the seismic institute said."),
               ("bay-herald", "2025-09-02", "The seventh aftershock since the weekend shook Tarn on Tuesday, "
                                            "sending people into the streets.")]
    assert [steps(u) for u in updates(reports)] == [[("coast-wire", "4", "2025-09-01"), ("bay-herald", "7", "2025-09-02")]]


def test_days_of_an_ongoing_happening_grow_where_their_words_name_it_in_both():
    protests = [("coast-wire", "2025-11-03", "Dockers in Kessling went into a third straight day of strikes on "
                                             "Monday, blocking the container terminal."),
                ("bay-herald", "2025-11-05", "After five days of strikes, the port of Kessling reopened on "
                                             "Wednesday as the union weighed an offer.")]
    assert [steps(u) for u in updates(protests)] == [[("coast-wire", "3", "2025-11-03"), ("bay-herald", "5", "2025-11-05")]]
    unrelated = [("coast-wire", "2025-11-03", "Dockers in Kessling went into a third straight day of strikes on Monday."),
                 ("bay-herald", "2025-11-05", "The port of Kessling will host five days of sailing races next "
                                              "summer, its board said.")]
    assert updates(unrelated) == []


def test_no_update_where_two_counts_are_too_far_apart_to_be_one():
    far = [("coast-wire", "2025-04-14", "A landslide in Velmar province killed two people, officials said."),
           ("bay-herald", "2025-04-15", "Floods across the country have killed 40 people this spring, officials said.")]
    assert updates(far) == []


def test_reports_of_one_day_giving_two_tolls_are_no_update():
    reports = [("coast-wire", "2025-04-14", "A landslide in the hamlet of Orsk killed at least three people."),
               ("bay-herald", "2025-04-14", "Heavy rain brought a hillside down on homes in Velmar province, killing 11.")]
    assert updates(reports) == []


def test_an_undated_report_is_no_step_of_an_update_and_its_claims_sort_after_dated_ones():
    dated = [article(source, source, day, text) for source, day, text in LANDSLIDE[:2]]
    text = normalize_text("Heavy rain brought a hillside down on homes in Velmar province, killing 11, the regional "
                          "governor said.\n\nThe army has sent two helicopters.")
    undated = StoryArticle(id="hill-blog", source="hill-blog", group="hill-blog", text=text, published=None,
                           analysis=analyze_article(text, None))
    result = compare(dated + [undated])
    found = [c["update"] for c in result.claims if c.get("update")]
    assert [steps(u) for u in found] == [[("coast-wire", "3", "2025-04-14"), ("bay-herald", "11", "2025-04-15")]]
    helicopters = next(c for c in result.claims if "helicopters" in c["text"])
    assert helicopters["sources"] == ["bay-herald", "hill-blog"]  # the dated report first


def test_an_election_turnout_that_rises_through_the_count_is_one_update():
    reports = [("coast-wire", "2025-06-01", "By mid-afternoon some 61.5 percent of registered voters had cast their "
                                            "ballots in Velmar, the election board said."),
               ("bay-herald", "2025-06-02", "The election board said final turnout reached 78.2 percent, the highest "
                                            "in Velmar for two decades.")]
    assert [steps(u) for u in updates(reports)] == [[("coast-wire", "61.5", "2025-06-01"),
                                                      ("bay-herald", "78.2", "2025-06-02")]]


def test_a_share_that_counts_no_turnout_is_no_running_total():
    polls = [("coast-wire", "2025-06-01", "A poll for the Velmar Gazette found 61 percent of residents backed the "
                                          "new bridge."),
             ("bay-herald", "2025-06-02", "In a second poll, 70 percent of residents said they backed the new bridge.")]
    assert updates(polls) == []


def test_takings_that_grow_from_one_week_to_the_next_are_one_update_with_every_report_that_agrees():
    # two reports of the first day give a bound ("more than $95 million") that the third's figure meets
    reports = [("coast-wire", "2025-03-03", "The heist thriller Tin Crown has taken in more than $95 million "
                                            "worldwide since it opened."),
               ("bay-herald", "2025-03-03", "Tin Crown, a hit with more than $95 million in the till, has its "
                                            "director weighing a sequel."),
               ("valley-news", "2025-03-03", "After a second weekend on top, Tin Crown has grossed $98 million "
                                             "around the world."),
               ("hill-times", "2025-03-10", "Tin Crown has already accumulated $141 million around the globe, "
                                            "its studio said.")]
    assert [steps(u) for u in updates(reports)] == [[("coast-wire", "95000000", "2025-03-03"),
                                                      ("bay-herald", "95000000", "2025-03-03"),
                                                      ("valley-news", "98000000", "2025-03-03"),
                                                      ("hill-times", "141000000", "2025-03-10")]]


def test_polls_of_registered_voters_are_no_turnout():
    polls = [("coast-wire", "2025-06-01", "A survey found 41 percent of registered voters backed Ana Ortiz for mayor."),
             ("bay-herald", "2025-06-08", "A week on, 47 percent of registered voters backed Ana Ortiz, the same "
                                          "pollster found.")]
    assert updates(polls) == []


def test_what_a_campaign_brought_in_each_month_is_no_running_total():
    months = [("coast-wire", "2025-04-02", "The Ortiz campaign brought in $12 million in March, its filing shows."),
              ("bay-herald", "2025-05-02", "The Ortiz campaign brought in $19 million in April, its filing shows.")]
    assert updates(months) == []


def test_a_fee_is_no_takings():
    fees = [("coast-wire", "2025-03-03", "The director of Tin Crown was paid $3 million to write and direct it."),
            ("bay-herald", "2025-03-10", "The director of Tin Crown is asking $9 million for the sequel.")]
    assert updates(fees) == []


def test_a_heading_that_names_a_past_month_does_not_make_the_toll_below_it_a_toll_of_the_past():
    # the heading has no full stop, so the sentence below runs on from it as one unit
    reports = [LANDSLIDE[0],
               ("bay-herald", "2025-04-15", "Velmar landslide is the worst since the floods of May 2014\nHeavy rain brought a hillside down on homes "
                                            "in Velmar province, killing 11, the regional governor told reporters.")]
    assert [steps(u) for u in updates(reports)] == [[("coast-wire", "3", "2025-04-14"), ("bay-herald", "11", "2025-04-15")]]
    told_of_2014 = [LANDSLIDE[0],
                    ("bay-herald", "2025-04-15", "In a landslide in Velmar province in 2014, heavy rain killed 11 "
                                                 "people, the regional governor recalled.")]
    assert updates(told_of_2014) == []


SWEEP = [("coast-wire", "2025-03-04", "Police arrested 64 people in Tuesday's raids on the Corvel docks, the "
                                      "interior ministry said."),
         ("bay-herald", "2025-03-05", "The raids on the Corvel docks on Tuesday ended with 52 people arrested, "
                                      "the interior ministry said.")]


def test_a_count_lower_in_the_next_days_report_is_a_dispute_not_an_update():
    # a count so far only grows as news comes in: the next day's lower figure is another count of the raids
    result = compare_reports(SWEEP)
    assert [{v["source"]: v["normalized"] for v in c["conflict"]["values"]} for c in conflicts(result, "number")] \
        == [{"coast-wire": "64", "bay-herald": "52"}]
    assert updates(SWEEP) == []


def test_a_count_the_later_report_says_was_revised_down_is_no_dispute():
    revised = [SWEEP[0], ("bay-herald", "2025-03-05", "The number of people arrested in Tuesday's raids on the Corvel "
                                                      "docks was revised down to 52, the interior ministry said.")]
    assert conflicts(compare_reports(revised), "number") == []


def test_the_missing_found_by_the_next_day_are_an_update_not_a_dispute():
    reports = [("coast-wire", "2025-04-14", "A landslide buried part of the hamlet of Orsk on Monday. Rescuers were "
                                            "searching for nine missing residents, the governor said."),
               ("bay-herald", "2025-04-15", "Rescuers in Orsk pulled five people alive from the mud overnight. Four "
                                            "residents were missing on Tuesday, the governor said.")]
    assert conflicts(compare_reports(reports), "number") == []
    assert [steps(u) for u in updates(reports)] == [[("coast-wire", "9", "2025-04-14"), ("bay-herald", "4", "2025-04-15")]]
