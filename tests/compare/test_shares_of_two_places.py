"""Shares of two places in one sentence are two disputed figures, each compared by its place (issue 20).

A report that says "up to 70 percent in Kenya and 60 percent in Peru" gives two figures, one
for each country. Another report's "85 percent in Kenya" disputes the first, its "65 percent of
traffic to Peru" the second: two conflicts, each with its own values, never one conflict that
keeps one of the first report's figures and drops the other. A share that each report says of one
place, where every other share it gives is of another place, is compared by that place: the words
around the two figures need not say what is measured as a count's noun would. Our own sentences.
"""

from __future__ import annotations

from test_compare_claims import article, compare_reports, conflicts

from storyline.compare.conflicts.conflict import Conflict
from storyline.compare.conflicts.merge import merge_conflicts
from storyline.compare.units import StoryView
from storyline.model import ConflictKind

FILLER = ("Shops on the high street stayed shut for the day.\n\n"
          "The city council met in an emergency session.\n\n"
          "Schools in the district reopened after a week.\n\n"
          "Bus services were cut back across the centre.\n\n"
          "Volunteers cleared broken glass from the square.\n\n")

FIRST = ("Two undersea data cables were cut on Friday, slowing internet traffic across the region.\n\n" + FILLER
         + "Up to 70 percent of web services in Kenya and 60 percent in Peru were affected, the operator said.")
SECOND = ("A cable fault on Friday slowed internet access across the region, operators said.\n\n" + FILLER
          + "Some 85 percent of connections in Kenya were lost.\n\n"
          "65 percent of traffic to Peru is down, an engineer said.")


def _disputes(first: str, second: str) -> list[dict[str, str]]:
    result = compare_reports([("harbour-times", "2025-03-03", first), ("valley-news", "2025-03-03", second)])
    return [{v["source"]: v["normalized"] for v in c["conflict"]["values"]} for c in conflicts(result, "number")]


def test_two_shares_of_one_sentence_are_two_disputes_each_with_its_place() -> None:
    found = _disputes(FIRST, SECOND)
    assert {"harbour-times": "70", "valley-news": "85"} in found
    assert {"harbour-times": "60", "valley-news": "65"} in found
    assert len(found) == 2


def test_shares_of_two_places_are_not_set_against_each_other() -> None:
    # the second report gives Peru's share only: Kenya's 70 has nothing to dispute it
    second = ("A cable fault on Friday slowed internet access across the region, operators said.\n\n" + FILLER
              + "65 percent of traffic to Peru is down, an engineer said.")
    assert _disputes(FIRST, second) == [{"harbour-times": "60", "valley-news": "65"}]


def test_findings_that_share_a_sentence_but_not_its_figure_are_two_disputes() -> None:
    # the merge rule itself: one sentence of the first report, two of its figures, each disputed by another outlet
    stories = [article(name, name, "2025-03-03", FIRST) for name in ("harbour-times", "valley-news", "coast-post")]
    story = StoryView(stories, [])
    egypt = Conflict(ConflictKind.NUMBER, "number:percent", {0: ("70", "Up to 70 percent", [(0, 1)]),
                                                              1: ("85", "85 percent", [(0, 1)])}, {0: 7, 1: 17})
    india = Conflict(ConflictKind.NUMBER, "number:percent", {0: ("60", "60 percent", [(2, 3)]),
                                                              2: ("65", "65 percent", [(2, 3)])}, {0: 7, 2: 27})
    again = Conflict(ConflictKind.NUMBER, "number:percent", {0: ("70", "Up to 70 percent", [(0, 1)]),
                                                              2: ("80", "80 percent", [(4, 5)])}, {0: 7, 2: 28})
    merged = merge_conflicts(story, [egypt, india, again], {ConflictKind.NUMBER})
    assert sorted(sorted(v[0] for v in c.values.values()) for c in merged) == [["60", "65"], ["70", "80", "85"]]
