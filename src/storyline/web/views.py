"""Presentation helpers shared by the server and the static report: links, safe URLs, outlet colours,
snippet markup, highlighted article text, word-level quote diffs, and the reading view of a brief.

Everything that turns untrusted text into markup lives here, and always escapes first."""

from __future__ import annotations

import difflib
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from storyline.safety import http_url
from storyline.store.reads import MATCH_END, MATCH_START
from storyline.wording import word_diff

OUTLET_TONES = 10


# --- links ----------------------------------------------------------------------------------


class Links:
    """Where a page links to. The server has a page for everything; a static report only has stories,
    so the other methods give None there and the templates render plain text instead of a link."""

    dynamic = False

    def home(self) -> str:
        raise NotImplementedError

    def static(self, name: str) -> str:
        raise NotImplementedError

    def story(self, story_id: str, anchor: str | None = None) -> str:
        raise NotImplementedError

    def article(self, article_id: str, story_id: str | None = None, at: int | None = None) -> str | None:
        return None

    def entity(self, name: str) -> str | None:
        return None

    def search(self, query: str | None = None) -> str | None:
        return None

    def sources(self) -> str | None:
        return None

    def storylines(self, storyline_id: str | None = None) -> str | None:
        return None

    def stories(self, **params: Any) -> str:
        return self.home()


class ServerLinks(Links):
    """Links of the web server, under an optional path prefix (the ASGI root_path)."""

    dynamic = True

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix.rstrip("/")

    def home(self) -> str:
        return f"{self.prefix}/"

    def static(self, name: str) -> str:
        return f"{self.prefix}/static/{name}"

    def story(self, story_id: str, anchor: str | None = None) -> str:
        return f"{self.prefix}/stories/{quote(story_id, safe='')}" + (f"#{anchor}" if anchor else "")

    def article(self, article_id: str, story_id: str | None = None, at: int | None = None) -> str | None:
        return f"{self.prefix}/articles/{quote(article_id, safe='')}" + (f"#at-{at}" if isinstance(at, int) else "")

    def entity(self, name: str) -> str | None:
        return f"{self.prefix}/entities/{quote(name, safe='')}"

    def search(self, query: str | None = None) -> str | None:
        return f"{self.prefix}/search" + (f"?{urlencode({'q': query})}" if query else "")

    def sources(self) -> str | None:
        return f"{self.prefix}/sources"

    def storylines(self, storyline_id: str | None = None) -> str | None:
        return f"{self.prefix}/storylines" + (f"/{quote(storyline_id, safe='')}" if storyline_id else "")

    def stories(self, **params: Any) -> str:
        kept = {key: value for key, value in params.items() if value not in (None, "", 0)}
        return f"{self.prefix}/" + (f"?{urlencode(kept)}" if kept else "")


class ReportLinks(Links):
    """Links inside the static report; `root` leads from the current page to the report's folder."""

    def __init__(self, root: str = "") -> None:
        self.root = root

    def home(self) -> str:
        return f"{self.root}index.html"

    def static(self, name: str) -> str:
        return f"{self.root}static/{name}"

    def story(self, story_id: str, anchor: str | None = None) -> str:
        return f"{self.root}stories/{quote(story_id, safe='')}.html" + (f"#{anchor}" if anchor else "")

    def article(self, article_id: str, story_id: str | None = None, at: int | None = None) -> str | None:
        # No article pages in a report: point at the article's row on its story page.
        return self.story(story_id, anchor=f"article-{article_id}") if story_id else None


# --- small filters --------------------------------------------------------------------------


def safe_url(url: object) -> str | None:
    """The URL if it is an absolute http(s) URL, else None: `javascript:` and friends never become links."""
    return http_url(url) if isinstance(url, str) else None


def outlet_tone(name: object) -> int:
    """A stable colour slot for an outlet, so its badge looks the same on every page."""
    return zlib.crc32(str(name).encode("utf-8")) % OUTLET_TONES


def day_label(value: object) -> str:
    """'14 Feb 2025' from an ISO date or date-time; other text as it is; 'undated' for nothing."""
    if not value:
        return "undated"
    text = str(value)
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        return text
    return f"{day.day} {day:%b %Y}"


def span_label(first: object, last: object) -> str:
    """A story's days: '14 Feb 2025', or '19 – 24 Feb 2025' for a span."""
    if not first:
        return "undated"
    if not last or last == first:
        return day_label(first)
    try:
        a, b = date.fromisoformat(str(first)[:10]), date.fromisoformat(str(last)[:10])
    except ValueError:
        return f"{first} – {last}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day} – {b.day} {b:%b %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%b} – {b.day} {b:%b %Y}"
    return f"{day_label(first)} – {day_label(last)}"


def plural(count: int, singular: str, many: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (many or singular + 's')}"


# --- snippets and highlights ----------------------------------------------------------------


def marked_segments(text: str | None) -> list[dict[str, Any]]:
    """Split FTS5 output (matches between MATCH_START and MATCH_END) into [{text, match}] pieces."""
    pieces: list[dict[str, Any]] = []
    inside = False
    for part in re.split(f"([{MATCH_START}{MATCH_END}])", text or ""):
        if part == MATCH_START:
            inside = True
        elif part == MATCH_END:
            inside = False
        elif part:
            pieces.append({"text": part, "match": inside})
    return pieces


def marked_html(segments: Iterable[dict[str, Any]]) -> Markup:
    """Safe markup for snippet pieces: every piece escaped, matches wrapped in <mark>."""
    out = []
    for piece in segments:
        text = escape(piece["text"])
        out.append(Markup("<mark>{}</mark>").format(text) if piece["match"] else text)
    return Markup("").join(out)


@dataclass
class Highlight:
    """A span of an article's text to mark: a claim, a quote or an entity mention."""

    kind: str  # claim | conflict | quote | entity | timeline
    start: int
    end: int
    label: str
    href: str | None = None


@dataclass
class Segment:
    text: str
    start: int
    highlights: list[Highlight] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return sorted({h.kind for h in self.highlights}, key=_KIND_ORDER.index)

    @property
    def lead(self) -> Highlight | None:
        """The highlight a click on this piece goes to: the most specific one (claims before entities)."""
        if not self.highlights:
            return None
        return min(self.highlights, key=lambda h: (_KIND_ORDER.index(h.kind), h.end - h.start))

    @property
    def title(self) -> str:
        return " · ".join(dict.fromkeys(h.label for h in self.highlights))

    @property
    def opens(self) -> list[Highlight]:
        """Highlights starting exactly here, for `id="at-START"` anchors."""
        return [h for h in self.highlights if h.start == self.start]


_KIND_ORDER = ["conflict", "claim", "quote", "timeline", "entity"]


def highlight_segments(text: str, highlights: Iterable[Highlight]) -> list[Segment]:
    """Cut text at every highlight boundary; each piece knows the highlights covering it.

    Overlapping and nested spans are fine; spans outside the text are clipped or dropped."""
    spans = [Highlight(h.kind, h.start, min(h.end, len(text)), h.label, h.href)
             for h in highlights if 0 <= h.start < h.end and h.start < len(text)]
    cuts = sorted({0, len(text), *(h.start for h in spans), *(h.end for h in spans)})
    segments = []
    for left, right in pairwise(cuts):
        covering = [h for h in spans if h.start <= left and h.end >= right]
        segments.append(Segment(text=text[left:right], start=left, highlights=covering))
    return segments


# --- quotes -----------------------------------------------------------------------------------

def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(a=a.lower().split(), b=b.lower().split(), autojunk=False).ratio()


# --- the reading view of a brief ---------------------------------------------------------------


def story_view(brief: dict[str, Any]) -> dict[str, Any]:
    """What the story page shows, derived from the brief only: conflicts first, corroborated facts,
    what each outlet adds, quotes grouped by speaker with their variants, a matrix of outlets ×
    claims. Every part is empty when the brief's lists are."""
    articles = {str(a["id"]): a for a in brief.get("articles", [])}
    claims = [c for c in brief.get("claims", []) if isinstance(c, dict)]
    conflicts = [c for c in claims if c.get("status") == "conflict"]
    corroborated = sorted((c for c in claims if c.get("status") == "corroborated"),
                          key=lambda c: -len(c.get("sources") or []))
    singles = [c for c in claims if c.get("status") == "single"]
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in singles:
        for outlet in claim.get("sources") or ["unknown"]:
            by_outlet[outlet].append(claim)
    outlets = list(brief.get("outlets") or sorted({a["source"] for a in articles.values()}))
    ordered = conflicts + corroborated + singles
    matrix = [{"claim": claim, "cells": [_cell(claim, outlet) for outlet in outlets]} for claim in ordered]
    return {
        "articles": articles,
        "conflicts": [_conflict_view(c, articles) for c in conflicts],
        "corroborated": corroborated,
        "by_outlet": sorted(by_outlet.items(), key=lambda item: (-len(item[1]), item[0])),
        "quote_groups": quote_groups(brief.get("quotes", []), articles),
        "timeline": sorted((t for t in brief.get("timeline", []) if isinstance(t, dict)),
                           key=lambda t: str(t.get("date") or "")),
        "entities": sorted((e for e in brief.get("entities", []) if isinstance(e, dict)),
                           key=lambda e: (-(e.get("mentions") or 0), str(e.get("name")))),
        "matrix": {"outlets": outlets, "rows": matrix},
        "conflict_count": len(conflicts),
        "has_analysis": bool(claims or brief.get("quotes") or brief.get("timeline") or brief.get("summary")
                             or brief.get("entities")),
    }


def _cell(claim: dict[str, Any], outlet: str) -> dict[str, Any]:
    conflict = claim.get("conflict") or {}
    values = [v.get("value") for v in conflict.get("values") or [] if v.get("source") == outlet]
    if claim.get("status") == "conflict" and values:
        return {"mark": "value", "value": " / ".join(str(v) for v in values)}
    if outlet in (claim.get("sources") or []):
        return {"mark": "yes"}
    return {"mark": None}


def _conflict_view(claim: dict[str, Any], articles: dict[str, Any]) -> dict[str, Any]:
    conflict = claim.get("conflict") or {}
    evidence = claim.get("evidence") or []
    values = []
    for value in conflict.get("values") or []:
        spans = value.get("evidence") or [e for e in evidence
                                          if articles.get(str(e.get("article")), {}).get("source") == value.get("source")]
        values.append({**value, "evidence": spans})
    return {**claim, "about": conflict.get("about") or "detail", "values": values}


def quote_groups(quotes: Iterable[dict[str, Any]], articles: dict[str, Any]) -> list[dict[str, Any]]:
    """Quotes grouped by speaker (most quoted first, the unattributed last); each quote with its
    variants, the outlet of each, and a word diff of each variant against the first."""
    groups: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for quote_ in quotes:
        if not isinstance(quote_, dict):
            continue
        variants = []
        for variant in quote_.get("variants") or []:
            article = articles.get(str(variant.get("article")), {})
            variants.append({**variant, "source": article.get("source"), "title": article.get("title")})
        reference = variants[0]["text"] if variants else quote_.get("text", "")
        for index, variant in enumerate(variants):
            differs = index > 0 and variant.get("text") != reference
            variant["diff"] = word_diff(reference, variant.get("text") or "") if differs else None
            variant["similarity"] = _similarity(reference, variant.get("text") or "") if differs else 1.0
        distinct = len({v.get("text") for v in variants})
        groups[quote_.get("speaker")].append({**quote_, "variants": variants, "wordings": distinct})
    ordered = sorted(groups.items(), key=lambda item: (item[0] is None, -len(item[1]), str(item[0])))
    return [{"speaker": speaker, "quotes": items} for speaker, items in ordered]


def conflict_count(brief: dict[str, Any]) -> int:
    return sum(1 for c in brief.get("claims", []) if isinstance(c, dict) and c.get("status") == "conflict")
