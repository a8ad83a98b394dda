"""Where a statement was made: the medium ("radio show", "briefing", "speech") named near it, coarse
enough that two outlets' wordings of one venue agree, and which media exclude each other.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- the analysis: a venue named near a quotation

_CALL = r"\b(?:conference|phone|earnings|investor)\s+call\b"  # a call a statement is made on
VENUE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [(label, re.compile(pattern, re.IGNORECASE)) for label, pattern in [
    ("podcast", r"\bpodcasts?\b"),
    # ... or a station's named programme: "Kiwi Radio's Breakfast programme", "BBC Radio 4's Today programme"
    ("radio show", r"\b(?:talk\s+)?radio(?:\s+\d+)?(?:['’]s)?\s+(?:[A-Z][\w-]*\s+){0,3}?"
                   r"(?:show|programme|program|interview|station|broadcast|hosts?|appearance)\b"
                   r"|\btalk\s+radio\b|\b(?:told|on|to)\s+(?:(?:local|national|state|public|the)\s+)?radio\b"),
    ("television interview", r"\b(?:television|tv|televised)\s+"
                             r"(?:interview|address|appearance|programme|program|show)\b"
                             r"|\b(?:told|on)\s+(?:(?:local|national|state|public)\s+)?(?:television|tv)\b"),
    ("news conference", r"\b(?:news|press)\s+conference\b"),
    ("briefing", r"\bbriefing\b"),
    ("social media", r"\bsocial\s+media\b|\b(?:post(?:ed)?|wrote|writing|message)\s+on\s+(?:X|Twitter|Facebook|Telegram"
                     r"|Instagram|Truth\s+Social|Bluesky|LinkedIn|TikTok)\b"),
    ("interview", r"\binterview\b"),
    ("video", r"\bvideo\b"),
    ("remarks to reporters", r"\b(?:told|telling|briefed|briefing)\s+reporters\b"),
    ("speech", r"\bspeech\b|\b(?:speaking|spoke)\s+(?:to|before)\s+(?:an?\s+|the\s+)?(?:parliament|lawmakers|"
               r"delegates|conference|summit|crowd|audience|assembly|congress|senate)\b|\baddress(?:ed|ing)?\s+(?:the\s+)?[A-Z]\w+|\b(?:told|addressing|addressed)\s+(?:an?\s+)?"
               r"(?:audience|delegates|conference|summit|rally|crowd|parliament|lawmakers)\b"
               r"|\btold\s+the\s+(?:[A-Z][\w-]*\s+)*(?:Conference|Summit|Forum|Assembly|Parliament|Congress|Senate)\b"
               # a council of states, whose capitals say so (not "told the story of the council", nor a charity's)
               r"|(?-i:\btold\s+the\s+(?:UN\s+|U\.N\.\s+|United\s+Nations\s+)?(?:Security|European|Human\s+Rights)\s+Council)\b"),
    # a meeting, not the building ("speaking outside the town hall")
    ("town hall", r"\btown[\s-]+hall\s+(?:meeting|event|forum|session)s?\b|\ba\s+town[\s-]+hall\b"),
    ("statement", r"\bstatement\b"),
    ("call", _CALL + r"|\bon\s+a\s+call\b"),
    ("rally", r"\brally\b"),
    ("hearing", r"\bhearing\b"),
    ("letter", r"\bletter\b"),
]]
# A venue word counts when the statement was made in/at/on it, or it stands in apposition ("…, a radio show").
# any of them: one search over a frame before each is tried
ANY_VENUE = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in VENUE_PATTERNS), re.IGNORECASE)
VENUE_LEAD = re.compile(r"(?:\b(?:in|at|on|during|to|told|with|via|through|from|for|after|gave|giving|before|"
                         r"Speaking\s+on|speaking\s+on)|,)\s+(?:(?:a|an|the|his|her|their|its|this|that|one|[\w-]+[’']s)\s+)?"
                         r"(?:[\w’'-]+\s+){0,3}$")
MEDIA_WORDS = {"conference", "radio", "television", "tv", "briefing", "podcast", "interview", "statement", "show",
          "programme", "program", "station", "summit", "forum", "rally", "hearing", "newspaper", "broadcaster"}

# ---------------------------------------------------------------- the comparison: media that exclude each other

_VENUE_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("radio", re.compile(r"\b(?:radio|podcast)\b", re.IGNORECASE)),
    ("television", re.compile(r"\b(?:television|TV|televised|broadcaster)\b")),
    ("press", re.compile(r"\b(?:briefing|news conference|press conference|press event|reporters at|(?:told|telling|briefed)"
                         r" reporters|remarks to reporters)\b", re.IGNORECASE)),
    ("speech", re.compile(r"\b(?:speech|address(?:ed|ing)? (?:the|a)|rally|keynote|town[\s-]+hall(?= (?:meeting|event|forum"
                          r"|session))|(?<=\ba )town[\s-]+hall)\b", re.IGNORECASE)),
    ("statement", re.compile(r"\b(?:written statement|in a statement|press release)\b", re.IGNORECASE)),
    ("social", re.compile(r"\b(?:on X|Twitter|tweet|social media|Telegram|Truth Social|Facebook|Instagram)\b")),
    ("newspaper", re.compile(r"\binterview with (?:the )?(?:[A-Z][\w]+ )+(?:newspaper|daily|magazine|news agency)\b")),
    ("call", re.compile(_CALL + r"|\bcall\s+with\s+(?:analysts|investors)\b", re.IGNORECASE)),
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
    r"|\b(?:on|at|during|told|to|gave|before)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:briefing|news conference|press conference|speech|rally|(?:conference|earnings|investor)\s+call)\b"
    r"|\binterview\s+with\s+(?:the\s+)?(?:(?:public|state|national|local)\s+)?(?:broadcaster|television|TV)\b"
    r"|\binterview\s+with\s+(?:the\s+)?(?:[A-Z][\w]+\s+)+(?:newspaper|daily|magazine|news\s+agency)\b"
    r"|\bbriefing for (?:journalists|reporters)\b"
    r"|\bin a (?:written )?statement\b", re.IGNORECASE)
VENUE_LABELS = {"radio": "radio show", "television": "television", "broadcast": "broadcast", "press": "briefing",
                 "speech": "speech", "statement": "statement", "social": "social media", "newspaper": "newspaper",
                 "call": "conference call"}


def venue_kinds(text: str) -> set[str]:
    """Every medium a text names (venue_kind's kinds): a sentence that names two does not say which was the occasion."""
    return {kind for kind, pattern in _VENUE_CUES if pattern.search(text)}


def venues_clash(a: str, b: str) -> bool:
    if a == b:
        return False
    if {a, b} <= {"radio", "television", "broadcast"}:
        return "broadcast" not in (a, b)
    return True
