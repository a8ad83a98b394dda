"""Presentation helpers shared by the server and the static report: links, safe URLs, outlet colours,
snippet markup, highlighted article text, word-level quote diffs, and the reading view of a brief.

Everything that turns untrusted text into markup lives here, and always escapes first."""

from __future__ import annotations

import heapq
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from storyline.compare.claims import settled
from storyline.safety import http_url
from storyline.store.reads import MATCH_END, MATCH_START
from storyline.web.chart import timeline_chart
from storyline.wording import shares_most_words, word_diff, word_similarity

OUTLET_TONES = 12


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

    def blindspots(self) -> str | None:
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

    def blindspots(self) -> str | None:
        return f"{self.prefix}/blindspots"

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


def outlet_tones(names: Iterable[str], together: Iterable[str] = ()) -> dict[str, int]:
    """Colour slots in the order given (every outlet, alphabetically), so that an outlet's badge looks
    the same from page to page. Twelve colours go round more outlets than that, so the outlets shown
    `together` (a story's) that would share one keep it for the first and move the others to the next
    colour none of them has: up to twelve outlets on one page never share a colour, and the rest keep
    their own."""
    tones = {name: index % OUTLET_TONES for index, name in enumerate(dict.fromkeys(names))}
    page = [name for name in dict.fromkeys(together) if name in tones]
    taken: set[int] = set()
    moving = []
    for name in page:
        if tones[name] in taken:
            moving.append(name)
        else:
            taken.add(tones[name])
    for name in moving:
        if len(taken) < OUTLET_TONES:
            tones[name] = next(tone for step in range(OUTLET_TONES)
                               if (tone := (tones[name] + step) % OUTLET_TONES) not in taken)
            taken.add(tones[name])
    return tones


def outlet_tone(name: object, tones: dict[str, int] | None = None) -> int:
    """An outlet's colour slot: from `tones` (see outlet_tones), else one derived from its name (a
    name not in the store yet)."""
    if tones and isinstance(name, str) and name in tones:
        return tones[name]
    return zlib.crc32(str(name).encode("utf-8")) % OUTLET_TONES


def day_label(value: object) -> str:
    """'14 Feb 2025' from an ISO date or date-time, 'Feb 2025' from a month; other text (a year) as it
    is; 'undated' for nothing. The one date format of every page (JSON keeps ISO)."""
    if not value:
        return "undated"
    text = str(value)
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}", text) and 1 <= int(text[5:]) <= 12:  # a month: 'Feb 2025'
            return f"{date(int(text[:4]), int(text[5:]), 1):%b %Y}"
        return text
    return f"{day.day} {day:%b %Y}"


def value_label(value: object) -> str:
    """A conflict's or an update's value as a reader reads it: a day or a month the JSON gives in ISO
    form ('2025-02-13') written as every page writes days ('13 Feb 2025'); any other value as it is."""
    text = str(value)
    return day_label(text) if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", text) else text


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


_KIND_ORDER = ["conflict", "claim", "quote", "timeline", "entity"]


@dataclass
class _Node:
    """One element of the highlighted text: highlights sharing one range, and the elements inside it."""

    start: int
    end: int
    highlights: list[Highlight]
    first: bool = True  # False for the rest of a span cut where the span around it ends
    children: list[_Node] = field(default_factory=list)

    @property
    def lead(self) -> Highlight:
        """Where a click goes: the most specific highlight (claims before quotes before names)."""
        return min(self.highlights, key=lambda h: (_KIND_ORDER.index(h.kind), h.end - h.start))


def _nest(text: str, highlights: Iterable[Highlight]) -> _Node:
    """The highlights as a tree of non-crossing elements. Highlights of one range become one element
    (a cited sentence stays whole); a span crossing the end of the one around it is cut there and
    goes on as a second element, without the anchor."""
    groups: dict[tuple[int, int, bool], list[Highlight]] = defaultdict(list)
    for h in highlights:
        end = min(h.end, len(text))
        if 0 <= h.start < end:
            groups[(h.start, end, h.kind == "entity")].append(h)
    # Outer before inner: by start, longest first, a sentence before a name of the same range.
    queue = [(start, -end, is_name, order, hs, True)
             for order, ((start, end, is_name), hs) in enumerate(sorted(groups.items()))]
    heapq.heapify(queue)
    root = _Node(0, len(text), [])
    stack = [root]
    order = len(queue)
    while queue:
        start, neg_end, is_name, _, hs, first = heapq.heappop(queue)
        end = -neg_end
        while stack[-1] is not root and stack[-1].end <= start:
            stack.pop()
        parent = stack[-1]
        if end > parent.end:
            order += 1
            heapq.heappush(queue, (parent.end, -end, is_name, order, hs, False))
            end = parent.end
        node = _Node(start, end, hs, first)
        parent.children.append(node)
        stack.append(node)
    return root


def cited_html(text: str, highlights: Iterable[Highlight]) -> Markup:
    """An article's text with its highlights, every piece escaped: one element per cited span (a
    claim's, quote's or date's sentence, whole, with the names inside it), one per name outside.

    The outermost element starting at an offset carries `id="at-OFFSET"`, the anchor evidence links
    point at. An element is a link where it has somewhere to go and is not inside a link already (a
    name inside a cited sentence is plain, the sentence leads to its claim). The page shows the text
    with `white-space: pre-wrap`."""
    anchored: set[int] = set()

    def inside(node: _Node, in_link: bool) -> Markup:
        out, at = [], node.start
        for child in node.children:
            out.append(escape(text[at:child.start]))
            out.append(element(child, in_link))
            at = child.end
        out.append(escape(text[at:node.end]))
        return Markup("").join(out)

    def element(node: _Node, in_link: bool) -> Markup:
        lead = node.lead
        kinds = sorted({h.kind for h in node.highlights}, key=_KIND_ORDER.index)
        classes = " ".join(["hl", *([] if lead.kind == "entity" else ["cite"]), *(f"hl-{k}" for k in kinds)])
        title = " · ".join(dict.fromkeys(h.label for h in node.highlights))
        anchor = Markup("")
        if node.first and node.start not in anchored:
            anchored.add(node.start)
            anchor = Markup(' id="at-{}"').format(node.start)
        if lead.href and not in_link:
            return Markup('<a class="{}" href="{}" title="{}"{}>{}</a>').format(
                classes, lead.href, title, anchor, inside(node, True))
        return Markup('<span class="{}" title="{}"{}>{}</span>').format(classes, title, anchor, inside(node, in_link))

    return inside(_nest(text, highlights), False)


# --- quotes -----------------------------------------------------------------------------------

# --- the reading view of a brief ---------------------------------------------------------------


def shown_on_story_page(claim: dict[str, Any]) -> bool:
    """Whether the story page lists a claim under its own `claim-N`: a conflict, a figure that changed
    between reports, or a settled fact. A sentence stating a disputed value or one step of an update is
    shown once, as that conflict or update, so nothing links to it as a claim of its own."""
    return claim.get("status") == "conflict" or isinstance(claim.get("update"), dict) or settled(claim)


def story_view(brief: dict[str, Any]) -> dict[str, Any]:
    """What the story page shows, derived from the brief only: conflicts first, corroborated facts,
    what each outlet adds, quotes grouped by speaker with their variants, a matrix of outlets ×
    claims. Every part is empty when the brief's lists are.

    Claims, quotes and timeline entries carry `anchor`, their element's id on the page (the article
    page's highlights link back to it): their index in the brief, as `pages.article_data` counts."""
    articles = {str(a["id"]): a for a in brief.get("articles", [])}
    claims = [{**c, "anchor": f"claim-{index}"} for index, c in enumerate(brief.get("claims", []))
              if isinstance(c, dict)]
    conflicts = [c for c in claims if c.get("status") == "conflict"]
    updates = [c for c in claims if isinstance(c.get("update"), dict)]
    facts = [c for c in claims if settled(c)]
    in_brief = brief_lines(brief.get("summary") or [], facts)
    carried = {line["anchor"] for line in in_brief if line.get("anchor")}
    corroborated = sorted((c for c in facts if c["status"] == "corroborated"), key=lambda c: -len(c.get("sources") or []))
    singles = [c for c in facts if c["status"] == "single"]
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in singles:
        if claim["anchor"] in carried:
            continue
        for outlet in claim.get("sources") or ["unknown"]:
            by_outlet[outlet].append(claim)
    outlets = list(brief.get("outlets") or sorted({a["source"] for a in articles.values()}))
    column = {name: index for index, name in enumerate(outlets)}
    # Single-outlet rows grouped by their outlet's column, so that one outlet's additions sit together.
    singles_by_column = sorted(singles, key=lambda c: min((column.get(o, len(column)) for o in c.get("sources") or []),
                                                          default=len(column)))
    ordered = conflicts + corroborated + singles_by_column
    matrix = [{"claim": claim, "cells": [_cell(claim, outlet, articles) for outlet in outlets]} for claim in ordered]
    quotes = [{**q, "anchor": f"quote-{index}"} for index, q in enumerate(brief.get("quotes", [])) if isinstance(q, dict)]
    timeline = sorted(({**t, "anchor": f"event-{index}"} for index, t in enumerate(brief.get("timeline", []))
                       if isinstance(t, dict)), key=lambda t: str(t.get("date") or ""))
    return {
        "articles": articles,
        "conflicts": [_conflict_view(c, articles) for c in conflicts],
        "updates": [_update_view(c, articles) for c in updates],
        "brief": in_brief,
        "corroborated": [c for c in corroborated if c["anchor"] not in carried],
        "corroborated_in_brief": sum(1 for c in corroborated if c["anchor"] in carried),
        "by_outlet": sorted(by_outlet.items(), key=lambda item: (-len(item[1]), item[0])),
        "quote_groups": quote_groups(quotes, articles),
        "timeline": timeline,
        "timeline_chart": timeline_chart(timeline, conflicts, day_label, updates),
        "entities": sorted((e for e in brief.get("entities", []) if isinstance(e, dict)),
                           key=lambda e: (-(e.get("mentions") or 0), str(e.get("name")))),
        "matrix": {"outlets": outlets, "rows": matrix},
        "conflict_count": len(conflicts),
        "has_analysis": bool(claims or brief.get("quotes") or brief.get("timeline") or brief.get("summary")
                             or brief.get("entities")),
    }


def brief_lines(summary: Iterable[Any], claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The summary's lines for "In brief", each with the anchor of the claim it states (by the claim id
    the line names, else by its text): the page shows that claim there, once, and the lists below
    ("what several outlets report", "what each outlet adds") carry only the claims the brief does not."""
    by_id = {str(c["id"]): c for c in claims if c.get("id") is not None}
    by_text = {c.get("text"): c for c in claims}
    lines = []
    for line in summary:
        if not isinstance(line, dict):
            continue
        claim = by_id.get(str(line.get("claim"))) or by_text.get(line.get("text"))
        lines.append({**line, "anchor": claim["anchor"] if claim else None,
                      "status": line.get("status") or (claim or {}).get("status")})
    return lines


def evidence_by_outlet(spans: Iterable[Any] | None, sources: Iterable[Any] | None,
                       articles: dict[str, Any]) -> list[dict[str, Any]]:
    """A claim's evidence as one entry per outlet, in the order of its outlet pills (`sources`):
    [{source, spans}]. An outlet named without a span has none (a plain pill); spans from outlets not
    named follow, in the order they come."""
    grouped: dict[str, list[dict[str, Any]]] = {str(name): [] for name in sources or []}
    for span in spans or []:
        if isinstance(span, dict):
            source = articles.get(str(span.get("article")), {}).get("source") or span.get("source") or "unknown"
            grouped.setdefault(str(source), []).append(span)
    return [{"source": name, "spans": found} for name, found in grouped.items()]


def _cell(claim: dict[str, Any], outlet: str, articles: dict[str, Any]) -> dict[str, Any]:
    conflict = claim.get("conflict") or {}
    mine = [v for v in conflict.get("values") or [] if v.get("source") == outlet]
    spans = next((e["spans"] for e in evidence_by_outlet(claim.get("evidence"), [outlet], articles)
                  if e["source"] == outlet), [])
    if claim.get("status") == "conflict" and mine:
        spans = [s for v in mine for s in v.get("evidence") or []] or spans
        return {"mark": "value", "value": " / ".join(value_label(v.get("value")) for v in mine), "evidence": spans}
    if outlet in (claim.get("sources") or []):
        return {"mark": "yes", "evidence": spans}
    return {"mark": None, "evidence": []}


def _conflict_view(claim: dict[str, Any], articles: dict[str, Any]) -> dict[str, Any]:
    conflict = claim.get("conflict") or {}
    evidence = claim.get("evidence") or []
    values = []
    for value in conflict.get("values") or []:
        spans = value.get("evidence") or [e for e in evidence
                                          if articles.get(str(e.get("article")), {}).get("source") == value.get("source")]
        values.append({**value, "value": value_label(value.get("value")), "evidence": spans})
    return {**claim, "about": conflict.get("about") or "detail", "values": values}


def _update_view(claim: dict[str, Any], articles: dict[str, Any]) -> dict[str, Any]:
    """A figure that changed between reports: each report's value with its day, earliest first."""
    update = claim["update"]
    values = [{**value, "value": value_label(value.get("value")), "day": day_label(value.get("published")),
               "evidence": value.get("evidence") or []}
              for value in update.get("values") or []]
    return {**claim, "about": update.get("subject") or update.get("about") or "figure", "values": values}


def progression_views(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """A storyline's progressions as a page shows them: what changed, then each report's value with its
    day, earliest first, each linked to its sentence in its own story."""
    return [{"about": record.get("subject") or record.get("about") or "figure", "kind": record.get("about"),
             "anchor": f"changed-{n}",
             "values": [{**value, "value": value_label(value.get("value")), "day": day_label(value.get("published")),
                         "evidence": value.get("evidence") or []} for value in record.get("values") or []]}
            for n, record in enumerate(records)]


def statements_said(quotes: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """An entity's quotes as statements: the same words (case and spacing aside) carried by several
    outlets, or by one outlet twice, are one statement listing where each outlet printed them, in the
    order the quotes come (newest first)."""
    said: dict[tuple[str, bool], dict[str, Any]] = {}
    for q in quotes:
        key = (" ".join(str(q.get("text") or "").casefold().split()), bool(q.get("direct")))
        entry = said.setdefault(key, {**q, "printed": []})
        if all(p.get("source") != q.get("source") for p in entry["printed"]):
            entry["printed"].append(q)
    return list(said.values())


def quote_groups(quotes: Iterable[dict[str, Any]], articles: dict[str, Any]) -> list[dict[str, Any]]:
    """Quotes grouped by speaker (most quoted first), then those whose article gives their source without
    a name (`unnamed`: one group, each quote with its own `unnamed_source`), the unattributed last; each
    quote with its variants, the outlet of each, and a word diff of each variant against the first where
    the two share most words (else the variant is `reworded` and shown as it is); a variant in reported
    speech of a quotation is marked `reported`."""
    groups: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    unnamed: list[dict[str, Any]] = []
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
            variant["similarity"] = word_similarity(reference, variant.get("text") or "") if differs else 1.0
            # A word diff only where the two share most words (the brief's `diff` follows the same rule)
            variant["reworded"] = differs and not shares_most_words(reference, variant.get("text") or "")
            variant["diff"] = word_diff(reference, variant.get("text") or "") if differs and not variant["reworded"] else None
            variant["reported"] = variant.get("direct") is False and quote_.get("direct") is not False
        distinct = len({v.get("text") for v in variants})
        item = {**quote_, "variants": variants, "wordings": distinct}
        if not quote_.get("speaker") and quote_.get("unnamed_source"):
            unnamed.append(item)
        else:
            groups[quote_.get("speaker") or None].append(item)
    ordered = sorted(groups.items(), key=lambda item: (item[0] is None, -len(item[1]), str(item[0])))
    named = [{"speaker": speaker, "unnamed": False, "quotes": items} for speaker, items in ordered if speaker]
    rest = [{"speaker": None, "unnamed": False, "quotes": items} for speaker, items in ordered if not speaker]
    return named + ([{"speaker": None, "unnamed": True, "quotes": unnamed}] if unnamed else []) + rest


def conflict_count(brief: dict[str, Any]) -> int:
    return sum(1 for c in brief.get("claims", []) if isinstance(c, dict) and c.get("status") == "conflict")
