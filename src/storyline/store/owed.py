"""Work a run owes the database, marked in the transaction that makes it owed and cleared in the one
that does it, so that a run killed between the two leaves it to the next run: the stories whose
storylines owe their progressions (migration 14's progressions_owed; progressions.py) and the stories
whose storyline links are owed (migration 15's links_owed: a brief saved, its links not yet made again;
pipeline.relink_stories).

`OwedWork` is a mixin over a store (store/core.py) with `conn`; portable SQL, as in core.py."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

EVERY = "*"  # owed in place of a story: every storyline (a database an older version wrote)


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
