"""Whether a span the model took for a person's name can be one, before anyone is made a speaker by it.

The model reads capitalised runs as people. Some are no one's name, and none of them speaks:
- a title left without its name: "Pennsylvania Gov." of "said former Pennsylvania Gov. and Democratic
  National Committee Chairman Ed Rendell", "Mrs." alone; no name ends in a title;
- a party and a place: "Independent Vermont" of "The Independent Vermont senator vowed";
- a headline's words: "Sick Of Men" of "Cecile Richards: ‘I’m Sick Of Men Telling Us …’"; a name has no
  small word of a title capitalised inside it ("Of", "To", "The");
- a thing with a name: an agreement, a law, a programme, a street, a platform ("North American Free Trade
  Agreement", "Telemundo Facebook", "Hermenegildo Galeana Street"), or the tail of a body's name
  ("International Security" of "Institute for Science and International Security"): its last word says so.
Such a span is dropped from the speaker reading, so that the cue looks on to the person beside it or the
quotation stays unattributed rather than given to a phrase. An adverb the model took into a name
("Certainly Donald Trump") is cut off it, and so is a cue verb opening a sentence ("Continued Stone:"). And
where the model missed a name whose given name is also a verb's form ("Will Estrada"), that word opens the
name, not a clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyline.analyze.nlp import Token
from storyline.lang.en import (
    ANONYMOUS,
    CUE_WORDS,
    FEMALE_GIVEN_NAMES,
    FUNCTION_WORDS,
    HONORIFICS,
    MALE_GIVEN_NAMES,
    NOT_NAME_ENDINGS,
    NP_STOP,
    PARTY_LETTERS,
    PERSON_ROLES,
    ROLE_TITLES,
    STOP_WORDS,
    TITLE_SMALL_WORDS,
    VERB_FORMS,
)
from storyline.model import Mention

# An adverb, which opens a sentence capitalised and is no given name ("Interestingly Blocher", "Ironically Ortiz");
# not "Kimberly", nor a body's "Butterfly" or "Grammarly"
ADVERB = re.compile(r"[a-z]{3,}(?:ingly|ically|ally|ately|ously|ibly|ably|ently|antly|edly|ively|fully|lessly)")
# A dash typed as a hyphen, with no spaces, after a name: a role, a cue or a function word follows it ("Jonathan
# Wright-director of wholesale products at Interoute …-told the BBC", "Ahmed Saleh-who witnessed it-told"), which
# no part of a name is ("Smith-Jones"; "Ban Ki-moon", "Moon Jae-in", "Lam Wai-king": a syllable of a given name) nor
# a word a name qualifies ("Kane-less England", "a Trump-like retort")
_GLUED_DASH = re.compile(r"-([a-z]+)\b")
_QUALIFIED_BY_NAME = {"less", "like", "free", "only", "era", "led"}


def dash_after_name(text: str, pos: int) -> bool:
    """Whether text at pos, right after a name, is a dash typed as a hyphen before the sentence goes on."""
    glued = _GLUED_DASH.match(text, pos)
    word = glued.group(1) if glued is not None else ""
    if len(word) < 3 or word in _QUALIFIED_BY_NAME:
        return False
    return len(word) >= 5 and (word in PERSON_ROLES or word in ANONYMOUS) or word in CUE_WORDS or word in STOP_WORDS


# titles and their abbreviations, not every role noun: "Steve King", "Mike Judge" end in one
_TITLE_WORDS = HONORIFICS | set(ROLE_TITLES) | {abbr.rstrip(".") for abbrs in ROLE_TITLES.values() for abbr in abbrs}


def could_be_name(words: Sequence[str]) -> bool:
    """Whether capitalised words can be a person's name: not ending in a title ("Pennsylvania Gov.") or a
    thing's word ("… Agreement"), and no small word of a title capitalised inside ("Sick Of Men"; "Al From"
    ends in one and is a name)."""
    if not words or words[-1].rstrip(".").lower() in _TITLE_WORDS or words[-1] in NOT_NAME_ENDINGS:
        return False
    if len(words) > 1 and words[0] in PARTY_LETTERS:
        return False  # "The Independent Vermont senator": a party and a place, no one's name
    return not any(w[:1].isupper() and w.lower() in TITLE_SMALL_WORDS for w in words[1:-1])


def as_person_name(text: str, mention: Mention) -> Mention | None:
    """The mention as the speaker reading should take it: None where a PERSON span is no one's name, the name
    without a leading adverb, or the mention itself (any other label unchanged)."""
    if mention.label != "PERSON":
        return mention
    words = mention.text.split()
    if not could_be_name(words):
        return None
    if len(words) > 2 and words[0].endswith("ly") and re.search(rf"\b{re.escape(words[0].lower())}\b", text) \
            or len(words) > 1 and words[0].lower() in CUE_WORDS:
        # "Certainly Donald Trump": the article writes "certainly"; "Continued Stone:", "Said Comey,": a cue
        # verb opening the sentence is never part of a name
        start = mention.start + len(words[0]) + 1
        return replace(mention, text=text[start:mention.end], start=start)
    given = _GIVEN_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    if given is not None and given.group(1).lower() in MALE_GIVEN_NAMES | FEMALE_GIVEN_NAMES \
            and (mention.title_start is None or mention.title_start >= mention.start):
        # "Tennis great Billie Jean King", the model reading "Jean King": the given name it left out opens the name
        return replace(mention, text=text[given.start(1):mention.end], start=given.start(1))
    return mention


_GIVEN_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+) $")


_TITLES_THEN_NAME = re.compile(r"\s+and\s+(?:[A-Z][\w’'.-]*\s+){0,6}")
_BODY_OF_PERSON = re.compile(r"\s+of\s+(?:[A-Z][\w’'.-]*\s+|(?:for|and|of|the)\s+){1,8}")


def person_beside(text: str, people: Sequence[Mention], start: int, end: int) -> Mention | None:
    """The person of the noun phrase whose capitalised words text[start:end] are no name: the one its titles
    go on to ("former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell"), or the one
    of the body it ends ("Serena Kelleher-Vergantini of Washington's Institute for Science and International
    Security wrote")."""
    for m in people:
        if m.start >= end and _TITLES_THEN_NAME.fullmatch(text, end, m.start):
            return m
        if m.end <= start and _BODY_OF_PERSON.fullmatch(text, m.end, start):
            return m
    return None


_AUXILIARIES = {"is", "are", "was", "were", "be", "has", "have", "had", "do", "does", "did", "can", "could", "would",
                "should", "must", "shall"}


def given_name_as_verb(tokens: Sequence[Token], i: int) -> bool:
    """Whether token i is a given name that is also a verb's form, capitalised before a surname the model
    missed ("Will Estrada", "May Ortiz"): not after another capitalised word, and the next word no verb's or
    small word ("Trump May Not Have …")."""
    tok, nxt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
    return tok.text[:1].isupper() and tok.text.lower() in VERB_FORMS and tok.text.lower() not in _AUXILIARIES \
        and nxt is not None and nxt.text[:1].isupper() and nxt.text.isalpha() \
        and not {nxt.text.lower()} & (NP_STOP | VERB_FORMS | FUNCTION_WORDS) and not (i and tokens[i - 1].text.istitle())
