"""A count of people is a count of what happened to them, whatever noun names them (issue 20).

"More than 400 protesters have been detained" and "more than 200 people were arrested" count one
thing: the arrested. The participle after the noun ("were detained", "injured") says what is counted,
as it does after "people", and the words of one kind of happening ("arrested", "detained", "taken into
custody") are read as one word (lang/en_happenings.py). Our own sentences.
"""

from __future__ import annotations

import pytest
from test_compare_claims import compare_reports, conflicts

from storyline.analyze.numbers import find_numbers
from storyline.words import as_happenings, content_stems


@pytest.mark.parametrize(("text", "kind"), [
    ("more than 400 protesters have been detained", "arrested"),
    ("12 miners were killed in the blast", "killed"),
    ("at least 30 fans injured", "injured"),
    ("more than 200 people arrested", "arrested"),
    ("five cables were cut", "cabl"),  # a participle of no such kind leaves the noun
    ("six people were taken to hospital", "injured"),  # carried to hospital: the hurt
    ("212 patients admitted to hospitals", "injured"),
    ("about 300 nurses were sent to hospitals", "nurs"),  # sent there to work: no one hurt
])
def test_the_participle_after_a_plural_noun_says_what_is_counted(text: str, kind: str) -> None:
    assert [n.kind for n in find_numbers(text, 0, len(text), [])] == [kind]


def test_arrested_detained_and_taken_into_custody_are_one_happening() -> None:
    assert as_happenings(content_stems("arrested")) == as_happenings(content_stems("detained")) == ["@arrest"]
    assert as_happenings(content_stems("taken into custody")) == ["@arrest"]


FILLER = ("Shops on the high street stayed shut for the day.\n\n"
          "The city council met in an emergency session.\n\n"
          "Schools in the district reopened after a week.\n\n"
          "Bus services were cut back across the centre.\n\n"
          "Volunteers cleared broken glass from the square.\n\n")


def test_protesters_detained_and_people_arrested_are_one_count() -> None:
    result = compare_reports([
        ("harbour-times", "2025-03-03", "Riot police cleared the main square of Dorvan on Saturday night after a week "
         "of protests over fuel prices.\n\n" + FILLER + "Police said 40 protesters were detained, most of them students."),
        ("valley-news", "2025-03-03", "Police in Dorvan broke up a protest over fuel prices on Saturday night.\n\n"
         + FILLER + "Police said 90 people were arrested during the night."),
    ])
    found = conflicts(result, "number")
    assert [sorted(v["normalized"] for v in c["conflict"]["values"]) for c in found] == [["40", "90"]]


def test_two_groups_each_counted_by_what_happened_to_them_are_two_counts() -> None:
    result = compare_reports([
        ("harbour-times", "2025-03-03", "Riot police cleared the main square of Dorvan on Saturday night after a week "
         "of protests over fuel prices.\n\n" + FILLER + "Medics said 40 protesters were injured in the clashes."),
        ("valley-news", "2025-03-03", "Police in Dorvan broke up a protest over fuel prices on Saturday night.\n\n"
         + FILLER + "The police union said 25 officers were injured in the clashes."),
    ])
    assert conflicts(result, "number") == []
