"""The evidence of a step of a state update is every phrase of its report that tells that stage, or one
the case passed since the step before."""

from __future__ import annotations

from test_compare_claims import compare_reports


def test_a_sentence_that_tells_a_stage_twice_cites_both_phrases():
    reports = [("coast-wire", "2025-03-03", "Streets near the Harwick grain store were cordoned off, and police said "
                                            "they were likely to remain closed for some time."),
               ("valley-news", "2025-03-04", "Streets near the Harwick grain store were reopened on Sunday afternoon, "
                                             "police said.")]
    updates = [c["update"] for c in compare_reports(reports).claims if c.get("update")]
    assert [[v["normalized"] for v in u["values"]] for u in updates] == [["closed", "reopened"]]
    closed = updates[0]["values"][0]
    assert [e["text"] for e in closed["evidence"]] == ["cordoned off", "remain closed"]


def test_a_later_step_cites_the_stages_its_report_passed_since_the_step_before():
    # the later report tells the arrest and the charge: both are what happened since "still on the run"
    reports = [("coast-wire", "2025-03-03", "Dan Mercer, who escaped from a prison van near Harwick on Sunday, was "
                                           "still on the run on Monday night. Officers searched the woods near the river."),
               ("valley-news", "2025-03-04", "Dan Mercer was charged with escape on Tuesday.\n\n"
                                             "He was arrested at a farm outside Harwick late on Monday.")]
    updates = [c["update"] for c in compare_reports(reports).claims if c.get("update")]
    assert [[v["normalized"] for v in u["values"]] for u in updates] == [["sought", "charged"]]
    charged = updates[0]["values"][1]
    assert sorted(e["text"] for e in charged["evidence"]) == ["was arrested", "was charged"]


def test_a_later_report_that_the_case_still_stands_where_it_stood_is_shown_before_the_next_step():
    reports = [("coast-wire", "2025-03-03", "Dan Mercer escaped from a prison van near Harwick on Monday, and officers "
                                           "are searching for him in the woods."),
               ("bay-herald", "2025-03-06", "Dan Mercer was still on the run on Thursday, police said, three days "
                                            "after his escape near Harwick."),
               ("valley-news", "2025-03-10", "Dan Mercer was captured on Monday at a farm outside Harwick, a week "
                                             "after his escape.")]
    updates = [c["update"] for c in compare_reports(reports).claims if c.get("update")]
    assert [[(v["source"], v["normalized"]) for v in u["values"]] for u in updates] == \
        [[("coast-wire", "sought"), ("bay-herald", "sought"), ("valley-news", "arrested")]]


def test_a_death_penalty_left_undecided_then_sought_then_imposed_is_one_update():
    reports = [("coast-wire", "2025-03-03", "Jon Pike was charged with murder, and the district attorney's "
                                           "office will decide closer to trial whether to seek the death penalty."),
               ("bay-herald", "2026-01-12", "Prosecutors said they will seek the death penalty against Jon Pike, "
                                            "convicted last week of the murder."),
               ("valley-news", "2026-02-20", "A judge sentenced Jon Pike to death on Friday for the murder.")]
    updates = [c["update"] for c in compare_reports(reports).claims if c.get("update")]
    penalty = [u for u in updates if any(v["normalized"] == "undecided" for v in u["values"])]
    assert [[v["normalized"] for v in u["values"]] for u in penalty] == [["undecided", "sought", "imposed"]]


def test_a_stage_told_of_a_month_long_before_the_story_is_no_step_of_it():
    # the later report recalls a sentence of 2019 before it tells the capture: the capture is its step
    reports = [("coast-wire", "2025-03-03", "Dan Mercer, who escaped from a prison van near Harwick on Sunday, was "
                                           "still on the run on Monday night."),
               ("valley-news", "2025-03-05", "In June 2019 Dan Mercer was sentenced to twelve years for robbery.\n\n"
                                             "He was captured on Tuesday at a farm outside Harwick, police said.")]
    updates = [c["update"] for c in compare_reports(reports).claims if c.get("update")]
    assert [[(v["source"], v["normalized"]) for v in u["values"]] for u in updates] == \
        [[("coast-wire", "sought"), ("valley-news", "arrested")]]
