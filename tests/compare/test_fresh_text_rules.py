"""The reader's reasons found on fresh real text (tests/fixtures/polnear_groups), each a rule of its
detector (conflicts/number.py, date.py, role.py, venue.py, quote.py): what two reports say differently
is no dispute where the words say it is of two things. Each test shows the dispute first, then the same
reports with the words a reader would see it in. Reports are our own."""

from __future__ import annotations

from test_compare_claims import compare_reports, conflicts, pair_conflicts, updates_by_first_step
from test_compare_claims import pair_values as values


# --- figures (number.py)

STRIKE_A = ("About 1,200 workers walked out at the Brackwater steel plant on Monday, the union said.\n\n"
            "The plant's owner said talks would resume on Thursday.")
STRIKE_B = ("About 1,500 workers walked out at the Brackwater steel plant on Monday, the union said.\n\n"
            "Managers at the plant said they hoped to meet union leaders this week.")


def test_a_figure_a_guess_puts_forward_disputes_no_count():
    assert values(STRIKE_A, STRIKE_B, "number") == [{"harbour-times": "About 1,200 workers",
                                                     "valley-news": "About 1,500 workers"}]
    guessed = STRIKE_B.replace("About 1,500 workers walked out", "Probably about 1,500 workers walked out")
    assert values(STRIKE_A, guessed, "number") == []


REGIONS_A = ("Nine regions hold their primaries on April 2, the election commission said on Monday.\n\n"
             "Turnout is expected to be high.")
REGIONS_B = ("Fourteen regions hold their primaries on April 2, the election commission said on Monday.\n\n"
             "Counting will take two days.")


def test_the_rest_of_a_list_is_no_count_of_the_whole():
    assert values(REGIONS_A, REGIONS_B, "number") == [{"harbour-times": "Nine regions", "valley-news": "Fourteen regions"}]
    assert values(REGIONS_A, REGIONS_B.replace("Fourteen regions", "Fourteen other regions"), "number") == []


def test_a_total_through_a_day_disputes_no_count_of_that_day():
    assert values(REGIONS_A, REGIONS_B.replace("on April 2", "through April 2"), "number") == []


DELEGATES_A = ("Ostrava will elect 120 delegates at the party's regional convention on Saturday.\n\n"
               "The convention opens at nine in the morning.")
DELEGATES_B = ("Ostrava will elect 150 delegates at the party's regional convention on Saturday.\n\n"
               "Both candidates will speak before the vote.")


def test_the_whole_a_part_is_counted_of_is_no_count_of_the_part():
    assert values(DELEGATES_A, DELEGATES_B, "number") == [{"harbour-times": "120 delegates",
                                                          "valley-news": "150 delegates"}]
    whole = DELEGATES_B.replace("will elect 150 delegates", "will elect 90 of its 150 delegates")
    assert values(DELEGATES_A, whole, "number") == []


POLL_A = ("Vera Holm led the Harwick mayoral race by 9 points in the Courier poll published on Sunday.\n\n"
          "The vote is on Thursday.")
POLL_B = ("Vera Holm led the Harwick mayoral race by 5 points in the Courier poll published on Sunday.\n\n"
          "Her campaign said it would hold a final rally on Wednesday.")


def test_a_polling_average_disputes_no_single_poll():
    assert values(POLL_A, POLL_B, "number") == [{"harbour-times": "9 points", "valley-news": "5 points"}]
    averaged = POLL_B.replace("in the Courier poll published on Sunday", "in the polling average published on Sunday")
    assert values(POLL_A, averaged, "number") == []


# --- days (date.py)

VOTE_A = ("On Tuesday, Vera Holm held a narrow lead over Petr Kolar in the count of the Harwick mayoral vote.\n\n"
          "Kolar has not conceded.")
VOTE_B = ("On Wednesday, Vera Holm held a narrow lead over Petr Kolar in the count of the Harwick mayoral vote.\n\n"
          "The result is expected next week.")


def test_the_day_of_a_happening_the_sentence_comes_before_is_not_its_day():
    assert values(VOTE_A, VOTE_B, "date") != []
    ahead = VOTE_A.replace("On Tuesday, Vera Holm held", "Going into Tuesday's vote, Vera Holm held")
    assert values(ahead, VOTE_B, "date") == []


SURVEY_A = ("A Courier survey taken on Monday found most Harwick voters against the new bridge.\n\n"
            "The council votes on the bridge next month.")
SURVEY_B = ("A Courier survey taken on Tuesday found most Harwick voters against the new bridge.\n\n"
            "Work on the bridge would start in spring.")


def test_the_day_a_poll_came_out_is_not_a_day_of_what_it_found():
    assert values(SURVEY_A, SURVEY_B, "date") != []
    released = SURVEY_A.replace("A Courier survey taken on Monday", "A Courier survey released on Monday")
    assert values(released, SURVEY_B, "date") == []


# --- offices (role.py)

MARSH_A = "Police Superintendent Helen Marsh said nine people were arrested after the match on Saturday."
MARSH_B = "Police Inspector Helen Marsh said nine people were arrested after the match on Saturday night."


def test_a_title_in_a_quotation_is_the_speakers_word_not_the_outlets():
    assert values(MARSH_A, MARSH_B, "role") == [{"harbour-times": "Superintendent Helen Marsh",
                                                 "valley-news": "Inspector Helen Marsh"}]
    quoted = ("Nine people were arrested after the match on Saturday night.\n\n"
              "\u201cWhen Inspector Helen Marsh ran the station, we had none of this,\u201d the club chairman said.")
    assert values(MARSH_A, quoted, "role") == []


def test_a_last_name_stands_for_the_person_its_article_names_in_full():
    alone = "Superintendent Marsh said nine people were arrested after the match on Saturday."
    assert values(alone, MARSH_B, "role") == [{"harbour-times": "Superintendent Marsh",
                                               "valley-news": "Inspector Helen Marsh"}]
    two = alone + "\n\nThe club's doctor, Tom Marsh, treated the injured at the ground."
    assert values(two, MARSH_B, "role") == []


def test_a_seat_on_a_panel_is_held_beside_an_office():
    chief = "Helen Marsh, chief of the Harwick police, said nine people were arrested after the match on Saturday night."
    assert values(MARSH_A, chief, "role") == [{"harbour-times": "Superintendent Helen Marsh", "valley-news": "chief"}]
    seat = chief.replace("chief of the Harwick police", "chairman of the Harwick Police Board")
    assert values(MARSH_A, seat, "role") == []


# --- occasions (venue.py)

REHAB_A = ("Mara Quell has checked into a treatment centre in Arizona, her publicist told the Coastline Courier "
           "on Tuesday.\n\nQuell cancelled the last four dates of her tour last month.")
REHAB_B = ("Mara Quell has checked into a treatment centre in Arizona, her publicist told Daybreak Weekly "
           "on Tuesday.\n\nThe singer called off the end of her tour last month.")


def test_an_outlet_named_short_is_the_outlet_named_in_full():
    assert values(REHAB_A, REHAB_B, "venue") == [{"harbour-times": "Coastline Courier", "valley-news": "Daybreak Weekly"}]
    short = REHAB_B.replace("told Daybreak Weekly", "told the Courier")
    assert values(REHAB_A, short, "venue") == []


HARBOUR_A = ("\u201cWe will keep the harbour open through the winter,\u201d Mayor Ilse Brandt said at a news conference "
             "on Monday.\n\nThe harbour handles most of the town's freight.")
HARBOUR_B = "\u201cWe will keep the harbour open through the winter,\u201d Brandt said on Monday. "


def test_a_medium_is_its_speakers_only_where_the_paragraph_names_no_one_else():
    told = HARBOUR_B + "Ilse Brandt said it at a rally in Dunmore."
    assert values(HARBOUR_A, told, "venue") != []
    other = HARBOUR_B + "Governor Tomas Vell, speaking later at a rally in Dunmore, did not mention Brandt in his speech."
    assert values(HARBOUR_A, other, "venue") == []
    apart = HARBOUR_B + "\n\nIlse Brandt said it at a rally in Dunmore."
    assert values(HARBOUR_A, apart, "venue") == []


def test_a_reports_lead_gives_the_occasion_of_the_quotations_after_it():
    lead = "Mayor Ilse Brandt said at a rally in Dunmore on Monday that the harbour would stay open.\n\n" + HARBOUR_B
    assert values(HARBOUR_A, lead, "venue") == [{"harbour-times": "news conference", "valley-news": "rally"}]
    later = HARBOUR_B + "\n\nThe harbour handles most of the town's freight.\n\nIlse Brandt said it at a rally in Dunmore."
    assert values(HARBOUR_A, later, "venue") == []


def test_a_conference_call_and_a_press_conference_of_ones_own_are_occasions():
    # "told analysts on a conference call" is a medium of its own; "at his post-match press conference" is a
    # news conference however it is owned; "an interview with broadcaster TV Sur" is television
    call = ("Mayor Ilse Brandt told analysts on a conference call on Monday that the harbour was "
            "\u201cthe one asset we will never sell.\u201d\n\nThe harbour handles most of the town's freight.")
    own = ("Mayor Ilse Brandt told reporters at her weekly press conference on Monday that the harbour was "
           "\u201cthe one asset we will never sell.\u201d\n\nThe harbour handles most of the town's freight.")
    tv = ("Speaking in a pitchside interview with broadcaster TV Sur on Monday, Mayor Ilse Brandt said the harbour was "
          "\u201cthe one asset we will never sell.\u201d\n\nThe harbour handles most of the town's freight.")
    assert values(call, own, "venue") == [{"harbour-times": "call", "valley-news": "news conference"}]
    assert values(tv, own, "venue") == [{"harbour-times": "television", "valley-news": "news conference"}]
    assert values(own, own.replace("her weekly", "a"), "venue") == []


# --- quotations (quote.py)

LEAGUE_A = "\u201cI meant he is the founder of the league,\u201d Ivo Dorn said on Monday in an interview with the Courier."
LEAGUE_B = "\u201cI never meant he is the founder of the league,\u201d Ivo Dorn said on Monday in an interview with the Courier."


def test_a_no_that_answers_someone_denies_nothing_the_quotation_says():
    assert len(pair_conflicts(LEAGUE_A, LEAGUE_B, "quote")) == 1
    reply = LEAGUE_B.replace("I never meant", "No, I meant")
    assert pair_conflicts(LEAGUE_A, reply, "quote") == []


# --- two days' reports (number.py, is_update)


def test_what_is_still_missing_of_a_goal_is_an_update_from_day_to_day():
    first = ("Ines Marsh is 71 delegates short of the 2,383 needed to win the party's nomination.\n\n"
             "She campaigns in Ostrava on Friday.")
    second = ("Ines Marsh needs 67 delegates to reach the 2,383 needed to win the party's nomination.\n\n"
              "Her rival Petr Kolar has not given up.")
    updates = updates_by_first_step([("harbour-times", "2025-06-03", first), ("valley-news", "2025-06-04", second)])
    assert [v["normalized"] for v in updates["71"]["values"]] == ["71", "67"]
    assert conflicts(compare_reports([("harbour-times", "2025-06-03", first), ("valley-news", "2025-06-04", second)]),
                     "number") == []


def test_a_count_so_far_is_not_cut_to_a_fraction_by_the_next_days_report():
    first = ("Vera Holm has released 30 years of her tax returns, her campaign said.\n\n"
             "She called on Petr Kolar to do the same.")
    second = ("Vera Holm represented Harwick on the city council for eight years, her campaign said.\n\n"
              "Kolar moved to Harwick in 2010.")
    reports = [("harbour-times", "2025-06-03", first), ("valley-news", "2025-06-04", second)]
    assert updates_by_first_step(reports) == {}
    assert conflicts(compare_reports(reports), "number") == []
