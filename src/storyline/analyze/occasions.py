"""Where and to whom a statement was made: the venue named around it ("on a talk radio programme", "at a
briefing": venues.py's patterns) and the one it was told to ("told reporters", "told the Linden Gazette"), read from
the words around the statement with the quoted words blanked out; a venue given once for a speaker holds for that
speaker's other statements in the article unless another is given.
"""

from __future__ import annotations

from storyline.analyze.article_text import ArticleText
from storyline.analyze.nlp import Token
from storyline.analyze.statements import Statement
from storyline.analyze.venues import ANY_VENUE, MEDIA_WORDS, VENUE_LEAD, VENUE_PATTERNS
from storyline.lang.en import TELLING, TO_AUDIENCE, WITH_AUDIENCE


def read_context(article: ArticleText, statement: Statement) -> None:
    """Venue and addressee from the words around the statement (quoted words blanked out)."""
    lo, hi = statement.frame
    chars = list(article.text[lo:hi])
    for a, b in article.quoted_near(lo, hi):
        x, y = max(a, lo) - lo, min(b + 1, hi) - lo
        if y > x:
            chars[x:y] = " " * (y - x)
    if not statement.direct:
        for a, b in statement.parts:
            x, y = max(a, lo) - lo, min(b, hi) - lo
            if y > x:
                chars[x:y] = " " * (y - x)
    frame = "".join(chars)
    for label, pattern in VENUE_PATTERNS if ANY_VENUE.search(frame) else ():  # one pass where no venue is named
        match = next((m for m in pattern.finditer(frame) if VENUE_LEAD.search(frame[max(0, m.start() - 60):m.start()])
                      or m.group().lower().startswith(("told", "on ", "to ", "address", "post", "wrote", "writing",
                                                       "message"))), None)
        if match:
            statement.venue = (label, " ".join(match.group().split()))
            break
    if statement.cue is not None:
        cue_word = article.text[statement.cue[0]:statement.cue[1]].lower()
        if cue_word in TELLING:
            statement.addressee = _told_whom(article, statement.cue[1], hi)
        else:
            match = TO_AUDIENCE.match(article.text, statement.cue[1], hi)
            if match and not article.in_quote(match.start(1)):
                statement.addressee = " ".join(match.group(1).split())
    if statement.addressee is None:
        match = WITH_AUDIENCE.search(frame)
        if match:
            statement.addressee = " ".join(match.group(1).split())
    if statement.addressee and statement.addressee.split()[-1].lower() in MEDIA_WORDS:
        statement.addressee = None  # "told a news conference", "told local radio": where, not whom


def _told_whom(article: ArticleText, after: int, hi: int) -> str | None:
    i = article.token_at(after)
    words: list[Token] = []
    stop = {"that", "in", "at", "on", "during", "after", "before", "when", "while", "as", "about", "not", "to", "he",
            "she", "it", "they", "we", "i", "there", "this", "his", "her", "its", "their", "afterwards", "yesterday",
            "today", "how", "what", "why", "whether", "if", "so"}
    while i < len(article.tokens) and article.tokens[i].start < hi and len(words) < 8:
        tok = article.tokens[i]
        word = tok.text.lower()
        if not (tok.text[:1].isalnum() or word in ("’s", "'s", "-")) or article.in_quote(tok.start):
            break
        after_of = words and words[-1].text.lower() == "of"
        possessive_first = not words and word in ("his", "her", "its", "their")
        if word in stop and not after_of and not possessive_first:
            break
        if word in ("the", "a", "an") and words and words[-1].text.lower() not in ("of",):
            break
        if tok.tag and tok.tag.startswith("VB") and tok.tag != "VBG":
            break
        words.append(tok)
        i += 1
    while words and words[-1].text.lower() in ("of", "the", "a", "an", "and"):
        words.pop()
    if not words:
        return None
    return article.text[words[0].start:words[-1].end]


def inherit_venues(statements: list[Statement]) -> None:
    """A speaker's venue, said once in an article, holds for their other statements there."""
    venues: dict[str, list[tuple[int, tuple[str, str]]]] = {}
    for s in statements:
        if s.speaker and s.venue:
            venues.setdefault(s.speaker, []).append((s.position, s.venue))
    for s in statements:
        if s.venue is not None or not s.speaker or s.speaker not in venues:
            continue
        earlier = [v for p, v in venues[s.speaker] if p < s.position]
        distinct = {v[0] for _, v in venues[s.speaker]}
        if earlier:
            s.venue = earlier[-1]
        elif len(distinct) == 1:
            s.venue = venues[s.speaker][0][1]
