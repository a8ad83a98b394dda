"""Read-only queries behind the web pages and the JSON API: pages of stories with filters, full-text
search with snippets, one article with its annotations, one entity over time, per-outlet figures.

`ReadQueries` is a mixin over a store (store/core.py) whose `self.conn` returns rows readable by
name and by position, on the schema of store/schema.py (migration 5: article_mentions, article_quotes, article_times and the
story_briefs JSON). Nothing here writes. What no stage has computed yet (claims, say) gives empty
lists and zero counts, never errors."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from storyline.store.rows import article_from_row, story_from_row

# Full-text search wraps matches in these; they are private-use characters, so article text never meets them
# in practice, and the web layer escapes the text before turning them into <mark> (see web/views.py).
MATCH_START = "\ue000"
MATCH_END = "\ue001"

_TOKEN = re.compile(r"[\w][\w'’.-]*\*?", re.UNICODE)


@dataclass(frozen=True)
class StoryFilters:
    """What a list of stories may be narrowed by; None means no restriction."""

    since: str | None = None  # ISO day: stories still running on or after it
    until: str | None = None  # ISO day: stories that had started by then
    outlet: str | None = None  # an outlet name: stories it reported
    entity: str | None = None  # an entity id, name or alias: stories whose articles mention it

    def active(self) -> bool:
        return any(value for value in (self.since, self.until, self.outlet, self.entity))


def search_words(text: str) -> list[tuple[str, bool]]:
    """The words a person typed, each with whether it ends in `*` (a prefix), at most 32."""
    words = []
    for token in _TOKEN.findall(text or ""):
        word = token.rstrip("*").strip(".'’-")
        if word:
            words.append((word, token.endswith("*")))
    return words[:32]


def fts_query(text: str) -> str | None:
    """A safe FTS5 query from what a person typed: every word must occur; `word*` is a prefix.

    Each word is quoted, so FTS5 operators and punctuation in the input are never syntax."""
    terms = ['"' + word.replace('"', '""') + '"' + ("*" if prefix else "") for word, prefix in search_words(text)]
    return " ".join(terms) or None


class ReadQueries:
    """Read-only SQL for the web UI and the JSON API, mixed into the store that owns `conn`."""

    conn: Any

    # --- stories --------------------------------------------------------------------------

    def _story_where(self, filters: StoryFilters) -> tuple[str, list[Any]]:
        clauses, params = ["s.merged_into IS NULL"], []
        if filters.since:
            clauses.append("(s.last_seen IS NULL OR s.last_seen >= ?)")
            params.append(filters.since)
        if filters.until:
            clauses.append("(s.first_seen IS NULL OR s.first_seen <= ?)")
            params.append(filters.until)
        if filters.outlet:
            clauses.append("""s.id IN (SELECT m.story_id FROM story_members m JOIN articles a ON a.id = m.article_id
                                       JOIN sources so ON so.id = a.source_id WHERE so.name = ?)""")
            params.append(filters.outlet)
        if filters.entity:
            entity = self.entity_record(filters.entity)
            forms = entity["forms"] if entity else [filters.entity]
            clauses.append(f"""s.id IN (SELECT m.story_id FROM article_mentions am JOIN story_members m
                                        ON m.article_id = am.article_id
                                        WHERE am.text IN ({",".join("?" * len(forms))}))""")
            params.extend(forms)
        return " AND ".join(clauses), params

    def story_rows(self, filters: StoryFilters = StoryFilters(), limit: int = 20, offset: int = 0) -> list[Any]:
        """A page of live stories, newest first, in the order of `stories` (and `stories --json`):
        by last day seen, then size, then id; undated stories last.

        Dated and undated stories are read apart so that the dated ones walk the last_seen index
        instead of sorting every story (a deep page of 5,000 stories: 3 ms instead of 13)."""
        where, params = self._story_where(filters)
        columns = "s.id, s.title, s.first_seen, s.last_seen, s.size, s.title_generated"
        rows = self.conn.execute(
            f"""SELECT {columns} FROM stories s WHERE {where} AND s.last_seen IS NOT NULL
                ORDER BY s.last_seen DESC, s.size DESC, s.id LIMIT ? OFFSET ?""", (*params, limit, offset)).fetchall()
        if len(rows) < limit:
            dated = offset + len(rows) if rows else self.conn.execute(
                f"SELECT count(*) FROM stories s WHERE {where} AND s.last_seen IS NOT NULL", params).fetchone()[0]
            rows += self.conn.execute(
                f"""SELECT {columns} FROM stories s WHERE {where} AND s.last_seen IS NULL
                    ORDER BY s.size DESC, s.id LIMIT ? OFFSET ?""",
                (*params, limit - len(rows), max(offset - dated, 0))).fetchall()
        return [story_from_row(row) for row in rows]

    def count_stories(self, filters: StoryFilters = StoryFilters()) -> int:
        where, params = self._story_where(filters)
        return int(self.conn.execute(f"SELECT count(*) FROM stories s WHERE {where}", params).fetchone()[0])

    def members_of(self, story_ids: list[str]) -> dict[str, list[tuple[Any, str | None]]]:
        """Each story's articles (without their text) and duplicate groups, oldest first, as
        `story_articles` orders them, for a whole page of stories in one query."""
        found: dict[str, list[tuple[Any, str | None]]] = {story_id: [] for story_id in story_ids}
        if not story_ids:
            return found
        rows = self.conn.execute(
            f"""SELECT a.id, a.external_id, s.name AS source, a.title, a.title_generated, a.url, a.canonical_url, a.published,
                       a.language, a.origin, m.story_id, d.group_id
                FROM story_members m JOIN articles a ON a.id = m.article_id JOIN sources s ON s.id = a.source_id
                LEFT JOIN duplicates d ON d.article_id = a.id
                WHERE m.story_id IN ({",".join("?" * len(story_ids))})
                ORDER BY m.story_id, a.published_day IS NULL, a.published, a.rowid""", story_ids)
        for row in rows:
            found[row["story_id"]].append((article_from_row(row), row["group_id"]))
        return found

    def briefs_of(self, story_ids: list[str]) -> dict[str, dict[str, Any]]:
        """The stored brief parts of a page of stories, in one query (stories without one are absent)."""
        if not story_ids:
            return {}
        rows = self.conn.execute(
            f"SELECT story_id, brief FROM story_briefs WHERE story_id IN ({','.join('?' * len(story_ids))})", story_ids)
        return {row["story_id"]: json.loads(row["brief"]) for row in rows}

    def outlet_names(self) -> list[str]:
        """Every outlet that has an article, alphabetically."""
        rows = self.conn.execute("SELECT name FROM sources s WHERE EXISTS (SELECT 1 FROM articles a "
                                 "WHERE a.source_id = s.id) ORDER BY lower(name), name")
        return [row["name"] for row in rows]

    def story_reporters(self, filters: StoryFilters = StoryFilters()) -> list[dict[str, Any]]:
        """For every live story the filters keep, each article's id, outlet, publication time and
        duplicate group, with the story's id and last day: what ranking stories by their independent
        voices (voices.py) and their recency reads. No text, no briefs."""
        where, params = self._story_where(filters)
        rows = self.conn.execute(
            f"""SELECT s.id AS story_id, s.last_seen, a.id, so.name AS source, a.published, d.group_id
                FROM stories s JOIN story_members m ON m.story_id = s.id JOIN articles a ON a.id = m.article_id
                JOIN sources so ON so.id = a.source_id LEFT JOIN duplicates d ON d.article_id = a.id
                WHERE {where}""", params)
        return [dict(row) for row in rows]

    def stories_by_id(self, story_ids: list[str]) -> list[Any]:
        """These live stories as `story_rows` gives them, in the order of the ids given."""
        if not story_ids:
            return []
        rows = self.conn.execute(
            f"""SELECT id, title, first_seen, last_seen, size, title_generated FROM stories
                WHERE id IN ({",".join("?" * len(story_ids))})""", story_ids)
        found = {row["id"]: story_from_row(row) for row in rows}
        return [found[story_id] for story_id in story_ids if story_id in found]

    def stories_updated(self) -> str | None:
        """When any story was last saved or merged (a story's members and days change only then)."""
        value = self.conn.execute("SELECT max(updated_at) FROM stories").fetchone()[0]
        return None if value is None else str(value)

    def newest_day(self) -> str | None:
        """The day of the newest dated article stored."""
        value = self.conn.execute("SELECT max(published_day) FROM articles").fetchone()[0]
        return None if value is None else str(value)

    def day_range(self) -> tuple[str | None, str | None]:
        """The first and last day any live story was seen."""
        row = self.conn.execute("SELECT min(first_seen) AS lo, max(last_seen) AS hi FROM stories "
                                "WHERE merged_into IS NULL").fetchone()
        return row["lo"], row["hi"]

    # --- articles -------------------------------------------------------------------------

    def article_record(self, article_id: str) -> dict[str, Any] | None:
        """One article with its outlet, story (and story title) and duplicate group; None if unknown."""
        row = self.conn.execute(
            """SELECT a.id, a.external_id, s.name AS source, a.title, a.title_generated, a.url, a.published,
                      a.published_day,
                      a.language, a.text, a.origin, m.story_id, st.title AS story_title, d.group_id
               FROM articles a JOIN sources s ON s.id = a.source_id
               LEFT JOIN story_members m ON m.article_id = a.id
               LEFT JOIN stories st ON st.id = m.story_id
               LEFT JOIN duplicates d ON d.article_id = a.id WHERE a.id = ?""", (article_id,)).fetchone()
        return dict(row) if row else None

    def article_mentions(self, article_id: str) -> list[dict[str, Any]]:
        """Names found in one article (text, label, start, end, the title before it), in text order."""
        rows = self.conn.execute(
            'SELECT text, label, start, "end", title FROM article_mentions WHERE article_id = ? ORDER BY start, "end"',
            (article_id,))
        return [dict(row) for row in rows]

    def article_quotes(self, article_id: str) -> list[dict[str, Any]]:
        """Statements in one article, in text order, with speaker (or the source given unnamed), cue and venue as the
        analysis found them."""
        rows = self.conn.execute(
            """SELECT text, speaker, unnamed_source, start, "end", direct, cue, venue FROM article_quotes
               WHERE article_id = ?
               ORDER BY start""", (article_id,))
        return [{**dict(row), "direct": bool(row["direct"])} for row in rows]

    def article_times(self, article_id: str) -> list[dict[str, Any]]:
        """Dates in one article, each resolved to a calendar day, week, month or year."""
        rows = self.conn.execute(
            """SELECT text, date, granularity, end_date, start, "end" FROM article_times WHERE article_id = ?
               ORDER BY start""", (article_id,))
        return [dict(row) for row in rows]

    # --- search ---------------------------------------------------------------------------

    def search_articles(self, text: str, limit: int = 20, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Articles matching every word typed (best first) and how many match in all.

        Each hit has id, source, title, published, url, story_id, story_title, `title_marked` and
        `snippet`, where matches sit between MATCH_START and MATCH_END; the text around them is raw
        article text, for the caller to escape. The store's own full-text index answers."""
        words = search_words(text)
        if not words:
            return [], 0
        return self._search(words, limit, offset)

    def _search(self, words: list[tuple[str, bool]], limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        raise NotImplementedError

    # --- entities -------------------------------------------------------------------------
    # An entity across the corpus is a name: the briefs of the stories that mention it give its
    # canonical name, type and other spellings, and the article mentions of any of those spellings
    # are its mentions.

    def entity_record(self, key: str) -> dict[str, Any] | None:
        """The entity a name or alias (any case) stands for: name, type, aliases and `forms` (every
        spelling to look up), or None when no article mentions it."""
        key = " ".join(key.split())
        if not key:
            return None
        stories = self._stories_mentioning([key])
        if not stories:
            rows = self.conn.execute(
                """SELECT DISTINCT m.story_id FROM article_mentions am JOIN story_members m ON m.article_id = am.article_id
                   WHERE lower(am.text) = lower(?) LIMIT 200""", (key,))
            stories = [row["story_id"] for row in rows]
        if not stories:
            # A titled alias ("Secretary Rubio") is never a mention's text: look for it in the briefs.
            pattern = json.dumps(key, ensure_ascii=False)[1:-1]
            pattern = "%" + pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            rows = self.conn.execute("SELECT story_id FROM story_briefs WHERE lower(brief) LIKE lower(?) ESCAPE '\\' "
                                     "LIMIT 200", (pattern,))
            stories = [row["story_id"] for row in rows]
        if not stories:
            return None
        wanted = key.casefold()
        names: dict[str, int] = {}
        types: dict[str, int] = {}
        aliases: set[str] = set()
        placeholders = ",".join("?" * len(stories))
        for row in self.conn.execute(f"SELECT brief FROM story_briefs WHERE story_id IN ({placeholders})", stories):
            try:
                entities = json.loads(row["brief"]).get("entities") or []
            except (ValueError, AttributeError):
                continue
            for entity in entities:
                if not isinstance(entity, dict) or not isinstance(entity.get("name"), str):
                    continue
                spellings = [entity["name"], *(a for a in entity.get("aliases") or [] if isinstance(a, str))]
                if wanted in (s.casefold() for s in spellings):
                    weight = int(entity.get("mentions") or 1)
                    names[entity["name"]] = names.get(entity["name"], 0) + weight
                    types[str(entity.get("type"))] = types.get(str(entity.get("type")), 0) + weight
                    aliases.update(spellings)
        if names:
            name = max(names, key=lambda n: (names[n], len(n)))
            kind = max(types, key=lambda t: types[t])
        else:
            row = self.conn.execute("SELECT text, label FROM article_mentions WHERE lower(text) = lower(?) "
                                    "GROUP BY text, label ORDER BY count(*) DESC, text, label LIMIT 1", (key,)).fetchone()
            if row is None:
                return None
            name, kind = row["text"], row["label"]
        forms = sorted({name, key, *aliases})
        return {"name": name, "type": kind, "aliases": sorted(aliases - {name}), "forms": forms,
                "mentions": self._count_mentions(forms)}

    def _stories_mentioning(self, forms: list[str], limit: int = 200) -> list[str]:
        rows = self.conn.execute(
            f"""SELECT DISTINCT m.story_id FROM article_mentions am JOIN story_members m ON m.article_id = am.article_id
                WHERE am.text IN ({",".join("?" * len(forms))}) LIMIT ?""", (*forms, limit))
        return [row["story_id"] for row in rows]

    def _count_mentions(self, forms: list[str]) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM article_mentions WHERE text IN ({','.join('?' * len(forms))})",
                                     forms).fetchone()[0])

    def entity_mentions_by_day(self, forms: list[str]) -> list[dict[str, Any]]:
        """How many mentions, in how many articles and outlets, day by day (undated last)."""
        rows = self.conn.execute(
            f"""SELECT a.published_day AS day, count(*) AS mentions, count(DISTINCT a.id) AS articles,
                       count(DISTINCT a.source_id) AS outlets
                FROM article_mentions am JOIN articles a ON a.id = am.article_id
                WHERE am.text IN ({",".join("?" * len(forms))})
                GROUP BY a.published_day ORDER BY a.published_day IS NULL, a.published_day""", forms)
        return [dict(row) for row in rows]

    def entity_mentions(self, forms: list[str], limit: int = 50, context: int = 90) -> list[dict[str, Any]]:
        """The latest mentions with the text around each (`before`, `text`, `after`), newest first."""
        rows = self.conn.execute(
            f"""SELECT a.id AS article, s.name AS source, a.title, a.published, m.story_id, am.start, am."end",
                       substr(a.text, CASE WHEN am.start > ? THEN am.start - ? ELSE 0 END + 1,
                              CASE WHEN am.start < ? THEN am.start ELSE ? END) AS before,
                       substr(a.text, am.start + 1, am."end" - am.start) AS text,
                       substr(a.text, am."end" + 1, ?) AS after
                FROM article_mentions am JOIN articles a ON a.id = am.article_id JOIN sources s ON s.id = a.source_id
                LEFT JOIN story_members m ON m.article_id = a.id WHERE am.text IN ({",".join("?" * len(forms))})
                ORDER BY a.published_day IS NULL, a.published_day DESC, a.rowid DESC, am.start LIMIT ?""",
            (context, context, context, context, context, *forms, limit))
        return [dict(row) for row in rows]

    def entity_quotes(self, forms: list[str], limit: int = 100) -> list[dict[str, Any]]:
        """What the entity said, newest first: statements whose speaker is one of its spellings."""
        rows = self.conn.execute(
            f"""SELECT q.text, q.direct, q.venue, q.start, q."end", a.id AS article, s.name AS source, a.title,
                       a.published, m.story_id
                FROM article_quotes q JOIN articles a ON a.id = q.article_id JOIN sources s ON s.id = a.source_id
                LEFT JOIN story_members m ON m.article_id = a.id WHERE q.speaker IN ({",".join("?" * len(forms))})
                ORDER BY a.published_day IS NULL, a.published_day DESC, a.rowid DESC, q.start LIMIT ?""",
            (*forms, limit))
        return [{**dict(row), "direct": bool(row["direct"])} for row in rows]

    def entity_stories(self, forms: list[str], limit: int = 20) -> list[dict[str, Any]]:
        """The live stories that mention the entity, most mentions first."""
        rows = self.conn.execute(
            f"""SELECT st.id, st.title, st.first_seen, st.last_seen, count(*) AS mentions
                FROM article_mentions am JOIN story_members m ON m.article_id = am.article_id
                JOIN stories st ON st.id = m.story_id
                WHERE am.text IN ({",".join("?" * len(forms))}) AND st.merged_into IS NULL
                GROUP BY st.id ORDER BY mentions DESC, st.last_seen DESC, st.id LIMIT ?""", (*forms, limit))
        return [dict(row) for row in rows]

    # --- outlets --------------------------------------------------------------------------

    def outlet_stats(self) -> list[dict[str, Any]]:
        """Per outlet: articles, stories, first and last day, near-copies, and from the stories' briefs
        the claims it supports, those it alone reports (status single) and those in conflict it is part
        of. Most articles first; claim counts are 0 until claims have been computed."""
        claims: dict[str, dict[str, int]] = {}
        rows = self.conn.execute("""SELECT b.brief FROM story_briefs b JOIN stories st ON st.id = b.story_id
                                    WHERE st.merged_into IS NULL""")
        for row in rows:
            for claim in _brief_claims(row["brief"]):
                for source in claim.get("sources") or []:
                    counts = claims.setdefault(source, {"claims": 0, "only_outlet": 0, "conflicts": 0})
                    counts["claims"] += 1
                    counts["only_outlet"] += claim.get("status") == "single"
                    counts["conflicts"] += claim.get("status") == "conflict"
        rows = self.conn.execute(
            """SELECT s.name AS source, count(*) AS articles, count(DISTINCT m.story_id) AS stories,
                      min(a.published_day) AS first_day, max(a.published_day) AS last_day,
                      count(CASE WHEN d.group_id != a.id THEN 1 END) AS copies
               FROM articles a JOIN sources s ON s.id = a.source_id
               LEFT JOIN story_members m ON m.article_id = a.id LEFT JOIN duplicates d ON d.article_id = a.id
               GROUP BY a.source_id, s.name ORDER BY articles DESC, s.name""")
        empty = {"claims": 0, "only_outlet": 0, "conflicts": 0}
        return [{**dict(row), **claims.get(row["source"], empty)} for row in rows]


def _brief_claims(brief: str) -> list[dict[str, Any]]:
    """The claims of a stored brief; none from a brief that is not the JSON object it should be."""
    try:
        claims = json.loads(brief).get("claims") or []
    except (ValueError, AttributeError):
        return []
    return [claim for claim in claims if isinstance(claim, dict)]
