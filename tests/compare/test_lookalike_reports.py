"""Multi-outlet reports of the look-alike kinds news is full of, each with its right answer (issue 20).

Every case is two (or three) outlets' reports of one story on one day, our own sentences, and what a
reader should be shown: no conflict ("none"), a judgement call ("minor") or a plain dispute
("conflict"). The look-alikes give two values that are of different things (a subset, another scope,
another event of the topic, a running total beside a day's count, last year's figure, another person's
age) or the same value said two ways (an approximation, a range, a time in two zones); the controls
beside them give two values of one thing, which must still be flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from test_compare_claims import article, compare, conflicts


@dataclass(frozen=True)
class Case:
    name: str
    kind: str  # the kind of the conflict looked for: "number", "date" or "role"
    reports: tuple[str, ...]  # one report per outlet
    expected: str  # "none", "minor" or "conflict"


STORM = ("A storm tore through the Dorvan valley on Sunday night, flattening barns and cutting power to "
         "thousands of homes.\n\n")
CASES: tuple[Case, ...] = (
    # --- different quantities sharing a unit
    Case("wins and knockouts", "number", (
        "Aleksander Varga defended his heavyweight title in Halvik on Saturday, stopping the challenger in "
        "the ninth round.\n\nVarga now has 40 wins in his professional career.",
        "Aleksander Varga kept his heavyweight title in Halvik on Saturday with a ninth-round stoppage.\n\n"
        "Varga has 31 wins by knockout in his professional career."), "none"),
    Case("arrested and charged of the arrested", "number", (
        "Police in Marsden arrested 14 people after clashes outside the football ground on Saturday.\n\n"
        "Officers said the fighting started after the final whistle.",
        "Clashes broke out outside the football ground in Marsden on Saturday after the final whistle.\n\n"
        "Police said 9 people had been charged with public order offences after the clashes."), "none"),
    Case("arrested and those of them charged", "number", (
        "Police in Marsden said 14 people were arrested after clashes outside the football ground on Saturday.\n\n"
        "Officers said the fighting started after the final whistle.",
        "Police in Marsden said 9 of those arrested after clashes outside the football ground on Saturday were "
        "charged.\n\nOfficers said the fighting started after the final whistle."), "none"),
    # --- different scopes
    Case("a city's toll and the country's", "number", (
        STORM + "The storm killed 12 people in the city of Dorvan alone, the mayor said.",
        STORM + "Across the country the storm killed 19 people, the interior ministry said."), "none"),
    # --- two events of one topic
    Case("two quakes", "number", (
        "A magnitude 5.4 earthquake struck near Halvik on Sunday, damaging homes in three villages, "
        "the seismology institute said.\n\nNo deaths were reported.",
        "A second earthquake, of magnitude 4.8, shook Halvik on Monday, a day after Sunday's quake damaged "
        "homes in three villages, the seismology institute said.\n\nResidents slept outdoors."), "none"),
    Case("two games", "number", (
        "Ravenport beat Calder 81-74 on Saturday to reach the county final.\n\n"
        "Tomas Brenner scored 24 points for Ravenport.",
        "Ravenport reached the county final by beating Calder on Saturday.\n\n"
        "In their first meeting in January, Calder had won 70-68 behind 24 points from Milo Varga."), "none"),
    Case("two games' days", "date", (
        "Ravenport beat Calder 81-74 on Saturday to reach the county final.\n\n"
        "Tomas Brenner scored 24 points for Ravenport.",
        "Ravenport reached the county final on Saturday by beating Calder.\n\n"
        "Calder had beaten Ravenport on Wednesday in the league, 70-68."), "none"),
    Case("a couple's ages", "number", (
        "Maria Lund, 34, was pulled from the river near Kessel on Sunday by a passing fisherman.\n\n"
        "She was treated for cold.",
        "A passing fisherman pulled Erik Lund, 37, from the river near Kessel on Sunday.\n\n"
        "His wife had raised the alarm."), "none"),
    # --- an office held before against the office now
    Case("a former office and the office now", "role", (
        "The Kessel harbour plan was attacked on Monday by Lena Ostrova, a former director of the Kessel Port "
        "Authority.\n\n\"This plan will ruin the bay,\" Ostrova said.",
        "Lena Ostrova, executive vice president of the Bay Trust, attacked the Kessel harbour plan on Monday.\n\n"
        "\"This plan will ruin the bay,\" Ostrova said."), "none"),
    # --- a running total against a day's figure
    Case("a night's arrests and the total", "number", (
        "Police arrested 46 people on Wednesday night as protests over the shooting spread to a fourth city.\n\n"
        "Shops were looted in the centre.",
        "Protests over the shooting spread to a fourth city on Wednesday night.\n\n"
        "Police have now arrested 58 people since the protests began on Sunday."), "none"),
    # --- approximate against exact, a range against a value
    Case("about 2,000 and 1,950", "number", (
        "About 2,000 people marched through Calder on Saturday to demand a new hospital.\n\n"
        "The march passed off peacefully.",
        "Some 1,950 people marched through Calder on Saturday to demand a new hospital, police said.\n\n"
        "There were no arrests."), "none"),
    Case("a range and a value inside it", "number", (
        "Between 40 and 50 passengers were on the ferry when it ran aground off Kessel on Tuesday.\n\n"
        "All were brought ashore.",
        "The ferry was carrying 45 passengers when it ran aground off Kessel on Tuesday, the coastguard said.\n\n"
        "All were brought ashore."), "none"),
    # --- a figure from the background paragraph
    Case("this year's visitors and last year's", "number", (
        "The Halvik harbour festival drew 45,000 visitors this weekend, organisers said on Sunday.\n\n"
        "Hotels in the town were full.",
        "The Halvik harbour festival ended on Sunday after a weekend of concerts.\n\n"
        "Last year the festival drew 38,000 visitors, organisers said."), "none"),
    # --- ages of different people
    Case("the driver's age and the passenger's", "number", (
        "A van overturned on the coast road near Kessel on Friday morning.\n\n"
        "The driver, 34, was taken to hospital with head injuries.",
        "A van overturned on the coast road near Kessel on Friday morning.\n\n"
        "The passenger, 29, was treated at the scene."), "none"),
    # --- one time in two zones, one time said roughly and exactly
    Case("one launch time, ET and PT", "date", (
        "The launch from Kettle Bay is set for 9 p.m. ET on Friday, the company said.\n\nIt will carry two satellites.",
        "The launch from Kettle Bay is set for 6 p.m. PT on Friday, the company said.\n\nIt will carry two satellites."),
        "none"),
    Case("about 3 p.m. and 3:04 p.m.", "date", (
        "The bridge collapsed at about 3 p.m. on Thursday, witnesses said.\n\nTwo cars fell into the river.",
        "The bridge collapsed at 3:04 p.m. on Thursday, the police said.\n\nTwo cars fell into the river."), "none"),
    Case("a day's dead and the week's", "number", (
        "Floods killed 8 people in Dorvan on Tuesday, the regional office said.\n\nRoads were closed.",
        "Floods have killed 21 people in Dorvan this week, the regional office said.\n\nRoads were closed."), "none"),
    Case("one time in two zones", "date", (
        "The quake struck off the coast of Halvik at 10:15 a.m. local time on Sunday, the institute said.\n\n"
        "Buildings swayed in the capital.",
        "The quake struck off the coast of Halvik at 07:15 GMT on Sunday, the institute said.\n\n"
        "Buildings swayed in the capital."), "none"),
    Case("a level measured one morning and as it stood by the next", "date", (
        "Tests at the Ocna intake on Thursday morning found ammonia far above the permitted limit, the water "
        "company said.\n\nThe intake stays closed.",
        "Ammonia at the Ocna intake had fallen to just above the permitted limit by Friday morning, the water "
        "company said.\n\nThe intake stays closed."), "none"),
    # --- controls: one thing, two values
    Case("one toll given two ways", "number", (
        STORM + "The storm killed 12 people in the Dorvan valley, the mayor said.",
        STORM + "The storm killed 19 people in the Dorvan valley, officials said."), "conflict"),
    Case("one strike, an approximation that excludes the other", "number", (
        "About 2,000 dockworkers walked out at the port of Calder on Saturday in a dispute over pay.\n\n"
        "The strike closed the port.",
        "Some 1,200 dockworkers walked out at the port of Calder on Saturday in a dispute over pay, the union "
        "said.\n\nThe strike closed the port."), "conflict"),
    Case("one ferry, a range that excludes the other", "number", (
        "Between 40 and 50 passengers were on the ferry when it ran aground off Kessel on Tuesday.\n\n"
        "All were brought ashore.",
        "The ferry was carrying 65 passengers when it ran aground off Kessel on Tuesday, the coastguard said.\n\n"
        "All were brought ashore."), "conflict"),
    Case("last year's visitors given two ways", "number", (
        "The Halvik harbour festival ended on Sunday after a weekend of concerts.\n\n"
        "Last year the festival drew 38,000 visitors, organisers said.",
        "The Halvik harbour festival ended on Sunday after a weekend of concerts.\n\n"
        "Last year the festival drew 52,000 visitors, according to the organisers."), "conflict"),
    Case("one person, two offices now", "role", (
        "The Kessel harbour plan was attacked on Monday by Lena Ostrova, director of the Kessel Port "
        "Authority.\n\n\"This plan will ruin the bay,\" Ostrova said.",
        "Lena Ostrova, executive vice president of the Kessel Port Authority, attacked the Kessel harbour plan on "
        "Monday.\n\n\"This plan will ruin the bay,\" Ostrova said."), "conflict"),
    Case("one record, once counted since a month", "number", (
        "Officers shot Dario Venn, 19, in Kessel on Saturday night.\n\n"
        "Venn had previously been arrested four times, police said.",
        "Officers shot Dario Venn, 19, in Kessel on Saturday night.\n\n"
        "Venn had been arrested three times since October, police said."), "conflict"),
    Case("one call, nine minutes apart", "date", (
        "Firefighters were called to the Kessel warehouse at 8:40 a.m. on Tuesday, the fire service said.\n\n"
        "Nobody was hurt. Four crews worked through the morning. The warehouse stores paper. Roads nearby stay closed.",
        "Firefighters were called to the Kessel warehouse at 8:49 a.m. on Tuesday, the fire service said.\n\n"
        "Nobody was hurt. Four crews worked through the morning. The warehouse stores paper. Roads nearby stay "
        "closed."), "minor"),
)


OUTLETS = ("harbour-times", "valley-news", "coast-daily")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_reader_is_shown_what_the_reports_dispute_and_nothing_else(case: Case) -> None:
    result = compare([article(f"r{i}", outlet, "2025-03-03", text)
                      for i, (outlet, text) in enumerate(zip(OUTLETS, case.reports))])
    found = conflicts(result)
    if case.expected == "none":
        assert found == [], [c["conflict"]["values"] for c in found]
        return
    assert [c["conflict"]["about"] for c in found] == [case.kind]
    values = {v["source"] for v in found[0]["conflict"]["values"]}
    assert values == set(OUTLETS[:len(case.reports)])
    assert found[0]["conflict"]["minor"] == (case.expected == "minor")
