"""Tokenised corpus text read back as news text, with a map to the offsets of the text as given.

ECB+ stores its documents tokenised: `home to 120 , 000 people`, `The 6 . 1 - magnitude quake`,
``` We panicked ''`, `would n't`, `8 : 30 p . m .`. No outlet publishes that, and a reader of
figures or quotations needs them whole, so the real-set evaluation ingests what the reporter wrote:
detokenize(text) drops the spaces tokenisation put in (around quotation marks too) and turns `` and ''
back into curly quotes.
Every character of the result comes from one character of the given text (origins), so a span of
the result maps back to the annotation's offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# A space is dropped where tokenisation put it: before closing punctuation and clitics, after
# opening brackets and currency, inside a figure (120 , 000 / 6 . 1 / 8 : 30), inside an
# abbreviation (U . S . / a . m .) and a hyphenated compound (36 - year - old).
_DROPPED_SPACE = re.compile(
    r"(?<=\S) (?=[,.;:!?)\]%](?:\s|$|[,.;:!?)\]'\"”’]))"  # "word ," "word ." "( 700 miles )"
    r"|(?<=[(\[$£€]) (?=\S)"  # "( 700" "$ 108"
    r"|(?<=\S) (?=(?:n't|'s|'re|'ll|'ve|'d|'m|’s|’re|’ll)\b)"  # "would n't" "we 're"
    r"|(?<=\d) (?=[.:] \d)|(?<=\d [.:]) (?=\d)|(?<=\d) (?=, \d{3}\b)|(?<=\d ,) (?=\d{3}\b)"  # "6 . 1" "120 , 000"
    r"|(?<=\w) (?=['’] s\b)|(?<=\w ['’]) (?=s\b)"  # "There ’ s"
    r"|(?<=\b[A-Za-z]) (?=\. [A-Za-z] \.)|(?<=\b[A-Za-z] \.) (?=[A-Za-z] \.)|(?<=\b[A-Za-z]) (?=\.)"  # "U . S ." "a . m ."
    r"|(?<=[^\W_]) (?=- [^\W_])|(?<=[^\W_] -) (?=[^\W_])",  # "36 - year - old", not "- -"
    re.UNICODE)
# A figure written with a leading point after a word that never ends a sentence ("a . 357 caliber"
# is "a .357 caliber", not "a. 357"): the point belongs to the figure.
_LEADING_POINT = re.compile(r"\b(?:a|an|the|his|her|its|their)( )\.( )\d", re.IGNORECASE)
_QUOTES = {"``": "“", "''": "”"}
_QUOTE_TOKEN = re.compile(r"``|''")
# Inside quotation marks: `` We '' and “ We ”, and a straight quote that closes after punctuation
# (`at stake , " she said`, `the charm . "`): the ECB+ (web) documents attach the opening one to its word.
_SPACE_INSIDE_QUOTES = re.compile(r"(?<=``) | (?='')|(?<=“) | (?=”)|(?<=[,.;:!?]) (?=\"(?:\s|$))")


@dataclass(frozen=True)
class Detokenized:
    """The text as news text, and for each of its characters the offset it came from (one past the
    end for the end)."""

    text: str
    origins: list[int]
    given: str

    def read_span(self, start: int, end: int) -> tuple[int, int]:
        """The offsets in the text of text-as-given[start:end] (the way back from given_span)."""
        return bisect_left(self.origins, start), bisect_left(self.origins, end)

    def given_span(self, start: int, end: int) -> tuple[int, int]:
        """The offsets in the text as given of text[start:end]."""
        start = min(max(start, 0), len(self.text))
        end = min(max(end, start), len(self.text))
        if start == end:
            return self.origins[start], self.origins[start]
        last = self.origins[end - 1]
        return self.origins[start], last + (2 if self.given[last:last + 2] in _QUOTES else 1)


def detokenize(text: str) -> Detokenized:
    """Spaces of tokenisation dropped and `` '' made curly quotes; see the module docstring."""
    drop = {m.start() for m in _DROPPED_SPACE.finditer(text)}
    drop |= {m.start() for m in _SPACE_INSIDE_QUOTES.finditer(text)}
    for m in _LEADING_POINT.finditer(text):
        drop.discard(m.start(1))  # the space before the point stays, the one after it goes
        drop.add(m.start(2))
    quotes = {m.start(): m.group() for m in _QUOTE_TOKEN.finditer(text)}
    out: list[str] = []
    origins: list[int] = []
    i = 0
    while i < len(text):
        if i in quotes:
            out.append(_QUOTES[quotes[i]])
            origins.append(i)
            i += 2
            continue
        if i not in drop:
            out.append(text[i])
            origins.append(i)
        i += 1
    origins.append(len(text))
    return Detokenized("".join(out), origins, text)
