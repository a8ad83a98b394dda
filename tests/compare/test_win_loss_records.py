"""Win-loss records of one named team or fighter that two outlets give differently are a number conflict
(compare/records.py); scores, records of two times and a report's before-and-after are not. Reports
are our own, in the shape of real sports coverage (ECB+ train showed the rule)."""

from __future__ import annotations

from test_compare_numbers import number_values

FIGHT_A = ("Dario Venn knocked out Ivo Raske in the fourth round in Lindau on Saturday to keep his title.\n\n"
           "On the undercard, former champion Pavel Morow (38-2, 25 KOs) won on points over eight rounds.")
FIGHT_B = ("Dario Venn kept his title on Saturday, stopping Ivo Raske in the fourth round in Lindau.\n\n"
           "Former champion Pavel Morow (36-2) won a decision over eight rounds on the undercard.")


def test_one_fighter_s_record_given_two_ways_is_a_conflict():
    assert number_values(FIGHT_A, FIGHT_B) == [{"harbour-times": "38-2", "valley-news": "36-2"}]


def test_a_team_s_record_after_its_name_or_its_record_word_is_read():
    first = ("The Harriers beat the Otters 27-17 on Sunday to clinch a playoff spot.\n\n"
             "By beating the Otters, Kelburn's record rose to 9-5 with two games left.")
    second = ("Kelburn clinched a playoff spot with a 27-17 win over the Otters on Sunday.\n\n"
              "It was the 10th win for Kelburn (10-5), who host the Falcons next week.")
    assert number_values(first, second) == [{"harbour-times": "9-5", "valley-news": "10-5"}]


def test_records_of_two_times_scores_and_a_report_s_before_and_after_are_no_conflict():
    # a fighter's record years apart is two records, not one told two ways
    assert number_values(FIGHT_A, FIGHT_B.replace("(36-2)", "(30-2)")) == []
    # a report that gives two records of one bearer gives them before and after the fight
    both = FIGHT_B.replace("(36-2)", "(37-2)") + "\n\nWith the win Morow improved to 38-2."
    assert number_values(FIGHT_A, both) == []
    # scores are no records
    first = "Kelburn beat the Otters 27-17 on Sunday. Kelburn led 13-3 at the half."
    second = "Kelburn beat the Otters 27-20 on Sunday. Kelburn led 13-6 at the half."
    assert [v for v in number_values(first, second) if any("-" in x for x in v.values())] == []
