"""Whose case a state update is: a person the stage sentences of two steps name, the one named before
the stage words first ("Carl Benning was found guilty ... in the death of Mia Lorne"); a person only one
step names (a prosecutor who will seek a penalty, a victim, a spokeswoman) is no subject: "the case"."""

from __future__ import annotations

from test_compare_claims import updates_by_first_step


def test_the_accused_named_before_the_stage_words_of_both_steps_is_the_subject_not_the_victim():
    reports = [("coast-wire", "2025-03-03", "Carl Benning and Rob Tate are charged with murder in the death of "
                                            "Mia Lorne, police said."),
               ("valley-news", "2025-04-20", "Carl Benning was found guilty on Friday of murder in the death of "
                                             "Mia Lorne.")]
    updates = updates_by_first_step(reports)
    assert [v["normalized"] for v in updates["charged"]["values"]] == ["charged", "convicted"]
    assert updates["charged"]["subject"] == "Carl Benning"


def test_a_person_one_step_names_alone_is_not_whose_case_it_is():
    reports = [("coast-wire", "2025-03-03", "Jon Pike was charged with murder on Monday.\n\nThe district attorney's "
                                            "office will decide closer to trial whether to seek the death penalty."),
               ("bay-herald", "2026-01-12", "Prosecutor Lena Hart will seek the death penalty, her office said."),
               ("valley-news", "2026-02-20", "A judge sentenced Jon Pike to death on Friday for the murder.")]
    updates = updates_by_first_step(reports)
    assert [v["normalized"] for v in updates["undecided"]["values"]] == ["undecided", "sought", "imposed"]
    assert updates["undecided"]["subject"] == "the case"  # not the prosecutor, whom one step names


def test_a_road_closed_then_reopened_is_of_access_not_of_a_case():
    reports = [("coast-wire", "2025-03-03", "A fire broke out at a factory in Ashcombe on Monday. The main road past "
                                            "the estate was closed for several hours, police said."),
               ("valley-news", "2025-03-04", "Firefighters put out the fire at the Ashcombe factory. The main road "
                                             "past the estate reopened on Tuesday morning, police said.")]
    updates = updates_by_first_step(reports)
    assert [u["subject"] for u in updates.values() if u["about"] == "state"] == ["access"]
