"""Work a run owes the database, marked in the transaction that makes it owed and cleared in the one
that does it, so that a run killed between the two leaves it to the next run: the stories whose
storylines owe their progressions (migration 14's progressions_owed; progressions.py) and the stories
whose storyline links are owed (migration 15's links_owed: a brief saved, its links not yet made again;
briefing.relink_stories), and the articles placed whose stories are not yet revised (migration 16's
revision_owed: a chunk stored, the run's revision not yet made; pipeline._assign), each marked with its
run, and when each run was last seen placing (placing_runs): a run silent for ABANDONED_AFTER is gone,
and what it placed is a later run's to revise (given up after TRIES runs' tries failed); a run still
placing revises its own.

`OwedWork` is a mixin over a store (store/core.py) with `conn`; portable SQL, as in core.py."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from typing import Any, NamedTuple

EVERY = "*"  # owed in place of a story: every storyline (a database an older version wrote)
# A run that stored no chunk for so long is gone (killed): a chunk of 256 articles takes seconds, a
# million-character article under a minute, so a live run is seen far more often than this.
ABANDONED_AFTER = timedelta(minutes=10)
# Runs that may try to revise what a gone run placed: a revision that raised on it so many times is a
# fault in the code, which every later ingest would meet again, and is given up (tried_revision).
TRIES = 3


class OwedRevision(NamedTuple):
    """An article placed and not yet revised: the mark, the story it is in now, the day it was published."""

    mark: str
    story_id: str | None
    day: date | None


class OwedWork:
    """The marks of work owed, mixed into the store that owns `conn`."""

    conn: Any

    def owe_progressions(self, story_ids: Iterable[str]) -> None:
        """Mark the storylines of these stories (as they are now and as they were) as owing their
        progressions; call in the transaction that changes them."""
        self._owe("progressions_owed", story_ids)

    def owed_progressions(self) -> dict[str, str]:
        """The stories whose storylines owe their progressions, each with its mark (EVERY: every storyline)."""
        return self._owed("progressions_owed")

    def paid_progressions(self, owed: dict[str, str]) -> None:
        """Clear these marks (owed_progressions as read before the storylines were made), leaving any
        story marked again since to the run that marked it."""
        self._paid("progressions_owed", owed)

    def owe_links(self, story_ids: Iterable[str]) -> None:
        """Mark these stories as owing their storyline links; call in the transaction that saves their briefs."""
        self._owe("links_owed", story_ids)

    def owed_links(self) -> dict[str, str]:
        """The stories whose storyline links are owed, each with its mark."""
        return self._owed("links_owed")

    def paid_links(self, owed: dict[str, str]) -> None:
        """Clear these marks (owed_links as read before the links were made), leaving any story marked
        again since to the run that marked it; call in the transaction that keeps the links."""
        self._paid("links_owed", owed)

    def owe_revision(self, article_ids: Iterable[str], run: str) -> None:
        """Mark these articles as placed by `run` and not yet revised, and the run as seen placing now;
        call in the transaction that stores them."""
        self.conn.execute("INSERT INTO placing_runs(mark, seen_at) VALUES (?, ?) "
                          "ON CONFLICT(mark) DO UPDATE SET seen_at = excluded.seen_at", (run, _now().isoformat()))
        self._owe("revision_owed", article_ids, key="article_id", mark=run)

    def owed_revision(self, run: str | None = None) -> dict[str, OwedRevision]:
        """The articles placed and not yet revised by `run`, or (None) by runs that are gone: killed
        before their revision, seen placing last ABANDONED_AFTER ago or more."""
        query = """SELECT o.article_id, o.mark, m.story_id, a.published_day FROM revision_owed o
                   LEFT JOIN story_members m ON m.article_id = o.article_id LEFT JOIN articles a ON a.id = o.article_id
                   LEFT JOIN placing_runs r ON r.mark = o.mark"""
        rows = (self.conn.execute(query + " WHERE o.mark = ?", (run,)) if run is not None else
                self.conn.execute(query + " WHERE r.mark IS NULL OR r.seen_at < ?",
                                  ((_now() - ABANDONED_AFTER).isoformat(),)))
        return {row["article_id"]: OwedRevision(row["mark"], row["story_id"], date.fromisoformat(row["published_day"])
                                                if row["published_day"] else None) for row in rows}

    def tried_revision(self, marks: Iterable[str]) -> set[str]:
        """Count one more try at revising what these gone runs placed, and give up the runs tried TRIES
        times already: their articles are owed no more (they stay as placed). Returns the runs given up;
        call in the transaction that reads them, which commits before the revision is tried."""
        tried = sorted(set(marks))
        # a run with no row left is seen at "", long ago: gone
        self.conn.executemany("INSERT INTO placing_runs(mark, seen_at, tries) VALUES (?, '', 1) "
                              "ON CONFLICT(mark) DO UPDATE SET tries = placing_runs.tries + 1", [(mark,) for mark in tried])
        given_up = [(mark,) for mark in tried if self.conn.execute(
            "SELECT tries FROM placing_runs WHERE mark = ?", (mark,)).fetchone()["tries"] > TRIES]
        self.conn.executemany("DELETE FROM revision_owed WHERE mark = ?", given_up)
        self.conn.executemany("DELETE FROM placing_runs WHERE mark = ?", given_up)
        return {mark for mark, in given_up}

    def paid_revision(self, owed: dict[str, str]) -> None:
        """Clear these marks (article id and mark, as read before the revision), leaving any article
        marked again since to the run that marked it, and forget the runs left with none; call in the
        transaction that writes the revision."""
        self._paid("revision_owed", owed, key="article_id")
        self.conn.executemany("DELETE FROM placing_runs WHERE mark = ? AND NOT EXISTS "
                              "(SELECT 1 FROM revision_owed o WHERE o.mark = placing_runs.mark)",
                              [(mark,) for mark in sorted(set(owed.values()))])

    # A story marked again takes a new mark, so that a run which read the old one does not clear it.
    def _owe(self, table: str, ids: Iterable[str], key: str = "story_id", mark: str | None = None) -> None:
        mark = mark or secrets.token_hex(8)
        rows = [(one, mark) for one in sorted(set(ids))]
        if rows:
            self.conn.executemany(f"INSERT INTO {table}({key}, mark) VALUES (?, ?) "
                                  f"ON CONFLICT({key}) DO UPDATE SET mark = excluded.mark", rows)

    def _owed(self, table: str) -> dict[str, str]:
        return {row["story_id"]: row["mark"] for row in self.conn.execute(f"SELECT story_id, mark FROM {table}")}

    def _paid(self, table: str, owed: dict[str, str], key: str = "story_id") -> None:
        if owed:
            self.conn.executemany(f"DELETE FROM {table} WHERE {key} = ? AND mark = ?", list(owed.items()))


def _now() -> datetime:
    return datetime.now(timezone.utc)
