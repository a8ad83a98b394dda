"""Quote marks paired by context, not by character, in any language.

An opening mark follows a space or a bracket and precedes a word, a closing one follows a word; so
apostrophes inside words (don’t, Zelenskyy's, O’Rourke) never open or close a quote, and “…", "…",
„…“, «…», »…«, ‘…’ all pair. Two apostrophes (''…'', as the New York Times and typeset archives
write a double quote) or two backticks opening one (``…'') make one double mark: see
_typewriter_doubles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storyline.lang.en import CUE_WORDS
from storyline.text import iter_paragraphs, stripped

_CLOSERS: dict[str, str] = {"“": "”\"", "„": "“”\"", "«": "»", "»": "«", '"': '"”', "‘": "’", "‚": "‘’", "'": "'’",
                            "‹": "›", "›": "‹", "「": "」", "『": "』"}
_DOUBLE = "“„«»\"「『"
_SINGLE = "‘‚'‹›"
QUOTE_CHARS = set("“”„‟«»\"‘’‚‛'‹›「」『』")
QUOTE_TOKENS = QUOTE_CHARS | {"''", "``"}  # a tokenizer keeps a doubled typewriter mark as one token
_OPEN_AFTER = set("([{—–-/:;,") | QUOTE_CHARS
_CLOSE_BEFORE = set(".,;:!?)]}—–-…/") | QUOTE_CHARS
_NESTING = "“«"  # opening marks unlike their closing ones, so that a quotation of the same kind can nest inside
_ELLIPSIS = re.compile(r" (?:…|\.\.\.)")


@dataclass(frozen=True)
class QuoteMarks:
    """One pair of quote marks: the characters open and close, and the quoted words inside."""

    open: int
    close: int  # index of the closing mark; the paragraph end when the quote runs on to the next paragraph
    start: int
    end: int
    paragraph: int
    runs_on: bool = False


def _can_open(text: str, i: int, lo: int, hi: int) -> bool:
    nxt = text[i + 1] if i + 1 < hi else None
    prev = text[i - 1] if i > lo else None
    if text[i] == "«":
        return nxt is not None
    if nxt is None or (nxt.isspace() and not _ELLIPSIS.match(text, i + 1, hi)):
        return False  # a mark before a space opens nothing, but for a quotation that opens on an ellipsis ("“ … if")
    return prev is None or prev.isspace() or prev in _OPEN_AFTER


def _can_close(text: str, i: int, lo: int, hi: int) -> bool:
    nxt = text[i + 1] if i + 1 < hi else None
    prev = text[i - 1] if i > lo else None
    if text[i] == "»" and prev is not None:
        return True
    if prev is None or prev.isspace():
        # "…that advice, ” he said": a stray space before a closing mark, told by the punctuation ending the words
        return prev is not None and i - 2 >= lo and text[i - 2] in ",.?!" and (nxt is None or nxt.isspace())
    if text[i] == "”" and prev in ",?!" and nxt is not None and nxt.isalpha():
        return True  # "…the prejudice,”Clinton said": a closing-only mark glued to the cue after it
    return nxt is None or nxt.isspace() or nxt in _CLOSE_BEFORE


def _closing(text: str, i: int, lo: int, hi: int) -> int | None:
    """Where the quotation opened at i closes in text[lo:hi], or None.

    A quotation of the same kind inside it (“… wearing “Settle For Hillary” shirts …”), where the marks are
    told apart (“ and ”), closes on its own closing mark, not the outer one's; so does a curly one inside a
    straight one ("… about “Equal Justice” …"). Without a closing mark for each
    opening one, the first opening mark was never closed."""
    ch = text[i]
    closers = _CLOSERS[ch]
    depth = curly = 0  # curly: “…” pairs open inside a straight "…", whose ” is theirs ("… about “Equal Justice” …")
    j = i + 1
    while j < hi:
        c = text[j]
        if ch == '"' and c == "“" and j > i + 1 and _can_open(text, j, lo, hi):  # not a doubled opening "“
            curly += 1
        elif ch == '"' and c == "”" and curly and _can_close(text, j, lo, hi):
            curly -= 1
        elif c in closers and _can_close(text, j, lo, hi):
            if ch in _SINGLE and _apostrophe_before_word(text, i, j, hi, closers):
                pass  # "‘It was the players’ decision …,’": an apostrophe, the quotation closes further on
            elif depth == 0:
                return j
            else:
                depth -= 1
        elif c == ch and _can_open(text, j, lo, hi):
            if ch not in _NESTING:
                return None
            depth += 1
        j += 1
    return None


def _apostrophe_before_word(text: str, i: int, j: int, hi: int, closers: str) -> bool:
    """Whether a single mark that could close the quotation opened at i is an apostrophe ending a word in s or
    n three words or more into it ("the players’ decision", "rock ’n’ roll"): a word in lower case follows it that no
    closed quotation is followed by (a cue, a pronoun, a small word), and a mark further on in the paragraph can
    close the quotation instead."""
    if text[j - 1] not in "sn" or len(text[i + 1:j].split()) < 3:
        return False  # a plural's possessive ("players’", "Jones’") or a cut word ("’n’") inside a sentence quoted, not
        # a term's end ("the 'yes' campaign")
    follower = _FOLLOWER.match(text, j + 1, hi)
    if follower is None or follower.group(1) in _AFTER_A_QUOTATION:
        return False
    return any(text[k] in closers and _can_close(text, k, i, hi) for k in range(follower.end(), hi))


_FOLLOWER = re.compile(r" ([a-z][a-z’'-]*)")
_AFTER_A_QUOTATION = CUE_WORDS | {"he", "she", "they", "we", "i", "it", "you", "and", "but", "or", "nor", "as", "while",
                                  "when", "because", "the", "a", "an", "his", "her", "their", "its", "our", "my", "in",
                                  "on", "at", "to", "for", "with", "from", "by", "of", "is", "was", "are", "were", "has",
                                  "had", "have", "then", "so", "which", "who", "that", "than", "into", "after",
                                  "before", "until", "if", "or", "not", "this", "these", "those", "said"}


def _pair(text: str, lo: int, hi: int, openers: str, next_paragraph_opens: str | None) -> list[tuple[int, int, bool]]:
    """Pairs (open, close, runs_on) of the given opening marks in text[lo:hi]."""
    pairs: list[tuple[int, int, bool]] = []
    i = lo
    while i < hi:
        ch = text[i]
        if ch not in openers or not _can_open(text, i, lo, hi):
            i += 1
            continue
        found = _closing(text, i, lo, hi)
        if found is not None:
            pairs.append((i, found, False))
            i = found + 1
        elif next_paragraph_opens == ch and not any(text[k] == ch and _can_open(text, k, lo, hi) for k in range(i + 1, hi)):
            pairs.append((i, hi, True))  # the convention for a quote that runs over paragraphs
            i = hi
        elif (end := _runs_on_to_next_line(text, i, lo, hi)) is not None:
            pairs.append((i, end, True))  # the same convention where a line break parts the paragraphs
            i = end + 1
        else:
            i += 1
    return pairs


def _runs_on_to_next_line(text: str, i: int, lo: int, hi: int) -> int | None:
    """Where a quotation opened at i and not closed runs on to, where its line ends with no mark of its kind and the
    next line is the next part of it, opening with its mark and holding nothing after its close (a text whose
    paragraphs are lines: 'said: “The fire spread rapidly.' then '“People are asked to stay away.”'): the line's end;
    None otherwise. The mark must open its line or follow a colon or a comma, not a stray one mid-sentence ('the
    "reform package was approved'); none where the line's last clause is a cue ('“We protect the species, the two men
    argued.': its close left out), where a mark of its kind opened earlier on the line is still open ('“Her friends
    stand by her, “a friend said.': a closing mark typed as an opening one), or where the next line's quotation goes
    on to a cue of its own ('“That is nonsense,” Sara Lind replied.': another's words, or the same one's, not read
    as a run-on)."""
    ch = text[i]
    end = text.find("\n", i, hi)
    if end < 0 or any(text[k] == ch or text[k] in _CLOSERS[ch] for k in range(i + 1, end)):
        return None
    start = max(lo, text.rfind("\n", lo, i) + 1)
    before = text[start:i]
    if before.strip() and not before.rstrip().endswith((":", ",")):
        return None
    if _left_open(before, ch):
        return None
    last_clause = text[i + 1:end].rsplit(",", 1)[-1] if "," in text[i + 1:end] else ""
    if any(w in CUE_WORDS or w == "according" for w in re.findall(r"[a-z]+", last_clause.lower())):
        return None
    k = end + 1
    while k < hi and text[k] in " \t":
        k += 1
    if k >= hi or text[k] != ch or not _can_open(text, k, lo, hi):
        return None
    line_end = text.find("\n", k, hi)
    line_end = hi if line_end < 0 else line_end
    close = _closing(text, k, lo, line_end)
    if close is not None and text[close + 1:line_end].strip(" .,;:!?\t"):
        return None
    return end


def _left_open(before: str, ch: str) -> bool:
    """Whether a quotation opened with a mark of ch's kind is still open at the end of before: an odd count of a
    mark that opens and closes alike ('"'), else more openings than closings."""
    if ch in _CLOSERS[ch]:
        return before.count(ch) % 2 == 1
    return before.count(ch) > sum(before.count(c) for c in _CLOSERS[ch])


def trim_quoted(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = stripped(text, start, end)
    if end > start and text[end - 1] in ",;:":
        end -= 1
    elif end > start and text[end - 1] == "." and not re.search(r"(?:\b[A-Z]\.){2,}$|\.\.$", text[start:end]):
        end -= 1
    return stripped(text, start, end)


_TYPEWRITER_OPEN = re.compile(r"(?:^|(?<=[\s(\[{—–\-/:;,]))(?:''|``)(?=[^\s'`])")
_TYPEWRITER_CLOSE = re.compile(r"(?<=[^\s'`])'?('')(?=$|[\s.,;:!?)\]}—–\-…/])")
_TYPEWRITER_CLOSE_AFTER_SINGLE = re.compile(r"(?<=[^\s'`]') ('')(?=$|[\s.,;:!?)\]}—–\-…/])")
_TYPEWRITER_CLOSE_AFTER_SPACE = re.compile(r"(?<=[,.?!] )('')(?=$|\s)")  # "…coalitions, '' said Mr. Gunnels"


@lru_cache(maxsize=8)  # read once a text: by the scan and by each quotation's inner marks (inner_quotations)
def _typewriter_doubles(text: str) -> str:
    """text with each doubled mark ('' or ``) made one double mark of the same length, for pairing only:
    an opening one becomes ' "' (the mark on its second character), a closing one '" ' (on its first),
    so that a single quote inside (''the 'released' workers'') or at its end (''…for Obama,''') pairs apart;
    one set a space after a single quote that closes inside it (''…'Manhattan poor,' '') takes the space."""
    if "''" not in text and "``" not in text:
        return text
    chars = list(text)
    for match in _TYPEWRITER_OPEN.finditer(text):
        chars[match.start()], chars[match.start() + 1] = " ", '"'
    # closing marks, and one with a stray space before it, as _can_close allows
    for match in (m for pattern in (_TYPEWRITER_CLOSE, _TYPEWRITER_CLOSE_AFTER_SPACE) for m in pattern.finditer(text)):
        chars[match.start(1)], chars[match.start(1) + 1] = '"', " "
    for match in _TYPEWRITER_CLOSE_AFTER_SINGLE.finditer(text):  # ''…the term 'Manhattan poor,' '' she said
        chars[match.start()], chars[match.start(1)], chars[match.start(1) + 1] = '"', " ", " "
    return "".join(chars)


_MAY_OPEN = re.compile(r"(?:^|(?<=[\s(\[{—–\-/:;,]))[%s%s]" % (re.escape(_SINGLE), re.escape(_DOUBLE)))


def inner_quotations(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of the words of the quotations inside the quoted words text[lo:hi]: single marks inside double
    ones ("He was yelling, 'Get out!'"), double inside single, as a British paper nests them, paired as any are."""
    if not _MAY_OPEN.search(text, lo, hi):
        return []  # no mark that could open one (an apostrophe inside a word opens nothing)
    text = _typewriter_doubles(text)
    found = []
    for a, b, runs_on in sorted(_pair(text, lo, hi, _SINGLE, None) + _pair(text, lo, hi, _DOUBLE, None)):
        start, end = trim_quoted(text, a + 1, b)
        if not runs_on and end > start and any(ch.isalnum() for ch in text[start:end]):
            found.append((start, end))
    return found


_INTRODUCED = re.compile(r"[:,—–.?!…][’”]?\s+$")
_OUTER_SINGLE = re.compile(r"(?:^|[:,—–.?!…][’”]?\s+)[‘']", re.MULTILINE)  # where one may open before the doubles


def _nests_doubles(text: str, lo: int, pair: tuple[int, int, bool], doubles: list[tuple[int, int, bool]]) -> bool:
    """Whether the single marks of pair are a quotation with double marks inside it, as a British paper nests them
    (‘He shouted, “Where is the money?” I told him there wasn’t any.’): doubles inside it and none around it, and it
    reads as a quotation of its own: it opens its paragraph, a sentence, or follows a colon, a comma or a dash, on
    a capital letter, and ends on a sentence's or a clause's end (“… the players’ union” is an apostrophe, not a close)."""
    a, b, runs_on = pair
    if not any(a < c and d < b for c, d, _ in doubles) or any(c < a < d for c, d, _ in doubles):
        return False
    if a > lo and not _INTRODUCED.search(text, lo, a):
        return False
    first = next((ch for ch in text[a + 1:b] if ch.isalnum()), "")
    return first.isupper() and (runs_on or text[b - 1] in ",.?!…" or text[b - 1] in QUOTE_CHARS)


def scan_quote_marks(text: str) -> list[QuoteMarks]:
    """Every quoted passage of text, paragraph by paragraph: single-mark quotes outside double ones, and double-mark
    ones inside single ones only as their inner quotations (_nests_doubles)."""
    paragraphs = list(iter_paragraphs(text))
    text = _typewriter_doubles(text)
    found: list[QuoteMarks] = []
    for n, (lo, hi) in enumerate(paragraphs):
        following = text[paragraphs[n + 1][0]] if n + 1 < len(paragraphs) else None
        doubles = _pair(text, lo, hi, _DOUBLE, following)
        outer = [p for p in _pair(text, lo, hi, _SINGLE, following) if _nests_doubles(text, lo, p, doubles)] \
            if doubles and _OUTER_SINGLE.search(text, lo, doubles[0][0]) else []
        if outer:  # a British paper's nesting: the double marks inside are an inner quotation's (inner_quotations)
            doubles = sorted([d for d in doubles if not any(a < d[0] and d[1] < b for a, b, _ in outer)] + outer)
        gaps, cursor = [], lo
        for a, b, _ in doubles:
            gaps.append((cursor, a))
            cursor = b + 1
        gaps.append((cursor, hi))
        singles = [p for a, b in gaps if b > a for p in _pair(text, a, b, _SINGLE, following if b == hi else None)]
        for a, b, runs_on in sorted(doubles + singles):
            start, end = trim_quoted(text, a + 1, b)
            if end > start and any(ch.isalnum() for ch in text[start:end]):
                found.append(QuoteMarks(a, b, start, end, n, runs_on))
    return found
