"""Spans of the documents an annotation points into, and the shares the scores are, shared by the real-set
scorers (real.py, quote_pairs.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DocSpan:
    """Characters start..end of one document, as offsets into its text as given (not as stored)."""

    doc: str
    start: int
    end: int

    @classmethod
    def of(cls, side: dict[str, Any]) -> DocSpan:
        """The span an annotated side (or unit) points at."""
        return cls(side["doc"], side["start"], side["end"])

    def overlaps(self, other: DocSpan) -> bool:
        return self.doc == other.doc and self.start < other.end and other.start < self.end


def share(part: int, whole: int) -> float | None:
    """part / whole to three places; None where there is no whole to measure."""
    return round(part / whole, 3) if whole else None
