"""Page furniture: the lines a site puts around a report that are not news.

Calls to follow, subscribe or share, "Read more" links, photo credits and the short section headings
inside a body ("What preceded", "Background") stay in the stored text, so every span keeps its
place, but the analysis never reads them: `text.iter_paragraphs` and `text.split_sentences` leave
them out, so they become no claim, quote, timeline entry or summary line, and a heading ends the
paragraph before it.

Two rules, in one place:
- **patterns**, per language, of lines sites add (`FURNITURE`): a line matching one is furniture
  whatever its length;
- **structure**: a short line without a closing full stop, standing between paragraphs (a paragraph
  of its own, or the first line of one that goes on below it), is a heading.

A byline or a time stamp above a report ("By Jane Doe", "Last updated on June 2, 2025 at 9:30 a.m.") is no
paragraph where it stands alone, and never the report's headline (`is_page_stamp`).
"""

from __future__ import annotations

import re

# Lines that sites add around a report, by language. Each pattern matches at the start of a line
# (case-insensitive); keep them specific enough that no sentence of news starts that way.
FURNITURE: dict[str, tuple[str, ...]] = {
    "en": (
        r"(for more (news|stories|updates)\b.*)?\bfollow us\b",
        r"(sign|signing) up (for|to) (our|the)\b.*\b(newsletter|alerts?|updates)",
        r"subscribe (to|for|now)\b",
        r"(read|see) (more|also)\s*[:\-–—]",
        r"related( stories| articles| coverage)?\s*[:\-–—]",
        r"share (this|the) (article|story|page)\b",
        r"(click|tap) here\b",
        r"(photo|image|picture|video)( credit)?\s*[:/]",
        r"(photograph|photo|image) by\b",
        r"advertisement\s*$",
        r"(copyright|©|\(c\))\s*\d{4}",
        r"all rights reserved",
        r"(reporting|writing|editing) by\b",
        r"this (article|story) (was|has been) (updated|corrected)\b.*\.?$",
        r"download (our|the) app\b",
        r"(join|like) us on\b",
    ),
    "fr": (
        r"(suivez|abonnez)[- ]nous\b",
        r"abonnez-vous\b",
        r"inscrivez-vous\b.*\b(newsletter|lettre)",
        r"(lire|voir) (aussi|plus)\s*[:\-–—]",
        r"à lire (aussi|également)\b",
        r"partager (cet|l')article\b",
        r"(photo|crédit photo|illustration)\s*[:/]",
    ),
    "de": (
        r"folgen sie uns\b",
        r"abonnieren sie\b",
        r"(lesen sie|mehr zum thema|mehr dazu|auch interessant)\s*(auch|mehr)?\s*[:\-–—]",
        r"artikel teilen\b",
        r"(foto|bild)\s*[:/]",
        r"melden sie sich\b.*\bnewsletter",
    ),
    "es": (
        r"s[ií]guenos\b",
        r"suscr[ií]be(te)?\b",
        r"(lee|lea|leer|ver) (también|más)\s*[:\-–—]",
        r"comparte (este|esta) (artículo|noticia)\b",
        r"(foto|imagen)\s*[:/]",
    ),
    "uk": (
        r"(підписуйтесь|підписуйтеся|стежте за нами)\b",
        r"(читайте|дивіться) (також|більше)\s*[:\-–—]?",
        r"(фото|світлина)\s*[:/]",
        r"поділитися\b",
    ),
    "ru": (
        r"(подписывайтесь|подпишитесь|следите за нами)\b",
        r"(читайте|смотрите) (также|ещё|еще)\s*[:\-–—]?",
        r"фото\s*[:/]",
        r"поделиться\b",
    ),
}

_FURNITURE = re.compile("|".join(f"(?:{p})" for patterns in FURNITURE.values() for p in patterns), re.IGNORECASE)
# A line's closing punctuation, quotation marks and brackets after it taken off: a sentence ends so.
_CLOSED = re.compile(r"[.;:,!?…][\"'”’»)\]]*\s*$")
_OPENERS = "\"'“‘„«(["
# '"We are tired," he said': a quotation closed inside the line, with its attribution after it.
_QUOTATION_CLOSED = re.compile(r"[,.!?…][\"”’»]\s+\w")
HEADING_MAX_WORDS = 10
HEADING_MAX_CHARS = 80
# A byline standing alone ("By Jane Doe", "By JANE DOE and Tom Lee, Staff Writers", "Story by Ana Ruiz | Norrvik Post",
# "By the Associated Press"): names of two capitalised words or more, or one before the outlet or job after it; no
# day or month ("By Monday"), no sentence after them ("By Monday, crews had left."), and no headline's words ("By The
# Numbers", "By Land And Sea", "By Design").
_CALENDAR = ("(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September"
             "|October|November|December|Christmas|Easter|Noon|Midnight|Then|Now|Today|Tonight|The|A|An")
_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ſ"  # Latin capitals, accented ones among them (Élodie, Ørsted)
_WORD = rf"(?!(?:{_CALENDAR}|And|Or|Of|For|In|On|To|With|At)\b)[{_CAPITAL}][\w'’.-]*"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|de|van|von|da|al|bin|la|le|du|del|der|di))*"
_ROLE = r"\s*[,|–—-]\s*[A-Z][\w ’'&.-]{0,40}"
_BYLINE = re.compile(rf"(?:By|BY|(?:Story|Words|Written|Reporting) by)\s+(?:the\s+)?"
                     rf"(?:{_NAME}\s+{_NAME}|{_NAME}(?={_ROLE}))(?:\s*(?:,|and|&)\s+{_NAME})*(?:{_ROLE})?\s*$")
# A time stamp, its whole line ("Published 10:04 AM EDT, June 2, 2025", "Updated: 2 June 2025", "Posted 3 hours
# ago"), so not "Published in 1998, the book …": after its first word, only the words of dates and times.
_STAMPED = re.compile(r"(?:first\s+|last\s+)?(?:published|updated|posted)\b\s*:?\s*", re.IGNORECASE)
_STAMP_WORD = re.compile(r"(?:on|at|published|updated|posted|ago|just|[ap]\.?m\.?|(?-i:[A-Z]{2,4})"
                         r"|\d[\d/.:-]*(?:st|nd|rd|th)?|(?:second|minute|min|hour|hr|day|week)s?"
                         r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
                         r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|[|,–—-])", re.IGNORECASE)


def _time_stamp(line: str) -> bool:
    if (stamped := _STAMPED.match(line)) is None:
        return False
    return _stamp_words(line[stamped.end():])


def _stamp_words(text: str) -> bool:
    words = re.findall(r"[^\s,|]+|[,|]", text.rstrip("."))
    return any(w[0].isdigit() for w in words) and all(_STAMP_WORD.fullmatch(w) for w in words)


def is_date_alone(line: str) -> bool:
    """A line that is a date and nothing else, with its month and year ("June 3, 2025", "Tuesday 3 June 2025 09:14
    BST"; not "1,500" nor "9:14 AM"): a page's stamp where it stands above the report (text.stamp_blocks), a
    timeline's heading where the report has begun."""
    line = line.strip()
    return _stamp_words(line) and _MONTH_WORD.search(line) is not None and YEAR.search(line) is not None


_MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?", re.IGNORECASE)
YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")  # a year a page's stamp or dateline gives (sources/dates.py too)


def is_furniture(line: str) -> bool:
    """A line a site adds around a report (follow, subscribe, share, read more, credits)."""
    return _FURNITURE.match(line.strip()) is not None


def is_page_stamp(line: str) -> bool:
    """A byline or a time stamp, as a page prints them above a report: no headline, and no paragraph where one
    stands alone (text.iter_paragraphs). They are not furniture, which would skip them inside a block of lines
    too and part it there (a corpus's sentence a line, URL, headline and stamp in one block)."""
    line = line.strip()
    return _BYLINE.match(line) is not None or _time_stamp(line)


def reads_as_heading(line: str, max_words: int = HEADING_MAX_WORDS) -> bool:
    """A short line that does not close as a sentence does: how headings and headlines look."""
    line = line.strip()
    if (not line or len(line) > max(HEADING_MAX_CHARS, 8 * max_words) or _CLOSED.search(line)
            or _QUOTATION_CLOSED.search(line)):
        return False
    first = line.lstrip(_OPENERS)[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    return len(line.split()) <= max_words


def furniture_lines(lines: list[str]) -> list[bool]:
    """For each line of one paragraph: whether the analysis skips it.

    A furniture line is skipped wherever it stands. A heading is skipped where it stands between
    paragraphs: first in its block or after a line that closes a sentence, and followed by a line
    that starts one (or by a blank line), so that the short last line of a hard-wrapped sentence
    is never taken for one."""
    skipped = [is_furniture(line) for line in lines]
    for number, line in enumerate(lines):
        if skipped[number] or not reads_as_heading(line):
            continue
        after_paragraph = number == 0 or skipped[number - 1] or _CLOSED.search(lines[number - 1]) is not None
        following = lines[number + 1].lstrip() if number + 1 < len(lines) else ""
        before_paragraph = not following or following[0].isupper() or following[0].isdigit() or following[0] in _OPENERS
        skipped[number] = after_paragraph and before_paragraph
    return skipped
