"""Near-duplicates: syndicated wire copy and light edits, found with MinHash LSH over word shingles.

Copies form a duplicate group, named by its first article; a group counts as one voice wherever
outlets are counted."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash, MinHashLSH

from storyline.text import fingerprint_text

VERSION = "dedupe/1"
_SCHEME = "affine32"  # datasketch 2 names its hashing scheme; signatures are stored, so it is fixed


def shingles(text: str, size: int) -> set[bytes]:
    words = fingerprint_text(text).split()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str, num_perm: int = 128, shingle_words: int = 3) -> np.ndarray:
    """MinHash signature of a text (uint64, num_perm values); equal texts give equal signatures."""
    minhash = MinHash(num_perm=num_perm, seed=1, scheme=_SCHEME)
    minhash.update_batch(sorted(shingles(text, shingle_words)))
    return minhash.hashvalues.astype(np.uint64)


class DuplicateIndex:
    """An LSH index over signatures; finds the duplicate group a new text belongs to."""

    def __init__(self, threshold: float = 0.5, num_perm: int = 128) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[str, np.ndarray] = {}
        self._groups: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: str, sig: np.ndarray, group: str) -> None:
        if article_id in self._signatures:
            return
        self._lsh.insert(article_id, MinHash(num_perm=self.num_perm, hashvalues=sig, seed=1, scheme=_SCHEME))
        self._signatures[article_id] = sig
        self._groups[article_id] = group

    def find(self, sig: np.ndarray) -> tuple[str, str, float] | None:
        """(article id, its group, estimated Jaccard) of the closest copy above the threshold, or None."""
        best: tuple[str, str, float] | None = None
        for key in self._lsh.query(MinHash(num_perm=self.num_perm, hashvalues=sig, seed=1, scheme=_SCHEME)):
            similarity = float(np.mean(self._signatures[key] == sig))
            if similarity >= self.threshold and (best is None or (similarity, key) > (best[2], best[0])):
                best = (key, self._groups[key], similarity)
        return best
