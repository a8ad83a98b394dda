"""Words as the comparison reads them: folded to ASCII lower case, lightly stemmed, stop words
left out, small numbers as figures, so that two outlets' wordings of one fact meet.
"""

from __future__ import annotations

import re

from anyascii import anyascii

STOP_WORDS = frozenset("""
a an the and or but nor so yet if then than that this these those there here it its it's he she him her his hers
they them their theirs we us our ours you your i me my mine who whom whose which what when where why how
is are was were be been being am do does did done doing have has had having will would shall should can could may
might must not no to of in on at by for with from into onto over under about after before since until while as
also too very just only even still more most less least some any all each every both either neither other another
such same own said says say told tell according added adding mr mrs ms dr one per cent percent
up down out off again further once today yesterday tomorrow now
""".split())
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
NEGATIONS = frozenset({"not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "cannot", "without"})


def fold_text(text: str) -> str:
    return anyascii(text).casefold()


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
    return [m.group() for m in _WORD_RE.finditer(fold_text(text).replace("’", "'"))]


def content_stems(text: str) -> list[str]:
    """The content words of a text, folded and stemmed, and its figures ("#82.5", "#12" for "twelve"):
    what two wordings of one fact share."""
    out = []
    for m in re.finditer(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)?", fold_text(text).replace("’", "'")):
        w = m.group()
        if w[0].isdigit():
            out.append("#" + w.replace(",", "").rstrip("."))
        elif w in _SMALL_NUMBERS:
            out.append(f"#{_SMALL_NUMBERS[w]}")
        elif w not in STOP_WORDS and len(w) > 1:
            out.append(light_stem(w))
    return out


_SMALL_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                             "thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
                                             "twenty".split()) if i >= 2}
