"""Statements across outlets: the quotations of a story's articles (QuotedStatement: one quote's
parts as one statement, with its speaker as a canonical entity name), grouped where several
articles quote one statement, each outlet's wording a variant with a word diff against the first.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from storyline.compare.align import Groups, LanguageView, candidate_pairs
from storyline.compare.thresholds import CROSS_QUOTE_THRESHOLD, NEIGHBOURS, QUOTE_EXACT, QUOTE_LINK, QUOTE_THRESHOLD
from storyline.compare.units import StoryView, language_of, voices_of
from storyline.lang.en import NEGATIONS
from storyline.model import Quote, QuoteRecord, QuoteVariant
from storyline.wording import word_edits
from storyline.words import content_stems, folded_words


@dataclass
class QuotedStatement:
    index: int
    article: int
    parts: list[Quote]
    speaker: str | None
    direct: bool
    text: str
    start: int
    end: int
    stems: list[str] = field(default_factory=list)
    explicit_speaker: bool = False
    day: str | None = None  # the day its sentence says it was made on, when it names one
    published: str | None = None  # the day of the article that reports it
    negated: bool = False

    @property
    def venue(self) -> str | None:
        return next((p.venue for p in self.parts if p.venue), None)

    @property
    def venue_text(self) -> str | None:
        return next((p.venue_text for p in self.parts if p.venue_text), None)


def statements_of(story: StoryView) -> list[QuotedStatement]:
    out: list[QuotedStatement] = []
    for pos, article in enumerate(story.articles):
        by_group: dict[int, list[Quote]] = defaultdict(list)
        for q in article.analysis.quotes:
            by_group[q.group].append(q)
        for parts in by_group.values():
            parts.sort(key=lambda q: (q.part, q.start))
            first = parts[0]
            speaker = None
            if first.speaker_span:
                speaker = story.entity_at(pos, *first.speaker_span)
            speaker = speaker or first.speaker
            text = " … ".join(p.text for p in parts)
            explicit = bool(first.speaker_span and first.sentence[0] <= first.speaker_span[0] < first.sentence[1])
            lo, hi = min(p.sentence[0] for p in parts), max(p.sentence[1] for p in parts)
            days = {t.date for t in article.analysis.times if lo <= t.start < hi and t.granularity == "day"
                    and not any(p.start <= t.start < p.end for p in parts)}
            negated = any(w in NEGATIONS or w.endswith("n't") for w in folded_words(text))
            out.append(QuotedStatement(len(out), pos, parts, speaker, any(p.direct for p in parts), text,
                                  parts[0].start, parts[-1].end, content_stems(text), explicit,
                                  next(iter(days)) if len(days) == 1 else None,
                                  article.published.date().isoformat() if article.published else None, negated))
    return out


def _other_occasion(a: QuotedStatement, b: QuotedStatement) -> bool:
    """Whether two statements cannot be one: said on different days, or reported before it was said."""
    if a.day and b.day and a.day != b.day:
        return True
    return bool((a.day and b.published and a.day > b.published) or (b.day and a.published and b.day > a.published))


def quote_score(a: QuotedStatement, b: QuotedStatement, cosine: float, idf: dict[str, float]) -> float:
    sa, sb = set(a.stems), set(b.stems)
    shared = sum(idf.get(w, 1.0) for w in sa & sb)
    total = sum(idf.get(w, 1.0) for w in sa) + sum(idf.get(w, 1.0) for w in sb)
    return cosine + 0.5 * (2 * shared / total if total else 0.0)


def _speakers_agree(a: QuotedStatement, b: QuotedStatement) -> bool:
    return a.speaker is not None and a.speaker == b.speaker


def statement_idf(statements: Sequence[QuotedStatement]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for s in statements:
        df.update(set(s.stems))
    return {w: math.log((len(statements) + 1) / (c + 0.5)) + 1.0 for w, c in df.items()}


def align_quotes(story: StoryView, statements: list[QuotedStatement], vectors: np.ndarray,
                 pairs: dict[tuple[int, int], float] | None = None, cross: LanguageView | None = None,
                 anchored: set[tuple[int, int]] | None = None) -> list[list[int]]:
    """Groups of statements: one statement quoted by several articles, one variant per article.

    Variants must share a speaker (both unnamed only when nearly word for word), be said on one
    day, and a negation one lacks makes them two statements unless they are worded alike. Pairs in
    two languages that their speaker anchors (`speaker_pairs`) pass and join a group whatever their
    cosine."""
    anchored = anchored or set()
    if not statements:
        return []
    idf = statement_idf(statements)
    if pairs is None:
        pairs = candidate_pairs(statements, vectors, lambda i: statements[i].article, NEIGHBOURS, floor=0.5)
    scored = []
    for (i, j), cosine in pairs.items():
        a, b = statements[i], statements[j]
        if not _speakers_agree(a, b) and not (a.speaker is None and b.speaker is None and cosine >= 0.9):
            continue
        if _other_occasion(a, b):
            continue
        score = 2.0 if cosine >= 0.999 else quote_score(a, b, cosine, idf) + (0.1 if a.direct and b.direct else 0.0)
        if not (a.direct or b.direct) and score < QUOTE_THRESHOLD + 0.1:
            continue  # two reported paraphrases share more words by chance than two quotations do
        if a.negated != b.negated and score < QUOTE_EXACT and not (cross is not None and cross.differ(i, j)) and \
                min(len(a.text), len(b.text)) >= 0.6 * max(len(a.text), len(b.text)):
            continue  # "is moving faster" and "is not growing faster" are two statements unless worded alike
        if (i, j) in anchored:
            score = max(score, CROSS_QUOTE_THRESHOLD)
        if score >= (CROSS_QUOTE_THRESHOLD if cross is not None and cross.differ(i, j) else QUOTE_THRESHOLD):
            scored.append((score, i, j))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    groups = Groups(statements, vectors, cross=cross)
    for score, i, j in scored:
        groups.merge(i, j, 0.0 if (i, j) in anchored else QUOTE_LINK)
    return groups.groups()


def quote_records(story: StoryView, statements: list[QuotedStatement], quote_groups: list[list[int]]) -> list[QuoteRecord]:
    out: list[QuoteRecord] = []
    for members in quote_groups:
        ordered = sorted(members, key=lambda i: (story.articles[statements[i].article].published or datetime.max,
                                                 not statements[i].direct, statements[i].article, i))
        first = statements[ordered[0]]
        variants: list[QuoteVariant] = []
        for i in ordered:
            s = statements[i]
            variants.append({"article": story.articles[s.article].id, "text": s.text, "start": s.start, "end": s.end,
                             "source": story.articles[s.article].source, "direct": s.direct,
                             "parts": [{"start": p.start, "end": p.end} for p in s.parts],
                             "venue": s.venue, "language": language_of(story.articles[s.article]),
                             "diff": [] if i == ordered[0] or language_of(story.articles[s.article]) !=
                             language_of(story.articles[first.article]) else word_edits(first.text, s.text)})
        credited, carried = voices_of(story, [statements[i].article for i in members])
        speaker = next((statements[i].speaker for i in ordered if statements[i].speaker), None)
        out.append({"speaker": speaker, "text": first.text, "sources": credited, "direct": first.direct,
                    "variants": variants, "republished_by": carried})
    out.sort(key=lambda q: (-len(q["sources"]), -len(q["variants"]),
                            min(story.pos[v["article"]] for v in q["variants"]),
                            min(v["start"] for v in q["variants"])))
    return out
