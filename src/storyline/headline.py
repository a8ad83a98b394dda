"""A headline for an article that came without one, made from its lead's own words.

The reports storyline was made for arrive with no title: the body starts on the date line. A
reader still needs a line to scan, so the lead's first sentence is cut to its main clause: the
attribution ("…, the operator said"), a leading dateline or "According to X," and trailing
clauses go, and what remains is cut at a phrase boundary, never mid-word and never with an
ellipsis. Every word comes from the article; the brief marks the result as generated."""

from __future__ import annotations

import re

from storyline.text import split_sentences

MAX_CHARS = 90
MIN_WORDS = 4

_ACCORDING = re.compile(r"^(?:according to|as reported by)\b[^,]{1,80},\s+", re.IGNORECASE)
_CUE = (r"(?:said|says|reported|reports|announced|announces|confirmed|confirms|told\b[^,]{0,40}|added|adds"
        r"|stated|states|wrote|writes|explained|noted|according to\b[^,]{0,60})")
# ", the operator said." / ", police told reporters on Monday." / ", according to the county."
_ATTRIBUTION = re.compile(r",\s+(?:[^,]{0,60}?\s)?" + _CUE + r"(?:\s[^,]{0,40})?[.!]?[\"'”’]*$", re.IGNORECASE)
# "Officials confirmed on Thursday that the bridge would open": what was said is the news.
_REPORTED = re.compile(r"^[^,\"“]{0,80}?\b(?:said|says|announced|announces|confirmed|confirms|reported|reports|stated"
                       r"|warned|warns|told\s+[^,]{1,30}?)(?:\s+(?:on|late|early|this)\b[^,]{0,25}?)?\s+that\s+",
                       re.IGNORECASE)
_PRONOUN = re.compile(r"(?:he|she|it|they|we|i|you|his|her|its|their|our|this|these|those)\b", re.IGNORECASE)
_TRAILING_CLAUSE = re.compile(r"(?:,\s+(?:which|who|where|while|as|after|before|when|although|though|but|and)\b"
                              r"|\s+[—–]\s+|;\s+|:\s+)")
_COMMA = re.compile(r",\s+")
_PHRASE_BOUNDARY = re.compile(r"\s+(?=(?:in|on|at|over|after|before|for|with|and|but|to|from|as|by|amid|that|without"
                              r"|against|despite|during|following|under|because|since|while|near)\s)", re.IGNORECASE)
_DANGLING = re.compile(r"(?:\s+(?:the|a|an|of|to|in|on|at|and|or|but|for|with|by|from|as|that|its|their|his|her))+$",
                       re.IGNORECASE)
_DATE_LINE = re.compile(r"^\s*date\s*:?\s+\S+\s*", re.IGNORECASE)


def headline_from_lead(text: str, max_chars: int = MAX_CHARS) -> str:
    """A short headline (at most max_chars, cut at a phrase or word boundary) from the text's lead."""
    spans = split_sentences(text) or split_sentences(text, furniture=True)
    if not spans:
        return ""
    start, end = spans[0]
    sentence = " ".join(text[start:end].split())
    sentence = _DATE_LINE.sub("", sentence)
    sentence = _ACCORDING.sub("", sentence)
    for attribution in (_ATTRIBUTION, _REPORTED):
        main = attribution.sub("", sentence)
        if len(main.split()) >= MIN_WORDS and not _PRONOUN.match(main):
            sentence = main
    sentence = sentence.rstrip(" .!?;:,\"'”’")
    if len(sentence) > max_chars:
        sentence = _cut(sentence, max_chars)
    sentence = _DANGLING.sub("", sentence).rstrip(" ,;:—–-")
    return sentence[:1].upper() + sentence[1:]


def _cut(sentence: str, max_chars: int) -> str:
    """The longest start of a sentence within max_chars that ends at a clause, else a comma, else
    before a preposition or conjunction, else at a word, keeping at least MIN_WORDS words."""
    for pattern in (_TRAILING_CLAUSE, _COMMA, _PHRASE_BOUNDARY):
        cuts = [m.start() for m in pattern.finditer(sentence)
                if m.start() <= max_chars and len(sentence[:m.start()].split()) >= MIN_WORDS]
        if cuts:
            return sentence[:max(cuts)]
    head = sentence[:max_chars + 1]
    return head[:head.rfind(" ")] if " " in head else head[:max_chars]
