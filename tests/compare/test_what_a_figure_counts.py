"""What a figure counts, as a reader takes it from the words around it: workers and employees are one
workforce, a population is given "of" or "at" a figure, people held hostage or aboard a craft are counted as
such whatever noun names them; and what sets two apart: a past year in one's clause, the head of a body in a
headline's shorthand. (analyze/numbers.py; conflicts/number.py, role.py; lang/en_numbers.py KIND_CLASSES, HEAD_CLASSES.) Reports are
our own."""

from __future__ import annotations

import pytest

from test_compare_claims import by_outlet, compare_reports, conflicts, updates_by_first_step
from test_compare_claims import pair_values as values

from storyline.analyze.numbers import find_numbers


def kinds(text: str) -> list[tuple[str, str | None]]:
    return [(n.surface, n.kind) for n in find_numbers(text, 0, len(text), [])]


def test_workers_and_employees_are_one_workforce():
    first = ("Pellow's Kitchen, the restaurant chain, entered administration on Monday, leaving about 1,850 employees "
             "facing uncertainty.\n\nAdministrators said they hoped to sell the business.")
    second = ("Pellow's Kitchen has gone into administration, with 2,300 workers facing an anxious wait to learn "
              "whether their jobs survive.\n\nAdministrators said they hoped to sell the business.")
    assert values(first, second, "number") == [{"harbour-times": "about 1,850 employees", "valley-news": "2,300 workers"}]


STRIKE_FIRST = ("Dockworkers at the port of Velmar walked off the job on Tuesday, halting container traffic.\n\n"
                "About 1,900 workers joined the strike, according to the Velmar Dockers' Union, which called the "
                "stoppage after talks on pay broke down on Monday.\n\n"
                "The port operator, Velmar Harbour Services, said the strike was unlawful.")
STRIKE_SECOND = ("Around 1,500 dockworkers stopped work at the port of Velmar on Tuesday in a dispute over pay, "
                 "leaving container ships waiting at anchor.\n\n"
                 "Velmar Harbour Services, which runs the port, called the strike unlawful.")
STRIKE_NEXT_DAY = ("The strike at the port of Velmar spread to the northern terminal on Wednesday, and about 2,600 "
                   "workers have now joined it, the Velmar Dockers' Union said.\n\n"
                   "Velmar Harbour Services said it had filed for an injunction.")


def test_a_compound_counts_what_its_head_counts():
    assert kinds("Around 1,500 dockworkers stopped work.") == [("Around 1,500 dockworkers", "employees")]
    assert kinds("Some 4,500 dockers walked out.") == [("Some 4,500 dockers", "employees")]  # a trade's own word
    assert kinds("About 3,000 steelworkers marched.") == [("About 3,000 steelworkers", "employees")]


def test_the_strikers_one_outlet_counts_as_workers_and_another_as_dockworkers_disagree_on_one_day():
    """"joined the strike" and "stopped work" tell one happening (lang/en_happenings.py), so the two
    counts of those who struck are compared; the conflict is named by the noun the report uses."""
    [claim] = conflicts(compare_reports([("harbour-times", "2025-06-03", STRIKE_FIRST),
                                         ("valley-news", "2025-06-03", STRIKE_SECOND)]), "number")
    assert by_outlet(claim, "value") == {"harbour-times": "About 1,900 workers", "valley-news": "Around 1,500 dockworkers"}
    assert claim["conflict"]["subject"] == "dockworkers"


def test_the_next_days_count_of_strikers_is_an_update_not_a_conflict():
    reports = [("harbour-times", "2025-06-03", STRIKE_FIRST), ("valley-news", "2025-06-03", STRIKE_SECOND),
               ("coast-radio", "2025-06-04", STRIKE_NEXT_DAY)]
    [update] = updates_by_first_step(reports).values()
    assert [(v["normalized"], v["published"]) for v in update["values"]] \
        == [("1900", "2025-06-03"), ("1500", "2025-06-03"), ("2600", "2025-06-04")]
    assert [sorted(by_outlet(c)) for c in conflicts(compare_reports(reports), "number")] \
        == [["harbour-times", "valley-news"]]


VERDICT_FIRST = ("A former mayor of Halden was sentenced to six years in prison on Thursday for taking bribes in "
                 "exchange for city building contracts, ending a trial that lasted nearly five months.\n\n"
                 "Prosecutors had sought eight years. Valstad served as mayor for eight years until 2023.")
VERDICT_SECOND = ("Per Valstad, the former mayor of Halden, was sentenced to five years in prison on Thursday after being "
                  "convicted of accepting bribes in return for municipal contracts.\n\n"
                  "The prosecution had asked for a sentence of eight years.")


def test_a_prison_term_imposed_is_a_kind_of_its_own():
    assert kinds("He was sentenced to six years in prison.") == [("six years", "prison:years")]
    assert kinds("She was jailed for 18 months.") == [("18 months", "prison:months")]
    assert kinds("He was handed a 10-year prison term.") == [("10-year", "prison:years")]
    assert kinds("A judge sentenced former port director Alan Pike to six years.") == [("six years", "prison:years")]
    # what a prosecutor asked for, the most a charge carries, the time someone served, probation, the years of an
    # office: other quantities
    assert kinds("The prosecution had asked for a sentence of eight years.") == [("eight years", "years")]
    assert kinds("Prosecutors had sought eight years in prison.") == [("eight years", "years")]
    assert kinds("He had faced up to 10 years in prison.") == [("up to 10 years", "years")]
    assert kinds("After three years in prison, he was released.") == [("three years", "years")]
    assert kinds("After serving five years in prison, he was released.") == [("five years", "served:years")]
    assert kinds("Arlen had served 8 years as mayor.") == [("8 years", "years")]  # an office's years
    assert kinds("He was sentenced to 18 months probation.") == [("18 months", "months")]
    assert kinds("He served five months in federal prison.") == [("five months", "served:months")]
    assert kinds("Valstad was mayor for eight years.") == [("eight years", "years")]


def test_two_prison_terms_reported_for_one_verdict_disagree_whatever_else_each_report_counts_in_years():
    """Each report also gives eight years (sought by the prosecution, served as mayor): read as plain years,
    they leave the terms imposed to be compared with each other."""
    assert values(VERDICT_FIRST, VERDICT_SECOND, "number") == [{"harbour-times": "six years", "valley-news": "five years"}]
    [conflict] = [c for c in conflicts(compare_reports([("harbour-times", "2025-09-18", VERDICT_FIRST),
                                                       ("valley-news", "2025-09-18", VERDICT_SECOND)]), "number")]
    assert conflict["conflict"]["subject"] == "years in prison"
    assert values(VERDICT_FIRST, VERDICT_SECOND.replace("five years", "six years"), "number") == []
    served = ("Ada Pell was sentenced to six months in prison for fraud in 2019.\n\nShe served five months in prison, "
              "her lawyer said.")
    assert values(served, "Ada Pell served five months in prison for fraud, her lawyer said.", "number") == []
    sought = VERDICT_FIRST.replace("Prosecutors had sought eight years.", "Prosecutors had sought eight years in prison.")
    assert values(sought, VERDICT_SECOND, "number") == [{"harbour-times": "six years", "valley-news": "five years"}]


def test_the_people_a_plant_employs_are_its_workforce():
    """"employs about 900 people" and "the plant, with roughly 1,100 workers," are the plant's workforce, a kind of
    its own beside the workers a report says are laid off or on strike."""
    assert kinds("The plant in Marlow, which employs about 900 people, will stay open.") \
        == [("about 900 people", "workforce")]
    # a report that gives the workforce and those laid off has one count of each
    assert kinds("The plant, which employs about 900 people, will lay off 300 workers.") \
        == [("about 900 people", "workforce"), ("300 workers", "employees")]
    assert values("The Dunmore plant, which employs about 900 people, will lay off 300 workers, the company said.",
                  "The Dunmore plant will lay off 250 workers, the company said.", "number") \
        == [{"harbour-times": "300 workers", "valley-news": "250 workers"}]
    assert kinds("About 900 people live in the village.") == [("About 900 people", "people")]
    first = ("Norcastle will keep Fenwick's plant in Marlow, Ohio, which employs about 900 people.\n\n"
             "The deal is expected to close by the end of the year.")
    second = ("The Marlow plant in Ohio, with roughly 1,100 workers, will stay open, Norcastle said.\n\n"
              "Analysts expect regulators to look closely at the deal.")
    assert values(first, second, "number") == [{"harbour-times": "about 900 people", "valley-news": "roughly 1,100 workers"}]


MARCH_FIRST = ("Thousands of people marched through the centre of Dunmore on Saturday against plans to close the "
               "town's maternity unit.\n\n"
               "Police estimated the crowd at 12,000, while organisers put the number at 40,000.")
MARCH_SECOND = ("About 15,000 people took part in a march in Dunmore on Saturday against the planned closure of the "
                "maternity unit, according to police.\n\n"
                "Organisers of the march said more than 40,000 had joined them.")


def test_a_crowd_is_counted_by_whoever_puts_it_at_its_size():
    assert kinds("Police estimated the crowd at 12,000, while organisers put the number at 40,000.") \
        == [("12,000", "crowd by police"), ("40,000", "crowd by organisers")]
    assert kinds("About 15,000 people took part in a march, according to police.") \
        == [("About 15,000 people", "crowd by police")]
    assert kinds("Some 50,000 people marched through the city.") == [("Some 50,000 people", "crowd")]
    assert kinds("Five people joined the board.") == [("Five people", "people")]  # no gathering
    assert kinds("Some 300 people took part in the survey about the protest.") == [("Some 300 people", "people")]
    assert kinds("About 25,000 people attended the match.") == [("About 25,000 people", "people")]
    assert kinds("Organisers said 60,000 people marched; police said 25,000.") \
        == [("60,000 people", "crowd by organisers"), ("25,000", "crowd by police")]
    assert kinds("About 20,000 people marched, a police spokesman said.") == [("About 20,000 people", "crowd by police")]
    assert kinds("Police put the march, called by the unions, at roughly 30,000 people.") \
        == [("roughly 30,000 people", "crowd by police")]
    # what befell people at a protest is no crowd's size, whoever says it
    assert kinds("Police said 18 people had been injured at the protest.") == [("18 people", "injured")]
    assert kinds("Police said two women choked on smoke after protesters broke in.")[0][1] != "crowd by police"
    # the police's words give no figure of a crowd in a clause of its own, nor do officers who merely act
    assert kinds("Police said the stadium, where a crowd of 45,000 watched the match, was calm.")[0][1] == "crowd"
    assert kinds("About 3,000 protesters gathered, and officers arrested 12 people.")[0] \
        == ("About 3,000 protesters", "crowd")
    assert kinds("Organisers said 40,000 attended the rally, though police put the figure at 25,000.") \
        == [("40,000 attended", "crowd by organisers"), ("25,000", "crowd by police")]


def test_a_clause_of_other_rallies_after_the_figure_marks_no_scope_of_it():
    """"… took to the streets of Larissa as rallies all around the country kicked off": the country is the other
    rallies', not the march's; the police's 20,000 and 30,000 for one march on one day disagree."""
    first = ("Tens of thousands of people marched in Larissa on Wednesday against the pension cuts.\n\n"
             "Police said as many as 20,000 people took to the streets of Larissa as rallies all around the country "
             "kicked off.\n\nShops and schools stayed closed for the day.")
    second = ("Protesters filled the centre of Larissa on Wednesday to oppose the pension cuts.\n\n"
              "Police put the march, held to mark a 24-hour nationwide strike, at roughly 30,000 people.\n\n"
              "Shops and schools stayed closed for the day.")
    assert values(first, second, "number") == [{"harbour-times": "as many as 20,000 people",
                                                 "valley-news": "roughly 30,000 people"}]
    across = first.replace("took to the streets of Larissa as rallies all around the country kicked off",
                           "took to the streets across the country")
    assert values(across, second, "number") == []  # the country's marchers are not the one march's


def test_the_police_figures_of_two_reports_disagree_and_the_organisers_agree():
    """Each report gives the police's figure and the organisers': the police's 12,000 and 15,000 are a conflict,
    compared however the sentences are worded, and never with the organisers' 40,000, which both give."""
    assert values(MARCH_FIRST, MARCH_SECOND, "number") == [{"harbour-times": "12,000", "valley-news": "About 15,000 people"}]
    unsourced = MARCH_SECOND.replace(", according to police", "")
    assert values(MARCH_FIRST, unsourced, "number") == []  # a figure no one is said to give is not the police's


def test_those_arrested_and_then_released_are_a_part_of_the_arrested():
    assert kinds("Nine people arrested after the clashes were released without charge.") == [("Nine people", "releas")]
    assert kinds("Twelve people arrested on Friday remain in custody.") == [("Twelve people", "arrested")]
    assert kinds("Of the 40 people arrested, 12 were released.") == [("40 people", "arrested"), ("12 were released", "releas")]
    first = ("Police arrested 14 people after clashes in Dunmore on Saturday.\n\nNine of them were later released.")
    second = ("Nine people arrested after clashes in Dunmore on Saturday were released without charge, police said.\n\n"
              "The town council met on Sunday.")
    assert values(first, second, "number") == []


def test_a_part_a_verb_of_winning_takes_counts_what_the_whole_does():
    assert kinds("The alliance won 54 of the 120 seats.") == [("54", "seat"), ("120 seats", None)]
    assert kinds("He completed 29 of 34 passes.") == [("29", None), ("34 passes", None)]  # no winning: left alone
    assert kinds("The Liberals held 50 of the 120 seats before the vote.")[0] == ("50", None)  # held before, not won
    assert kinds("Rebels still hold 3 of the 12 hostages.")[0] == ("3", None)
    # two reports giving the party 54 and 51 seats do not corroborate each other
    first = ("The Civic Alliance won Velmar's election on Sunday.\n\nThe alliance is set to take 54 of the 120 seats "
             "in parliament.")
    second = ("The Civic Alliance won Velmar's election on Sunday.\n\nThe alliance is set to take 51 of the 120 seats "
              "in parliament.")
    result = compare_reports([("harbour-times", "2025-05-12", first), ("valley-news", "2025-05-12", second)])
    assert not any(c["status"] == "corroborated" and "seats" in c["text"] for c in result.claims)


def test_a_population_is_counted_whatever_follows_the_figure():
    assert kinds("Zembia's population stood at 65,312,480 when this year's census was taken.") \
        == [("65,312,480", "population")]  # not a count of years: "when" opens a clause of its own
    assert kinds("Zembia has a population of 63.5 million people.") == [("63.5 million people", "population")]
    assert kinds("Zembia's population grew by 300,000 last year.")[0] == ("300,000", None)  # a change, not the population
    first = "Zembia's population stood at 65,312,480 when the census was taken, the statistics agency said on Tuesday."
    second = "Zembia has a population of 63.5 million people, according to census results published on Tuesday."
    assert values(first, second, "number") == [{"harbour-times": "65,312,480", "valley-news": "63.5 million people"}]


def test_people_held_hostage_and_people_aboard_are_counted_as_such():
    assert kinds("Three corrections officers were held hostage for hours.") \
        == [("Three corrections officers", "hostages")]  # the compound's head is "officers"
    assert kinds("Five guards were taken hostage during the riot.") == [("Five guards", "hostages")]
    assert kinds("A balloon carrying six people on board hit a power line.") == [("six people", "aboard")]
    assert kinds("Five people were aboard.") == [("Five people", "aboard")]
    first = ("Two inmates died and three corrections officers were held hostage during a riot at Granite Hollow "
             "prison.\n\nThe riot was brought under control.")
    second = ("Two prisoners died and five guards were held hostage during a riot at Granite Hollow prison.\n\n"
              "Troopers retook the unit.")
    assert {"harbour-times": "three corrections officers", "valley-news": "five guards"} \
        in values(first, second, "number")


def test_what_befell_people_aboard_and_a_span_held_hostage_are_not_counts_aboard_or_of_hostages():
    assert kinds("Five people aboard the fishing boat drowned.") == [("Five people", "people")]
    assert kinds("Gunmen took 12 people hostage.") == [("12 people", "hostages")]
    assert kinds("He was freed after three years held hostage.") == [("three years", "years")]
    assert kinds("The population fell 12,000 last year.")[0] == ("12,000", None)
    # a plural stands before another as its modifier only as a known one ("customs officers"), whatever follows
    assert kinds("They ordered 250 customs officers to the border.") == [("250 customs officers", "officer")]
    assert kinds("Volunteers gave 300 families blankets.") == [("300 families", "family")]


def test_a_figure_of_a_past_year_is_of_another_happening():
    first = ("Nine people were injured during the riot at Granite Hollow prison, state officials said.\n\n"
             "The unit was retaken on Friday.")
    second = ("The riot at Granite Hollow prison was brought under control on Friday.\n\n"
              "The prison was the scene of a 2019 disturbance in which 11 people were injured.")
    assert values(first, second, "number") == []
    assert values(first, second.replace("a 2019 disturbance", "a disturbance"), "number") \
        == [{"harbour-times": "Nine people", "valley-news": "11 people"}]
    # a model's or a law's year dates no happening; a past happening dated "six years ago" is the one of 2019
    truck = "Twelve people were hurt when a 2012 Corvan pickup truck ploughed into a market in Dalby, police said."
    assert values(truck, truck.replace("Twelve", "Fifteen").replace("a 2012 Corvan", "a"), "number") \
        == [{"harbour-times": "Twelve people", "valley-news": "Fifteen people"}]
    fire = "In 2019, a fire at the Dalby depot injured 12 workers.\n\nThe depot reopened."
    assert values(fire, fire.replace("In 2019", "Six years ago").replace("12", "15"), "number") \
        == [{"harbour-times": "12 workers", "valley-news": "15 workers"}]


def test_the_head_of_a_body_in_shorthand_is_its_secretary():
    first = ("Corrections Secretary Dana Whitcombe said those responsible would face prosecution.\n\n"
             "The riot at Granite Hollow prison ended on Friday.")
    second = ("Pennsylvania's prisons chief, Dana Whitcombe, said those responsible would face prosecution.\n\n"
              "The riot at Granite Hollow prison ended on Friday.")
    assert values(first, second, "role") == []
    assert values(first, second.replace("prisons chief", "deputy prisons chief"), "role") != []
    # ... of its own body only: an army's chief is not the defence minister
    army = ("Army chief Ahmed Saleh said the border was calm.\n\nTroops were sent north on Friday.")
    minister = ("Defence Minister Ahmed Saleh said the border was calm.\n\nTroops were sent north on Friday.")
    assert values(army, minister, "role") == [{"harbour-times": "Army chief", "valley-news": "Defence Minister Ahmed Saleh"}]


def test_a_clock_time_after_died_at_is_no_age():
    first = ("“With deep sadness I announce that my friend and client Dora Quell passed away at 6:41pm this evening in a "
             "hospital,” her agent Milo Brandt said on Thursday.\n\nQuell was a radio star of the 1950s.")
    second = ("Dora Quell, the radio star of the 1950s, has died at the age of 85 after a long illness, her agent Milo "
              "Brandt said on Thursday.\n\nQuell was a radio star of the 1950s.")
    assert values(first, second, "number") == []
    # an age each report gives at her death is one: two are a conflict
    aged = first.replace("passed away at 6:41pm this evening", "passed away at 84 this evening")
    assert values(aged, second, "number") == [{"harbour-times": "84", "valley-news": "85"}]


def test_two_outlets_told_in_two_years_are_two_interviews():
    def told(outlet: str, year: str, said: str) -> str:
        return (f"Dora Quell, the radio star of the 1950s, has died at 85.\n\n“I quit radio in {said} and never missed "
                f"it,” she told {outlet}{year}.")
    # the same words, one report's telling dated apart from the other's: two interviews
    assert values(told("the Harwick Times", " in 2006", "1959"), told("Airwaves Weekly", " in 1998", "1959"), "venue") == []
    # undated tellings, a year inside the quoted words differing, are one statement told to two outlets (minor)
    assert values(told("the Harwick Times", "", "1959"), told("Airwaves Weekly", "", "1958"), "venue") \
        == [{"harbour-times": "Harwick Times", "valley-news": "Airwaves Weekly"}]


def test_a_day_in_the_clause_after_as_still_dates_the_figure():
    """"arrested 46 people as protests spread to the capital on Tuesday": Tuesday's 46 and Wednesday's 58 are two
    days' counts, not one count told two ways."""
    first = "Police arrested 46 people as protests spread to the capital on Tuesday, a police spokesman said."
    second = "Police arrested 58 people on Wednesday, a police spokesman said."
    assert values(first, second, "number") == []


QUAKE_A = ("A magnitude 6.2 earthquake struck eastern Turkey early on Monday, killing nine people in the town of "
           "Dorvash.\n\nThe quake hit at 3:47 a.m. local time at a depth of 10 kilometres, according to the national "
           "disaster agency.\n\nIts epicentre was about 40 kilometres north-east of Dorvash.")
QUAKE_B = ("An earthquake of magnitude 6.2 shook eastern Turkey before dawn on Monday, leaving nine people dead in "
           "the town of Dorvash.\n\nThe tremor was centred nearly 40 kilometres from Dorvash, at a depth of 35 "
           "kilometres, the disaster agency said.")


def test_a_measure_its_words_name_is_that_measure():
    assert kinds("The quake hit at a depth of 10 kilometres.") == [("10 kilometres", "depth:km")]
    assert kinds("Turnout was 61.4%, the commission said.") == [("61.4%", "turnout:percent")]
    assert kinds("The jet was cruising at 34,000 feet when it descended to 10,000 feet.") == [
        ("34,000 feet", "altitude:feet"), ("10,000 feet", "feet")]
    assert kinds("It lies 40 kilometres from the coast.") == [("40 kilometres", "km")]
    # a speed, another moment of a flight, a toll not given: none of these measures
    assert kinds("The train was flying at 300 km an hour.") == [("300 km", "km/h")]
    assert kinds("The jet descended to an altitude of 8,000 feet.") == [("8,000 feet", "feet")]
    assert kinds("The death toll is not yet known but the number of people injured rose to 85.") == [("85", "injured")]
    assert kinds("The death toll is still unclear and the number of people rescued from the rubble has risen to "
                 "40.") == [("40", None)]
    # a share of those who could vote that voted is a turnout; a share of voters who backed someone is not
    assert kinds("By noon 48.2 percent of the country's eligible voters had cast their ballots.") == [
        ("48.2 percent", "turnout:percent")]
    assert kinds("About 52 percent of registered voters voted for Ruiz.") == [("About 52 percent", "percent")]


def test_two_depths_of_one_quake_disagree_further_apart_than_counts_and_its_distance_from_a_town_is_another_thing():
    assert values(QUAKE_A, QUAKE_B, "number") == [
        {"harbour-times": "10 kilometres", "valley-news": "35 kilometres"}]
    mine = QUAKE_B.replace("The tremor was centred nearly 40 kilometres from Dorvash, at a depth of 35 kilometres, the "
                           "disaster agency said.", "Rescuers reached miners trapped at a depth of 1.2 kilometres in the "
                           "Ravel mine, the disaster agency said.")
    assert values(QUAKE_A, mine, "number") == []


@pytest.mark.parametrize("first, second, disputed", [
    ("Voters went to the polls on Sunday. Turnout was 61.4%, the election commission said.",
     "Voters went to the polls on Sunday. The election commission said turnout was 67%.", ("61.4%", "67%")),
    ("The jet was cruising at 34,000 feet when the cabin lost pressure, and it descended to 10,000 feet.",
     "The jet was flying at 36,000 feet when the cabin lost pressure, and it descended to 10,000 feet.",
     ("34,000 feet", "36,000 feet")),
])
def test_a_named_measure_two_reports_give_differently_is_disputed(first, second, disputed):
    assert [tuple(v.values()) for v in values(first, second, "number")] == [disputed]


def test_a_toll_risen_to_and_a_number_of_injured_rose_to_are_updates_of_the_count():
    assert kinds("The death toll from Monday's earthquake in Turkey's Karsel province has risen to 12, officials "
                 "said.") == [("12", "killed")]
    assert kinds("The number of people injured rose to 85, the governor said.") == [("85", "injured")]
    assert kinds("Some 3,400 people have now been evacuated.") == [("Some 3,400 people", "evacuated")]
    first = ("A magnitude 6.2 earthquake struck eastern Turkey early on Monday, killing nine people and injuring 60 in "
             "the town of Dorvash, officials said.")
    second = ("The death toll from Monday's earthquake in Turkey's Karsel province has risen to 12, officials said on "
              "Tuesday, after rescuers recovered three more bodies in the town of Dorvash.\n\n"
              "The number of people injured rose to 85, the governor told a news conference.")
    found = updates_by_first_step([("northwire", "2025-06-02", first), ("valley-times", "2025-06-03", second)])
    assert {first: [v["normalized"] for v in u["values"]] for first, u in found.items()} == {
        "9": ["9", "12"], "60": ["60", "85"]}


def test_the_nth_day_of_a_strike_read_on_two_days_as_many_apart_is_one_count():
    first = ("About 3,000 dockworkers at the port of Kellmouth stayed off the job on Wednesday, the third day of a "
             "strike over pay.")
    second = ("The strike at the port of Kellmouth, now in its fifth day, showed no sign of ending on Friday, as about "
              "3,000 dockworkers again refused to load ships.")
    assert conflicts(compare_reports([("northwire", "2025-06-04", first), ("valley-times", "2025-06-06", second)]),
                     "number") == []
    # the same day given as the third and the fourth: a dispute
    same = first.replace("third", "fourth")
    assert [by_outlet(c) for c in conflicts(compare_reports([("northwire", "2025-06-04", first),
                                                              ("valley-times", "2025-06-04", same)]), "number")] == [
        {"northwire": "3", "valley-times": "4"}]


def test_a_price_a_share_in_pence_or_dollars_is_a_share_price_not_the_deals_value():
    assert kinds("Harlow agreed to buy Brightmill at 420p a share in cash, valuing it at £1.2 billion.") == [
        ("420p", "share price:pound"), ("£1.2 billion", "pound")]
    assert kinds("Harlow will pay $42 per share.") == [("$42", "share price:dollar")]
    assert kinds("Shares closed at 4p.m. and rose 12.5p.") == [("12.5p", "pound")]
    # pence where no share or offer is told, and what a company earns a share, are no share price
    assert kinds("The camera records at 1080p and the 720p stream dropped to 480p.") == []
    assert kinds("It reported earnings of $1.42 a share.") == [("$1.42", "dollar")]
    first = ("Harlow Foods agreed on Monday to buy Brightmill, the bread maker, for 420p a share in cash, the companies "
             "said. The deal values Brightmill at about £1.2 billion.")
    second = ("Harlow Foods will pay 450p a share in cash for Brightmill, the bread maker, the two companies said on "
              "Monday. The offer values the company at nearly £1.2bn.")
    assert values(first, second, "number") == [{"harbour-times": "420p", "valley-news": "450p"}]
