"""A case moves on (conflicts/state.py, lang.en.CASE_STAGES) only where someone is sought or caught:
"looking for the gunman", then "captured the gunman", is an update; a candidate "looking for a strong
finish" who then "captured the hearts of rural voters" tells no stage of a case. Reports are our own."""

from __future__ import annotations

from test_compare_claims import compare_reports


def case_updates(first: str, second: str) -> list[list[str]]:
    reports = [("coast-wire", "2025-03-03", first), ("valley-news", "2025-03-04", second)]
    return [[v["normalized"] for v in c["update"]["values"]] for c in compare_reports(reports).claims if c.get("update")]


def test_someone_sought_then_caught_is_an_update():
    assert case_updates("Police in Harwick were still looking for the gunman on Sunday night.",
                        "Police in Harwick captured the gunman on Monday morning.") == [["sought", "arrested"]]
    assert case_updates("Police in Harwick were still searching for Tomas Brandt on Sunday night.",
                        "Police in Harwick arrested a 31-year-old Harwick man on Monday morning.") == [["sought", "arrested"]]


def test_a_thing_looked_for_or_captured_tells_no_stage_of_a_case():
    assert case_updates("Senator Ines Vale is looking for a strong finish in Harwick on Sunday night.",
                        "Senator Ines Vale captured the hearts of rural voters in Harwick on Monday.") == []
