"""Spans of the documents an annotation points into, shared by the real-set scorers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocSpan:
    """Characters start..end of one document, as offsets into its text as given (not as stored)."""

    doc: str
    start: int
    end: int

    def overlaps(self, other: DocSpan) -> bool:
        return self.doc == other.doc and self.start < other.end and other.start < self.end
