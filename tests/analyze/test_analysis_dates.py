"""Temporal expressions resolved against a publication day: Friday 14 February 2025."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from hypothesis import given, settings, strategies as st

from storyline.analyze import analyze_article, load_nlp, parse
from storyline.analyze.dates import clock_gap, clock_times, resolve_dates

FRIDAY = date(2025, 2, 14)


def resolved(text: str, published: date | None = FRIDAY, tagged: bool = True) -> dict[str, tuple[str, str]]:
    parsed = parse(load_nlp(tagger=True)(text)) if tagged else None
    return {t.text: (t.date, t.granularity) for t in resolve_dates(text, published, parsed)}


@pytest.mark.parametrize("tagged", [True, False])
@pytest.mark.parametrize("sentence, expression, expected", [
    ("The envoy arrived on February 12 with a letter.", "on February 12", ("2025-02-12", "day")),
    ("The envoy arrived on 12 February with a letter.", "on 12 February", ("2025-02-12", "day")),
    ("The envoy arrived on Feb. 12 with a letter.", "on Feb. 12", ("2025-02-12", "day")),
    ("The two leaders spoke on Wednesday about a truce.", "on Wednesday", ("2025-02-12", "day")),
    ("The two leaders will meet on Wednesday in Geneva.", "on Wednesday", ("2025-02-19", "day")),
    ("The council voted yesterday to close the school.", "yesterday", ("2025-02-13", "day")),
    ("The council votes today on the budget.", "today", ("2025-02-14", "day")),
    ("Ferries resumed this morning after the storm.", "this morning", ("2025-02-14", "day")),
    ("A fire broke out last night near the docks.", "last night", ("2025-02-13", "day")),
    ("Prices rose sharply last week across the region.", "last week", ("2025-W06", "week")),
    ("The summit is planned for next month in Oslo.", "next month", ("2025-03", "month")),
    ("The calls took place two days earlier.", "two days earlier", ("2025-02-12", "day")),
    ("The mine collapsed three days ago.", "three days ago", ("2025-02-11", "day")),
    ("Investors will hear the verdict a week later.", "a week later", ("2025-02-21", "day")),
    ("The region was annexed in 2014 by its neighbour.", "2014", ("2014", "year")),
    ("Exports fell last year for the first time.", "last year", ("2024", "year")),
    ("The strike began in March and lasted a month.", "March", ("2024-03", "month")),
    ("The union plans another strike in March.", "March", ("2025-03", "month")),
    ("The war began on 24 February 2022 at dawn.", "24 February 2022", ("2022-02-24", "day")),
    ("Output fell in February 2022 as sanctions bit.", "February 2022", ("2022-02", "month")),
    ("The last snow fell since December across the plain.", "December", ("2024-12", "month")),
    ("The vote must be held by May at the latest.", "May", ("2025-05", "month")),
    ("Schools will stay shut until 21 February while engineers inspect them.", "21 February", ("2025-02-21", "day")),
    ("The walkout, which began on Monday, is due to end on Thursday.", "on Thursday", ("2025-02-20", "day")),
    ("The walkout, which began on Monday, is due to end on Thursday.", "on Monday", ("2025-02-10", "day")),
    ("The minister resigned on Friday after the vote.", "on Friday", ("2025-02-14", "day")),
    ("Rescuers reached the village last Tuesday.", "last Tuesday", ("2025-02-11", "day")),
    ("Talks resume next Tuesday in Vienna.", "next Tuesday", ("2025-02-18", "day")),
    ("Results are due before the end of the month.", "before the end of the month", ("2025-02", "month")),
    ("The merger should close later this year.", "later this year", ("2025", "year")),
])
def test_expressions_resolve_against_the_publication_day(sentence, expression, expected, tagged):
    found = resolved(sentence, tagged=tagged)
    assert found.get(expression) == expected, found


@pytest.mark.parametrize("tagged", [True, False])
@pytest.mark.parametrize("published, sentence, expression, expected", [
    # no tense in the clause: a day without a year is the nearest occurrence, a weekday the last one
    (date(2025, 2, 10), "The Colts beat the Jaguars 31-24 on Thursday night.", "on Thursday night", "2025-02-06"),
    (date(2025, 2, 10), "South Carolina, which holds its primary on Feb. 27, is next.", "on Feb. 27", "2025-02-27"),
    (date(2025, 12, 30), "A new tariff schedule, in force from Jan. 1, covers steel.", "Jan. 1", "2026-01-01"),
    # a date after a moment that is not future: nearest, on either side
    (date(2025, 2, 10), "Voters head to the polls ahead of Tuesday's primary.", "Tuesday", "2025-02-11"),
    (FRIDAY, "The rivals debated twice before Monday's caucus.", "Monday", "2025-02-17"),
    (FRIDAY, "Little polling was done before Thursday's vote.", "Thursday", "2025-02-13"),
    (FRIDAY, "The debate came two weeks before the caucuses on March 3.", "on March 3", "2025-03-03"),
    # a tense that says the side still decides it, a year away if need be
    (FRIDAY, "The treaty was signed on March 3 after long talks.", "on March 3", "2024-03-03"),
    (FRIDAY, "The court will rule on Jan. 20 on the appeal.", "on Jan. 20", "2026-01-20"),
    (date(2025, 1, 5), "The envoy arrived on Dec. 28 with a letter.", "on Dec. 28", "2024-12-28"),
    (date(2025, 12, 28), "The ministers will meet on Jan. 5 in Brussels.", "on Jan. 5", "2026-01-05"),
    # the present of "be" says no side: a day is the nearest, not a year ahead (a weekday still the coming one)
    (date(2025, 12, 13), "Students are angry at the Dec. 6 killing of a boy.", "Dec. 6", "2025-12-06"),
    (date(2025, 9, 27), "The election is on December 15, the commission says.", "on December 15", "2025-12-15"),
    (FRIDAY, "The summit is on Wednesday in Oslo.", "on Wednesday", "2025-02-19"),
    # a passive's auxiliary gives its tense, over an adverb; "am" of a clock is no verb
    (date(2025, 4, 24), "He faces life in prison when he's sentenced May 7.", "May 7", "2025-05-07"),
    (date(2025, 4, 4), "The driver is to be formally sentenced May 3 in Leeds.", "May 3", "2025-05-03"),
    (date(2025, 2, 17), "Crews came after the alarm was raised at 6 am on Sunday.", "on Sunday", "2025-02-16"),
    # a date set comes after the setting: the nearest occurrence
    (date(2025, 6, 12), "A trial date was set for October 28 at the crown court.", "October 28", "2025-10-28"),
    # a perfect infinitive tells the past, whatever the present verb before it; "to have" and a noun does not
    (FRIDAY, "The keeper is believed to have died Tuesday of a fall.", "Tuesday", "2025-02-11"),
    (FRIDAY, "The pianist is due to have surgery on Tuesday.", "on Tuesday", "2025-02-18"),
    # a modal with "have" and a participle tells the past; "will have" and "could have" and a noun do not
    (FRIDAY, "Wednesday's recital could not have gone more smoothly.", "Wednesday", "2025-02-12"),
    (FRIDAY, "Tuesday's ferry must have been the last to leave, the harbour master said.", "Tuesday", "2025-02-11"),
    (FRIDAY, "By Tuesday the crews will have cleared the road.", "Tuesday", "2025-02-18"),
    (FRIDAY, "Wednesday's recital could have a full hall.", "Wednesday", "2025-02-19"),
    # a date after a moment takes the nearest occurrence, though the sentence's verb comes after it
    (date(2025, 2, 16), "The pianist's stumble days before Tuesday's final has worried her coach.", "Tuesday",
     "2025-02-18"),
])
def test_the_side_of_publication_comes_from_the_tense_else_the_nearest_day(published, sentence, expression, expected,
                                                                          tagged):
    found = resolved(sentence, published, tagged=tagged)
    assert found.get(expression, ("",))[0] == expected, found


def test_day_ranges_resolve_to_a_start_and_an_end():
    times = resolve_dates("The fair runs from 10 to 12 February in the old hall.", FRIDAY)
    assert [(t.text, t.date, t.end_date) for t in times] == [("from 10 to 12 February", "2025-02-10", "2025-02-12")]
    times = resolve_dates("Voting runs March 3-5, 2026.", FRIDAY)
    assert [(t.date, t.end_date) for t in times] == [("2026-03-03", "2026-03-05")]
    # a range without a year is placed whole: this year's, though next 1 January is nearer than the last
    times = resolve_dates("Police counted 2,500 shootings between January 1 and September 26.", date(2025, 9, 29))
    assert [(t.date, t.end_date) for t in times] == [("2025-01-01", "2025-09-26")]


def test_without_a_publication_day_only_absolute_dates_resolve():
    found = resolved("On Wednesday, two days after 3 March 2024, the plan from 2019 failed; yesterday it was dropped.",
                     published=None)
    assert found == {"3 March 2024": ("2024-03-03", "day"), "2019": ("2019", "year")}


def test_a_datetime_publication_is_taken_as_its_day():
    published = datetime(2025, 2, 14, 23, 30, tzinfo=timezone.utc)
    assert resolved("The deal was signed yesterday.", published)["yesterday"] == ("2025-02-13", "day")


def test_numbers_that_are_not_years_and_modal_may_are_left_alone():
    found = resolved("About 2000 people may leave; the 1990s were calmer and 1,978 homes were hit.")
    assert found == {}


def test_analyze_article_reports_dates_with_their_sentence():
    text = "Prices fell. The deal was signed on Wednesday in Brussels."
    times = analyze_article(text, FRIDAY).times
    assert [(t.text, t.date) for t in times] == [("on Wednesday", "2025-02-12")]
    assert text[times[0].sentence[0]:times[0].sentence[1]] == "The deal was signed on Wednesday in Brussels."


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(
    ["on", " ", "Monday", "12", "February", "Feb.", "2025", "from", "to", "-", "yesterday", "last", "next", "week",
     "two", "days", "ago", "in", "March", "May", "will", "said", ".", ",", "31", "30", "2100", "1799", "é"]),
    max_size=25).map(" ".join)),
    st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))))
def test_date_resolver_never_fails_and_spans_index_the_text(text, published):
    for t in resolve_dates(text, published):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.granularity in ("day", "week", "month", "year")


@pytest.mark.parametrize("sentence, shown, minutes, half_unsaid, approximate, zone", [
    ("The blaze broke out at 8.49pm on Friday.", "8.49pm", 20 * 60 + 49, False, False, ""),
    ("Marchers set off at about 8 p.m. from the square.", "8 p.m.", 20 * 60, False, True, ""),
    ("The tremor struck at 1353 (1023 GMT) near the coast.", "1353", 13 * 60 + 53, False, False, ""),
    ("Officers were alerted at 20:49 GMT.", "20:49 GMT", 20 * 60 + 49, False, False, "GMT"),
    ("The ferry left the harbour at 8:30 on Tuesday.", "8:30", 8 * 60 + 30, True, False, ""),
    ("Gunfire was heard shortly after 3 p.m. in the square.", "3 p.m.", 15 * 60, False, True, ""),
    ("She arrived at the clinic around noon.", "noon", 12 * 60, False, True, ""),
])
def test_a_time_of_day_is_read_with_how_exact_it_is_and_its_zone(sentence, shown, minutes, half_unsaid,
                                                                 approximate, zone):
    (clock,) = clock_times(sentence)
    assert (sentence[clock.start:clock.end], clock.minutes, clock.half_day_unsaid, clock.approximate, clock.zone) == \
        (shown, minutes, half_unsaid, approximate, zone)


@pytest.mark.parametrize("sentence", [
    "Roads stayed closed until about 1630 GMT on Saturday.",  # a bound, not when something happened
    "By 6.30am the fire had been contained.",
    "The cables failed between 07:28 and 08:06 UTC.",  # a range
    "The shops open from 9am to 5pm.",
    "The museum opened in 2010 (after a long delay).",  # a year, not 20:10
    "They won 3-2 after extra time.",
    "He scored the record basket with 7:41 left in the first half.",  # a game clock
    "Posted 5 May 2010 1:41 PM",  # the page's time stamp
    "Tremor felt across the gulf 9:53 AM, Mon 22 Jul 2013",
])
def test_bounds_ranges_and_other_figures_are_not_times_of_day(sentence):
    assert clock_times(sentence) == []


def test_a_time_and_its_conversion_in_brackets_are_one_time_and_zones_are_not_compared():
    (local,) = clock_times("The quake struck at 17:06 local time (13:36 GMT).")
    assert local.minutes == 17 * 60 + 6 and local.zone == ""
    pst, = clock_times("She died at 6:41pm PST.")
    gmt, = clock_times("She died at 02:41 GMT.")
    assert clock_gap(pst, gmt) is None
    first, second = clock_times("It started at 8:30 and ended at 20:40.")
    assert clock_gap(first, second) == 10  # "8:30" may be 20:30


def test_a_stamp_above_the_report_dates_nothing():
    # the page's "June 3, 2025" and "Updated: 04 Jun 2025 14:02 BST" are no happening's day; the report's own is
    text = ("June 3, 2025\n\nUpdated: 04 Jun 2025 14:02 BST\n\n"
            "Dockworkers walked off the job on June 2, 2025, over pay.\n\nShips waited.")
    times = resolve_dates(text, date(2025, 6, 3))
    assert [(t.text, t.date) for t in times] == [("June 2, 2025", "2025-06-02")]


def test_a_timeline_s_days_and_a_hard_wrapped_report_s_days_are_read():
    timeline = ("The dispute has dragged on for six years.\n\nMarch 4, 2019\n\nThe union first threatened a strike.\n\n"
                "June 3, 2025\n\nDockworkers walked out at all five ports.")
    assert [t.text for t in resolve_dates(timeline, date(2025, 6, 5))] == ["March 4, 2019", "June 3, 2025"]
    wrapped = ("Port officials met on Tuesday, June 3 with union leader\nMaria Lopez and agreed to resume talks, a "
               "spokesman said. The\ntalks will continue on Friday.")
    assert [t.text for t in resolve_dates(wrapped, date(2025, 6, 5))] == ["on Tuesday", "June 3", "on Friday"]
