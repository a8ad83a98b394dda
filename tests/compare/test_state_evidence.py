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
