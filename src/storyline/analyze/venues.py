"""Where a statement was made: the medium ("radio show", "briefing", "speech") named near it, coarse
enough that two outlets' wordings of one venue agree, and which media exclude each other.
"""

from __future__ import annotations

import re


_VENUE_CUES: list[tuple[str, re.Pattern]] = [
    ("radio", re.compile(r"\b(?:radio|podcast)\b", re.IGNORECASE)),
    ("television", re.compile(r"\b(?:television|TV|televised|broadcaster)\b")),
    ("press", re.compile(r"\b(?:briefing|news conference|press conference|press event|reporters at)\b", re.IGNORECASE)),
    ("speech", re.compile(r"\b(?:speech|address(?:ed|ing)? (?:the|a)|rally|keynote)\b", re.IGNORECASE)),
    ("statement", re.compile(r"\b(?:written statement|in a statement|press release)\b", re.IGNORECASE)),
    ("social", re.compile(r"\b(?:on X|Twitter|tweet|social media|Telegram|Truth Social|Facebook|Instagram)\b")),
    ("newspaper", re.compile(r"\binterview with (?:the )?[A-Z][\w]+ (?:newspaper|daily|magazine)\b")),
]


def venue_kind(venue: str | None) -> str | None:
    """The medium of a statement, coarse enough that two outlets' wordings of one venue agree."""
    if not venue:
        return None
    for kind, pattern in _VENUE_CUES:
        if pattern.search(venue):
            return kind
    if re.search(r"\bshow\b|\bprogram", venue, re.IGNORECASE):
        return "broadcast"
    return None


# A venue named in a sentence: "on a morning talk radio show", "told a briefing", "at a news conference".
VENUE_PHRASE = re.compile(
    r"\b(?:on|at|during|in|to|told|gave|before|with)\s+(?:(?:a|an|the|his|her|their|its)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:radio|television|TV|podcast)\s+(?:show|programme|program|interview|broadcast|station)s?\b"
    r"|\b(?:radio|television|TV)\s+(?:interview|programme|program|show)\b"
    r"|\b(?:on|at|during|told|to|gave|before)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:briefing|news conference|press conference|speech|rally)\b"
    r"|\bbriefing for (?:journalists|reporters)\b"
    r"|\bin a (?:written )?statement\b", re.IGNORECASE)
VENUE_LABELS = {"radio": "radio show", "television": "television", "broadcast": "broadcast", "press": "briefing",
                 "speech": "speech", "statement": "statement", "social": "social media", "newspaper": "newspaper"}


def venues_clash(a: str, b: str) -> bool:
    if a == b:
        return False
    if {a, b} <= {"radio", "television", "broadcast"}:
        return "broadcast" not in (a, b)
    return True
