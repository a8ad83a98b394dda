"""Quotations two reports share: the same words quoted, a sign that they report one statement.

Reports of one interview, speech or statement quote it, and where two outlets quote the same
passage they carry the same run of words inside quote marks however differently they tell the rest.
Placement sees a headline and a lead, which two such reports often angle differently; revision
(storyline.revise.evidence_merges) merges the stories of two reports, a few days apart at most, that
quote QUOTE_WORDS consecutive words alike. A run that long is rarely quoted in reports of different
events: a stock phrase, a slogan or a stump line is shorter (on the PolNeAR months, docs/quality.md,
runs of ten words joined reports of one event, or an event and a preview or analysis that quotes
it; runs of three or four words joined far more reports of different events than of one)."""

from __future__ import annotations

import hashlib
import heapq
import re
from collections.abc import Iterable
from datetime import date

from storyline.analyze.quote_marks import scan_quote_marks

VERSION = "quotations/1"
QUOTE_WORDS = 10  # the words a run of quoted words needs for two reports to share a quotation
QUOTE_DAYS = 3  # the most days apart two reports may be for a quotation they share to count
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def quoted_runs(text: str, length: int = QUOTE_WORDS) -> frozenset[str]:
    """Every run of `length` consecutive words inside a pair of quote marks of the text, as a short
    digest of its lowercased words (apostrophes alike): what two reports quoting the same passage share."""
    runs: set[str] = set()
    for marks in scan_quote_marks(text):
        runs |= word_runs(text, length, marks.start, marks.end)
    return frozenset(runs)


def word_runs(text: str, length: int, start: int = 0, end: int | None = None) -> set[str]:
    """The runs of `length` consecutive words of text[start:end], as quoted_runs digests them."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text, start, len(text) if end is None else end)]
    return {hashlib.blake2b(" ".join(words[at:at + length]).encode(), digest_size=8).hexdigest()
            for at in range(len(words) - length + 1)}


class QuotationIndex:
    """The quoted runs of the articles of an ingest's window, by run: which earlier articles quote what
    a new one quotes, a few days apart at most. A run places its articles oldest first, so the
    articles older than a few days before the one being placed can go (`forget_before`): the index
    holds days of articles, not the run's."""

    def __init__(self) -> None:
        self.quoting: dict[str, list[tuple[str, date | None]]] = {}
        self.runs: dict[str, frozenset[str]] = {}
        self.dated: list[tuple[date, str]] = []  # a heap: the oldest dated article first

    def add(self, article_id: str, day: date | None, runs: Iterable[str]) -> None:
        runs = frozenset(runs)
        if not runs or article_id in self.runs:
            return
        self.runs[article_id] = runs
        if day is not None:
            heapq.heappush(self.dated, (day, article_id))
        for run in runs:
            self.quoting.setdefault(run, []).append((article_id, day))

    def forget_before(self, day: date) -> None:
        """Drop the articles dated before this day (undated ones stay)."""
        while self.dated and self.dated[0][0] < day:
            _, article_id = heapq.heappop(self.dated)
            for run in self.runs.pop(article_id, ()):
                kept = [entry for entry in self.quoting[run] if entry[0] != article_id]
                if kept:
                    self.quoting[run] = kept
                else:
                    del self.quoting[run]

    def sharing(self, article_id: str, day: date | None, runs: Iterable[str]) -> set[str]:
        """The other articles that quote one of these runs, QUOTE_DAYS apart at most (undated ones
        always: nothing says they are far apart)."""
        found = set()
        for run in runs:
            for other, other_day in self.quoting.get(run, ()):
                if other != article_id and (day is None or other_day is None or abs((day - other_day).days) <= QUOTE_DAYS):
                    found.add(other)
        return found
