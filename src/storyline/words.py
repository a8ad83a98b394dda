"""Words as the comparison reads them: folded to ASCII lower case, lightly stemmed, stop words
left out, small numbers as figures, so that two outlets' wordings of one fact meet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from anyascii import anyascii

from storyline.lang.en import FIGURE_WORDS, STOP_WORDS
from storyline.lang.en_happenings import HAPPENINGS, UNDONE
from storyline.memo import memo

_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold_text(text: str) -> str:
    """ASCII lower case: each character transliterated on its own (anyascii), so only the few that are
    not ASCII need it."""
    return _NON_ASCII.sub(lambda m: _ascii_run(m.group()), text).casefold()


_ascii_run = memo(4096)(anyascii)  # the same few runs come back: curly quotes, dashes, accents


@memo(65536)
def light_stem(word: str) -> str:
    """A light suffix stripper: enough to meet 'injured'/'injuring', 'talks'/'talk' across outlets."""
    w = word.replace("'", "")
    if len(w) <= 4:
        return w
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":  # "stopp" -> "stop"
        w = w[:-1]
    return w


def folded_words(text: str) -> list[str]:
    return _WORD_RE.findall(_folded(text))


_TOKEN_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)?")


def content_stems(text: str) -> list[str]:
    """The content words of a text, folded and stemmed, and its figures ("#82.5", "#12" for "twelve"):
    what two wordings of one fact share."""
    return _stems(_folded(text))


def words_and_stems(text: str) -> tuple[list[str], list[str]]:
    """folded_words(text) and content_stems(text), folding the text once."""
    folded = _folded(text)
    return _WORD_RE.findall(folded), _stems(folded)


def _folded(text: str) -> str:
    return fold_text(text).replace("’", "'")


def _stems(folded: str) -> list[str]:
    return [w for w in map(_content_stem, _TOKEN_RE.findall(folded)) if w]


@memo(65536)
def _content_stem(w: str) -> str:
    """What one folded word or figure counts as among a text's content stems ("" for none)."""
    if w[0].isdigit():
        return "#" + w.replace(",", "").rstrip(".")
    if w in FIGURE_WORDS:
        return f"#{FIGURE_WORDS[w]}"
    if w not in STOP_WORDS and len(w) > 1:
        return light_stem(w)
    return ""


@lru_cache(maxsize=1)
def _happening_of() -> dict[tuple[str, ...], str]:
    """The stems of each phrase of a happening (HAPPENINGS), one word or two, and its kind's token."""
    return {tuple(content_stems(words)): f"@{kind}" for kind, phrases in HAPPENINGS.items() for words in phrases}


_UNDONE = frozenset(light_stem(w) for w in UNDONE)


def as_happenings(stems: Sequence[str]) -> list[str]:
    """Content stems with the words of a happening read as its kind (lang/en_happenings.py): a token
    ("@killing") that two wordings of one event share where their words do not ("killed" / "fatal
    shooting"). Not where the words before say it did not happen ("attempted murder")."""
    happening_of = _happening_of()
    out: list[str] = []
    k = 0
    while k < len(stems):
        undone = k > 0 and stems[k - 1] in _UNDONE
        pair = tuple(stems[k:k + 2])
        if not undone and len(pair) == 2 and pair in happening_of:
            out.append(happening_of[pair])
            k += 2
            continue
        out.append(happening_of[(stems[k],)] if not undone and (stems[k],) in happening_of else stems[k])
        k += 1
    return out


def happenings(stems: Sequence[str]) -> set[str]:
    """The kinds of happening a run of content stems names (as_happenings)."""
    return {w for w in as_happenings(stems) if w.startswith("@")}
