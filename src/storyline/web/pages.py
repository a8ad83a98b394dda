"""The data of every page, as plain JSON-ready dicts: the HTML pages render them and the JSON API
returns them, so both always say the same thing."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from storyline.brief import article_entry, load_brief, said_by
from storyline.errors import StoreError
from storyline.lookup import find_entity
from storyline.sources.feeds import feed_entry
from storyline.store import SQLiteStore, Store, is_postgres_url, open_store
from storyline.store.reads import StoryFilters
from storyline.store.rows import article_from_row
from storyline.web.chart import timeline_chart
from storyline.web.top import top_story_ids
from storyline.web.views import (
    Highlight,
    conflict_count,
    day_label,
    marked_segments,
    progression_views,
    shown_on_story_page,
)


class Readers:
    """The server's reads. SQLite: one connection per server thread, kept open between requests, so
    that SQLite's page cache stays warm (a connection per request starts cold every time). sqlite3
    connections must stay on the thread that made them, hence a threading.local. Each statement is
    its own transaction, so readers see new ingests at once and never hold up WAL checkpoints.
    PostgreSQL: a connection from the process's pool for each request (the server keeps the cache)."""

    CACHE_KIB = 32 * 1024
    RANKINGS = 32  # orders of top stories kept (one per set of filters)

    def __init__(self, db: str | Path) -> None:
        self.db = str(db) if is_postgres_url(db) else Path(db)
        self._local = threading.local()
        self._rankings: dict[tuple[Any, ...], list[str]] = {}
        self._rankings_lock = threading.Lock()

    def top_story_ids(self, store: Store, filters: StoryFilters) -> list[str]:
        """The top stories' order (web/top.py) of the stories the filters keep, ranked once and kept until
        an article is stored or a story changes: ranking reads every member of every story, which a page
        of the home page should not pay for each time."""
        key = (filters, store.article_mark(), store.stories_updated())
        with self._rankings_lock:
            ranked = self._rankings.get(key)
        if ranked is None:
            ranked = top_story_ids(store.story_reporters(filters), store.newest_day())
            with self._rankings_lock:
                if len(self._rankings) >= self.RANKINGS:
                    self._rankings.clear()
                self._rankings[key] = ranked
        return ranked

    @contextmanager
    def reading(self) -> Iterator[Store]:
        if isinstance(self.db, str):
            with open_store(self.db, create=False) as pooled:
                yield pooled
            return
        store = getattr(self._local, "store", None)
        if store is None:
            if not self.db.exists():
                raise StoreError(f"{self.db}: no such database; run `storyline ingest PATH --db {self.db}` first")
            store = SQLiteStore(self.db)
            store.conn.execute(f"PRAGMA cache_size=-{self.CACHE_KIB}")
            self._local.store = store
        yield store


# --- stories --------------------------------------------------------------------------------


def stories_data(store: Store, filters: StoryFilters, limit: int, offset: int, order: str = "latest",
                 ranked: list[str] | None = None) -> dict[str, Any]:
    """A page of stories as briefs (the `stories --json` shape), with the total and what to filter by.

    `order`: "latest" (newest first, as `stories` lists them) or "top" (web/top.py: independent
    outlets and recency, in the order `ranked` gives, else ranked here: every story the filters keep)."""
    if order == "top":
        if ranked is None:
            ranked = top_story_ids(store.story_reporters(filters), store.newest_day())
        rows = store.stories_by_id(ranked[offset:offset + limit])
        total = len(ranked)
    else:
        rows = store.story_rows(filters, limit=limit, offset=offset)
        total = store.count_stories(filters) if (offset or len(rows) == limit or filters.active()) else len(rows)
    briefs = load_briefs(store, rows)
    first, last = store.day_range()
    return {
        "stories": briefs,
        "conflicts": {brief["id"]: conflict_count(brief) for brief in briefs},
        "total": total,
        "limit": limit,
        "offset": offset,
        "order": order,
        "filters": {"since": filters.since, "until": filters.until, "outlet": filters.outlet,
                    "entity": filters.entity},
        "outlets": store.outlet_names(),
        # Suggestions for the entity filter: the names in the stories on this page, most mentioned first.
        "entities": _entity_suggestions(briefs),
        "days": {"first": first, "last": last},
    }


class _Prefetched:
    """A store whose `story_articles` and `brief` answer from data read for a whole page at once;
    everything else goes to the real store. brief.load_brief runs unchanged over it."""

    def __init__(self, store: Store, story_ids: list[str]) -> None:
        self._store = store
        self._members = store.members_of(story_ids)
        self._briefs = store.briefs_of(story_ids)

    def story_articles(self, story_id: str) -> list[tuple[Any, str | None]]:
        return self._members[story_id]

    def brief(self, story_id: str) -> dict[str, Any] | None:
        return self._briefs.get(story_id)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def load_briefs(store: Store, rows: list[Any]) -> list[dict[str, Any]]:
    """`load_brief` of a page of stories with two queries instead of two per story; the same JSON."""
    prefetched = _Prefetched(store, [row.id for row in rows])
    return [load_brief(prefetched, row) for row in rows]  # type: ignore[arg-type]


def _entity_suggestions(briefs: list[dict[str, Any]], limit: int = 100) -> list[str]:
    counts: dict[str, int] = {}
    for brief in briefs:
        for entity in brief.get("entities") or []:
            if isinstance(entity, dict) and isinstance(entity.get("name"), str):
                counts[entity["name"]] = counts.get(entity["name"], 0) + int(entity.get("mentions") or 1)
    return sorted(counts, key=lambda name: (-counts[name], name))[:limit]


def story_summary(brief: dict[str, Any]) -> dict[str, Any]:
    """A story as a list shows it (/api/stories): dates, counts, its summary's first line and the
    conflict most outlets are part of (the first such in the brief's order); the rest is in the brief."""
    claims = [claim for claim in brief.get("claims") or [] if isinstance(claim, dict)]
    conflicts = [claim for claim in claims if claim.get("status") == "conflict"]
    top = max(conflicts, key=lambda claim: len(claim.get("sources") or []), default=None)
    conflict = (top or {}).get("conflict") or {}
    lead = next((line.get("text") for line in brief.get("summary") or [] if isinstance(line, dict)), None)
    return {
        "id": brief["id"], "title": brief["title"], "title_generated": brief.get("title_generated", False),
        "first_seen": brief["first_seen"], "last_seen": brief["last_seen"],
        "article_count": len(brief["articles"]), "outlet_count": len(brief["outlets"]), "outlets": brief["outlets"],
        "independent_reports": brief["independent_reports"],
        "claim_count": len(claims), "conflict_count": len(conflicts), "quote_count": len(brief.get("quotes") or []),
        "lead": lead,
        "top_conflict": None if top is None else {
            "text": top.get("text", ""), "about": conflict.get("about"), "sources": top.get("sources") or [],
            "values": [{"source": value.get("source"), "value": value.get("value")}
                       for value in conflict.get("values") or [] if isinstance(value, dict)]},
    }


def story_brief(store: Store, story_id: str) -> dict[str, Any] | None:
    """The brief of a story (id or unique prefix; merged ids resolve), exactly as `show --json`."""
    row = store.story(story_id)
    return load_brief(store, row) if row else None


# --- articles -------------------------------------------------------------------------------


def article_data(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article: its fields (as in a brief), text, story, and every annotated span of its text.

    Spans come from the story's brief (claims, quotes, timeline, summary evidence) and from the
    stored entity mentions and quotes; each has kind, start, end, label and what it belongs to."""
    record = store.article_record(article_id)
    if record is None:
        return None
    entry = article_entry(article_from_row(record), record["group_id"])
    brief = story_brief(store, record["story_id"]) if record["story_id"] else None
    canonical = _canonical_names(brief)
    spans = _spans(store, article_id, brief, canonical)
    entities: dict[str, dict[str, Any]] = {}
    for span in spans:
        if span["kind"] == "entity":
            item = entities.setdefault(span["entity"], {"name": span["entity"], "type": span["type"], "mentions": 0})
            item["mentions"] += 1
    return {
        "article": {**entry, "text": record["text"]},
        "story": {"id": brief["id"], "title": brief["title"], "outlets": brief["outlets"],
                  "article_count": len(brief["articles"]), "sections": _sections(brief)} if brief else None,
        "spans": spans,
        "entities": sorted(entities.values(), key=lambda e: (-e["mentions"], e["name"])),
        "claims": _once_each([s for s in spans if s["kind"] in ("claim", "conflict")]),
        "quotes": [s for s in spans if s["kind"] == "quote"],
    }


def _once_each(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article's claims for its side list, each once, at its first sentence here: a conflict is
    highlighted both where the claim states it and where each value is given, but it is one claim."""
    seen: set[tuple[Any, Any]] = set()
    kept = []
    for span in claims:
        key = (span.get("anchor"), span.get("text"))
        if key not in seen:
            seen.add(key)
            kept.append(span)
    return kept


def _sections(brief: dict[str, Any]) -> list[str]:
    """The anchors the story page has for this brief (see story.html)."""
    statuses = {c.get("status") for c in brief.get("claims") or [] if isinstance(c, dict)}
    present = {"conflicts": "conflict" in statuses, "claims": "corroborated" in statuses,
               "by-outlet": "single" in statuses, "quotes": bool(brief.get("quotes")),
               "timeline": bool(brief.get("timeline")), "summary": bool(brief.get("summary"))}
    return [name for name, shown in present.items() if shown]


def _canonical_names(brief: dict[str, Any] | None) -> dict[str, str]:
    """Each spelling of a name in the story's brief -> the entity's canonical name."""
    names: dict[str, str] = {}
    for entity in (brief or {}).get("entities") or []:
        if isinstance(entity, dict) and isinstance(entity.get("name"), str):
            for spelling in [entity["name"], *(entity.get("aliases") or [])]:
                names.setdefault(str(spelling), entity["name"])
    return names


def _spans(store: Store, article_id: str, brief: dict[str, Any] | None,
           canonical: dict[str, str]) -> list[dict[str, Any]]:
    spans: dict[tuple[str, int, int], dict[str, Any]] = {}

    def add(kind: str, start: Any, end: Any, label: str, **extra: Any) -> None:
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
            spans.setdefault((kind, start, end), {"kind": kind, "start": start, "end": end, "label": label, **extra})

    if brief:
        for index, claim in enumerate(brief.get("claims", [])):
            if not shown_on_story_page(claim):
                continue  # its sentence is highlighted as the conflict or update that shows it
            kind = "conflict" if claim.get("status") == "conflict" else "claim"
            anchor = f"claim-{index}"
            about = (claim.get("conflict") or {}).get("about")
            label = f"{claim.get('status', 'claim')}: {claim.get('text', '')}" + (f" ({about})" if about else "")
            for span in claim.get("evidence") or []:
                if str(span.get("article")) == article_id:
                    add(kind, span.get("start"), span.get("end"), label, status=claim.get("status"),
                        text=claim.get("text"), sources=claim.get("sources"), anchor=anchor)
            for value in (claim.get("conflict") or {}).get("values") or []:
                for span in value.get("evidence") or []:
                    if str(span.get("article")) == article_id:
                        add("conflict", span.get("start"), span.get("end"), label, status="conflict",
                            text=claim.get("text"), value=value.get("value"), anchor=anchor)
            for value in (claim.get("update") or {}).get("values") or []:  # each report's figure
                for span in value.get("evidence") or []:
                    if str(span.get("article")) == article_id:
                        add(kind, span.get("start"), span.get("end"), label, status=claim.get("status"),
                            text=claim.get("text"), value=value.get("value"), anchor=anchor)
        for index, quote in enumerate(brief.get("quotes", [])):
            for variant in quote.get("variants") or []:
                if str(variant.get("article")) == article_id:
                    add("quote", variant.get("start"), variant.get("end"),
                        f"quote: {said_by(quote.get('speaker'), quote.get('unnamed_source'))}", speaker=quote.get("speaker"),
                        unnamed_source=quote.get("unnamed_source"), text=variant.get("text"), direct=quote.get("direct"),
                        anchor=f"quote-{index}")
        for kind, items in (("timeline", brief.get("timeline", [])), ("claim", brief.get("summary", []))):
            for index, item in enumerate(items):
                for span in item.get("evidence") or []:
                    if str(span.get("article")) == article_id:
                        label = f"{day_label(item.get('date'))}: {item.get('text')}" if kind == "timeline" \
                            else item.get("text", "")
                        add(kind, span.get("start"), span.get("end"), label, text=item.get("text"),
                            anchor=f"event-{index}" if kind == "timeline" else "summary",
                            **({"date": item.get("date")} if kind == "timeline" else {}))
    quoted = {(s["start"], s["end"]) for s in spans.values() if s["kind"] == "quote"}
    for quote in store.article_quotes(article_id):
        if (quote["start"], quote["end"]) not in quoted:
            speaker = canonical.get(quote["speaker"] or "", quote["speaker"])
            add("quote", quote["start"], quote["end"], f"quote: {said_by(speaker, quote['unnamed_source'])}",
                speaker=speaker, unnamed_source=quote["unnamed_source"] if not speaker else None,
                text=quote["text"], direct=quote["direct"])
    dated = {(s["start"], s["end"]) for s in spans.values() if s["kind"] == "timeline"}
    for time in store.article_times(article_id):
        if (time["start"], time["end"]) not in dated:
            add("timeline", time["start"], time["end"], f"date: {day_label(time['date'])}", text=time["text"], date=time["date"])
    for mention in store.article_mentions(article_id):
        name = canonical.get(mention["text"], mention["text"])
        add("entity", mention["start"], mention["end"], f"{mention['label']}: {name}", entity=name,
            type=mention["label"])
    return sorted(spans.values(), key=lambda s: (s["start"], -s["end"]))


def highlights(data: dict[str, Any], links: Any) -> list[Highlight]:
    """Highlights for the article page (from `article_data`): claims, quotes and dates link to the very
    claim, quote or event they support on the story page (else to its section, when it has one), names
    to their entity page."""
    story = data["story"]
    sections = {"conflict": "conflicts", "claim": "claims", "quote": "quotes", "timeline": "timeline"}
    present = set(story["sections"]) if story else set()
    out = []
    for span in data["spans"]:
        if span["kind"] == "entity":
            href = links.entity(span["entity"])
        else:
            section = sections[span["kind"]]
            anchor = span.get("anchor") or (section if section in present else None)
            href = links.story(story["id"], anchor=anchor) if story and anchor else None
        out.append(Highlight(kind=span["kind"], start=span["start"], end=span["end"], label=span["label"],
                             href=href))
    return out


# --- storylines ----------------------------------------------------------------------------


def storyline_summary(thread: dict[str, Any]) -> dict[str, Any]:
    """A storyline as a list shows it (/api/storylines): its stories and counts; the merged timeline is
    at /api/storylines/{id}."""
    stories = thread.get("stories") or []
    outlets = {outlet for story in stories for outlet in story.get("outlets") or []}
    return {"id": thread["id"], "title": thread["title"], "first_seen": thread["first_seen"],
            "last_seen": thread["last_seen"], "story_count": len(stories), "outlet_count": len(outlets),
            "timeline_count": len(thread.get("timeline") or []), "stories": stories}


_THREAD_NAME_TYPES = {"PERSON", "ORG", "GPE", "LOC", "EVENT", "FAC"}


def storyline_view(store: Store, thread: dict[str, Any]) -> dict[str, Any]:
    """What a storyline page shows beyond the thread's JSON: a heading from the names its stories share
    (the thread's own title is its latest story's), the outlet of each of its articles (for the
    evidence links), its timeline entries with anchors, and the timeline as a picture."""
    briefs = [brief for brief in (story_brief(store, story["id"]) for story in thread.get("stories") or []) if brief]
    articles = {str(a["id"]): a for brief in briefs for a in brief.get("articles", [])}
    timeline = [{**entry, "anchor": f"event-{index}"} for index, entry in enumerate(thread.get("timeline") or [])
                if isinstance(entry, dict)]
    claims = [claim for brief in briefs for claim in brief.get("claims", []) if isinstance(claim, dict)]
    conflicts = [claim for claim in claims if claim.get("status") == "conflict"]
    updates = [claim for claim in claims if isinstance(claim.get("update"), dict)]
    return {"heading": shared_names(briefs) or thread.get("title") or "A storyline", "articles": articles,
            "timeline": timeline, "chart": timeline_chart(timeline, conflicts, day_label, updates),
            "progressions": None if thread.get("progressions", []) is None  # not yet computed
            else progression_views(thread.get("progressions") or []),
            "titles": {brief["id"]: brief["title"] for brief in briefs}}


def shared_names(briefs: list[dict[str, Any]], most: int = 3) -> str | None:
    """'Marco Rubio, Ukraine and Volodymyr Zelensky': the names most of a thread's stories are about
    (people, organisations, places in two stories or more, the most shared first), or None."""
    stories: dict[str, int] = defaultdict(int)
    mentions: dict[str, int] = defaultdict(int)
    for brief in briefs:
        seen = set()
        for entity in brief.get("entities") or []:
            if isinstance(entity, dict) and entity.get("type") in _THREAD_NAME_TYPES and isinstance(entity.get("name"), str):
                seen.add(entity["name"])
                mentions[entity["name"]] += int(entity.get("mentions") or 1)
        for name in seen:
            stories[name] += 1
    names = sorted((n for n in stories if stories[n] >= 2), key=lambda n: (-stories[n], -mentions[n], n))[:most]
    if not names:
        return None
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


# --- entities, search, sources --------------------------------------------------------------


def entity_data(store: Store, key: str) -> dict[str, Any] | None:
    """An entity over time: mentions per day, latest mentions in context, its quotes, its stories."""
    entity = find_entity(store, key)
    if entity is None:
        return None
    forms = entity["forms"]
    return {
        "entity": entity,
        "by_day": [{"date": day["day"], "mentions": day["mentions"], "article_count": day["articles"],
                    "outlet_count": day["outlets"]} for day in store.entity_mentions_by_day(forms)],
        "latest_mentions": store.entity_mentions(forms),
        "quotes": store.entity_quotes(forms),
        "stories": store.entity_stories(forms),
    }


def search_data(store: Store, query: str, limit: int, offset: int) -> dict[str, Any]:
    """Articles matching the words typed, best first; snippets as [{text, match}] pieces."""
    hits, total = store.search_articles(query, limit=limit, offset=offset)
    results = []
    for hit in hits:
        title = marked_segments(hit.pop("title_marked"))
        snippet = marked_segments(hit.pop("snippet"))
        results.append({**hit, "title_segments": title, "snippet_segments": snippet,
                        "snippet": "".join(piece["text"] for piece in snippet)})
    return {"query": query, "total": total, "limit": limit, "offset": offset, "items": results}


def sources_data(store: Store) -> dict[str, Any]:
    """Every outlet, most articles first: articles, stories, days active, claims it alone reports,
    conflicts it is in, and the feeds its articles come from with their state. A feed whose outlet has
    no article yet is listed under that outlet all the same, with nothing counted."""
    feeds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    profiles = store.outlet_profiles()

    def described(name: str) -> dict[str, Any] | None:
        profile = profiles.get(name)
        return None if profile is None else {key: value for key, value in profile.items() if key != "name"}

    for state, outlet in store.feeds():
        feeds[outlet or state.title or state.url].append(feed_entry(state, outlet))
    outlets = [{"source": row["source"], "article_count": row["articles"], "story_count": row["stories"],
                "first_seen": row["first_day"], "last_seen": row["last_day"], "copy_count": row["copies"],
                "claim_count": row["claims"], "single_claim_count": row["only_outlet"],
                "conflict_count": row["conflicts"], "feeds": feeds.pop(row["source"], []),
                "description": described(row["source"])}
               for row in store.outlet_stats()]
    outlets += [{"source": name, "article_count": 0, "story_count": 0, "first_seen": None, "last_seen": None,
                 "copy_count": 0, "claim_count": 0, "single_claim_count": 0, "conflict_count": 0, "feeds": entries,
                 "description": described(name)}
                for name, entries in sorted(feeds.items())]
    return {"outlets": outlets}
