"""Names the model missed are found again without a scan of every mention for every match: the same
mentions as that scan gave, for any placement of the model's own (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze.entities import _find_missed_names
from storyline.model import Mention

NAMES = ["Ines Calloway", "Piet Ansell", "Marlowe Bay"]


def reference(mentions: list[Mention], text: str) -> list[tuple[int, int]]:
    """What the old scan kept: every occurrence of a known name overlapping no span taken before it."""
    import re

    taken = sorted((m.start, m.end) for m in mentions)
    found = []
    for match in re.finditer("|".join(NAMES), text):
        a, b = match.span()
        if any(x < b and a < y for x, y in taken):
            continue
        found.append((a, b))
        taken.append((a, b))
    return found


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*NAMES, "the", "said", "on Tuesday", ".", "\n\n"]), min_size=1, max_size=40),
       st.lists(st.tuples(st.integers(0, 300), st.integers(1, 120)), max_size=12))
def test_missed_names_are_those_the_scan_found(words: list[str], spans: list[tuple[int, int]]) -> None:
    text = " ".join(words)
    # the model's own: one real name (so that it is known), and one-word spans anywhere, overlapping or not
    first = next((text.find(n), n) for n in NAMES if n in text) if any(n in text for n in NAMES) else None
    mentions = [Mention(text=first[1], start=first[0], end=first[0] + len(first[1]), label="PERSON")] if first else []
    mentions += [Mention(text="x", start=s, end=s + n, label="ORG") for s, n in spans if s < len(text)]
    out = _find_missed_names({"a": mentions}, {"a": text})["a"]
    added = [(m.start, m.end) for m in out[len(mentions):]]
    known = {m.text for m in mentions if len(m.text.split()) > 1}
    assert added == [(a, b) for a, b in reference(mentions, text) if text[a:b] in known]


# Names that overlap, contain one another, and carry an apostrophe in either form: the places found
# for a story's names are those one regular expression of them all (the longest first, whole words,
# either apostrophe) finds, as the brief once compiled for every story.
SPELLINGS = ["Dara O'Neill", "Dara O’Neill", "Dara O'Neill Jr", "Neill Jr", "Jr Dara", "Mai Lund", "Mai Lundberg"]


def regex_reference(names: list[str], text: str) -> list[tuple[int, int]]:
    import re

    ordered = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'’])(?:" + "|".join(re.sub(r"['’ʼ]", "['’ʼ]", re.escape(v)) for v in ordered)
                         + r")(?![\w'’])")
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*SPELLINGS, "Dara", "O", "’", "'", "ʼ", "Jr", "s", "said", "_", "\n"]), max_size=30),
       st.lists(st.sampled_from(SPELLINGS), min_size=1, max_size=4, unique=True), st.sampled_from([" ", ""]))
def test_a_storys_names_are_found_where_one_expression_of_them_finds_them(words: list[str], names: list[str],
                                                                          glue: str) -> None:
    from storyline.analyze.entities import _leftmost_longest

    text = glue.join(words)
    assert _leftmost_longest(text, names) == regex_reference(names, text)
