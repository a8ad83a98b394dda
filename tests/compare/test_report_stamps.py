"""A day read from a report's stamp ("today", "this morning", "last night") against the day another
outlet names: a day apart is a dispute, several days apart is a report written later than its stamp
says, and two stamps' days never dispute each other, since neither outlet names the day."""

from __future__ import annotations

from test_compare_claims import article, compare, conflicts

NAMED = ("Volunteers in Dunmore cleared the flooded Saint Brigid's chapel on Saturday morning, the parish council "
         "said.\n\nThe river rose a metre overnight. The chapel will stay shut for a month.")
STAMPED = ("Volunteers in Dunmore cleared the flooded Saint Brigid's chapel this morning, the parish council "
           "said.\n\nThe river rose a metre overnight. The chapel will stay shut for a month.")


def date_values(named_on: str, stamped_on: str, first: str = NAMED, second: str = STAMPED) -> list[dict[str, str]]:
    result = compare([article("a", "coast-wire", named_on, first), article("b", "bay-herald", stamped_on, second)])
    return [{v["source"]: v["value"] for v in c["conflict"]["values"]} for c in conflicts(result, "date")]


def test_this_morning_a_day_from_the_named_day_disputes_it():
    # stamped Sunday 2 March: "this morning" is Sunday, a day after the Saturday the other outlet names
    assert date_values("2025-03-02", "2025-03-02") == [{"coast-wire": "2025-03-01", "bay-herald": "2025-03-02"}]


def test_this_morning_in_a_report_stamped_days_later_is_no_dispute():
    # stamped Tuesday 4 March: the report was written on the Saturday it tells of, and stamped later
    assert date_values("2025-03-04", "2025-03-04") == []


def test_today_and_yesterday_read_from_two_stamps_are_no_dispute():
    today = STAMPED.replace("this morning", "today")
    yesterday = STAMPED.replace("this morning", "yesterday")
    assert date_values("2025-03-04", "2025-03-04", today, yesterday) == []
