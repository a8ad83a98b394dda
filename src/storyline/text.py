"""The one text normaliser, hasher, URL canonicaliser and sentence splitter every stage uses."""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from functools import lru_cache
from itertools import chain
from typing import Iterator, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from anyascii import anyascii

from storyline.furniture import furniture_lines, is_date_alone, is_furniture, is_page_stamp, reads_as_heading

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "ʼ": "'", "`": "'"})
# a web address, or a line of one, in article text ("http://", "www.", "example.com", "/2013/05/")
WEB_ADDRESS = re.compile(r"https?:|www\.|\w\.(?:com|org|net|co\.uk)\b|/\w+/|\d{4,}-[a-z]", re.IGNORECASE)
_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|ref$|cmpid$)")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# Unicode's control characters (category Cc: U+0000-001F and U+007F-009F) but tab and newline; one
# pass of a regex, where a test of every character's category took seconds over a long article.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]+")


def normalize_text(text: str) -> str:
    """Normalise stored article text: NFC, Unix newlines, no control characters, tidy blank lines.

    Character spans everywhere refer to this normalised text, so it must be applied once, at ingest."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def fingerprint_text(text: str) -> str:
    """Text reduced to what makes two copies 'the same': case, quotes, spacing and punctuation dropped."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(re.findall(r"\w+", text))


def text_hash(text: str) -> str:
    return hashlib.sha256(fingerprint_text(text).encode("utf-8")).hexdigest()


def canonical_url(url: str | None) -> str | None:
    """The URL that identifies an article: lower-case host, no fragment, no tracking parameters."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    host = parts.netloc.lower()
    if host.startswith("www."):
        host = host[4:]
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


ABBREVIATIONS = {  # words a full stop shortens, which end no sentence
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj",
    "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx",
    "sens", "reps", "rev", "pres", "adm", "gens", "govs", "messrs", "atty", "supt", "cmdr", "msgr", "det", "insp",
    "dist", "cpl", "pvt",
}
# Initials run together ("George H.W. Bush", "J.K. Rowling"): a name goes on after them, unless they are a place's
# state after its comma ("Newark, N.J.") or a place's own (_PLACE_INITIALS), or the next word is one that opens a
# sentence ("a note signed A.J. The board …").
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]$")
_PLACE_BEFORE = re.compile(r"[A-Z][\w.'’-]*, $")  # "Newark, " before "N.J.", not "last week, " before "J.J. Goldberg"
# Initials that are a place's own name ("in D.C. Officials said", "back to N.Y. Police"): they end a sentence as any
# word does, unless "the" makes them part of a longer name ("the D.C. Council", "the L.A. Times").
_THE_BEFORE = re.compile(r"\b[Tt]he $")
_PLACE_INITIALS = {"d.c", "n.y", "n.j", "n.h", "n.c", "n.d", "n.m", "s.c", "s.d", "r.i", "l.a", "p.r", "u.a.e"}
_SENTENCE_OPENING = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
    "his", "her", "its", "their", "our", "my", "but", "and", "or", "so", "yet", "as", "while", "when", "if", "in",
    "on", "at", "for", "after", "before", "since", "still", "then", "now", "what", "who", "why", "how", "not",
}
# A dateline opening a paragraph (a report's first, as a rule): "LIMA (Global Desk Wire) - ", "DES MOINES, Iowa - ",
# "NORRVIK, June 2 (Agency) — ", before the capital that opens the sentence. It says where the report was filed,
# and no sentence begins with it.
DATELINE = re.compile(r"(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]+){0,3})(?:,[^—–\-\n(]{1,40}?)?"
                      r"\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]+\s+(?=[\"'“‘«A-ZÀ-Þ0-9])")
# a sentence ends before a capital, past an opening mark: one character, or two typewriter ones ('' or ``)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+(?:''|``|[\"'“‘„‚«(\[])?[A-Z0-9À-ÖØ-Þ\u0400-\u042f])")


def split_sentences(text: str, furniture: bool = False) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of text; paragraphs always end a sentence, and a paragraph's first
    sentence begins after its dateline (DATELINE).

    Page furniture (a heading between paragraphs, a "follow us" line: furniture.py) is no sentence
    unless `furniture` is true, for the stages that read a text as a whole (its lead, its names)
    rather than for what it states."""
    return list(iter_sentences(text, furniture))


def iter_sentences(text: str, furniture: bool = False) -> Iterator[tuple[int, int]]:
    """split_sentences one at a time, reading the text only as far as the sentences asked for (a lead
    needs its first paragraph only)."""
    for para_start, para_end in (_blocks(text) if furniture else iter_paragraphs(text)):
        spans: list[tuple[int, int]] = []
        _split_paragraph(text, para_start, para_end, spans)
        if spans and (dateline := DATELINE.match(text, *spans[0])) and dateline.end() < spans[0][1]:
            spans[0] = (dateline.end(), spans[0][1])
        yield from spans


def _split_paragraph(text: str, start: int, stop: int, spans: list[tuple[int, int]]) -> None:
    for match in _BOUNDARY.finditer(text, start, stop):
        if match.group().startswith("."):
            word = re.search(r"([\w.]+)$", text[start:match.start()])
            if word and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1):
                continue
            place = word is not None and word.group(1).lower() in _PLACE_INITIALS \
                and not _THE_BEFORE.search(text, max(0, match.start() - 40), match.start() - len(word.group(1)))
            if word and not place and _INITIALS.match(word.group(1)) and match.group() == "." \
                    and not _PLACE_BEFORE.search(text, max(0, match.start() - 40), match.start() - len(word.group(1))) \
                    and _next_word(text, match.end()) not in _SENTENCE_OPENING:
                continue  # "last week, J.J. Goldberg wrote", not "in Newark, N.J. Officials" nor "in D.C. Officials"
        _append_span(text, start, match.end(), spans)
        start = match.end()
    _append_span(text, start, stop, spans)


def _next_word(text: str, at: int) -> str:
    """The word after offset at, lower-cased ("" where none)."""
    found = re.match(r"\s*([^\W\d_]+)", text[at:at + 40])
    return found.group(1).lower() if found else ""


def stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The span text[start:end] without the spaces at its edges (empty, start == end, if all are spaces)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _append_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    start, end = stripped(text, start, end)
    if end > start:
        spans.append((start, end))


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def lead(text: str, max_words: int = 60) -> str:
    """The first sentences of a text, up to about max_words words."""
    out: list[str] = []
    count = 0
    for block_start, block_end in _blocks(text):  # split_sentences(text, furniture=True), up to the lead's end
        spans: list[tuple[int, int]] = []
        _split_paragraph(text, block_start, block_end, spans)
        for start, end in spans:
            sentence = text[start:end]
            out.append(sentence)
            count += len(sentence.split())
            if count >= max_words:
                return " ".join(out)
    return " ".join(out)


_PARAGRAPH_GAP = re.compile(r"\n\s*\n")

_COMMON_CAPITALISED = set(
    """a an the this that these those he she it they we i you his her its their our my your
    in on at of for to from by with as after before over under during since until about into
    and but or nor so yet if when while where who what which why how there here then
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april may june july august september october november december
    mr mrs ms dr president minister secretary officials official police government state governor chancellor
    prime foreign deputy chief spokesman spokeswoman spokesperson senator mayor king queen prince general
    said says according also however meanwhile some many most other others more one two three
    new last next first second many all both each no not only""".split()
)
_TERM = re.compile(r"[A-Z\u00c0-\u00de\u0400-\u042f][\w'’\-]*|\d+(?:[.,]\d+)?")


def is_title_case(line: str) -> bool:
    """A headline In Title Case capitalises ordinary words, so its capitals say nothing about names."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def key_terms(text: str, headline: str | None = None) -> set[str]:
    """Names and numbers in a text (and its headline), transliterated and case-folded: what two reports
    of one event share.

    Capitalised words that any sentence may start with (The, On, Officials…) are left out. A headline
    written In Title Case capitalises ordinary words too, so of its words only the names that the text
    also capitalises count (its numbers always do). Body text is never judged as Title Case: a lead
    dense with names is still a lead."""
    terms = _terms(text)
    if headline:
        found = _terms(headline)
        terms |= {t for t in found if t in terms or t[0].isdigit()} if is_title_case(headline) else found
    return terms


def names_in_sentences(text: str) -> set[str]:
    """The key terms of the words a text capitalises after the start of a sentence (or of a quotation
    opening one), where only a name is capitalised in most languages: the language-independent
    counterpart of the English list of words any sentence may start with (Державний, Après, Laut…)."""
    found: set[str] = set()
    for start, end in split_sentences(text, furniture=True):
        sentence = text[start:end]
        first = re.search(r"[^\W_]", sentence)
        for match in _TERM.finditer(sentence):
            if first is not None and match.start() <= first.start():
                continue
            found |= _terms(match.group())
    return found


def _terms(text: str) -> set[str]:
    terms: set[str] = set()
    for match in _TERM.finditer(text):
        token = match.group()
        if token[0].isdigit():
            terms.add(token.replace(",", "."))
            continue
        word = anyascii(token).casefold().strip("'-")
        word = re.sub(r"'s$", "", word)
        if len(word) > 1 and word not in _COMMON_CAPITALISED:
            terms.add(word)
    return terms


# A line that closes as a paragraph does: its last sentence's punctuation, closing marks or brackets after it.
_PARAGRAPH_END = re.compile(r"[.!?…:][\"'”’»)\]]*$|[.!?…,]?[”»]$|[.!?…]''$")
_DOUBLE_MARK = re.compile(r"``|''|[\"“”„«»]")
LINES_CLOSED = 0.8
LINES_OF_SENTENCES = 0.2


def line_paragraphs(text: str) -> list[tuple[int, int]] | None:
    """The paragraphs of a block of lines (a text with no blank line) that writes a paragraph a line, as scrapers
    and JSON Lines bodies often do, some with a blank line here and there; None for any other block.

    Such a block closes most of its lines as a paragraph does (LINES_CLOSED), where a hard-wrapped one
    closes few, and holds two sentences or more in some of its lines (LINES_OF_SENTENCES), where a text
    written a sentence a line (a corpus's tokenised layout) holds one in nearly every line and stays one
    block, as does a text of one-sentence paragraphs, which its lines cannot tell from that. A line break
    parts two paragraphs where the line before it closes and no quotation runs on across it, unless the
    next line reopens it, as a paragraph after another reopens a quotation that goes on: a quotation over
    several lines stays one paragraph where the next quotation mark after it closes one (a mark left open by
    mistake, followed by a line that opens a quotation, goes no further than its line)."""
    if "\n" not in text or _PARAGRAPH_GAP.search(text):
        return None
    lines: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append(stripped(text, offset, offset + len(line)))
        offset += len(line) + 1
    texts = [text[a:b] for a, b in lines]
    skipped = furniture_lines(texts)
    closed = [skip or _PARAGRAPH_END.search(line) is not None for line, skip in zip(texts, skipped)]
    read = [line for line, skip in zip(lines, skipped) if not skip]
    if len(lines) < 2 or sum(closed) < LINES_CLOSED * len(lines) or \
            sum(_sentences_in(text, *line) > 1 for line in read) < LINES_OF_SENTENCES * len(read):
        return None
    # whether the next quotation mark at or after each line closes a quotation (one left open before it)
    closes_next = [False] * (len(texts) + 1)
    for number in range(len(texts) - 1, -1, -1):
        mark = _DOUBLE_MARK.search(texts[number])
        closes_next[number] = closes_next[number + 1] if mark is None else \
            not _opens(texts[number], mark.start(), mark.end(), 1)
    paragraphs = [lines[0]]
    depth = 0
    for number, line in enumerate(texts):
        if number and closed[number - 1] and (depth == 0 or not closes_next[number]):
            paragraphs.append(lines[number])
            depth = 0
        elif number:
            paragraphs[-1] = (paragraphs[-1][0], lines[number][1])
        for mark in _DOUBLE_MARK.finditer(line):
            depth = depth + 1 if _opens(line, mark.start(), mark.end(), depth) else max(0, depth - 1)
    return paragraphs


def _sentences_in(text: str, start: int, stop: int) -> int:
    spans: list[tuple[int, int]] = []
    _split_paragraph(text, start, stop, spans)
    return len(spans)


def _opens(line: str, start: int, end: int, depth: int) -> bool:
    """Whether the double quotation mark at line[start:end] opens a quotation: a typewriter `` or „, « but
    after a word (German's closing one), » only before a word (German's opening one: French closes with it,
    « Nous … », a-t-il dit), any other mark after a space and before a word; ” '' and a mark after a word
    close; a mark between spaces toggles."""
    mark = line[start:end]
    before = line[start - 1] if start else " "
    after = line[end] if end < len(line) else " "
    if mark in ("``", "„"):
        return True
    if mark in ("''", "”"):
        return False
    if mark == "«":
        return before.isspace() or before in "([{—–-/"
    if mark == "»":
        return (before.isspace() or before in "([{—–-/") and after.isalnum()
    if not before.isspace() and before not in "([{—–-/":
        return False
    if after.isspace():
        return depth == 0
    return True


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """The spans of text between blank lines, each trimmed of surrounding space; a block's lines where it
    writes a paragraph a line (line_paragraphs)."""
    start = 0
    for gap in chain(_PARAGRAPH_GAP.finditer(text), [None]):
        end = gap.start() if gap else len(text)
        block = text[start:end]
        if block.strip():
            lo, hi = start + len(block) - len(block.lstrip()), end - len(block) + len(block.rstrip())
            if "\n" in text[lo:hi] and (paragraphs := line_paragraphs(text[lo:hi])) is not None:
                yield from ((lo + a, lo + b) for a, b in paragraphs)
            else:
                yield lo, hi
        if gap:
            start = gap.end()


def paragraph_around(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The span of the block of text that holds text[start:end] (a paragraph as iter_paragraphs reads it, with
    the headings and furniture that iter_paragraphs leaves out); from the block holding start to the one
    holding end where they differ."""
    blocks = _block_spans(text)
    first = max(0, bisect.bisect_right(blocks, start, key=lambda span: span[0]) - 1)
    last = max(first, bisect.bisect_right(blocks, start if end is None else end, key=lambda span: span[0]) - 1)
    return (blocks[first][0], blocks[last][1]) if blocks else (0, len(text))


@lru_cache(maxsize=64)
def _block_spans(text: str) -> list[tuple[int, int]]:
    return list(_blocks(text))  # a text's hash is kept on the string: a story's articles asked again and again


@lru_cache(maxsize=64)
def stamp_blocks(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the blocks that are a page's stamp standing alone, which date nothing and say nothing: a
    byline or a time stamp anywhere ("By Jane Doe", "Last updated on June 2, 2025 at 9:30 a.m."), and a date alone
    above the report, before its first paragraph ("June 3, 2025"; further on, a timeline's heading). Read once a
    text, as its blocks are (iter_paragraphs and the dates both ask)."""
    stamps: list[tuple[int, int]] = []
    begun = False
    for start, end in _block_spans(text):
        line = text[start:end]
        single = "\n" not in line
        if single and (is_page_stamp(line) or not begun and is_date_alone(line)):
            stamps.append((start, end))
        elif not (single and reads_as_heading(line)):
            begun = True  # the report's first paragraph (a headline above it has not begun it)
    return tuple(stamps)


def iter_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """The paragraphs the analysis reads, as spans of text: blocks of lines between blank lines, with
    page furniture left out (a heading between paragraphs, a "follow us" line anywhere, a byline or a time
    stamp standing alone: furniture.py, stamp_blocks).
    A heading needs text after it: a closing short line is the end of the report, not a heading."""
    blocks = _block_spans(text)
    stamps = set(stamp_blocks(text))
    for number, (start, end) in enumerate(blocks):
        lines = text[start:end].split("\n")
        if (start, end) in stamps:
            continue  # "By Jane Doe", "Last updated on June 2, 2025 at 9:30 a.m.", "June 3, 2025" above the report
        skipped = furniture_lines(lines)
        if all(skipped) and number == len(blocks) - 1 and not any(map(is_furniture, lines)):
            skipped = [False] * len(lines)
        run_start = None
        offset = start
        for line, skip in zip(lines, skipped):
            if skip and run_start is not None:
                yield run_start, offset - 1
            run_start = None if skip else (offset if run_start is None else run_start)
            offset += len(line) + 1
        if run_start is not None:
            yield run_start, end


def sentence_at(sentences: Sequence[tuple[int, int]], at: int) -> tuple[int, int]:
    """The sentence (of split_sentences) that holds offset at; (at, at) when none does."""
    k = bisect.bisect_right(sentences, at, key=lambda span: span[0]) - 1  # in order and apart, as split
    if k >= 0 and sentences[k][0] <= at < sentences[k][1]:                # gives them: bisection, not a scan
        return sentences[k][0], sentences[k][1]
    return at, at
