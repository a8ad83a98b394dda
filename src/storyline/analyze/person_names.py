"""Whether a span the model took for a person's name can be one, before anyone is made a speaker by it.

The model reads capitalised runs as people. Some are no one's name, and none of them speaks:
- a title left without its name: "Pennsylvania Gov." of "said former Pennsylvania Gov. and Democratic
  National Committee Chairman Ed Rendell", "Mrs." alone; no name ends in a title;
- a party and a place: "Independent Vermont" of "The Independent Vermont senator vowed";
- a headline's words: "Sick Of Men" of "Cecile Richards: ‘I’m Sick Of Men Telling Us …’"; a name has no
  small word of a title capitalised inside it ("Of", "To", "The"); and a name of two words or more read only
  in a line written in title case ("Steps Onstage" of "… the Former President Steps Onstage", "Sessions
  Endorses Trump") is no one's where the body names no one it can be (`headline_words`);
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
from collections.abc import Callable, Sequence
from dataclasses import replace

from storyline.analyze.name_matching import INNER_PARTICLES, PARTICLES, compatible_given_names, name_key, similar_surnames
from storyline.analyze.nlp import Token
from storyline.lang.en import (
    ANONYMOUS,
    CLAUSE_OPENING_WORDS,
    CONTINUING_WORDS,
    CUE_WORDS,
    FEMALE_GIVEN_NAMES,
    FUNCTION_WORDS,
    HONORIFICS,
    MALE_GIVEN_NAMES,
    NOT_NAME_ENDINGS,
    NP_STOP,
    PARTY_LETTERS,
    PERSON_ROLES,
    PREPOSITIONAL,
    ROLE_TITLES,
    STOP_WORDS,
    STORM_WORDS,
    TITLE_SMALL_WORDS,
    VERB_FORMS,
    WEEKDAYS,
)
from storyline.lang.en_given_names import CENSUS_FEMALE_GIVEN, CENSUS_MALE_GIVEN, GIVEN_NAMES_ALSO_WORDS
from storyline.model import Mention

_GIVEN = MALE_GIVEN_NAMES | FEMALE_GIVEN_NAMES
# the census's given names of one sex, less months and weekdays ("At a June Trump campaign event")
_CENSUS_GIVEN = (CENSUS_MALE_GIVEN | CENSUS_FEMALE_GIVEN) - {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december"} - {day.lower() for day in WEEKDAYS}

# An adverb, which opens a sentence capitalised and is no given name ("Interestingly Blocher", "Ironically Ortiz");
# not "Kimberly", nor a body's "Butterfly" or "Grammarly"
ADVERB = re.compile(r"[a-z]{3,}(?:ingly|ically|ally|ately|ously|ibly|ably|ently|antly|edly|ively|fully|lessly)")
# A dash typed as a hyphen, with no spaces, after a name: a role, a cue or a function word follows it ("Jonathan
# Wright-director of wholesale products at Interoute …-told the BBC", "Ahmed Saleh-who witnessed it-told"), which
# no part of a name is ("Smith-Jones"; "Ban Ki-moon", "Moon Jae-in", "Lam Wai-king": a syllable of a given name) nor
# a word a name qualifies ("Kane-less England", "a Trump-like retort")
_GLUED_DASH = re.compile(r"-([a-z]+)\b")
_QUALIFIED_BY_NAME = {"less", "like", "free", "only", "era", "led"}


# One romanised Korean syllable ("Hyun", "woo", "Yeon", "ju"; not "backed", "era", "led"); a given name of two
# joined by a hyphen follows the family name ("Kim Hyun-woo", "Lee Chang-hyun"), which the name is then called by.
_SYLLABLE = r"(?:[bcdghjkmnprstwy]|ch|kk|ss|jj|tt|pp)?(?:yeo|yae|wae|ae|eo|eu|oe|oo|ee|ui|wa|wi|wo|ya|yo|yu|ye|[aeiou])(?:ng|[nklmp])?"
SYLLABLE = re.compile(_SYLLABLE, re.IGNORECASE)
SYLLABLE_AFTER_HYPHEN = re.compile(rf"-({_SYLLABLE})(?![\w'’-])")
_SYLLABLES_JOINED = re.compile(rf"{_SYLLABLE}-{_SYLLABLE}", re.IGNORECASE)


def family_name_first(name: str) -> bool:
    """Whether a person's name is a one-syllable family name before a given name of two joined syllables ("Han
    Seo-yeon"), so that "Han said" is her."""
    words = name.split()
    return len(words) == 2 and words[0][:1].isupper() and SYLLABLE.fullmatch(words[0]) is not None \
        and _SYLLABLES_JOINED.fullmatch(words[1]) is not None


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
    if any(w in ("v.", "vs.", "v", "vs") for w in words[1:-1]):
        return False  # "Trump v. Trump": a case's or a book's name
    if len(words) > 1 and words[0] in STORM_WORDS:
        return False  # "Cyclone Biparna", "Hurricane Helene": a storm
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
    particles = _PARTICLES_BEFORE.search(text, max(0, mention.start - 40), mention.start) \
        if (mention.title_start is None or mention.title_start >= mention.start) \
        and text[max(0, mention.start - 5):mention.start].rstrip().rsplit(" ", 1)[-1].lower() in INNER_PARTICLES else None
    if particles is not None:
        # "Pieter van der Merwe", "Van der Merwe said", the model reading "Merwe": the particles and the given name
        # before them (no role or title, a word the article never writes in lower case) are the name's
        given_word = particles.group(1)
        keep_given = given_word is not None and given_word.lower() not in PERSON_ROLES | HONORIFICS \
            and re.search(rf"\b{given_word.lower()}\b", text) is None
        start = particles.start(1) if keep_given else particles.start(2)
        return replace(mention, text=text[start:mention.end], start=start)
    given = _GIVEN_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    if given is not None and (given.group(1).lower() in _GIVEN or given.group(1).lower() in _CENSUS_GIVEN
                              and " " not in mention.text and re.search(rf"\b{given.group(1).lower()}\b", text) is None) \
            and (mention.title_start is None or mention.title_start >= mention.start):
        # "Tennis great Billie Jean King", the model reading "Jean King": the given name it left out opens the name
        # (a name the census gives people of one sex before a surname alone, where the article never writes it in
        # lower case: "Rosalind" of "Rosalind Achterberg KC", the model reading "Achterberg KC")
        return replace(mention, text=text[given.start(1):mention.end], start=given.start(1))
    return mention


_GIVEN_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+) $")
_PARTICLES_BEFORE = re.compile(r"(?<![\w’'.-])(?:([A-Z][a-z]+) )?((?:[Vv]an|[Vv]on|[Dd]e[rn]?|[Dd]u|[Dd]os|[Tt]e[rn])"
                               r"(?: (?:der|den|de|la|le|ten|ter))?) $")
_LINE_WORD = re.compile(r"[^\W\d_][\w’'.-]*")


# words that open a name as no role: given names, particles, and the small words a sentence opens on ("Among")
_NO_ROLE = frozenset(_GIVEN | GIVEN_NAMES_ALSO_WORDS | PARTICLES | STOP_WORDS | FUNCTION_WORDS | PREPOSITIONAL
                     | CLAUSE_OPENING_WORDS | CONTINUING_WORDS)


def role_word(word: str, written_in_lower_case: Callable[[str], bool]) -> bool:
    """Whether a capitalised word opening a name is a role the article writes in lower case and no given name or
    particle of a name ("Trustee" of "Trustee Marguerite O'Connell", "Health" of "Minister for Health Rhiannon
    Pallister"; not "Will" of "Will Estrada", "Grant" of "Grant Michael Tillotson", nor "van")."""
    lower = word.lower()
    return word.isalpha() and word[:1].isupper() and lower not in _NO_ROLE and not ADVERB.fullmatch(lower) \
        and (written_in_lower_case(word) or written_in_lower_case(f"{word}s"))  # "trustee" or "trustees"


def without_role_words(people: Sequence[Mention], written_in_lower_case: Callable[[str], bool]) -> list[Mention]:
    """The mentions with the role words opening a person's name of three words or more cut off (`role_word`), as its
    title."""
    out = []
    for m in people:
        words = m.text.split()
        cut = 0
        while m.label == "PERSON" and len(words) - cut > 2 and role_word(words[cut], written_in_lower_case):
            cut += 1
        if cut:
            start = m.start + m.text.index(words[cut], len(" ".join(words[:cut])))
            title_start = m.title_start if m.title_start is not None else m.start
            m = replace(m, text=m.text[start - m.start:], start=start, title_start=title_start,
                        title=" ".join(words[:cut]) if m.title is None else f"{m.title} {' '.join(words[:cut])}")
        out.append(m)
    return out


def title_case_line(text: str, pos: int) -> bool:
    """Whether pos lies in a headline: a line with no closing full stop of four capitalised words or more, its other
    words a title's small words ("With Jeb Bush Struggling, the Former President Steps Onstage")."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    line = text[lo:hi if hi >= 0 else len(text)].rstrip()
    if line.endswith((".", "?", "!")):
        return False
    words = _LINE_WORD.findall(line)
    capitalised = sum(w[:1].isupper() for w in words)
    return capitalised >= 4 and all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


def headline_words(text: str, people: Sequence[Mention]) -> set[tuple[int, int]]:
    """The spans of people's names of two words or more that stand only in headlines, where no person named outside
    one has a name they can be (the same surname, and given names that fit, or a given name before the surname the
    body writes alone): a headline's verb or noun read as a name ("Sessions Endorses Trump", "Steps Onstage"), not
    "Valerie Jarrett" of a headline whose body names her in full, nor "Cecile Richards" of one whose body writes
    "Richards"."""
    lines: dict[int, bool] = {}

    def in_title_case(pos: int) -> bool:  # once a line
        start = text.rfind("\n", 0, pos) + 1
        if start not in lines:
            lines[start] = title_case_line(text, pos)
        return lines[start]

    in_headline = [m for m in people if len(m.text.split()) > 1 and in_title_case(m.start)]
    if not in_headline:
        return set()
    body = {key for m in people if not in_title_case(m.start) and (key := name_key(m.text))}
    return {(m.start, m.end) for m in in_headline if name_key(m.text)
            and not any(similar_surnames(k.split()[-1], name_key(m.text).split()[-1])
                       and (" " in k and compatible_given_names(k, name_key(m.text))
                            or " " not in k and given_name(m.text.split()[0])) for k in body)}


def given_name(word: str) -> bool:
    """Whether a word is a given name of the hand-made tables or the census's (months and weekdays aside)."""
    return word.lower() in _GIVEN or word.lower() in _CENSUS_GIVEN


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
