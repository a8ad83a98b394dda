"""The SQLite store: one file in WAL mode with FTS5. This module owns all of storyline's SQL.

Durability: WAL with synchronous=FULL. A commit is on disk (the WAL fsynced) before it returns, so
neither a killed process nor a power cut loses a committed article; NORMAL would survive a killed
process too, but a power cut could roll back the last commits. Measured by bench/kill.py on a busy
2-core machine: a one-row commit costs 2.8 ms with FULL against 0.1 ms with NORMAL, while ingesting
120 articles took 0.72 times as long with FULL as with NORMAL (median of two runs each, the order
alternated: noise, a trial of 60 gave 1.02): an ingest commits once per chunk of 256 articles and
once per story brief, and the models dominate. So FULL.

SQLite errors about the file itself (full disk, read-only, busy past the timeout, I/O, damage)
become one StoreError naming the file and saying what to do: see store_error."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterator

import numpy as np

from storyline.errors import StoreError
from storyline.model import Analysis, Article, Mention, Quote, StoryState, TimeExpression
from storyline.sources.feeds import FeedState
from storyline.sources.dates import format_published, parse_published
from storyline.store.reads import ReadQueries
from storyline.store.schema import MIGRATIONS


@dataclass(frozen=True)
class StoryRow:
    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    size: int


def open_store(db: str | Path, *, create: bool = True) -> "SQLiteStore":
    """Open (and, when create is true, create and migrate) the database named by --db."""
    path = Path(db)
    if not create and not path.exists():
        raise StoreError(f"{path}: no such database; run `storyline ingest PATH --db {path}` first")
    if path.parent and not path.parent.exists():
        raise StoreError(f"{path}: the folder {path.parent} does not exist")
    if create and path.exists() and not os.access(path, os.W_OK):
        # A writer learns it at once, before loading models or fetching feeds, not at its first commit.
        raise StoreError(f"{path}: {_READ_ONLY}")
    return SQLiteStore(path)


BUSY_TIMEOUT_S = 30.0

_READ_ONLY = ("the database is read-only; nothing was written (make the file and its folder writable, "
              "or use another --db)")
_ADVICE = {
    sqlite3.SQLITE_FULL: "the disk is full; this transaction was rolled back and everything stored before it is "
                         "intact (free some space and run the same command again: it stores only what is missing)",
    sqlite3.SQLITE_READONLY: _READ_ONLY,
    sqlite3.SQLITE_PERM: _READ_ONLY,
    sqlite3.SQLITE_BUSY: f"another process kept the database locked for over {BUSY_TIMEOUT_S:.0f} s; "
                         "nothing was written (run the command again when it has finished)",
    sqlite3.SQLITE_LOCKED: "the database is locked; nothing was written (run the command again)",
    sqlite3.SQLITE_IOERR: "the disk reported an I/O error; this transaction was rolled back (check the disk, "
                          "then run `storyline check`)",
    sqlite3.SQLITE_CANTOPEN: "cannot open the database file (check that it and its folder are readable and "
                             "writable)",
    sqlite3.SQLITE_CORRUPT: "the database is damaged (run `storyline check` to see what is wrong)",
    sqlite3.SQLITE_NOTADB: "this file is not a storyline (SQLite) database",
}


def store_error(path: Path, exc: sqlite3.Error) -> StoreError | None:
    """The one-line StoreError a person should see for an SQLite error about the file itself (full disk,
    read-only file, lock held too long, I/O error, damage); None for anything else, which is a bug to
    surface as it is (a constraint violated, say)."""
    code = error_code(exc)
    if code not in _ADVICE:
        return None
    return StoreError(f"{path}: {_ADVICE[code]} [{exc}]")


def error_code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code of an error (SQLITE_FULL, SQLITE_READONLY…), 0 when it has none."""
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


class SQLiteStore(ReadQueries):
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            # Writers wait for each other up to the busy timeout, then fail with one clear line; readers
            # never wait for a writer in WAL mode (they read the last committed snapshot).
            self.conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
            self._migrate()
        except StoreError:
            raise
        except sqlite3.DatabaseError as exc:
            raise store_error(path, exc) or StoreError(f"{path}: cannot open the database ({exc})") from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path}: made by a newer storyline (schema {version}); upgrade storyline")
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                for statement in _statements(script):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={number}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work: everything inside is committed together or not at all.

        A full disk, a read-only file or a lock held past the busy timeout becomes one StoreError naming
        the file, wherever inside the transaction SQLite reports it (a statement, or the commit)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
        except sqlite3.DatabaseError as exc:
            error = store_error(self.path, exc)
            if error is None:
                raise
            raise error from exc

    def _rollback(self) -> None:
        """Undo the open transaction, if SQLite has not already (it rolls back itself on some errors,
        SQLITE_FULL among them)."""
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.DatabaseError:
                pass  # the error that brought us here is the one to report

    # --- articles -------------------------------------------------------------------------

    def find_article(self, canonical_url: str | None, text_hash: str) -> str | None:
        """The id of a stored article with this canonical URL or this normalised text, if any."""
        row = self.conn.execute(
            "SELECT id FROM articles WHERE text_hash = ? OR (canonical_url IS NOT NULL AND canonical_url = ?) LIMIT 1",
            (text_hash, canonical_url),
        ).fetchone()
        return row["id"] if row else None

    def _source_id(self, name: str) -> int:
        self.conn.execute("INSERT OR IGNORE INTO sources(name) VALUES (?)", (name,))
        return self.conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()[0]

    def insert_article(self, article: Article) -> None:
        self.conn.execute(
            """INSERT INTO articles(id, external_id, source_id, title, url, canonical_url, published, published_day,
                                    language, text, text_hash, origin, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (article.id, article.external_id, self._source_id(article.source), article.title, article.url,
             article.canonical_url, format_published(article.published), _day(article.day), article.language,
             article.text, article.text_hash, article.origin, _now()),
        )

    def insert_duplicate(self, article_id: str, group_id: str, similarity: float, signature: np.ndarray,
                         version: str) -> None:
        self.conn.execute(
            "INSERT INTO duplicates(article_id, group_id, similarity, signature, version) VALUES (?, ?, ?, ?, ?)",
            (article_id, group_id, similarity, signature.astype(np.uint64).tobytes(), version),
        )

    def insert_vector(self, article_id: str, model: str, vector: np.ndarray, terms: set[str], version: str) -> None:
        self.conn.execute(
            "INSERT INTO vectors(article_id, model, vector, terms, version) VALUES (?, ?, ?, ?, ?)",
            (article_id, model, vector.astype(np.float32).tobytes(), json.dumps(sorted(terms)), version),
        )

    def article_terms(self) -> Iterator[set[str]]:
        """The key terms of every stored article, for document frequencies."""
        for row in self.conn.execute("SELECT terms FROM vectors"):
            yield set(json.loads(row["terms"]))

    def signatures(self) -> Iterator[tuple[str, str, np.ndarray]]:
        """(article id, duplicate group, MinHash signature) of every stored article."""
        for row in self.conn.execute("SELECT article_id, group_id, signature FROM duplicates"):
            yield row["article_id"], row["group_id"], np.frombuffer(row["signature"], dtype=np.uint64)

    def _article(self, row: sqlite3.Row) -> Article:
        return Article(id=row["id"], source=row["source"], text=row["text"], text_hash=row["text_hash"],
                       title=row["title"], published=parse_published(row["published"]), url=row["url"],
                       canonical_url=row["canonical_url"], external_id=row["external_id"], language=row["language"],
                       origin=row["origin"])

    _ARTICLE_SELECT = """SELECT a.*, s.name AS source, m.story_id, d.group_id
                         FROM articles a JOIN sources s ON s.id = a.source_id
                         LEFT JOIN story_members m ON m.article_id = a.id
                         LEFT JOIN duplicates d ON d.article_id = a.id"""

    def story_articles(self, story_id: str) -> list[tuple[Article, str | None]]:
        """The story's articles, oldest first, each with its duplicate group."""
        rows = self.conn.execute(
            self._ARTICLE_SELECT + " WHERE m.story_id = ? ORDER BY a.published_day IS NULL, a.published, a.rowid",
            (story_id,),
        )
        return [(self._article(row), row["group_id"]) for row in rows]

    def articles(self) -> Iterator[tuple[Article, str | None, str | None]]:
        """Every article in ingest order, with its story and duplicate group."""
        for row in self.conn.execute(self._ARTICLE_SELECT + " ORDER BY a.rowid"):
            yield self._article(row), row["story_id"], row["group_id"]

    def article_story(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)).fetchone()
        return row["story_id"] if row else None

    def recent_member_vectors(self, story_id: str, limit: int) -> list[np.ndarray]:
        """The vectors of a story's most recently assigned members, oldest first."""
        rows = self.conn.execute(
            """SELECT v.vector FROM vectors v JOIN story_members m ON m.article_id = v.article_id
               JOIN articles a ON a.id = v.article_id WHERE m.story_id = ? ORDER BY a.rowid DESC LIMIT ?""",
            (story_id, limit),
        ).fetchall()
        return [np.frombuffer(row["vector"], dtype=np.float32) for row in reversed(rows)]

    def merge_story(self, source: str, target: str, version: str) -> None:
        """Move every member of source into target; source's id keeps resolving to target."""
        self.conn.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?", (target, source))
        self.conn.execute("UPDATE stories SET merged_into = ?, updated_at = ? WHERE id = ?", (target, _now(), source))
        self.conn.execute("UPDATE stories SET merged_into = ? WHERE merged_into = ?", (target, source))
        self.conn.execute("INSERT OR REPLACE INTO story_merges(source, target, merged_at, version) VALUES (?, ?, ?, ?)",
                          (source, target, _now(), version))

    def member_vectors(self, story_id: str) -> list[tuple[str, np.ndarray]]:
        rows = self.conn.execute(
            """SELECT v.article_id, v.vector FROM vectors v JOIN story_members m ON m.article_id = v.article_id
               WHERE m.story_id = ? ORDER BY v.article_id""",
            (story_id,),
        )
        return [(row["article_id"], np.frombuffer(row["vector"], dtype=np.float32)) for row in rows]

    def article_heading(self, article_id: str) -> tuple[str | None, str]:
        row = self.conn.execute("SELECT title, text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row["title"], row["text"]

    def count(self, table: str) -> int:
        if table not in {"articles", "stories", "sources", "duplicates", "story_members"}:
            raise ValueError(table)
        where = " WHERE merged_into IS NULL" if table == "stories" else ""
        return self.conn.execute(f"SELECT count(*) FROM {table}{where}").fetchone()[0]

    def knows_url(self, url: str | None) -> bool:
        """Whether an article with this canonical URL is stored."""
        return bool(url) and self.conn.execute(
            "SELECT 1 FROM articles WHERE canonical_url = ? LIMIT 1", (url,)).fetchone() is not None

    def update_article(self, article_id: str, article: Article) -> None:
        """New text and headline for a stored article (an updated feed entry); FTS follows by trigger."""
        self.conn.execute("UPDATE articles SET title = ?, text = ?, text_hash = ?, published = COALESCE(?, published), "
                          "published_day = COALESCE(?, published_day) WHERE id = ?",
                          (article.title, article.text, article.text_hash, format_published(article.published),
                           _day(article.day), article_id))

    def replace_derived(self, article_id: str, signature: np.ndarray, vector: np.ndarray, terms: set[str]) -> None:
        self.conn.execute("UPDATE duplicates SET signature = ? WHERE article_id = ?",
                          (signature.astype(np.uint64).tobytes(), article_id))
        self.conn.execute("UPDATE vectors SET vector = ?, terms = ? WHERE article_id = ?",
                          (vector.astype(np.float32).tobytes(), json.dumps(sorted(terms)), article_id))

    def article_by_url(self, url: str) -> tuple[str, str] | None:
        """(id, text hash) of the article stored under a canonical URL."""
        row = self.conn.execute("SELECT id, text_hash FROM articles WHERE canonical_url = ?", (url,)).fetchone()
        return (row["id"], row["text_hash"]) if row else None

    # --- analysis -------------------------------------------------------------------------

    def insert_analysis(self, article_id: str, analysis: Analysis, version: str) -> None:
        """Store what the analysis found in one article (replacing any earlier result)."""
        for table in ("article_mentions", "article_quotes", "article_times", "analyzed"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.conn.executemany(
            "INSERT INTO article_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, m.start, m.end, m.text, m.label, m.title, m.title_start, m.acronym, version)
             for m in analysis.mentions])
        self.conn.executemany(
            "INSERT INTO article_quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, q.start, q.end, q.text, q.speaker, *(q.speaker_span or (None, None)), q.cue,
              *(q.cue_span or (None, None)), int(q.direct), *q.sentence, q.venue, q.venue_text, q.addressee,
              q.group, q.part, version) for q in analysis.quotes])
        self.conn.executemany(
            "INSERT INTO article_times VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, t.start, t.end, t.text, t.date, t.granularity, *t.sentence, t.end_date, version)
             for t in analysis.times])
        self.conn.execute("INSERT INTO analyzed VALUES (?, ?)", (article_id, version))

    def analyses(self, article_ids: list[str]) -> dict[str, Analysis]:
        """The stored analysis of each of these articles that has one."""
        result: dict[str, Analysis] = {}
        for article_id in article_ids:
            if not self.conn.execute("SELECT 1 FROM analyzed WHERE article_id = ?", (article_id,)).fetchone():
                continue
            mentions = tuple(Mention(text=r["text"], start=r["start"], end=r["end"], label=r["label"], title=r["title"],
                                     title_start=r["title_start"], acronym=r["acronym"])
                             for r in self.conn.execute("SELECT * FROM article_mentions WHERE article_id = ? "
                                                        "ORDER BY start", (article_id,)))
            quotes = tuple(Quote(text=r["text"], start=r["start"], end=r["end"], speaker=r["speaker"],
                                 speaker_span=_pair(r["speaker_start"], r["speaker_end"]), cue=r["cue"],
                                 cue_span=_pair(r["cue_start"], r["cue_end"]), direct=bool(r["direct"]),
                                 sentence=(r["sentence_start"], r["sentence_end"]), venue=r["venue"],
                                 venue_text=r["venue_text"], addressee=r["addressee"], group=r["grp"], part=r["part"])
                           for r in self.conn.execute("SELECT * FROM article_quotes WHERE article_id = ? "
                                                      "ORDER BY start", (article_id,)))
            times = tuple(TimeExpression(text=r["text"], start=r["start"], end=r["end"], date=r["date"],
                                         granularity=r["granularity"],
                                         sentence=(r["sentence_start"], r["sentence_end"]), end_date=r["end_date"])
                          for r in self.conn.execute("SELECT * FROM article_times WHERE article_id = ? "
                                                     "ORDER BY start", (article_id,)))
            result[article_id] = Analysis(mentions=mentions, quotes=quotes, times=times)
        return result

    def save_brief(self, story_id: str, brief: dict, size: int, version: str) -> None:
        """Keep a story's derived brief parts, as computed for its current members."""
        self.conn.execute(
            """INSERT INTO story_briefs(story_id, brief, size, version, updated_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT(story_id) DO UPDATE SET brief = excluded.brief, size = excluded.size,
                   version = excluded.version, updated_at = excluded.updated_at""",
            (story_id, json.dumps(brief, ensure_ascii=False), size, version, _now()))

    def brief(self, story_id: str) -> dict | None:
        row = self.conn.execute("SELECT brief FROM story_briefs WHERE story_id = ?", (story_id,)).fetchone()
        return json.loads(row["brief"]) if row else None

    def stale_briefs(self) -> list[str]:
        """Live stories whose brief is missing or was made for another membership (left half-done)."""
        rows = self.conn.execute(
            """SELECT s.id FROM stories s LEFT JOIN story_briefs b ON b.story_id = s.id
               WHERE s.merged_into IS NULL AND (b.story_id IS NULL OR b.size != s.size) ORDER BY s.rowid""")
        return [row["id"] for row in rows]

    # --- checks ---------------------------------------------------------------------------

    def problems(self) -> list[str]:
        """What is wrong with the database: integrity, orphan rows, indexes out of step with tables."""
        found = []
        result = [row[0] for row in self.conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            found += [f"integrity: {line}" for line in result[:20]]
        found += [f"foreign key: {row[0]} row {row[1]} points at a missing {row[2]} row"
                  for row in self.conn.execute("PRAGMA foreign_key_check").fetchall()[:20]]
        checks = {
            "articles without a story": "SELECT count(*) FROM articles a LEFT JOIN story_members m ON m.article_id = a.id "
                                        "WHERE m.article_id IS NULL",
            "articles without a vector": "SELECT count(*) FROM articles a LEFT JOIN vectors v ON v.article_id = a.id "
                                         "WHERE v.article_id IS NULL",
            "articles without a duplicate group": "SELECT count(*) FROM articles a LEFT JOIN duplicates d "
                                                  "ON d.article_id = a.id WHERE d.article_id IS NULL",
            "members of a merged story": "SELECT count(*) FROM story_members m JOIN stories s ON s.id = m.story_id "
                                         "WHERE s.merged_into IS NOT NULL",
            "stories whose size disagrees with their members":
                "SELECT count(*) FROM stories s WHERE s.merged_into IS NULL AND s.size != "
                "(SELECT count(*) FROM story_members m WHERE m.story_id = s.id)",
        }
        for name, sql in checks.items():
            count = self.conn.execute(sql).fetchone()[0]
            if count:
                found.append(f"{count} {name}")
        try:
            self.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            if error_code(exc) == sqlite3.SQLITE_READONLY:
                # FTS5 checks itself through an INSERT, which a read-only file refuses.
                found.append("the full-text index was not checked: the database is read-only")
            else:
                found.append(f"full-text index out of step with the articles ({exc})")
        stale = len(self.stale_briefs())
        if stale:
            found.append(f"{stale} stories whose brief is missing or stale")
        return found

    def rebuild_search_index(self) -> None:
        """Rebuild the FTS5 index from the articles table."""
        with self.transaction():
            self.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")

    # --- storylines ------------------------------------------------------------------------

    def story_sketch_rows(self, since: date | None = None) -> list[sqlite3.Row]:
        """id, centroid, dates and brief of live stories seen since a day (all when None)."""
        return self.conn.execute(
            """SELECT s.id, s.centroid, s.first_seen, s.last_seen, b.brief FROM stories s
               JOIN story_briefs b ON b.story_id = s.id
               WHERE s.merged_into IS NULL AND (? IS NULL OR s.last_seen IS NULL OR s.last_seen >= ?)""",
            (_day(since), _day(since))).fetchall()

    def replace_links(self, story_id: str, links: list[tuple[str, float]], version: str) -> None:
        """Set the links of one story (both directions are stored once, smaller id first)."""
        self.conn.execute("DELETE FROM story_links WHERE a = ? OR b = ?", (story_id, story_id))
        self.conn.executemany("INSERT OR REPLACE INTO story_links VALUES (?, ?, ?, ?)",
                              [(min(story_id, other), max(story_id, other), score, version) for other, score in links])

    def story_links(self) -> list[tuple[str, str]]:
        """Links between live stories."""
        rows = self.conn.execute(
            """SELECT l.a, l.b FROM story_links l JOIN stories sa ON sa.id = l.a JOIN stories sb ON sb.id = l.b
               WHERE sa.merged_into IS NULL AND sb.merged_into IS NULL ORDER BY l.a, l.b""")
        return [(row["a"], row["b"]) for row in rows]

    def first_seen_days(self) -> dict[str, str | None]:
        return {row["id"]: row["first_seen"] for row in
                self.conn.execute("SELECT id, first_seen FROM stories WHERE merged_into IS NULL")}

    def briefs_with_speaker(self) -> Iterator[tuple[str, dict]]:
        """(story id, stored brief) of every live story, for entity pages."""
        for row in self.conn.execute("""SELECT b.story_id, b.brief FROM story_briefs b JOIN stories s ON s.id = b.story_id
                                        WHERE s.merged_into IS NULL ORDER BY s.first_seen, s.id"""):
            yield row["story_id"], json.loads(row["brief"])

    # --- feeds ----------------------------------------------------------------------------

    def save_feed(self, state: FeedState, source: str | None = None) -> None:
        """Subscribe to a feed, or record the outcome of its latest poll."""
        def stamp(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        self.conn.execute(
            """INSERT INTO feeds(url, source, title, etag, last_modified, last_success, last_error, next_poll,
                                 failures, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(url) DO UPDATE SET source = COALESCE(excluded.source, feeds.source),
                   title = COALESCE(excluded.title, feeds.title), etag = excluded.etag,
                   last_modified = excluded.last_modified,
                   last_success = COALESCE(excluded.last_success, feeds.last_success),
                   last_error = excluded.last_error, next_poll = excluded.next_poll, failures = excluded.failures""",
            (state.url, source, state.title, state.etag, state.last_modified, stamp(state.last_success),
             state.last_error, stamp(state.next_poll), state.failures, _now()),
        )

    def entry_fingerprint(self, link: str) -> str | None:
        row = self.conn.execute("SELECT fingerprint FROM feed_entries WHERE link = ?", (link,)).fetchone()
        return row["fingerprint"] if row else None

    def save_entry_fingerprints(self, fingerprints: dict[str, str]) -> None:
        self.conn.executemany(
            "INSERT INTO feed_entries(link, fingerprint, seen_at) VALUES (?, ?, ?) "
            "ON CONFLICT(link) DO UPDATE SET fingerprint = excluded.fingerprint, seen_at = excluded.seen_at",
            [(link, fingerprint, _now()) for link, fingerprint in fingerprints.items()])

    def feeds(self) -> list[tuple[FeedState, str | None]]:
        """Every subscribed feed's state and the outlet name it was given (if any)."""
        def when(value: str | None) -> datetime | None:
            return datetime.fromisoformat(value) if value else None

        rows = self.conn.execute("SELECT * FROM feeds ORDER BY url")
        return [(FeedState(url=row["url"], etag=row["etag"], last_modified=row["last_modified"],
                           last_success=when(row["last_success"]), last_error=row["last_error"],
                           next_poll=when(row["next_poll"]), failures=row["failures"], title=row["title"]),
                 row["source"]) for row in rows]

    def source_counts(self) -> list[tuple[str, int, int]]:
        """(outlet, articles, stories) for every outlet, most articles first."""
        rows = self.conn.execute(
            """SELECT s.name, count(a.id) AS articles, count(DISTINCT m.story_id) AS stories
               FROM sources s LEFT JOIN articles a ON a.source_id = s.id
               LEFT JOIN story_members m ON m.article_id = a.id GROUP BY s.id ORDER BY articles DESC, s.name""")
        return [(row["name"], row["articles"], row["stories"]) for row in rows]

    # --- stories --------------------------------------------------------------------------

    def active_stories(self, since: date | None = None) -> list[StoryState]:
        """Live stories seen on or after `since` (all when None), undated ones always; merged ones never."""
        rows = self.conn.execute(
            """SELECT id, centroid, size, terms, first_seen, last_seen FROM stories
               WHERE merged_into IS NULL AND (? IS NULL OR last_seen IS NULL OR last_seen >= ?) ORDER BY rowid""",
            (_day(since), _day(since)),
        )
        return [
            StoryState(id=row["id"], centroid=np.frombuffer(row["centroid"], dtype=np.float32).copy(), size=row["size"],
                       terms=json.loads(row["terms"]),
                       first_seen=date.fromisoformat(row["first_seen"]) if row["first_seen"] else None,
                       last_seen=date.fromisoformat(row["last_seen"]) if row["last_seen"] else None)
            for row in rows
        ]

    def save_story(self, story: StoryState, title: str, title_article: str | None, version: str) -> None:
        now = _now()
        self.conn.execute(
            """INSERT INTO stories(id, title, title_article, first_seen, last_seen, size, centroid, terms,
                                   created_at, updated_at, version)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET title = excluded.title, title_article = excluded.title_article,
                   first_seen = excluded.first_seen, last_seen = excluded.last_seen, size = excluded.size,
                   centroid = excluded.centroid, terms = excluded.terms, updated_at = excluded.updated_at,
                   version = excluded.version""",
            (story.id, title, title_article, _day(story.first_seen), _day(story.last_seen), story.size,
             story.centroid.astype(np.float32).tobytes(), json.dumps(story.terms, sort_keys=True), now, now, version),
        )

    def add_member(self, article_id: str, story_id: str, score: float, version: str) -> None:
        self.conn.execute(
            "INSERT INTO story_members(article_id, story_id, score, version, assigned_at) VALUES (?, ?, ?, ?, ?)",
            (article_id, story_id, score, version, _now()),
        )

    def stories(self, limit: int | None = None, offset: int = 0) -> list[StoryRow]:
        """Live stories, newest first (by last day seen, then by size)."""
        rows = self.conn.execute(
            """SELECT id, title, first_seen, last_seen, size FROM stories WHERE merged_into IS NULL
               ORDER BY last_seen IS NULL, last_seen DESC, size DESC, id LIMIT ? OFFSET ?""",
            (-1 if limit is None else limit, offset),
        )
        return [StoryRow(**dict(row)) for row in rows]

    def story(self, story_id: str) -> StoryRow | None:
        """A story by id or unique id prefix; a merged story resolves to the story it joined."""
        rows = self.conn.execute(
            "SELECT id, title, first_seen, last_seen, size, merged_into FROM stories WHERE id = ? OR id LIKE ? LIMIT 2",
            (story_id, story_id.replace("%", "").replace("_", "") + "%"),
        ).fetchall()
        exact = [row for row in rows if row["id"] == story_id]
        if exact:
            rows = exact
        if len(rows) != 1:
            return None
        row = rows[0]
        if row["merged_into"]:
            return self.story(row["merged_into"])
        return StoryRow(id=row["id"], title=row["title"], first_seen=row["first_seen"], last_seen=row["last_seen"],
                        size=row["size"])


def _pair(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None


def _statements(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements, buffer = [], []
    for line in script.splitlines():
        if not line.strip() or line.strip().startswith("--"):
            continue
        buffer.append(line)
        text = "\n".join(buffer)
        if sqlite3.complete_statement(text):
            statements.append(text)
            buffer = []
    return statements
