"""The filters of the story list, read by one set of rules for the HTML pages and the JSON API: a
filter that cannot be used is an error the reader sees (400 on a page, 422 in the API for a
malformed value; 404 in both for an outlet the database does not know), never silently ignored."""

from __future__ import annotations

import re
from datetime import date

from storyline.errors import InputError
from storyline.store import Store
from storyline.store.reads import StoryFilters

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class FilterError(InputError):
    """A filter a request gave that cannot be used; `status` is the HTTP status it answers with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def day_text(value: str) -> str:
    """A day as YYYY-MM-DD, checked: ValueError with what to write for anything else (a timestamp,
    '2025-2-3', '2025-02-30')."""
    if not _DAY.fullmatch(value):
        raise ValueError("a day is written YYYY-MM-DD")
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{value} is not a day of the calendar") from None


def story_filters(store: Store, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
                  entity: str | None = None) -> StoryFilters:
    """The filters of a story list from what a request gave; empty values filter nothing (an empty form
    field), and a day typed with spaces around it is read without them. FilterError: a day that is
    not YYYY-MM-DD (400), an outlet with no article (404)."""
    days: dict[str, str | None] = {}
    for name, label, value in (("since", "from", since), ("until", "to", until)):
        try:
            days[name] = day_text(value.strip()) if value and value.strip() else None
        except ValueError as exc:
            raise FilterError(f"the {label} date ({name}={value!r}) cannot be used: {exc}") from None
    outlet = outlet or None
    if outlet is not None and outlet not in store.outlet_names():
        raise FilterError(f"no outlet {outlet!r}; /api/sources lists them", status=404)
    return StoryFilters(since=days["since"], until=days["until"], outlet=outlet,
                        entity=(entity or "").strip() or None)
