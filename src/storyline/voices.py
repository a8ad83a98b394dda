"""Who speaks for an article: the one rule of independence that the brief and the comparison count by.

Copies of one report (one near-duplicate group) are one voice, credited to the outlet of its
earliest article (the one whose id names the group when there is one); the articles an outlet
writes itself are that outlet's voice, however many. So two reports are independent when their
voices differ: neither a wire copy run by two outlets nor an outlet's second article corroborates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol


class Reported(Protocol):
    """What the rule reads of an article."""

    @property
    def id(self) -> str: ...

    @property
    def source(self) -> str: ...

    @property
    def published(self) -> datetime | None: ...


def voices(members: Sequence[tuple[Reported, str | None]]) -> list[str]:
    """Per article (with its near-duplicate group, None for its own), the outlet whose voice it is."""
    by_group: dict[str, list[int]] = defaultdict(list)
    for i, (article, group) in enumerate(members):
        by_group[group or article.id].append(i)
    voice = [""] * len(members)
    for group, positions in by_group.items():

        def earliest(i: int, group: str = group) -> tuple[bool, bool, datetime, int]:
            article = members[i][0]
            return article.id != group, article.published is None, article.published or datetime.max, i

        first = min(positions, key=earliest)
        for i in positions:
            voice[i] = members[first][0].source
    return voice


def independent_reports(members: Sequence[tuple[Reported, str | None]]) -> int:
    """How many independent voices report a story."""
    return len(set(voices(members)))
