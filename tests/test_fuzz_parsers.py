"""Every parser a user's data reaches, fuzzed with Hypothesis: the text format, JSON Lines, CSV, HTML
files, feeds, OPML, record dates, date resolution and quote scanning. A parser gives a result that
indexes its input, or a one-line rejection naming the record; never an uncaught exception.

The generators and checks are bench/fuzz.py's (10,000 examples per parser there); here a few each."""

from __future__ import annotations

import pytest
from conftest import bench_module

fuzz = bench_module("fuzz")

EXAMPLES = 60


@pytest.mark.parametrize("target", fuzz.TARGETS, ids=[t.name for t in fuzz.TARGETS])
def test_parser_rejects_bad_input_in_one_line_and_never_raises(target):
    outcome = fuzz.fuzz(target, EXAMPLES)
    assert outcome.uncaught == []
    assert outcome.bad_rejections == []
    assert outcome.examples >= EXAMPLES // 2


def test_the_fuzzer_counts_what_a_parser_lets_out():
    """The harness itself: an exception escaping a parser is counted, a bad rejection too."""
    def leaky(text: str) -> None:
        if "x" in text:
            raise KeyError(text)
        if "y" in text:
            raise fuzz.BadRejection("two\nlines")

    from hypothesis import strategies as st

    outcome = fuzz.fuzz(fuzz.Target("leaky", leaky, st.sampled_from(["a", "x", "y"])), 30)
    assert outcome.uncaught and all(u.startswith("KeyError") for u in outcome.uncaught)
    assert outcome.bad_rejections
