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


def test_an_original_older_than_the_window_leaves_the_index_and_undated_ones_stay():
    from datetime import date

    index = DuplicateIndex(0.5, 128, days=30)
    wire = "Ferry crews in Norrvik walked out on Monday over new rosters, the operator said, and crossings stopped."
    index.add("old", signature(wire), "old", date(2025, 3, 1))
    index.add("undated", signature(wire + " Talks resume on Friday."), "undated", None)
    assert index.find(signature(wire))[0] == "old"
    index.add("later", signature("Rail workers in Kaitouia are on strike for an 11% raise."), "later", date(2025, 3, 31))
    assert index.find(signature(wire))[0] == "old"  # 30 days on, still an original
    index.add("newest", signature("A new bridge opened in Marlowe Bay on Tuesday."), "newest", date(2025, 4, 1))
    assert index.find(signature(wire))[0] == "undated"  # 31 days: gone, from every band table
    assert "old" not in index.candidates(signature(wire)) and len(index) == 3
    index.add("late", signature(wire), "late", date(2025, 2, 1))  # arrives already too old to be held
    assert len(index) == 3
