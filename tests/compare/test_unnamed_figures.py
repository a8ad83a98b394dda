"""A figure in a sentence that names nothing, compared across the story (issue 20).

"The agency received nearly 4,000 comments on the proposal." names no one, no place and no day: it
speaks of what its report is about, so it names no other happening than another outlet's sentence that
gives the same count of the same thing. Where each report gives that kind of figure once, the two are
one count, and a dispute. Where a report gives it several times ("nine goals in all", "three goals of
them in the cup"), a sentence that names nothing does not say which of them another outlet's figure is
of (six goals in the league is neither). Our own sentences.
"""

from __future__ import annotations

from test_compare_claims import article, compare, conflicts

COUNCIL = "harbour-times"
PAPER = "valley-news"


def _values(first: str, second: str) -> list[dict[str, str]]:
    result = compare([article("a", COUNCIL, "2025-03-03", first), article("b", PAPER, "2025-03-03", second)])
    return [{v["source"]: v["normalized"] for v in c["conflict"]["values"]} for c in conflicts(result, "number")]


def test_a_count_in_a_sentence_naming_nothing_disputes_another_outlets_count() -> None:
    first = ("The Kessel planning office has approved the harbour parking rule over strong objections.\n\n"
             "Drivers will pay by the hour on the quay from the spring. Fishermen keep their own bays by the "
             "market. Shop owners fear fewer visitors.\n\n"
             "Most of the nearly 4,000 written comments the agency received were form letters against it.")
    second = ("The Kessel planning office approved its harbour parking rule on Monday, ending a long fight "
              "with residents.\n\nThe ferry company welcomed the decision. Buses will run to the quay every "
              "ten minutes in summer. A new footpath opens in June.\n\n"
              "Mayor Ida Brandt said the office had received 6,500 written comments, a record for Kessel.")
    found = _values(first, second)
    assert len(found) == 1, found
    assert found[0] == {COUNCIL: "4000", PAPER: "6500"}


def test_a_sentence_naming_nothing_is_left_alone_where_its_report_gives_the_kind_twice() -> None:
    first = ("Tomas Brenner of Ravenport ended his season on Sunday with a knee injury.\n\n"
             "The club doctor expects a long recovery. Fans sang his name at the final whistle. The coach "
             "called it a cruel blow.\n\n"
             "He scored nine goals this season, and three goals in the cup.")
    second = ("Ravenport's Tomas Brenner will miss the rest of the season after a knee injury, the club said "
              "on Sunday.\n\nThe striker was hurt in a tackle. Scans showed torn ligaments. He had signed a "
              "new contract in May.\n\n"
              "Brenner scored six goals this season in the league for Ravenport.")
    assert _values(first, second) == []
