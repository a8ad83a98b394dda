"""The near-duplicate index finds, band for band, the candidates datasketch's MinHashLSH finds."""

from __future__ import annotations

from conftest import bench_module
from datasketch import LeanMinHash, MinHashLSH

from storyline.dedupe import DuplicateIndex, signature

synth = bench_module("synth")


def test_same_candidates_and_copies_as_minhash_lsh():
    rows = list(synth.generate(600, 10, 12, 40, 7))  # wire copies and light edits among them
    reference, index = MinHashLSH(threshold=0.5, num_perm=128), DuplicateIndex(0.5, 128)
    copies = 0
    for row in rows:
        sig = signature(row["text"])
        lean = LeanMinHash(seed=1, hashvalues=sig, scheme="affine32")
        expected = set(reference.query(lean))
        assert index.candidates(sig) == expected, row["id"]
        found = index.find(sig)
        if found is not None:
            assert found[0] in expected and found[2] >= 0.5
            copies += 1
        reference.insert(row["id"], lean)
        index.add(row["id"], sig, found[1] if found else row["id"])
    assert copies > 50  # the stream's copies were found
    assert len(index) == len(rows)
