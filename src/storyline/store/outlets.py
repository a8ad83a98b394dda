"""What the store knows about outlets beyond their names: the user's own description of each
(`storyline sources import`: homepage, country, language, owner, labels), which outlets were
publishing over some days, and which outlets report each story, for the coverage the pages show.

`OutletRecords` is a mixin over a store (store/core.py) with `conn`, on migration 9's columns of
`sources` and its `source_labels` table; portable SQL, as in core.py."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from storyline.sources.outlets import FIELDS, Outlet


class OutletRecords:
    """Outlet descriptions and activity, mixed into the store that owns `conn`."""

    conn: Any

    def save_outlets(self, outlets: Iterable[Outlet]) -> None:
        """Store each outlet's description, replacing what an earlier import said of it (an outlet
        not seen yet is added, and takes its articles' name when they arrive). Call inside a
        transaction."""
        for outlet in outlets:
            self.conn.execute("INSERT INTO sources(name) VALUES (?) ON CONFLICT DO NOTHING", (outlet.name,))
            source_id = self.conn.execute("SELECT id FROM sources WHERE name = ?", (outlet.name,)).fetchone()[0]
            self.conn.execute("UPDATE sources SET homepage = ?, country = ?, language = ?, owner = ? WHERE id = ?",
                              (outlet.homepage, outlet.country, outlet.language, outlet.owner, source_id))
            self.conn.execute("DELETE FROM source_labels WHERE source_id = ?", (source_id,))
            self.conn.executemany("INSERT INTO source_labels(source_id, key, value) VALUES (?, ?, ?)",
                                  [(source_id, key, value) for key, value in outlet.labels])

    def outlet_profiles(self) -> dict[str, dict[str, Any]]:
        """Every described outlet by name: {name, homepage, country, language, owner, labels: {key: value}}
        (outlets nobody described are absent)."""
        labels: dict[int, dict[str, str]] = defaultdict(dict)
        for row in self.conn.execute("SELECT source_id, key, value FROM source_labels ORDER BY key"):
            labels[row["source_id"]][row["key"]] = row["value"]
        rows = self.conn.execute("SELECT id, name, homepage, country, language, owner FROM sources ORDER BY name")
        profiles = {}
        for row in rows:
            if labels.get(row["id"]) or any(row[field] for field in FIELDS):
                profiles[row["name"]] = {"name": row["name"], **{field: row[field] for field in FIELDS},
                                         "labels": labels.get(row["id"], {})}
        return profiles

    def outlets_active(self, first_day: str, last_day: str) -> list[str]:
        """The outlets that published any article dated from `first_day` to `last_day` (ISO days), by name."""
        rows = self.conn.execute(
            """SELECT DISTINCT s.name FROM articles a JOIN sources s ON s.id = a.source_id
               WHERE a.published_day >= ? AND a.published_day <= ? ORDER BY s.name""", (first_day, last_day))
        return [row["name"] for row in rows]

    def story_outlets(self) -> list[dict[str, Any]]:
        """Every live story with more than one outlet: {id, title, title_generated, first_seen, last_seen,
        outlets} (outlet names, sorted), newest first, as `stories` orders them."""
        rows = self.conn.execute(
            """SELECT st.id, st.title, st.title_generated, st.first_seen, st.last_seen, st.size, so.name
               FROM stories st JOIN story_members m ON m.story_id = st.id JOIN articles a ON a.id = m.article_id
               JOIN sources so ON so.id = a.source_id WHERE st.merged_into IS NULL""")
        stories: dict[str, dict[str, Any]] = {}
        for row in rows:
            story = stories.setdefault(row["id"], {
                "id": row["id"], "title": row["title"], "title_generated": bool(row["title_generated"]),
                "first_seen": row["first_seen"], "last_seen": row["last_seen"], "size": row["size"], "outlets": set()})
            story["outlets"].add(row["name"])
        found = [{**story, "outlets": sorted(story["outlets"])} for story in stories.values() if len(story["outlets"]) > 1]
        found.sort(key=lambda s: (s["id"]))
        found.sort(key=lambda s: -s["size"])
        found.sort(key=lambda s: s["last_seen"] or "", reverse=True)
        return sorted(found, key=lambda s: s["last_seen"] is None)
