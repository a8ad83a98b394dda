"""One rule of independence: the brief's count of independent reports and the comparison's voices agree."""

from __future__ import annotations

from datetime import UTC, datetime

from storyline.brief import story_brief
from storyline.model import Article
from storyline.store import StoryRow
from storyline.voices import independent_reports, voices


def _article(ident: str, source: str, day: int) -> Article:
    return Article(id=ident, source=source, text="", text_hash="", published=datetime(2025, 2, day, tzinfo=UTC))


MEMBERS = [
    (_article("a1", "Wire", 10), None),
    (_article("a2", "Harbour Post", 11), "a1"),  # a copy of the wire report
    (_article("a3", "Harbour Post", 12), None),  # the Post's own report
    (_article("a4", "Harbour Post", 13), None),  # and its second one: still the Post's voice
    (_article("a5", "Valley Times", 12), None),
]


def test_copies_and_an_outlets_own_articles_are_one_voice_each() -> None:
    assert voices(MEMBERS) == ["Wire", "Wire", "Harbour Post", "Harbour Post", "Valley Times"]
    assert independent_reports(MEMBERS) == 3


def test_the_brief_counts_independent_reports_by_that_rule() -> None:
    brief = story_brief(StoryRow(id="s1", title="t", first_seen=None, last_seen=None, size=5), MEMBERS)
    assert brief["independent_reports"] == 3  # by duplicate groups alone it was 4
    assert brief["outlets"] == ["Harbour Post", "Valley Times", "Wire"]
