"""What the store keeps of storylines' progressions (progressions.py): each storyline's, keyed by the
signature of the stories they were made from (migration 13's storyline_progressions), and the stories
whose storylines owe theirs (migration 14's progressions_owed), marked in the transaction that changes
one of them and cleared once their storylines' progressions are kept: what an ingest checks, rather
than every storyline of the database. The stories whose storyline links are owed (migration 15's
links_owed: a brief saved, its links not yet made again; pipeline.relink_stories) are marked and
cleared the same way.

`ProgressionRows` is a mixin over a store (store/core.py) with `conn`; portable SQL, as in core.py."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

EVERY = "*"  # owed in place of a story: every storyline (a database an older version wrote)


class ProgressionRows:
    """Storylines' kept progressions and the stories whose storylines owe theirs, mixed into the store
    that owns `conn`."""

    conn: Any

    def save_progressions(self, storyline_id: str, signature: str, records: list[Any], version: str) -> None:
        """Keep a storyline's progressions, made from its stories as `signature` names them."""
        self.conn.execute(
            """INSERT INTO storyline_progressions(storyline_id, signature, progressions, version, updated_at)
               VALUES (?, ?, ?, ?, ?) ON CONFLICT(storyline_id) DO UPDATE SET signature = excluded.signature,
                   progressions = excluded.progressions, version = excluded.version, updated_at = excluded.updated_at""",
            (storyline_id, signature, json.dumps(records, ensure_ascii=False), version,
             datetime.now(timezone.utc).isoformat(timespec="seconds")))

    def stored_progressions(self, storyline_id: str) -> tuple[str, str, list[Any]] | None:
        """(signature, version, progressions) as a storyline's were last kept, or None."""
        row = self.conn.execute("SELECT signature, version, progressions FROM storyline_progressions "
                                "WHERE storyline_id = ?", (storyline_id,)).fetchone()
        return (row["signature"], row["version"], json.loads(row["progressions"])) if row else None

    def progression_signatures(self, storyline_ids: Iterable[str] | None = None) -> dict[str, tuple[str, str]]:
        """(signature, version) of the kept progressions of these storylines (those kept of them; every
        storyline's: None)."""
        query = "SELECT storyline_id, signature, version FROM storyline_progressions"
        if storyline_ids is None:
            rows = list(self.conn.execute(query))
        else:
            rows = [row for storyline_id in sorted(set(storyline_ids))
                    for row in self.conn.execute(query + " WHERE storyline_id = ?", (storyline_id,))]
        return {row["storyline_id"]: (row["signature"], row["version"]) for row in rows}

    def forget_progressions(self, storyline_ids: list[str]) -> None:
        """Drop the progressions of storylines that are no more (their stories linked otherwise)."""
        if storyline_ids:
            self.conn.executemany("DELETE FROM storyline_progressions WHERE storyline_id = ?",
                                  [(storyline_id,) for storyline_id in storyline_ids])

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

    # A story marked again takes a new mark, so that a run which read the old one does not clear it.
    def _owe(self, table: str, story_ids: Iterable[str]) -> None:
        mark = secrets.token_hex(8)
        rows = [(story_id, mark) for story_id in sorted(set(story_ids))]
        if rows:
            self.conn.executemany(f"INSERT INTO {table}(story_id, mark) VALUES (?, ?) "
                                  "ON CONFLICT(story_id) DO UPDATE SET mark = excluded.mark", rows)

    def _owed(self, table: str) -> dict[str, str]:
        return {row["story_id"]: row["mark"] for row in self.conn.execute(f"SELECT story_id, mark FROM {table}")}

    def _paid(self, table: str, owed: dict[str, str]) -> None:
        if owed:
            self.conn.executemany(f"DELETE FROM {table} WHERE story_id = ? AND mark = ?", list(owed.items()))
