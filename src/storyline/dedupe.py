"""Near-duplicates: syndicated wire copy and light edits, found with MinHash LSH over word shingles,
and confirmed by the names and figures the two texts give (`same_facts`).

Copies form a duplicate group, named by its first article; a group counts as one voice wherever
outlets are counted."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from storyline.text import fingerprint_text

VERSION = "dedupe/2"
_SCHEME = "affine32"  # datasketch 2 names its hashing scheme; signatures are stored, so it is fixed


def shingles(text: str, size: int) -> set[bytes]:
    words = fingerprint_text(text).split()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str, num_perm: int = 128, shingle_words: int = 3) -> np.ndarray:
    """MinHash signature of a text (uint64, num_perm values); equal texts give equal signatures."""
    minhash = MinHash(num_perm=num_perm, seed=1, scheme=_SCHEME, permutations=_permutations(num_perm))
    minhash.update_batch(sorted(shingles(text, shingle_words)))
    return minhash.hashvalues.astype(np.uint64)


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> np.ndarray:
    """The seed's permutations, drawn once: a MinHash draws them anew from its seed each time it is
    made, which cost more than hashing a one-line record's shingles."""
    permutations: np.ndarray = MinHash(num_perm=num_perm, seed=1, scheme=_SCHEME).permutations
    permutations.setflags(write=False)
    return permutations


# Two short items written from one template ("Postal workers in X are on strike for a 9% raise. Pay
# has not kept up…" and "Rail workers in Y… 11%…") share most of their word shingles and none of
# their facts: the words they differ in are the names and figures. A copy keeps those, whatever
# edits it gets (a credit line adds a few, a dropped paragraph loses some): in the synthetic stream
# the copies share at least half of the key terms of the one that gives fewer, template twins a quarter.
SHARED_FACTS = 0.4


def same_facts(terms: Iterable[str], other: Iterable[str]) -> bool:
    """Whether two texts with similar wording also give the same names and figures (key terms): the
    share of the smaller set that the other also gives is at least SHARED_FACTS. A text without key
    terms is judged by its wording alone."""
    terms, other = set(terms), set(other)
    if not terms or not other:
        return True
    return len(terms & other) / min(len(terms), len(other)) >= SHARED_FACTS


class DuplicateIndex:
    """An LSH index over signatures; finds the duplicate group a new text belongs to.

    The bands are datasketch's MinHashLSH's for the threshold (25 of 5 values at 0.5 and 128
    permutations), and a text is a candidate where one of its bands equals a stored text's, as there;
    but each band's table maps the band's bytes straight to the article (or, rarely, the articles)
    holding it, instead of a set per bucket and a second table of every article's band keys: about
    4 KB an article held instead of 9.4.

    With `days`, a dated article is an original for `days` days only, counted back from the newest
    day the index has seen: older ones leave it (undated ones stay), so that what an ingest holds
    stops growing with the articles stored (Settings.duplicate_days)."""

    def __init__(self, threshold: float = 0.5, num_perm: int = 128, days: int | None = None) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.days = days
        self._bands: list[tuple[int, int]] = list(MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges)
        self._tables: list[dict[bytes, str | list[str]]] = [{} for _ in self._bands]
        self._signatures: dict[str, np.ndarray] = {}
        self._groups: dict[str, str] = {}
        self._by_day: dict[int, list[str]] = {}  # day's ordinal -> the dated articles of that day held
        self._newest: int | None = None

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: str, sig: np.ndarray, group: str, day: date | None = None) -> None:
        """Hold an article's signature (of an article of `day`, if dated) as a possible original."""
        if article_id in self._signatures:
            return
        if day is not None and self.days is not None:
            ordinal = day.toordinal()
            if self._newest is not None and ordinal < self._newest - self.days:
                return  # already too old to be anyone's original
            self._by_day.setdefault(ordinal, []).append(article_id)
            if self._newest is None or ordinal > self._newest:
                self._newest = ordinal
                self._forget_before(ordinal - self.days)
        sig = np.asarray(sig, dtype=np.uint64)
        for (start, end), table in zip(self._bands, self._tables):
            band = sig[start:end].tobytes()
            held = table.get(band)
            if held is None:
                table[band] = article_id
            elif isinstance(held, list):
                held.append(article_id)
            else:
                table[band] = [held, article_id]
        self._signatures[article_id] = sig
        self._groups[article_id] = group

    def _forget_before(self, ordinal: int) -> None:
        for day in [day for day in self._by_day if day < ordinal]:
            for article_id in self._by_day.pop(day):
                self._forget(article_id)

    def _forget(self, article_id: str) -> None:
        sig = self._signatures.pop(article_id, None)
        if sig is None:
            return
        del self._groups[article_id]
        for (start, end), table in zip(self._bands, self._tables):
            band = sig[start:end].tobytes()
            held = table.get(band)
            if held == article_id:
                del table[band]
            elif isinstance(held, list):
                held.remove(article_id)
                if len(held) == 1:
                    table[band] = held[0]

    def candidates(self, sig: np.ndarray) -> set[str]:
        """The stored articles that share at least one band with the signature."""
        sig = np.asarray(sig, dtype=np.uint64)
        found: set[str] = set()
        for (start, end), table in zip(self._bands, self._tables):
            held = table.get(sig[start:end].tobytes())
            if held is None:
                continue
            if isinstance(held, list):
                found.update(held)
            else:
                found.add(held)
        return found

    def find(self, sig: np.ndarray, is_copy: Callable[[str], bool] = lambda key: True) -> tuple[str, str, float] | None:
        """(article id, its group, estimated Jaccard) of the closest copy above the threshold for which
        `is_copy(article id)` holds (the caller compares what the texts say), or None."""
        keys = list(self.candidates(sig))
        if not keys:
            return None
        # every candidate's share of equal values at once (a one-line record of a common pattern has
        # dozens of candidates within the window): the same figures as one mean a candidate
        agree = (np.stack([self._signatures[key] for key in keys]) == np.asarray(sig, dtype=np.uint64)).mean(axis=1)
        found = list(zip(agree.tolist(), keys))
        for similarity, key in sorted(found, reverse=True):
            if similarity >= self.threshold and is_copy(key):
                return key, self._groups[key], similarity
        return None
