"""HTML to text and language: the main text of a page and its metadata (trafilatura), and the
language of any text (lingua, whose models ship in its wheel). Nothing in a page executes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from storyline.sources.dates import parse_published
from storyline.text import lead, normalize_text


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None = None
    published: datetime | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None


# A line break inside a paragraph ("…build this place up,<br>and one letter …") is a space to a reader; two or more
# in a row part paragraphs, as pages without <p> write them.
_BREAK = re.compile(r"(?:<br\s*/?>\s*)+", re.IGNORECASE)


def _one_break(match: re.Match[str]) -> str:
    return match.group() if match.group().lower().count("<br") > 1 else " "


def _paragraphs(text: str) -> str:
    """The extracted text with a blank line between its blocks: trafilatura writes one block (a paragraph, a heading,
    an item) a line, and the analysis reads paragraphs as blocks of lines between blank lines (text.iter_paragraphs),
    so that "he said" and a quotation standing alone read the paragraph they are in, not the whole page."""
    return normalize_text("\n\n".join(line for line in text.split("\n") if line.strip()))


def extract_html(html: str, url: str | None = None) -> Page:
    """The article in an HTML page: main text without boilerplate, title, date, site name, language."""
    import trafilatura

    raw = trafilatura.extract(_BREAK.sub(_one_break, html), url=url, output_format="json", with_metadata=True,
                              include_comments=False, include_tables=False, favor_precision=True)
    if not raw:
        return Page(text="")
    data = json.loads(raw)
    try:
        published = parse_published(data.get("date"))
    except ValueError:
        published = None
    return Page(text=_paragraphs(data.get("text") or ""), title=data.get("title") or None, published=published,
                url=data.get("url") or url, source=data.get("sitename") or None, language=data.get("language") or None)


# The languages told apart: the news languages storyline's users read most. A text in another
# language is labelled with the closest of these, or left unlabelled when none is likely.
LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "uk", "ru", "tr", "ar", "zh", "ja", "sv", "el")


@lru_cache(maxsize=1)
def _language_detector():  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_minimum_relative_distance(0.1).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of a text (its first 1,000 characters), None when unsure."""
    sample = text[:1000]
    if sum(ch.isalpha() for ch in sample) < 10:
        return None
    language = _language_detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else None


def article_language(given: str | None, title: str | None, text: str) -> str | None:
    """An article's language: the one its record (or --language) gives, else detected from its title and
    lead, which decide as well as the whole text and cost a fraction of it."""
    return (given or "").strip().lower() or detect_language(f"{title or ''}\n{lead(text, 120)}")
