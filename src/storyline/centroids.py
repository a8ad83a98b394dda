"""The unit centroids of the live stories, searched for the stories nearest an article's vector
(cluster.StoryIndex's candidates, and revision's).

Up to EXACT_LIMIT live stories (a week of a busy stream holds hundreds) the search is exact: one
product with a matrix whose rows are updated in place, and the window applied to all rows at once.
Measured on 2 cores, that is faster there than usearch's HNSW index, whose search and whose
remove-and-add at every placement cost more than the product (bench/records.py's records, up to 6,700
live stories: no less CPU with the index taking over at 2,048 or 4,096, and 55 or 10 of 10,000
placements different). Beyond it, the HNSW index takes the searches (widened until enough of what it
finds lies in the window), until the live stories fall below half the limit again."""

from __future__ import annotations

from datetime import date

import numpy as np
from usearch.index import Index

EXACT_LIMIT = 8192  # live stories searched exactly; beyond, the HNSW index (until they fall below half)
# Well above the rounding of a float32 product of unit vectors of a few hundred dimensions, in any order of
# summation (at most the dimensions times float32's epsilon, 2.3e-5 at 384): `nearest_many` searches a
# vector alone where its k-th and next nearest are closer than this.
NEAR_TIE = 1e-4
# The vectors times live stories that `nearest_many` takes in one product (about 40 bytes each with the
# window's arrays and the partition: some 40 MB at most, whatever the run's size).
BLOCK_CELLS = 1 << 20
_ALWAYS = (np.iinfo(np.int64).min // 4, np.iinfo(np.int64).max // 4)  # a span no day lies outside of


class Centroids:
    """The live stories' unit centroids with the days they span, searched for the nearest within the
    window of an article's day."""

    def __init__(self) -> None:
        self._rows = np.zeros((0, 0), dtype=np.float32)
        self._span = np.zeros((0, 2), dtype=np.int64)  # per row, first and last day as ordinals
        self._ids: list[str] = []  # the story of each row
        self._row: dict[str, int] = {}
        self._ann: Index | None = None
        self._key: dict[str, int] = {}  # a story's key in the ANN index; a new key at every update
        self._story_of_key: dict[int, str] = {}
        self._next_key = 0

    def __len__(self) -> int:
        return len(self._ids)

    def put(self, story_id: str, unit: np.ndarray, first: date | None = None, last: date | None = None) -> None:
        """Add a story's centroid and span, or replace them. An undated story is in every window."""
        unit = np.asarray(unit, dtype=np.float32)
        row = self._row.get(story_id)
        if row is None:
            if len(self._ids) == len(self._rows):
                size = max(64, 2 * len(self._rows))
                rows, span = np.zeros((size, len(unit)), dtype=np.float32), np.zeros((size, 2), dtype=np.int64)
                if self._ids:
                    rows[: len(self._ids)], span[: len(self._ids)] = self._rows[: len(self._ids)], self._span[: len(self._ids)]
                self._rows, self._span = rows, span
            row = self._row[story_id] = len(self._ids)
            self._ids.append(story_id)
        self._rows[row] = unit
        self._span[row] = _ALWAYS if first is None or last is None else (first.toordinal(), last.toordinal())
        if self._ann is not None:
            self._ann_put(story_id, unit)
        elif len(self._ids) > EXACT_LIMIT:
            self._ann = Index(ndim=len(unit), metric="ip", dtype="f32", connectivity=16, expansion_add=64,
                              expansion_search=64)
            for known, index in self._row.items():
                self._ann_put(known, self._rows[index])

    def remove(self, story_id: str) -> None:
        row = self._row.pop(story_id, None)
        if row is None:
            return
        last = len(self._ids) - 1
        if row != last:  # the last row fills the gap
            moved = self._ids[last]
            self._rows[row], self._span[row] = self._rows[last], self._span[last]
            self._ids[row] = moved
            self._row[moved] = row
        self._ids.pop()
        if self._ann is not None:
            key = self._key.pop(story_id)
            self._ann.remove(key, threads=1)
            del self._story_of_key[key]
            if len(self._ids) < EXACT_LIMIT // 2:
                self._ann, self._key, self._story_of_key = None, {}, {}

    def search(self, vector: np.ndarray, k: int, day: date | None = None,
               window: int | None = None, floor: float | None = None) -> list[tuple[str, float]]:
        """The k stories nearest by cosine among those whose span comes within `window` days of the
        day (all, for an undated article or no window), nearest first; with a floor, only
        those of them whose cosine reaches it (on the exact search, the rows below it are left out
        before the k nearest are picked: mostly none is left, and nothing is sorted)."""
        query = np.asarray(vector, dtype=np.float32)
        count = len(self._ids)
        if count == 0:
            return []
        if self._ann is None:
            inside = self._inside(slice(0, count), day, window)
            cosines = self._rows[:count] @ query
            rows = np.flatnonzero(inside if floor is None else inside & (cosines >= floor))
            if k < len(rows):
                rows = rows[np.argpartition(-cosines[rows], k - 1)[:k]]
            rows = rows[np.lexsort((rows, -cosines[rows]))]  # by cosine, ties by row
            return [(self._ids[i], float(cosines[i])) for i in rows]
        # The window is read for the rows the index finds; all rows' only when too few of them lie in it.
        wanted, asked = None, min(count, 4 * k)
        story_of, row = self._story_of_key, self._row  # keys and distances as Python numbers: no numpy scalar each
        while True:
            matches = self._ann.search(query, asked, threads=1)
            found = [(story_of[key], 1.0 - distance) for key, distance in zip(matches.keys.tolist(), matches.distances.tolist())]
            held = self._inside(np.array([row[story_id] for story_id, _ in found], dtype=np.intp), day, window).tolist()
            found = [pair for pair, good in zip(found, held, strict=True) if good]
            if wanted is None and len(found) < k:
                wanted = min(k, int(self._inside(slice(0, count), day, window).sum()))
            if len(found) >= (k if wanted is None else wanted) or asked >= count:
                return [(story_id, cosine) for story_id, cosine in found[:k] if floor is None or cosine >= floor]
            asked = min(count, asked * 4)

    def _inside(self, rows: slice | np.ndarray, day: date | None, window: int | None) -> np.ndarray:
        """Whether each of these rows' spans comes within `window` days of the day (all, undated or no window)."""
        span = self._span[rows]
        if day is None or window is None:
            return np.ones(len(span), dtype=bool)
        ordinal = day.toordinal()
        return np.maximum(span[:, 0] - ordinal, ordinal - span[:, 1]) <= window

    def nearest_many(self, vectors: list[np.ndarray], k: int, days: list[date | None],
                     window: int | None = None) -> list[list[str]]:
        """For each vector, the stories `search` finds for it with its day (no floor), without their
        cosines: all of them from one product with the live rows, not one product a vector. A product
        of many vectors sums in another order than one of a single vector, so its cosines may differ
        from `search`'s in their last bits: where the k-th nearest is within NEAR_TIE of the next,
        which the two orders could then pick differently, that vector is searched alone, so that each
        answer holds the very stories `search` holds (nearest first by the product's cosines: two
        within rounding of each other may come in the other order). Beyond the exact search (the HNSW
        index), each vector is searched alone. The vectors are taken BLOCK_CELLS // live stories at a
        time: the product and the windows are a few numbers a vector and a story, which for all of a
        run's touched stories at once against every live one come to gigabytes (4,000 touched against
        7,900 live: 850 MB for a moment)."""
        count = len(self._ids)
        if count == 0 or not vectors or k <= 0:
            return [[] for _ in vectors]
        if self._ann is not None or len(vectors) == 1:
            return [[story_id for story_id, _ in self.search(vector, k, day, window)] for vector, day in zip(vectors, days)]
        step = max(1, BLOCK_CELLS // count)
        return [found for start in range(0, len(vectors), step)
                for found in self._nearest_block(vectors[start:start + step], k, days[start:start + step], window)]

    def _nearest_block(self, vectors: list[np.ndarray], k: int, days: list[date | None],
                       window: int | None) -> list[list[str]]:
        count = len(self._ids)
        cosines = np.array(vectors, dtype=np.float32) @ self._rows[:count].T
        span = self._span[:count]
        dated = np.array([day is not None and window is not None for day in days])
        ordinals = np.array([day.toordinal() if day is not None else 0 for day in days], dtype=np.int64)[:, None]
        inside = ~dated[:, None] | (np.maximum(span[None, :, 0] - ordinals, ordinals - span[None, :, 1]) <= (window or 0))
        masked = np.where(inside, cosines, -np.inf)
        if k < count:
            order = np.argpartition(-masked, k, axis=1)
            top, following = order[:, :k], masked[np.arange(len(vectors)), order[:, k]]
        else:
            top, following = np.broadcast_to(np.arange(count), (len(vectors), count)), np.full(len(vectors), -np.inf)
        # Each vector's k nearest inside its window by cosine, ties by row, for all vectors at once (a
        # row outside the window weighs -inf: last, and then left out).
        at = np.arange(len(vectors))[:, None]
        values, within = masked[at, top], inside[at, top]
        order = np.lexsort((top, -values), axis=-1)
        rows, held = np.take_along_axis(top, order, axis=1).tolist(), np.take_along_axis(within, order, axis=1).tolist()
        # where all k are inside and the k-th is within rounding of the next, the vector is searched alone
        full = within.all(axis=1)
        gaps = (np.where(full[:, None], values, np.inf).min(axis=1) - following).astype(np.float64)
        near = full & (following > -np.inf) & (gaps <= NEAR_TIE)
        ids = self._ids
        return [[story_id for story_id, _ in self.search(vectors[i], k, days[i], window)] if tie
                else [ids[row] for row, good in zip(found, kept, strict=True) if good]
                for i, (tie, found, kept) in enumerate(zip(near.tolist(), rows, held, strict=True))]

    def _ann_put(self, story_id: str, unit: np.ndarray) -> None:
        assert self._ann is not None
        old = self._key.get(story_id)
        if old is not None:
            self._ann.remove(old, threads=1)
            del self._story_of_key[old]
        key = self._next_key
        self._next_key += 1
        self._key[story_id] = key
        self._story_of_key[key] = story_id
        self._ann.add(key, unit, threads=1)
