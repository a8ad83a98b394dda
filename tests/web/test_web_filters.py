"""The one rule for a day in a filter (web.filters.day_text), which the pages and the API share."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.web.filters import day_text


@given(st.dates())
def test_every_calendar_day_written_yyyy_mm_dd_is_read_as_itself(day: date) -> None:
    if day.year >= 1000:
        assert day_text(day.isoformat()) == day.isoformat()


@given(st.text(max_size=12))
def test_anything_else_is_refused_with_what_to_write(text: str) -> None:
    try:
        expected = date.fromisoformat(text).isoformat()
    except ValueError:
        expected = None
    if expected != text:
        with pytest.raises(ValueError):
            day_text(text)


@pytest.mark.parametrize("text, words", [("2025-02-30", "not a day of the calendar"), ("1739491200", "YYYY-MM-DD"),
                                         ("2025-2-3", "YYYY-MM-DD"), (" 2025-02-03", "YYYY-MM-DD"),
                                         ("20250203", "YYYY-MM-DD")])
def test_the_message_says_what_is_wrong(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        day_text(text)
