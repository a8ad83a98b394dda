"""How two wordings of one statement differ, word by word: the one word diff, which the brief
stores (as edits) and the web page shows (as runs), and whether two wordings share enough words
for a diff to help (shares_most_words): a translation or a paraphrase in words of its own reads
as itself, not as a wall of red and green."""

from __future__ import annotations

import difflib
import re

from storyline.model import WordEdit

_TOKENS = re.compile(r"\s+|[^\s]+")
_EDGE_PUNCTUATION = ".,;:!?\"'“”‘’()"


SHARED_WORDING = 0.5  # share of words two versions of a quote have in common for a word diff to help


def word_similarity(reference: str, other: str) -> float:
    """The share of words two wordings have in common, in order (difflib's ratio over lower-cased words)."""
    return difflib.SequenceMatcher(a=reference.lower().split(), b=other.lower().split(), autojunk=False).ratio()


def shares_most_words(reference: str, other: str) -> bool:
    """Whether a word diff of other against reference helps a reader: they share SHARED_WORDING of their words."""
    return word_similarity(reference, other) >= SHARED_WORDING


def _key(token: str) -> str:
    return token.strip().strip(_EDGE_PUNCTUATION).lower()


def word_diff(reference: str, other: str) -> list[dict[str, str]]:
    """How `other` words a statement compared with `reference`: [{op, text}] with op same|added|removed.

    Compared word by word (case and surrounding punctuation kept in the text, not compared), so a
    translation's small differences show as a few changed words rather than a wall of red; the runs
    that are not removed give `other` back exactly."""
    a, b = _TOKENS.findall(reference), _TOKENS.findall(other)
    matcher = difflib.SequenceMatcher(a=[_key(t) for t in a], b=[_key(t) for t in b], autojunk=False)
    out: list[dict[str, str]] = []

    def add(op: str, tokens: list[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if out and out[-1]["op"] == op:
            out[-1]["text"] += text
        else:
            out.append({"op": op, "text": text})

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("same", b[j1:j2])
        else:
            if i2 > i1:
                add("removed", a[i1:i2])
            if j2 > j1:
                add("added", b[j1:j2])
    return out


def word_edits(reference: str, other: str) -> list[WordEdit]:
    """The word diff as the edits that turn `reference` into `other`: [{op, from, to}] with op
    replace|delete|insert, runs of unchanged words left out (the brief's `variants[].diff`)."""
    edits: list[WordEdit] = []
    removed: list[str] = []
    added: list[str] = []

    def flush() -> None:
        before, after = " ".join(" ".join(removed).split()), " ".join(" ".join(added).split())
        if before or after:
            op = "replace" if before and after else "delete" if before else "insert"
            edits.append({"op": op, "from": before, "to": after})
        removed.clear()
        added.clear()

    for run in word_diff(reference, other):
        if run["op"] == "same" and run["text"].strip():
            flush()
        elif run["op"] == "removed":
            removed.append(run["text"])
        elif run["op"] == "added":
            added.append(run["text"])
    flush()
    return edits
