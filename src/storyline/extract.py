"""HTML to text: the main text of a page and its metadata, with trafilatura. Nothing in a page executes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from storyline.sources.dates import parse_published
from storyline.text import normalize_text


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None = None
    published: datetime | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None


def extract_html(html: str, url: str | None = None) -> Page:
    """The article in an HTML page: main text without boilerplate, title, date, site name, language."""
    import trafilatura

    raw = trafilatura.extract(html, url=url, output_format="json", with_metadata=True, include_comments=False,
                              include_tables=False, favor_precision=True)
    if not raw:
        return Page(text="")
    data = json.loads(raw)
    try:
        published = parse_published(data.get("date"))
    except ValueError:
        published = None
    return Page(text=normalize_text(data.get("text") or ""), title=data.get("title") or None, published=published,
                url=data.get("url") or url, source=data.get("sitename") or None, language=data.get("language") or None)
