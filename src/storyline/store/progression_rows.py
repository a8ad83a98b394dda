"""What the store keeps of storylines' progressions (progressions.py): each storyline's, keyed by the
signature of the stories they were made from (migration 13's storyline_progressions). Which storylines
owe theirs is store/owed.py's.

`ProgressionRows` is a mixin over a store (store/core.py) with `conn`; portable SQL, as in core.py."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any


class ProgressionRows:
    """Storylines' kept progressions, mixed into the store that owns `conn`."""

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
