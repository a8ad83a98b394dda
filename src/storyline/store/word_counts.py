"""How many of the store's articles carry each word of their whole text (migration 18's word_documents),
for the weights by which revision merges the stories of reports that share their words
(storyline.shared_words); the row of the empty word counts the articles counted.

`WordCounts` is a mixin over a store (store/core.py) with `conn`; portable SQL, as in core.py (an upsert
both databases run alike)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from storyline.store.rows import in_chunks


class WordCounts:
    """The counts of articles carrying each word, mixed into the store that owns `conn`."""

    conn: Any

    def count_words(self, articles: Iterable[Mapping[str, int]], more: int = 1) -> None:
        """Count (or with more=-1, uncount) articles of these words (storyline.shared_words) in how
        many articles carry each word, and in how many were counted (the empty word's row)."""
        counts: dict[str, int] = {}
        for words in articles:
            if words:
                counts[""] = counts.get("", 0) + more
                for word in words:
                    counts[word] = counts.get(word, 0) + more
        self.conn.executemany(
            """INSERT INTO word_documents(word, documents) VALUES (?, ?) ON CONFLICT(word)
               DO UPDATE SET documents = word_documents.documents + excluded.documents""", sorted(counts.items()))

    def words_counted(self) -> int:
        """How many articles count_words has counted."""
        return self.word_documents([""]).get("", 0)

    def word_documents(self, words: Iterable[str]) -> dict[str, int]:
        """How many counted articles carry each of these words (those none carries left out)."""
        found: dict[str, int] = {}
        for part, marks in in_chunks(sorted(words)):
            rows = self.conn.execute(f"SELECT word, documents FROM word_documents WHERE word IN ({marks})", part)
            found.update((row["word"], row["documents"]) for row in rows if row["documents"] > 0)
        return found
