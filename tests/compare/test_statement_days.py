"""A date conflict needs two days of one happening (conflicts/date.py): the day a statement was made
("police said today", "announced Wednesday that", "On Wednesday, police said") is not the day of what it
reports, a weekday that ends a name ("Patch Tuesday") is no day of the week, and a weekday with its part
of the day ("Wednesday morning") is the weekday another outlet prints bare. A title named two ways
("Justice" / "Judge") is one office (conflicts/role.py). Reports are our own."""

from __future__ import annotations

from test_compare_claims import compare_reports, conflicts, pair_conflicts

from storyline.compare.conflicts.date import same_printed_day
from storyline.model import TimeExpression

AGROUND = "The ferry Calder Star ran aground on a sandbank near Marsden on Tuesday, harbour police said."
LATER = "The ferry Calder Star ran aground on a sandbank near Marsden on Wednesday, harbour police said."


def ferry(outlet: str, sentence: str) -> tuple[str, str, str]:
    return (outlet, "2025-06-05", f"{sentence}\n\nAll 212 passengers were taken off by lifeboat. "
                                  "The operator cancelled the evening sailings.")


def test_the_day_a_statement_was_made_is_not_the_day_of_what_it_reports():
    said = "Harbour police announced Wednesday that the ferry Calder Star ran aground on a sandbank near Marsden."
    assert conflicts(compare_reports([ferry("coast-wire", AGROUND), ferry("bay-herald", said)]), "date") == []
    told = "The ferry Calder Star ran aground on a sandbank near Marsden, harbour police told reporters on Wednesday."
    assert conflicts(compare_reports([ferry("coast-wire", AGROUND), ferry("bay-herald", told)]), "date") == []
    # a day that opens the sentence before its speaker and verb of saying dates the statement too
    opened = "On Wednesday, the Marsden Harbour Police said the ferry Calder Star ran aground on a sandbank."
    assert conflicts(compare_reports([ferry("coast-wire", AGROUND), ferry("bay-herald", opened)]), "date") == []
    # two days of the grounding itself still disagree
    found = conflicts(compare_reports([ferry("coast-wire", AGROUND), ferry("bay-herald", LATER)]), "date")
    assert len(found) == 1 and {v["source"] for v in found[0]["conflict"]["values"]} == {"coast-wire", "bay-herald"}


def test_a_weekday_that_ends_a_name_is_no_day_of_the_week():
    named = "Orbis released an emergency fix for its Lumen browser, days before Patch Tuesday."
    dated = "Orbis released an emergency fix for its Lumen browser on Monday."
    assert pair_conflicts(named, dated, "date") == []
    # the weekday itself, after a word that dates it, is one
    assert len(pair_conflicts(dated.replace("on Monday", "on Tuesday"), dated, "date")) == 1


def test_a_weekday_with_its_part_of_the_day_is_the_weekday_printed_bare():
    def day(text: str, iso: str) -> TimeExpression:
        return TimeExpression(text, 0, len(text), iso, "day", (0, len(text)))

    assert same_printed_day(day("Wednesday", "2024-01-10"), day("on Wednesday morning", "2024-01-03"))
    assert same_printed_day(day("Tuesday afternoon", "2024-01-09"), day("Tuesday", "2024-01-02"))
    assert not same_printed_day(day("Wednesday", "2024-01-10"), day("Tuesday morning", "2024-01-09"))


def test_a_justice_and_a_judge_of_one_name_hold_one_office():
    judge = "Judge Ines Marrow adjourned the trial of the two brothers until Monday."
    justice = "Justice Ines Marrow adjourned the trial of the two brothers until Monday."
    assert pair_conflicts(judge, justice, "role", "value") == []
    assert len(pair_conflicts(judge, justice.replace("Justice", "Inspector"), "role", "value")) == 1


def review(outlet: str, day: str, sentence: str) -> tuple[str, str, str]:
    return (outlet, day, "Finland kept its eastern border crossings shut on Tuesday.\n\n"
                         f"{sentence}\n\nThe foreign minister said talks would take months.")


def test_one_plan_set_on_two_days_by_reports_of_one_day_is_a_conflict():
    would = "Prime Minister Petteri Orpo told reporters that the cabinet would review the closure on March 14."
    will = "The cabinet will review the closure on March 21, Prime Minister Petteri Orpo said."
    found = conflicts(compare_reports([review("coast-wire", "2026-03-04", would),
                                       review("bay-herald", "2026-03-04", will)]), "date")
    assert [sorted(v["value"] for v in c["conflict"]["values"]) for c in found] == [["2026-03-14", "2026-03-21"]]
    # a report days later may tell of a plan moved since: no dispute
    assert conflicts(compare_reports([review("coast-wire", "2026-03-04", would),
                                      review("bay-herald", "2026-03-09", will)]), "date") == []
    # two plans' days, or a plan's and another day of its sentence, are not one plan's told twice
    for first, second in (("Talks on the closure will begin on March 14.", "Talks on the closure are expected to end on March 21."),
                          ("The crossings will reopen on March 14.", "The crossings, which were shut on March 2, will reopen soon.")):
        assert conflicts(compare_reports([review("coast-wire", "2026-03-04", first),
                                          review("bay-herald", "2026-03-04", second)]), "date") == []
    # nor is a plan's day disputed by a day of something that happened
    held = "The cabinet reviewed the closure on March 21, Prime Minister Petteri Orpo said."
    assert conflicts(compare_reports([review("coast-wire", "2026-03-04", will),
                                      review("bay-herald", "2026-03-04", held)]), "date") == []
