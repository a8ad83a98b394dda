"""Quoted words that name something rather than say it: titles of shows, books and campaigns, nicknames
inside a name, terms set off as words. They are in quotation marks but nobody's statement, so they never
become quotes ("Clinton said on ABC’s “This Week” …", "the “Never Trump” movement", "Gov. C.L. “Butch”
Otter", "the so-called “rebels”").

A title is told by its words and what stands beside it, never by a list of titles: words in title case
(each capitalised, bar short function words) right after a possessive ("CNN’s"), a preposition of place
or medium ("on", "in", "with"), "told" with no comma, or a noun that introduces a title ("the podcast",
"his memoir,", "a show called"), or right before a noun that a title qualifies ("star", "show",
"movement"). Where a kind of work names it, before ("his 2019 memoir, “…”") or in an apposition after it
("“…,” a TV series that …"), a title may end on its own ".", "!" or "?" ("the movie “Sharks Of The Quay 2: Not
Again!”"); a title may open with a number ("“12 Days: The Storm Over Velmar”"). A headline, itself in title case,
gives no such sign, so its quotes are kept. With no cue of its own (titled_in_sentence), words in title case set
inside the writer's sentence need no such sign: a sentence someone says opens a clause of its own, and in the
writer's sentence only a name is written so ("acted in the movie “Storm Over The Quay” before", "the founder of
“Fishers For A Fair Levy”").

A thing the writer names by a noun and "called" or "named" ("a play called “Sons Of The Port”", "an account
named “Quay Watch”") is named in title case, not quoted from anyone; a person's nickname for something is not
(a role or a pronoun before the verb: "the mayor called “Plan B”").

Short quoted words that end on an exclamation mark ("Lock her up!", "Mexico!", "Yessss!") or a question mark ("Mrs.
Ortiz?") are the other way round: something shouted, chanted, asked or written on a sign, a statement however short
(exclaimed), where one to three quoted words are otherwise taken for a term; so are short words a colon announces that
open in capitals and end as a sentence does ("had one message: “Save the ferry.”", announced).

A piece's headline cited with its author ("“Museum to close at the end of December,” by the Post's Ann
Lee") is a title in sentence case: quoted words ending on a comma, then "by" and a capitalised name.
"""

from __future__ import annotations

import re

from storyline.analyze.quote_marks import QuoteMarks
from storyline.lang.en import PERSON_ROLES, PRONOUNS, TERM_MARKERS, TERM_NOUNS, TITLE_FOLLOWERS, TITLE_INTRODUCERS, TITLE_SMALL_WORDS

_WORD = re.compile(r"[^\W_][\w’'.\-]*")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.?!]\s")  # not a name's initial ("… of Donald J. Trump")
_CLOSERS = "”’\"'"
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])\s*$")
_OPENERS = "“‘\"'"
_TITLE_PLACE = re.compile(r"(?:^|\s)(?:on|in)(?:\s+the)?\s*$", re.IGNORECASE)  # "won on “Jeopardy!”"
_PLACE_OR_MEDIUM = re.compile(r"(?:^|\s)(?:on|in|at|to|from|with|told)\s+(?:the\s+)?$", re.IGNORECASE)
_INTRODUCED = re.compile(rf"(?:^|\s)(?:{'|'.join(sorted(TITLE_INTRODUCERS))})(?:\s+(?:called|named|titled))?,?\s*$",
                         re.IGNORECASE)
_FOLLOWED = re.compile(rf"^[{_CLOSERS}]*\s+(?:{'|'.join(sorted(TITLE_FOLLOWERS))})\b")
# "words such as “ferry” and “strike”", "the charged term, “…”": the marker, then any quoted terms of the same list
# before this one
_TERM = re.compile(rf"(?:^|\s)(?:{'|'.join(sorted(TERM_MARKERS))}|(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]n?)\s+(?:[a-z][\w-]*\s+){{0,2}}"
                   rf"(?:{'|'.join(sorted(TERM_NOUNS))}))\s*,?\s*"
                   r"(?:[“\"‘'][^”\"’'\n]{1,40}[”\"’']\s*,?\s*(?:and\s+|or\s+)?)*$", re.IGNORECASE)
# "a popular play called “…”", "A German news organization called “…”": an article, a few words, a lower-case noun
_NAMED_THING = re.compile(r"(?:^|\s)(?:[Aa]n?|[Tt]he)\s+(?:[\w’'.-]+\s+){0,4}?([a-z][\w’'-]*)\s+(?:called|named),?\s*$")
_NAME_BEFORE = re.compile(r"(?:^|\s)[A-Z][\w’'.\-]*\s+$")
_NAME_AFTER = re.compile(rf"^[{_CLOSERS}]\s+[A-Z][a-z’'\-]+\b")
# "“…,” by Post's Ann Lee", "''…,'' by the Pulitzer Prize-winning reporter …": a piece cited by its author
_BYLINE_AFTER = re.compile(rf"^[{_CLOSERS}]*,[{_CLOSERS}]*\s+by\s+(?:the\s+)?[A-Z]")
# "“…,” an HBO series that …", "''…,'' his 2012 memoir": the kind of work in an apposition right after the title
_KIND_AFTER = re.compile(rf"^[{_CLOSERS}]*,[{_CLOSERS}]*\s+(?:an?|the|his|her|their|its)\s+(?:[\w’'.\-]+\s+){{0,3}}?"
                         rf"(?:{'|'.join(sorted(w for w in TITLE_INTRODUCERS if w.isalpha() and not w.endswith('ed')))})\b")


def _title_case(words: list[str]) -> bool:
    """Whether words are in title case: each capitalised or a number ("13 Hours"), bar short function words."""
    return bool(words) and (words[0][:1].isupper() or words[0][:1].isdigit()) and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words)


def _headline(text: str, lo: int, hi: int, mark: QuoteMarks) -> bool:
    """Whether the paragraph around the quote is itself in title case (a headline): most of its words
    outside the quote, short function words aside, capitalised."""
    words = [w for w in _WORD.findall(text[lo:mark.open] + " " + text[mark.close + 1:hi])
             if w.lower() not in TITLE_SMALL_WORDS and not w[:1].isdigit()]
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def titled_in_sentence(text: str, mark: QuoteMarks) -> bool:
    """Whether the quoted words of mark (a quotation with no cue of its own) are in title case right after a word of
    the writer's sentence, outside a headline: a name of something ("host of “The Late Show With …”"), nobody's
    statement; not a sentence ("… Hats. “We Will Win.”") nor a heading's quotation."""
    quoted = text[mark.start:mark.end]
    if mark.runs_on or not _title_case(_WORD.findall(quoted)) or re.search(r"[.?!](?:\s|$)", quoted.rstrip(_CLOSERS + ",")):
        return False
    lo = text.rfind("\n", 0, mark.open) + 1
    before = text[lo:mark.open].rstrip().rstrip(_CLOSERS).rstrip()
    if not before[-1:].isalnum():
        return False
    hi = text.find("\n", mark.close)
    return not _headline(text, lo, len(text) if hi < 0 else hi, mark)


def names_something(text: str, mark: QuoteMarks) -> bool:
    """Whether the quoted words of mark are a title, a nickname or a term rather than anyone's statement."""
    quoted = text[mark.start:mark.end]
    words = _WORD.findall(quoted)
    if not words or mark.runs_on:
        return False
    if _BYLINE_AFTER.match(text[mark.end:mark.close + 40]) and not re.search(r"[.?!]\s", quoted):
        return True  # a headline with its byline: one sentence, however long
    if len(words) > 12:
        return False
    lo = text.rfind("\n", 0, mark.open) + 1
    hi = text.find("\n", mark.close)
    hi = len(text) if hi < 0 else hi
    before = text[max(lo, mark.open - 60):mark.open]
    if text[mark.open] in "'`" and before.endswith(text[mark.open]):
        before = before[:-1]  # the first half of a doubled mark (NYT's ''…'')
    after = text[mark.close:min(hi, mark.close + 40)]
    if len(words) <= 4 and _TERM.search(before):
        return True  # "the so-called “rebels”", "words such as “ambassador”"
    core = quoted.rstrip(_CLOSERS + ",")
    if not _title_case(words) or _SENTENCE_END.search(core):
        return False
    if _headline(text, lo, hi, mark):
        return False
    # a kind of work named right before or after: a title however it ends ("his 2012 book, ''An American Son.''",
    # "the movie “Storm Over The Quay!”", "''Tales From the Harbour,'' a TV series")
    if _named_thing(before) or _INTRODUCED.search(before) or _KIND_AFTER.match(text[mark.end:mark.close + 60]):
        return True  # "a play called “Sons Of The Port”", "In her memoir, “Tides of Velmar,”"
    if core[-1:] in ".?!":
        return False  # a sentence in title case, unless a kind of work names it
    if len(words) <= 2 and _NAME_BEFORE.search(before) and _NAME_AFTER.match(after):
        return True  # "Gov. C.L. “Butch” Otter": a nickname inside a name
    return bool(_POSSESSIVE.search(before) or _PLACE_OR_MEDIUM.search(before) or _FOLLOWED.match(after))


def _named_thing(before: str) -> bool:
    """Whether the words before a quotation name a thing by a noun and "called" or "named" ("an account called"),
    not a person calling something so ("the mayor called", "he named")."""
    found = _NAMED_THING.search(before)
    return found is not None and found.group(1) not in PERSON_ROLES and found.group(1) not in PRONOUNS


def announced(text: str, mark: QuoteMarks) -> bool:
    """Whether the quoted words of mark are a sentence a colon announces ("had one message: “Dump Trump.”", "Ortiz:
    ‘Not Yet.’"): opening in capitals and ending on ".", "!" or "?", as a sentence quoted whole does, where a term is
    set in the writer's sentence ("a new title: “song anthropologist.”")."""
    quoted = text[mark.start:mark.close].rstrip(_CLOSERS + ", ")
    before = text[max(text.rfind("\n", 0, mark.open) + 1, mark.open - 40):mark.open].rstrip(_OPENERS + "`").rstrip()
    return before.endswith(":") and quoted[:1].isupper() and quoted.endswith((".", "!", "?"))


def sentence_of_its_own(text: str, mark: QuoteMarks) -> bool:
    """Whether short quoted words stand as a sentence of their own, in capitals and closed by their own full stop
    inside the marks, after the cue sentence of a quotation ending before them in their paragraph, with nothing after
    the closing mark but the paragraph's end or the next sentence ("“…,” Mr. Kowalczyk said. “We counted.”"): the
    speaker's next words, however short. Alone in a paragraph, short words in capitals are as often a slogan or a
    list's item ("“A change warrior.”") as anyone's."""
    quoted = text[mark.start:mark.close].strip()
    if not quoted[:1].isupper() or not quoted.endswith((".", "!", "?")):
        return False
    before = text[text.rfind("\n", 0, mark.open) + 1:mark.open].rstrip()
    after = text[mark.close + 1:mark.close + 3]
    return _AFTER_CUE_SENTENCE.search(before) is not None \
        and (not after.strip() or after[:1] in " \n" and (after[1:2].isupper() or after[1:2] in _OPENERS + "\n"))


# a quotation closed, its cue and a full stop: “…,” Ruiz said.
_AFTER_CUE_SENTENCE = re.compile(r"[,?!]?[”’\"']\s+(?:[^.”\"\n]|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Jr|Sr)\.){1,90}\.$")


def exclaimed(text: str, start: int, end: int) -> bool:
    """Whether the quoted words text[start:end] end on an exclamation or a question mark ("Lock her up!", "Marco!
    Marco!,", "Mrs. Ortiz?"): something shouted, chanted, asked or held up on a sign, a statement however short, not a
    term. A name in title
    case where a title stands ("on “Jeopardy!”", "known as “Yahoo!”", "the musical “Oklahoma!”") is no shout."""
    quoted = text[start:end].rstrip(_CLOSERS + ", ")
    if not quoted.endswith(("!", "?")):
        return False
    if not _title_case(_WORD.findall(quoted)):
        return True
    before = text[max(text.rfind("\n", 0, start) + 1, start - 60):start].rstrip(_OPENERS).rstrip()
    return not (_POSSESSIVE.search(before) or _INTRODUCED.search(before) or _named_thing(before)
                or _TITLE_PLACE.search(before))
