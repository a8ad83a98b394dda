"""Quote conflicts: direct quotations of one statement whose words change the meaning (a figure, a
negation one close wording has and the other lacks, or a tense: "how many did you kill" / "how many
will you kill")."""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.analyze.numbers import compatible, find_numbers, same_kind
from storyline.compare.conflicts.conflict import Conflict, Detector, StoryFindings
from storyline.compare.statements import QuotedStatement, says_no
from storyline.compare.units import StoryView, language_of
from storyline.model import ConflictKind
from storyline.text import fingerprint_text
from storyline.words import content_stems, folded_words

# auxiliaries by the time they put a statement in: two wordings that differ only in these, of two
# times, say two things ("did you kill" / "will you kill")
_TENSES = {"did": "past", "was": "past", "were": "past", "had": "past", "do": "present", "does": "present",
           "is": "present", "are": "present", "has": "present", "have": "present", "will": "future",
           "shall": "future", "won't": "future"}


def _tense_changed(first: str, second: str) -> bool:
    """Whether two wordings differ only in auxiliaries, and those put them in two times."""
    a, b = folded_words(first), folded_words(second)
    only_a, only_b = set(a) - set(b), set(b) - set(a)
    if not only_a or not only_b or not (only_a | only_b) <= set(_TENSES) or len(a) != len(b):
        return False
    return {_TENSES[w] for w in only_a}.isdisjoint({_TENSES[w] for w in only_b})


def _denied_in_shared_words(a: QuotedStatement, b: QuotedStatement) -> bool:
    """Whether one quotation says no where the other says yes in the words both give, where the two are worded
    closely (six in ten of their words both give) or one holds nearly all of the other's words and goes on
    ("We do not expect to find a buyer for most of the estate" / "We expect to find a buyer for most of the estate,
    and we are already talking to several parties"): each read in its clauses that share more than half their
    words with the other, so that a "not" in the words one alone gives ("…, and the school will not be sold")
    denies nothing the other says."""
    sa, sb = set(a.stems), set(b.stems)
    if not sa or not sb or (len(sa & sb) < 0.6 * len(sa | sb) and len(sa & sb) < 0.8 * min(len(sa), len(sb))):
        return False
    return says_no(_clauses_shared(a.text, sb)) != says_no(_clauses_shared(b.text, sa))


def _clauses_shared(text: str, other: set[str]) -> str:
    """The clauses of a quotation (its sentences, cut again at a semicolon or at ", and", ", but") that share more
    than half their content words with another's: "We are not, at this point, planning any layoffs" is one clause."""
    clauses = re.split(r"(?<=[.!?;])\s+|,\s+(?=(?:and|but|while|although)\b)", text)
    return " ".join(c for c in clauses if (own := set(content_stems(c))) and len(own & other) > len(own) / 2)


def quote_word_conflicts(story: StoryView, statements: list[QuotedStatement], quote_groups: list[list[int]],
                          unit_of: Callable[[int, int], int | None]) -> list[Conflict]:
    """Direct quotations of one statement whose words change the meaning: a number, or a negation
    that one close wording has and the other lacks."""
    out = []
    for members in quote_groups:
        direct = [statements[i] for i in members if statements[i].direct]
        if len({story.voice[s.article] for s in direct}) < 2:
            continue
        found: dict[int, tuple[str, str, list[tuple[int, int]]]] = {}
        figures = {s.index: [n for n in find_numbers(s.text, 0, len(s.text), []) if n.kind] for s in direct}
        for x in range(len(direct)):
            for y in range(x + 1, len(direct)):
                a, b = direct[x], direct[y]
                if story.voice[a.article] == story.voice[b.article]:
                    continue
                if language_of(story.articles[a.article]) != language_of(story.articles[b.article]):
                    continue  # a translation words a quotation anew; its words are not the outlet's change
                na, nb = figures[a.index], figures[b.index]
                clash = any(same_kind(n, m) and not compatible(n, m) for n in na for m in nb) and \
                    not any(same_kind(n, m) and compatible(n, m) for n in na for m in nb)
                if clash or _denied_in_shared_words(a, b) or _tense_changed(a.text, b.text):
                    for s in (a, b):
                        found.setdefault(s.article, (fingerprint_text(s.text), s.text,
                                                     [(p.start, p.end) for p in s.parts]))
        if len({v[0] for v in found.values()}) < 2:
            continue
        units = {}
        for pos in found:
            s = next(s for s in direct if s.article == pos)
            u = unit_of(pos, s.start)
            if u is not None:
                units[pos] = u
        out.append(Conflict(ConflictKind.QUOTE, f"quote:{members[0]}", found, units))
    return out


def _in_story(found: StoryFindings) -> list[Conflict]:
    return quote_word_conflicts(found.story, found.statements, found.quote_groups, found.unit_of)


DETECTOR = Detector(ConflictKind.QUOTE, in_story=_in_story)
