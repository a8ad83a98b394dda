"""The evidence of a step of a state update is every phrase of its sentence that tells that stage."""

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
