"""The store: every read and write of storyline's state, in SQL that SQLite and PostgreSQL both
speak. This module and reads.py own all of storyline's portable SQL; sqlite.py and postgres.py
hold only what genuinely differs (connecting, transactions, migrations bookkeeping, full-text
search, how a vector is stored, integrity checks).

Portable means: `?` placeholders (the PostgreSQL connection converts them), `INSERT ... ON
CONFLICT`, no scalar min/max, booleans as integers, `"end"` quoted, `lower()` instead of
COLLATE NOCASE, and text compared byte by byte (PostgreSQL columns use the "C" collation)."""

from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager
from datetime import date, datetime, timezone
from typing import Any, Iterable, Iterator, Mapping

import numpy as np

from storyline.errors import StoreError
from storyline.model import Analysis, Article, Mention, Quote, StoryState, TimeExpression
from storyline.sources.dates import format_published
from storyline.sources.feeds import FeedState
from storyline.store.outlets import OutletRecords
from storyline.store.owed import OwedWork
from storyline.store.progression_rows import ProgressionRows
from storyline.store.reads import ReadQueries
from storyline.store.rows import NO_LIMIT, StoredArticle, StoryRow, article_from_row, in_chunks, story_from_row
from storyline.store.schema import MIGRATIONS
from storyline.store.word_counts import WordCounts


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


class Store(ReadQueries, OutletRecords, ProgressionRows, OwedWork, WordCounts):
    """The operations of storyline over one database; a subclass connects and fills in its dialect.

    `conn` has `execute(sql, params)` (returning rows readable by name and by position) and
    `executemany(sql, rows)`. Writes happen inside `transaction()`, which also serialises writers:
    one writing transaction at a time per database, whichever process holds it."""

    name: str  # the database as people should see it in messages (never with a password)
    conn: Any

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- what each dialect provides -------------------------------------------------------

    database_error: type[Exception] = Exception  # what the driver raises when the database refuses

    def _begin(self) -> None:
        """Start a writing transaction, waiting for any other writer to finish."""
        raise NotImplementedError

    def schema_version(self) -> int:
        raise NotImplementedError

    def _apply_migration(self, number: int, script: str) -> None:
        """Run one migration script (in SQLite's words) and record its number, inside a transaction."""
        raise NotImplementedError

    def _vector_param(self, vector: np.ndarray) -> Any:
        """A float32 vector as the database stores it."""
        return vector.astype(np.float32).tobytes()

    def _vector_value(self, stored: Any) -> np.ndarray:
        return np.frombuffer(stored, dtype=np.float32)

    def _dialect_problems(self) -> list[str]:
        """Integrity problems only this database can see (its own checks, its search index)."""
        raise NotImplementedError

    def rebuild_search_index(self) -> None:
        raise NotImplementedError

    # --- migrations and transactions ------------------------------------------------------

    def _migrate(self) -> None:
        """Apply the migrations this database lacks; each one under the writers' lock, so that two
        processes opening a new database at once apply each migration once."""
        if self.schema_version() == len(MIGRATIONS):
            return
        while True:
            with self.transaction():
                version = self.schema_version()
                if version > len(MIGRATIONS):
                    raise StoreError(f"{self.name}: made by a newer storyline (schema {version}); upgrade storyline")
                if version == len(MIGRATIONS):
                    return
                self._apply_migration(version + 1, MIGRATIONS[version])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work: everything inside is committed together or not at all. Only one
        such transaction runs at a time on a database (other writers wait), so what a writer reads
        inside it stays true until it commits.

        A full disk, a read-only file or a lock held past the busy timeout becomes one StoreError naming
        the database, wherever inside the transaction it is reported (a statement, or the commit)."""
        try:
            self._begin()
            try:
                yield
            except BaseException:
                self._rollback()
                raise
            try:
                self.conn.execute("COMMIT")
            except self.database_error as exc:
                self._rollback()
                raise self._store_error(exc) or StoreError(
                    f"{self.name}: cannot write ({' '.join(str(exc).split())})") from exc
        except self.database_error as exc:
            error = self._store_error(exc)
            if error is None:
                raise
            raise error from exc

    def _store_error(self, exc: Exception) -> StoreError | None:
        """The one line a person should see for an error about the database itself; None for a bug."""
        return None

    def _rollback(self) -> None:
        """Undo the open transaction, if the database has not already (SQLite rolls back itself on
        some errors, a full disk among them)."""
        try:
            self.conn.execute("ROLLBACK")
        except self.database_error:
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
        """The outlet's id, the outlet added where new (one statement for an outlet already stored)."""
        row = self.conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return int(row[0])
        self.conn.execute("INSERT INTO sources(name) VALUES (?) ON CONFLICT DO NOTHING", (name,))
        return int(self.conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()[0])

    def insert_article(self, article: Article) -> None:
        self.conn.execute(
            """INSERT INTO articles(id, external_id, source_id, title, title_generated, url, canonical_url, published,
                                    published_day, language, text, text_hash, origin, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (article.id, article.external_id, self._source_id(article.source), article.title,
             int(article.title_generated), article.url, article.canonical_url, format_published(article.published),
             _day(article.day), article.language, article.text, article.text_hash, article.origin, _now()),
        )

    def insert_duplicate(self, article_id: str, group_id: str, similarity: float, signature: np.ndarray,
                         version: str) -> None:
        self.conn.execute(
            "INSERT INTO duplicates(article_id, group_id, similarity, signature, version) VALUES (?, ?, ?, ?, ?)",
            (article_id, group_id, similarity, signature.astype(np.uint64).tobytes(), version),
        )

    def insert_vector(self, article_id: str, model: str, vector: np.ndarray, terms: set[str], version: str,
                      quotes: Iterable[str] = ()) -> None:
        self.conn.execute(
            "INSERT INTO vectors(article_id, model, vector, terms, version, quotes) VALUES (?, ?, ?, ?, ?, ?)",
            (article_id, model, self._vector_param(vector), json.dumps(sorted(terms)), version,
             json.dumps(sorted(quotes))),
        )

    def quoted_runs(self, since: date | None = None) -> Iterator[tuple[str, date | None, list[str]]]:
        """(article id, day, quoted runs) of every stored article that quotes a run (storyline.quoted_runs),
        of `since` or later (all when None), undated ones always."""
        rows = self.conn.execute(
            """SELECT v.article_id, v.quotes, a.published_day FROM vectors v JOIN articles a ON a.id = v.article_id
               WHERE v.quotes <> '[]' AND (? IS NULL OR a.published_day IS NULL OR a.published_day >= ?)
               ORDER BY a.rowid""", (_day(since), _day(since)))
        for row in rows:
            yield (row["article_id"], date.fromisoformat(row["published_day"]) if row["published_day"] else None,
                   json.loads(row["quotes"]))

    def has_other_languages(self) -> bool:
        """Whether any stored article is in a language other than English (or undetected)."""
        row = self.conn.execute("SELECT 1 FROM articles WHERE language IS NOT NULL AND language <> 'en' LIMIT 1")
        return row.fetchone() is not None

    def vector_model(self) -> str | None:
        """The embedder whose vectors the stored stories were placed with (None while there are none)."""
        row = self.conn.execute("SELECT model FROM vectors LIMIT 1").fetchone()
        return row[0] if row else None

    def article_terms(self) -> Iterator[set[str]]:
        """The key terms of every stored article, for document frequencies."""
        for row in self.conn.execute("SELECT terms FROM vectors"):
            yield set(json.loads(row["terms"]))

    def article_key_terms(self, article_id: str) -> set[str]:
        """The key terms of one stored article (none if it has no vector row)."""
        row = self.conn.execute("SELECT terms FROM vectors WHERE article_id = ?", (article_id,)).fetchone()
        return set(json.loads(row["terms"])) if row else set()

    def signatures(self, since: date | None = None) -> Iterator[tuple[str, str, np.ndarray, date | None]]:
        """(article id, duplicate group, MinHash signature, day) of every stored article of `since` or
        later (all when None), undated ones always."""
        rows = self.conn.execute(
            """SELECT d.article_id, d.group_id, d.signature, a.published_day FROM duplicates d
               JOIN articles a ON a.id = d.article_id
               WHERE ? IS NULL OR a.published_day IS NULL OR a.published_day >= ? ORDER BY a.rowid""",
            (_day(since), _day(since)))
        for row in rows:
            yield (row["article_id"], row["group_id"], np.frombuffer(row["signature"], dtype=np.uint64),
                   date.fromisoformat(row["published_day"]) if row["published_day"] else None)

    _ARTICLE_SELECT = """SELECT a.id, a.external_id, a.title, a.title_generated, a.url, a.canonical_url, a.published, a.language,
                                a.text, a.text_hash, a.origin, s.name AS source, m.story_id, d.group_id
                         FROM articles a JOIN sources s ON s.id = a.source_id
                         LEFT JOIN story_members m ON m.article_id = a.id
                         LEFT JOIN duplicates d ON d.article_id = a.id"""

    def story_articles(self, story_id: str, latest: int | None = None) -> list[tuple[Article, str | None]]:
        """The story's articles, oldest first, each with its duplicate group; given `latest`, only that
        many of the newest (the order reversed in the query, so the rest are never read)."""
        if latest is None:
            rows = self.conn.execute(
                self._ARTICLE_SELECT + " WHERE m.story_id = ? ORDER BY a.published_day IS NULL, a.published, a.rowid",
                (story_id,),
            ).fetchall()
        else:
            rows = self.conn.execute(
                self._ARTICLE_SELECT + " WHERE m.story_id = ? ORDER BY a.published_day IS NULL DESC, a.published DESC, "
                                       "a.rowid DESC LIMIT ?", (story_id, latest),
            ).fetchall()[::-1]
        return [(article_from_row(row), row["group_id"]) for row in rows]

    def story_size(self, story_id: str) -> int:
        """How many articles the story holds now (its members in the store)."""
        return int(self.conn.execute("SELECT count(*) FROM story_members WHERE story_id = ?", (story_id,)).fetchone()[0])

    def articles(self) -> Iterator[tuple[Article, str | None, str | None]]:
        """Every article in ingest order, with its story and duplicate group."""
        for row in self.conn.execute(self._ARTICLE_SELECT + " ORDER BY a.rowid"):
            yield article_from_row(row), row["story_id"], row["group_id"]

    def articles_of_days(self, first: date, last: date) -> Iterator[Article]:
        """Every stored article dated from `first` to `last`, in the order stored."""
        for row in self.conn.execute(self._ARTICLE_SELECT + " WHERE a.published_day BETWEEN ? AND ? ORDER BY a.rowid",
                                     (_day(first), _day(last))):
            yield article_from_row(row)

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
        return [self._vector_value(row["vector"]) for row in reversed(rows)]

    def merge_story(self, source: str, target: str, version: str) -> None:
        """Move every member of source into target; source's id keeps resolving to target. The storyline
        source was in owes its progressions (target's brief, made again, marks target's)."""
        self.owe_progressions([source, *self.linked_to(source)])
        self.conn.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?", (target, source))
        self.conn.execute("UPDATE stories SET merged_into = ?, updated_at = ? WHERE id = ?", (target, _now(), source))
        self.conn.execute("UPDATE stories SET merged_into = ? WHERE merged_into = ?", (target, source))
        self.conn.execute("INSERT INTO story_merges(source, target, merged_at, version) VALUES (?, ?, ?, ?) "
                          "ON CONFLICT(source) DO UPDATE SET target = excluded.target, merged_at = excluded.merged_at, "
                          "version = excluded.version", (source, target, _now(), version))

    def member_features(self, story_id: str, only: Iterable[str] | None = None
                        ) -> list[tuple[str, np.ndarray, set[str], date | None]]:
        """(article id, vector, key terms, day) of each of a story's members, in the order they were
        stored: what revision scores a member by; with `only`, of those of them in it alone, in no
        particular order."""
        query = """SELECT v.article_id, v.vector, v.terms, a.published_day FROM vectors v
                   JOIN story_members m ON m.article_id = v.article_id JOIN articles a ON a.id = v.article_id
                   WHERE m.story_id = ?"""
        rows: Iterable[Any]
        if only is None:
            rows = self.conn.execute(query + " ORDER BY a.rowid", (story_id,))
        else:
            rows = (row for chunk, marks in in_chunks(sorted(set(only)))
                    for row in self.conn.execute(query + f" AND m.article_id IN ({marks})", (story_id, *chunk)))
        return [(row["article_id"], self._vector_value(row["vector"]), set(json.loads(row["terms"])),
                 date.fromisoformat(row["published_day"]) if row["published_day"] else None) for row in rows]

    def member_days(self, story_id: str) -> list[tuple[str, date | None]]:
        """(article id, day) of each of a story's members that member_features reads, in the order they
        were stored: what revision reads of a large story's older members (pipeline.members_for_revision)."""
        rows = self.conn.execute(
            """SELECT m.article_id, a.published_day FROM story_members m JOIN articles a ON a.id = m.article_id
               JOIN vectors v ON v.article_id = m.article_id WHERE m.story_id = ? ORDER BY a.rowid""", (story_id,))
        return [(row["article_id"], date.fromisoformat(row["published_day"]) if row["published_day"] else None)
                for row in rows]

    def move_member(self, article_id: str, story_id: str, score: float, version: str) -> None:
        """Put a stored article in another story (revision's move); both stories' briefs are made again."""
        old = self.article_story(article_id)
        self.conn.execute("UPDATE story_members SET story_id = ?, score = ?, version = ?, assigned_at = ? "
                          "WHERE article_id = ?", (story_id, score, version, _now(), article_id))
        for story in {old, story_id} - {None}:
            self.forget_brief(story)

    def member_vectors(self, story_id: str, latest: int | None = None) -> list[tuple[str, np.ndarray]]:
        """(article id, vector) of a story's members, by id; with `latest`, of its latest members stored
        and the member whose headline names the story now."""
        if latest is None:
            rows = self.conn.execute(
                """SELECT v.article_id, v.vector FROM vectors v JOIN story_members m ON m.article_id = v.article_id
                   WHERE m.story_id = ? ORDER BY v.article_id""",
                (story_id,),
            )
        else:
            rows = self.conn.execute(
                """SELECT v.article_id, v.vector FROM vectors v WHERE v.article_id IN (
                       SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id
                       WHERE m.story_id = ? ORDER BY a.rowid DESC LIMIT ?)
                   OR v.article_id IN (SELECT s.title_article FROM stories s JOIN story_members m
                       ON m.article_id = s.title_article AND m.story_id = s.id WHERE s.id = ?)
                   ORDER BY v.article_id""",
                (story_id, latest, story_id),
            )
        return [(row["article_id"], self._vector_value(row["vector"])) for row in rows]

    def article_heading(self, article_id: str) -> tuple[str | None, bool]:
        """An article's title and whether it was made from its lead."""
        row = self.conn.execute("SELECT title, title_generated FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row["title"], bool(row["title_generated"])

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
        self.conn.execute("UPDATE articles SET title = ?, title_generated = ?, text = ?, text_hash = ?, "
                          "published = COALESCE(?, published), published_day = COALESCE(?, published_day) WHERE id = ?",
                          (article.title, int(article.title_generated), article.text, article.text_hash,
                           format_published(article.published), _day(article.day), article_id))

    def replace_derived(self, article_id: str, signature: np.ndarray, vector: np.ndarray, terms: set[str],
                        quotes: Iterable[str] = ()) -> None:
        self.conn.execute("UPDATE duplicates SET signature = ? WHERE article_id = ?",
                          (signature.astype(np.uint64).tobytes(), article_id))
        self.conn.execute("UPDATE vectors SET vector = ?, terms = ?, quotes = ? WHERE article_id = ?",
                          (self._vector_param(vector), json.dumps(sorted(terms)), json.dumps(sorted(quotes)), article_id))

    def article_by_url(self, url: str) -> tuple[str, str] | None:
        """(id, text hash) of the article stored under a canonical URL."""
        row = self.conn.execute("SELECT id, text_hash FROM articles WHERE canonical_url = ?", (url,)).fetchone()
        return (row["id"], row["text_hash"]) if row else None

    # --- analysis -------------------------------------------------------------------------

    def insert_analysis(self, article_id: str, analysis: Analysis, version: str) -> None:
        """Store what the analysis found in one article (replacing any earlier result)."""
        self.insert_analyses([(article_id, analysis)], version)

    def insert_analyses(self, analysed: list[tuple[str, Analysis]], version: str) -> None:
        """Store what the analysis found in each of these articles (replacing any earlier result), a
        statement a table for all of them: a chunk of one-line records would otherwise run eight a record."""
        ids = [(article_id,) for article_id, _ in analysed]
        for table in ("article_mentions", "article_quotes", "article_times", "analyzed"):
            self.conn.executemany(f"DELETE FROM {table} WHERE article_id = ?", ids)
        self.conn.executemany(
            "INSERT INTO article_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, m.start, m.end, m.text, m.label, m.title, m.title_start, m.acronym, version)
             for article_id, analysis in analysed for m in analysis.mentions])
        self.conn.executemany(
            "INSERT INTO article_quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, q.start, q.end, q.text, q.speaker, *(q.speaker_span or (None, None)), q.cue,
              *(q.cue_span or (None, None)), int(q.direct), *q.sentence, q.venue, q.venue_text, q.addressee,
              q.group, q.part, version, q.unnamed_source, *(q.unnamed_span or (None, None)))
             for article_id, analysis in analysed for q in analysis.quotes])
        self.conn.executemany(
            "INSERT INTO article_times VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, t.start, t.end, t.text, t.date, t.granularity, *t.sentence, t.end_date, version)
             for article_id, analysis in analysed for t in analysis.times])
        self.conn.executemany("INSERT INTO analyzed VALUES (?, ?)", [(article_id, version) for article_id, _ in analysed])

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
                                 venue_text=r["venue_text"], addressee=r["addressee"], group=r["grp"], part=r["part"],
                                 unnamed_source=r["unnamed_source"],
                                 unnamed_span=_pair(r["unnamed_start"], r["unnamed_end"]))
                           for r in self.conn.execute("SELECT * FROM article_quotes WHERE article_id = ? "
                                                      "ORDER BY start", (article_id,)))
            times = tuple(TimeExpression(text=r["text"], start=r["start"], end=r["end"], date=r["date"],
                                         granularity=r["granularity"],
                                         sentence=(r["sentence_start"], r["sentence_end"]), end_date=r["end_date"])
                          for r in self.conn.execute("SELECT * FROM article_times WHERE article_id = ? "
                                                     "ORDER BY start", (article_id,)))
            result[article_id] = Analysis(mentions=mentions, quotes=quotes, times=times)
        return result

    def save_brief(self, story_id: str, brief: dict | str, size: int, version: str) -> bool:
        """Keep a story's derived brief parts (or their JSON, as brief_json writes it: a worker that made
        the brief writes it too), computed for `size` members; False, and nothing kept, where the story
        has since grown (another run added to it while the brief was made, and that run or the next
        makes it again). Call inside a transaction, which holds off other writers."""
        row = self.conn.execute("SELECT size FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is not None and row["size"] != size:
            return False
        text = brief if isinstance(brief, str) else brief_json(brief)
        # the digest keys the progressions of the story's storyline (brief_stamps): another brief, another key
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.conn.execute(
            """INSERT INTO story_briefs(story_id, brief, size, version, updated_at, digest) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT(story_id) DO UPDATE SET brief = excluded.brief, size = excluded.size,
                   version = excluded.version, updated_at = excluded.updated_at, digest = excluded.digest""",
            (story_id, text, size, version, _now(), digest))
        self.owe_progressions([story_id])
        self.owe_links([story_id])  # made after the briefs (briefing.relink_stories), or by the next run
        return True

    def brief(self, story_id: str) -> dict | None:
        row = self.conn.execute("SELECT brief FROM story_briefs WHERE story_id = ?", (story_id,)).fetchone()
        return json.loads(row["brief"]) if row else None

    def forget_brief(self, story_id: str) -> None:
        """Drop a story's brief: a member's text changed, and the next refresh makes it again."""
        self.conn.execute("DELETE FROM story_briefs WHERE story_id = ?", (story_id,))

    def stale_briefs(self, version: str | None = None) -> list[str]:
        """Live stories whose brief is missing or was made for another membership (left half-done), or,
        given a version, made by another version of the brief's rules."""
        query = """SELECT s.id FROM stories s LEFT JOIN story_briefs b ON b.story_id = s.id
                   WHERE s.merged_into IS NULL AND (b.story_id IS NULL OR b.size != s.size{}) ORDER BY s.rowid"""
        rows = (self.conn.execute(query.format(" OR b.version != ?"), (version,)) if version is not None else
                self.conn.execute(query.format("")))
        return [row["id"] for row in rows]

    def briefs_of_another_version(self, version: str) -> list[str]:
        """Live stories whose brief is whole for their membership but another version of the brief's
        rules made it: what an upgrade alone left stale."""
        rows = self.conn.execute("""SELECT s.id FROM stories s JOIN story_briefs b ON b.story_id = s.id
                                    WHERE s.merged_into IS NULL AND b.size = s.size AND b.version != ?
                                    ORDER BY s.rowid""", (version,))
        return [row["id"] for row in rows]

    def analysed_by_another_version(self, version: str) -> list[str]:
        """Articles whose stored analysis another version of the analysis rules made, in ingest order."""
        rows = self.conn.execute("""SELECT a.id FROM analyzed z JOIN articles a ON a.id = z.article_id
                                    WHERE z.version != ? ORDER BY a.rowid""", (version,))
        return [row["id"] for row in rows]

    def articles_by_id(self, article_ids: list[str]) -> list[Article]:
        """These articles, in the order of the ids given (those not stored left out)."""
        if not article_ids:
            return []
        rows = self.conn.execute(self._ARTICLE_SELECT + f" WHERE a.id IN ({','.join('?' * len(article_ids))})",
                                 article_ids)
        found = {row["id"]: article_from_row(row) for row in rows}
        return [found[article_id] for article_id in article_ids if article_id in found]

    # --- checks ---------------------------------------------------------------------------

    def problems(self) -> list[str]:
        """What is wrong with the database: integrity, orphan rows, indexes out of step with tables."""
        found = self._dialect_problems()
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
        stale = len(self.stale_briefs())
        if stale:
            found.append(f"{stale} stories whose brief is missing or stale")
        if owed := len(self.owed_links()):
            found.append(f"{owed} stories whose storyline links are not yet made")
        if owed := len(self.owed_revision()):
            found.append(f"{owed} articles placed whose stories are not yet revised")
        return found

    # --- storylines ------------------------------------------------------------------------

    # The entities of a stored brief as JSON text, taken out by the database: a story is linked by its
    # entities alone, and the whole brief of a long article runs to megabytes to read and parse.
    _BRIEF_ENTITIES = "json_extract(b.brief, '$.entities')"

    def story_sketch_rows(self, since: date | None = None) -> Iterator[dict[str, Any]]:
        """id, centroid (a float32 array), dates and entities (JSON text, None where the brief has none) of
        live stories seen since a day (all when None), one at a time as read: a run's relinking reads the
        sketches of thousands, which need not all be held as rows too."""
        rows = self.conn.execute(
            f"""SELECT s.id, s.centroid, s.first_seen, s.last_seen, {self._BRIEF_ENTITIES} AS entities FROM stories s
               JOIN story_briefs b ON b.story_id = s.id
               WHERE s.merged_into IS NULL AND (? IS NULL OR s.last_seen IS NULL OR s.last_seen >= ?)""",
            (_day(since), _day(since)))
        for row in rows:
            yield {**dict(row), "centroid": self._vector_value(row["centroid"])}

    def replace_links(self, story_id: str, links: list[tuple[str, float]], version: str) -> None:
        """Set the links of one story (both directions are stored once, smaller id first). Where they
        change, its storyline owes its progressions, and so does that of each story it is no more linked
        to (the storyline it was in may be no more, or split)."""
        before, after = set(self.linked_to(story_id)), {other for other, _ in links}
        if before != after:
            self.owe_progressions(before - after | {story_id})
        self.conn.execute("DELETE FROM story_links WHERE a = ? OR b = ?", (story_id, story_id))
        self.conn.executemany("INSERT INTO story_links VALUES (?, ?, ?, ?) ON CONFLICT(a, b) DO UPDATE SET "
                              "score = excluded.score, version = excluded.version",
                              [(min(story_id, other), max(story_id, other), score, version) for other, score in links])

    def links_of_another_version(self, version: str) -> list[str]:
        """Live stories holding a storyline link another version of the linking rules made, by id."""
        rows = self.conn.execute(
            """SELECT id FROM stories WHERE merged_into IS NULL AND id IN (SELECT a FROM story_links WHERE version != ?
               UNION SELECT b FROM story_links WHERE version != ?) ORDER BY id""", (version, version))
        return [row["id"] for row in rows]

    def linked_to(self, story_id: str) -> list[str]:
        """The stories this story is linked to, live or merged away."""
        rows = self.conn.execute("SELECT a, b FROM story_links WHERE a = ? OR b = ?", (story_id, story_id))
        return [row["b"] if row["a"] == story_id else row["a"] for row in rows]

    def story_links(self) -> list[tuple[str, str]]:
        """Links between live stories."""
        rows = self.conn.execute(
            """SELECT l.a, l.b FROM story_links l JOIN stories sa ON sa.id = l.a JOIN stories sb ON sb.id = l.b
               WHERE sa.merged_into IS NULL AND sb.merged_into IS NULL ORDER BY l.a, l.b""")
        return [(row["a"], row["b"]) for row in rows]

    def storyline_links(self, story_id: str) -> list[tuple[str, str]]:
        """Links between live stories of the storyline this live story is in ([]: it is linked to none):
        the stories linked to it, to those, and so on, in one query whatever the storyline's length, each
        step by the links' indexes and never another storyline's links (progressions.storyline_of)."""
        rows = self.conn.execute(
            """WITH RECURSIVE reach(id) AS (
                   SELECT id FROM stories WHERE id = ? AND merged_into IS NULL
                   UNION SELECT s.id FROM reach r JOIN story_links l ON l.a = r.id OR l.b = r.id
                             JOIN stories s ON s.id = CASE WHEN l.a = r.id THEN l.b ELSE l.a END
                         WHERE s.merged_into IS NULL)
               SELECT l.a, l.b FROM reach r CROSS JOIN story_links l CROSS JOIN stories sb
               WHERE l.a = r.id AND sb.id = l.b AND sb.merged_into IS NULL ORDER BY l.a, l.b""", (story_id,))
        return [(row["a"], row["b"]) for row in rows]

    def _live_story_rows(self, query: str, story_ids: list[str] | None) -> Iterator[Any]:
        """The rows of a query over live stories (its WHERE ends in a condition; `s` names stories), of
        these stories only (every one: None)."""
        if story_ids is None:
            yield from self.conn.execute(query)
            return
        for chunk, marks in in_chunks(story_ids):
            yield from self.conn.execute(query + f" AND s.id IN ({marks})", chunk)

    def first_seen_days(self, story_ids: list[str] | None = None) -> dict[str, str | None]:
        """The first day of these live stories (every one: None)."""
        rows = self._live_story_rows("SELECT s.id, s.first_seen FROM stories s WHERE s.merged_into IS NULL", story_ids)
        return {row["id"]: row["first_seen"] for row in rows}

    def brief_stamps(self, story_ids: list[str] | None = None) -> dict[str, tuple[int, str | None, str | None]]:
        """Of these live stories (every one: None), what a storyline's progressions are keyed by: the
        story's size, and its brief's version and digest (None, None: no brief)."""
        rows = self._live_story_rows("""SELECT s.id, s.size, b.version, b.digest FROM stories s
                                        LEFT JOIN story_briefs b ON b.story_id = s.id WHERE s.merged_into IS NULL""",
                                     story_ids)
        return {row["id"]: (row["size"], row["version"], row["digest"]) for row in rows}

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
        return [self._story_state(row) for row in rows]

    def live_stories(self, story_ids: set[str]) -> list[StoryState]:
        """These stories as stored now, leaving out any that merged into another."""
        ids = sorted(story_ids)
        rows = self.conn.execute(
            f"""SELECT id, centroid, size, terms, first_seen, last_seen FROM stories
                WHERE merged_into IS NULL AND id IN ({",".join("?" * len(ids))}) ORDER BY rowid""", ids) if ids else []
        return [self._story_state(row) for row in rows]

    def stories_saved_since(self, stamp: str) -> tuple[list[StoryState], list[str]]:
        """The stories saved or merged away at `stamp` or later (a `stories_updated` value): those live
        as stored now, and the ids of those merged into another. A revision's moves and merges change
        stories no new article joined; this is how another run learns of them."""
        # ordered here, not by the query: ordered by rowid, SQLite reads every story rather than the index
        rows = sorted(self.conn.execute("""SELECT rowid, id, centroid, size, terms, first_seen, last_seen, merged_into
                                           FROM stories WHERE updated_at >= ?""", (stamp,)).fetchall(),
                      key=lambda row: row["rowid"])
        return ([self._story_state(row) for row in rows if row["merged_into"] is None],
                [row["id"] for row in rows if row["merged_into"] is not None])

    def merged_into(self, story_ids: set[str]) -> list[str]:
        """The stories that merged into any of these (their ids now resolve to them)."""
        ids = sorted(story_ids)
        if not ids:
            return []
        rows = self.conn.execute(f"SELECT source FROM story_merges WHERE target IN ({','.join('?' * len(ids))})", ids)
        return [row["source"] for row in rows]

    def _story_state(self, row: Any) -> StoryState:
        return StoryState(id=row["id"], centroid=self._vector_value(row["centroid"]).copy(), size=row["size"],
                          terms=json.loads(row["terms"]),
                          first_seen=date.fromisoformat(row["first_seen"]) if row["first_seen"] else None,
                          last_seen=date.fromisoformat(row["last_seen"]) if row["last_seen"] else None)

    def article_mark(self) -> int:
        """How far the articles go: the rowid of the latest stored (0 when none). Rowids only grow,
        and only inside a writing transaction, so `articles_since(mark)` is what came after."""
        return self.conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]

    def articles_since(self, mark: int) -> list[StoredArticle]:
        """Articles stored after `mark`, oldest first, with their duplicate group, signature, key terms
        and story: what another run's in-memory indexes must learn of them."""
        rows = self.conn.execute(
            """SELECT a.rowid, a.id, a.text_hash, a.canonical_url, a.published_day, d.group_id, d.signature, v.terms,
                      m.story_id
               FROM articles a JOIN duplicates d ON d.article_id = a.id JOIN vectors v ON v.article_id = a.id
               LEFT JOIN story_members m ON m.article_id = a.id WHERE a.rowid > ? ORDER BY a.rowid""", (mark,))
        return [StoredArticle(rowid=row["rowid"], id=row["id"], text_hash=row["text_hash"],
                              canonical_url=row["canonical_url"], group_id=row["group_id"],
                              signature=np.frombuffer(row["signature"], dtype=np.uint64),
                              terms=set(json.loads(row["terms"])), story_id=row["story_id"],
                              day=date.fromisoformat(row["published_day"]) if row["published_day"] else None)
                for row in rows]

    def save_story(self, story: StoryState, title: str, title_article: str | None, version: str,
                   title_generated: bool = False) -> None:
        now = _now()
        self.conn.execute(
            """INSERT INTO stories(id, title, title_generated, title_article, first_seen, last_seen, size, centroid,
                                   terms, created_at, updated_at, version)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET title = excluded.title, title_generated = excluded.title_generated,
                   title_article = excluded.title_article,
                   first_seen = excluded.first_seen, last_seen = excluded.last_seen, size = excluded.size,
                   centroid = excluded.centroid, terms = excluded.terms, updated_at = excluded.updated_at,
                   version = excluded.version""",
            (story.id, title, int(title_generated), title_article, _day(story.first_seen), _day(story.last_seen), story.size,
             self._vector_param(story.centroid), json.dumps(story.terms, sort_keys=True), now, now, version),
        )

    def add_member(self, article_id: str, story_id: str, score: float, version: str) -> None:
        self.conn.execute(
            "INSERT INTO story_members(article_id, story_id, score, version, assigned_at) VALUES (?, ?, ?, ?, ?)",
            (article_id, story_id, score, version, _now()),
        )

    def stories(self, limit: int | None = None, offset: int = 0) -> list[StoryRow]:
        """Live stories, newest first (by last day seen, then by size)."""
        rows = self.conn.execute(
            """SELECT id, title, first_seen, last_seen, size, title_generated FROM stories WHERE merged_into IS NULL
               ORDER BY last_seen IS NULL, last_seen DESC, size DESC, id LIMIT ? OFFSET ?""",
            (NO_LIMIT if limit is None else limit, offset),
        )
        return [story_from_row(row) for row in rows]

    def story(self, story_id: str) -> StoryRow | None:
        """A story by id or unique id prefix; a merged story resolves to the story it joined."""
        columns = "SELECT id, title, first_seen, last_seen, size, title_generated, merged_into FROM stories "
        # the exact id by the primary key first: "id = ? OR id LIKE ?" read the whole table, once per story
        # of every brief refreshed, so that a run of many short records slowed with every story stored
        rows = self.conn.execute(columns + "WHERE id = ?", (story_id,)).fetchall() or self.conn.execute(
            columns + "WHERE id LIKE ? LIMIT 2", (story_id.replace("%", "").replace("_", "") + "%",)).fetchall()
        if len(rows) != 1:
            return None
        row = rows[0]
        if row["merged_into"]:
            return self.story(row["merged_into"])
        return story_from_row(row)



def brief_json(parts: Mapping[str, object]) -> str:
    """A story's brief parts as the store keeps them (story_briefs.brief; Store.save_brief)."""
    return json.dumps(parts, ensure_ascii=False)


def _pair(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None
