"""Statements across outlets: the quotations of a story's articles (QuotedStatement: one quote's
parts as one statement, with its speaker as a canonical entity name), grouped where several
articles quote one statement, each outlet's wording a variant with a word diff against the first
where the two share most words (wording.shares_most_words), its own words alone where they do not.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from storyline.analyze.name_matching import name_key, same_name
from storyline.analyze.numbers import find_numbers
from storyline.compare.align import Groups, LanguageView, StemWeights, candidate_pairs, sentence_fingerprint
from storyline.compare.thresholds import (
    CROSS_QUOTE_THRESHOLD,
    CROSS_SCALE,
    CROSS_SHIFT,
    NEIGHBOURS,
    ORDER_WEIGHT,
    QUOTE_EXACT,
    QUOTE_LINK,
    QUOTE_MARGIN,
    QUOTE_THRESHOLD,
    QUOTE_UNATTRIBUTED,
    QUOTED_RUN_WORDS,
    SPEAKER_FLOOR,
    SPEAKER_MARGIN,
)
from storyline.compare.units import StoryView, Unit, language_of, voices_of
from storyline.lang.en import EMPHATIC_NEGATIONS, NEGATIONS
from storyline.memo import ARTICLES, memo
from storyline.model import UNDATED_LAST, Quote, QuoteRecord, QuoteVariant, TimeExpression
from storyline.quoted_runs import quoted_runs, word_runs
from storyline.safety import clean_label
from storyline.wording import shares_most_words, word_edits
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

    @property
    def unnamed_source(self) -> str | None:
        """The source the article gives without a name ("a campaign aide"), shown on one line."""
        return None if self.speaker else clean_label(next((p.unnamed_source for p in self.parts if p.unnamed_source), None))


def statements_of(story: StoryView) -> list[QuotedStatement]:
    out: list[QuotedStatement] = []
    for pos, article in enumerate(story.articles):
        published = article.published.date().isoformat() if article.published else None
        for parts, text, explicit, day, negated, stems in _quotations(article.analysis.quotes, article.analysis.times):
            first = parts[0]
            speaker = story.entity_at(pos, *first.speaker_span) if first.speaker_span else None
            if first.speaker and (speaker is None or _another_bearer(speaker, first.speaker)):
                # the name analysis gave in full says which of a surname's bearers the span stands for ("Mrs.
                # Whitaker said" beside her husband Mark Whitaker, whom the story's entities took the surname for)
                speaker = story.person_named(first.speaker) or speaker or first.speaker
            out.append(QuotedStatement(len(out), pos, list(parts), speaker, any(p.direct for p in parts), text,
                                       parts[0].start, parts[-1].end, list(stems), explicit, day, published, negated))
    return out


def _another_bearer(entity: str, analysed: str) -> bool:
    """Whether the story's entity for a speaker's span and the full name the analysis read there are two people
    of one surname (Mark Whitaker / Karen Whitaker), not one person's names (Barack Obama / "Obama Reverses", a
    headline's words the model took for a name)."""
    return " " in entity and " " in analysed and name_key(entity).split()[-1] == name_key(analysed).split()[-1] \
        and not same_name(entity, analysed)


@memo(ARTICLES)
def _quotations(quotes: tuple[Quote, ...], times: tuple[TimeExpression, ...]) \
        -> tuple[tuple[tuple[Quote, ...], str, bool, str | None, bool, tuple[str, ...]], ...]:
    """An article's statements as the story does not change them: each quotation's parts in order, its
    words, whether its speaker is named in its sentence, the one day its sentences give, whether it is
    negated, its stems. Remembered for the articles of the last briefs made, like units._pieces, since a
    story that grows by one article has its brief made again."""
    by_group: dict[int, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_group[q.group].append(q)
    out = []
    for parts in by_group.values():
        parts.sort(key=lambda q: (q.part, q.start))
        first = parts[0]
        text = " … ".join(p.text for p in parts)
        explicit = bool(first.speaker_span and first.sentence[0] <= first.speaker_span[0] < first.sentence[1])
        lo, hi = min(p.sentence[0] for p in parts), max(p.sentence[1] for p in parts)
        days = {t.date for t in times if lo <= t.start < hi and t.granularity == "day"
                and not any(p.start <= t.start < p.end for p in parts)}
        out.append((tuple(parts), text, explicit, next(iter(days)) if len(days) == 1 else None, says_no(text),
                    tuple(content_stems(text))))
    return tuple(out)


def says_no(text: str) -> bool:
    """Whether words hold a negation ("not", "never", "won't"; not an emphatic "not only")."""
    return any(w in NEGATIONS or w.endswith("n't") for w in folded_words(EMPHATIC_NEGATIONS.sub(" ", text)))


def _other_occasion(a: QuotedStatement, b: QuotedStatement) -> bool:
    """Whether two statements cannot be one: said on different days, or reported before it was said."""
    if a.day and b.day and a.day != b.day:
        return True
    return bool((a.day and b.published and a.day > b.published) or (b.day and a.published and b.day > a.published))


def quote_score(a: QuotedStatement, b: QuotedStatement, cosine: float, idf: dict[str, float]) -> float:
    return _likeness(StemWeights([a, b], idf), 0, 1, cosine)


def _likeness(words: StemWeights, i: int, j: int, cosine: float) -> float:
    """How alike two statements are: cosine and the IDF-weighted Dice of their stems."""
    total = words.weight[i] + words.weight[j]
    return cosine + 0.5 * (2 * words.shared(i, j) / total if total else 0.0)


def _order(statements: Sequence[QuotedStatement]) -> list[float]:
    """Where each statement comes in its article, from 0 (the first quoted) to 1 (the last)."""
    count = Counter(s.article for s in statements)
    seen: Counter[int] = Counter()
    out = []
    for s in statements:
        out.append(seen[s.article] / (count[s.article] - 1) if count[s.article] > 1 else 0.5)
        seen[s.article] += 1
    return out


def lent_speakers(statements: Sequence[QuotedStatement], scores: dict[tuple[int, int], float]) -> dict[int, str]:
    """The speaker of each unattributed statement that is, unmistakably, a variant of a named speaker's.

    An outlet that names no speaker beside a quotation ("he said", "the minister said", a speaker a
    sentence away) quotes one of the story's speakers: the statement takes the speaker of the named
    statement it matches best (pair score, with its place among its article's quotations as support:
    outlets tend to quote a statement at the same point of their report), where that one passes
    QUOTE_UNATTRIBUTED and beats every statement of any other speaker by QUOTE_MARGIN. A quotation
    as close to two speakers' lends none."""
    order = _order(statements)
    prints = [sentence_fingerprint(s.text) for s in statements]  # each statement's once, not once per pair
    copies: dict[str, list[int]] = defaultdict(list)  # the candidate pairs hold one copy of a repeated text
    for i, p in enumerate(prints):
        copies[p].append(i)
    best: dict[int, dict[str, tuple[float, float]]] = defaultdict(dict)  # unattributed -> speaker -> (supported, score)
    for (i, j), score in scores.items():
        for u, named in ((i, j), (j, i)):
            if statements[u].speaker is not None:
                continue
            for v in copies[prints[named]]:
                speaker = statements[v].speaker
                if speaker is None or statements[v].article == statements[u].article or \
                        _other_occasion(statements[u], statements[v]):
                    continue
                supported = score + ORDER_WEIGHT * (1.0 - abs(order[u] - order[v]))
                best[u][speaker] = max(best[u].get(speaker, (-math.inf, -math.inf)), (supported, score))
    lent = {}
    for u, by_speaker in best.items():
        ranked = sorted(by_speaker.items(), key=lambda item: -item[1][0])
        speaker, (top, score) = ranked[0]
        rival = ranked[1][1][0] if len(ranked) > 1 else -math.inf
        if score >= QUOTE_UNATTRIBUTED and top - rival >= QUOTE_MARGIN:
            lent[u] = speaker
    return lent


def _one_speaker(a: int, b: int, statements: Sequence[QuotedStatement], lent: dict[int, str]) -> bool:
    """Whether two statements can have been said by one person: one named speaker (or the one an
    unattributed statement's wording lends it); two unattributed ones unless lent two speakers."""
    first, second = statements[a].speaker or lent.get(a), statements[b].speaker or lent.get(b)
    if statements[a].speaker is None and statements[b].speaker is None:
        return first is None or second is None or first == second
    return first == second


def statement_idf(statements: Sequence[QuotedStatement]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for s in statements:
        df.update(set(s.stems))
    return {w: math.log((len(statements) + 1) / (c + 0.5)) + 1.0 for w, c in df.items()}


def align_quotes(story: StoryView, statements: list[QuotedStatement], vectors: np.ndarray,
                 pairs: dict[tuple[int, int], float] | None = None, cross: LanguageView | None = None,
                 anchored: set[tuple[int, int]] | None = None) -> list[list[int]]:
    """Groups of statements: one statement quoted by several articles, one variant per article.

    Variants must share a speaker (both unnamed only when nearly word for word; an unattributed one
    takes the speaker its wording points to unmistakably, `lent_speakers`), be said on one day, and
    a negation one lacks makes them two statements unless they are worded alike. Pairs in two
    languages that their speaker anchors (`speaker_pairs`) pass and join a group whatever their
    cosine. A group never holds two named speakers."""
    anchored = anchored or set()
    if not statements:
        return []
    if pairs is None:
        pairs = candidate_pairs(statements, vectors, lambda i: statements[i].article, NEIGHBOURS, floor=0.5)
    if not pairs:
        return [[i] for i in range(len(statements))]  # one article, or nothing alike: each statement its own
    words = StemWeights(statements, statement_idf(statements))
    scores: dict[tuple[int, int], float] = {}  # the pairs said on one occasion, whoever said them
    runs = [_quoted_words(s) for s in statements]
    quoted_alike: set[tuple[int, int]] = set()
    for (i, j), cosine in pairs.items():
        a, b = statements[i], statements[j]
        if _other_occasion(a, b) or (a.speaker is None and b.speaker is None and cosine < 0.9):
            continue
        scores[(i, j)] = 2.0 if cosine >= 0.999 else _likeness(words, i, j, cosine) + (0.1 if a.direct and b.direct else 0.0)
        if a.speaker and a.speaker == b.speaker and runs[i] & runs[j]:
            scores[(i, j)] = max(scores[(i, j)], QUOTE_THRESHOLD + 0.1)  # one speaker's words quoted alike
            quoted_alike.add((i, j))
    lent = lent_speakers(statements, scores)
    scored = []
    for (i, j), score in scores.items():
        a, b = statements[i], statements[j]
        if not _one_speaker(i, j, statements, lent):
            continue
        if not (a.direct or b.direct) and (score < QUOTE_THRESHOLD + 0.1 or (
                (i, j) not in quoted_alike and _other_figures(a.text, b.text))):
            continue  # two reported paraphrases share more words by chance than two quotations do, and give
            # other figures when they report two things ("a 4.6 aftershock … injured 48" / "a 5.9 quake … injured 53")
        if a.negated != b.negated and score < QUOTE_EXACT and not (cross is not None and cross.differ(i, j)) and \
                min(len(a.text), len(b.text)) >= 0.6 * max(len(a.text), len(b.text)):
            continue  # "is moving faster" and "is not growing faster" are two statements unless worded alike
        if (i, j) in anchored:
            score = max(score, CROSS_QUOTE_THRESHOLD)
        if (a.speaker is None) != (b.speaker is None):
            threshold = QUOTE_UNATTRIBUTED  # only its words vouch for the unattributed one
        else:
            threshold = CROSS_QUOTE_THRESHOLD if cross is not None and cross.differ(i, j) else QUOTE_THRESHOLD
        if score >= threshold:
            scored.append((score, i, j))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    names = {name: n for n, name in enumerate(sorted({s.speaker for s in statements if s.speaker}))}
    said = [names[s.speaker] if s.speaker else None for s in statements]
    groups = Groups(statements, vectors, said=said, cross=cross)
    for score, i, j in scored:
        groups.merge(i, j, 0.0 if (i, j) in anchored else QUOTE_LINK)
    return groups.groups()


def _other_figures(a: str, b: str) -> bool:
    """Whether two texts each give a quantity the other does not, by value ("1,200" is "1200", "nine" is "9"; days,
    times of day and years are no quantities: "as of 6 p.m. on Tuesday" / "by Tuesday, June 3")."""
    first, second = _quantities(a), _quantities(b)
    return bool(first - second) and bool(second - first)


@lru_cache(maxsize=4096)
def _quantities(text: str) -> frozenset[float]:
    days = [(m.start(), m.end()) for m in _DAY_OF_MONTH.finditer(text)]
    return frozenset(n.value for n in find_numbers(text, 0, len(text), days))


_DAY_OF_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+"
                           r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b")


def _quoted_words(statement: QuotedStatement) -> frozenset[str]:
    """The runs of QUOTED_RUN_WORDS words a statement quotes: all of a quotation's, and those inside quote
    marks of reported speech ('had "betrayed the trust of every resident of this city"')."""
    if statement.direct:
        return frozenset(word_runs(statement.text, QUOTED_RUN_WORDS))
    return quoted_runs(statement.text, QUOTED_RUN_WORDS)


def quote_records(story: StoryView, statements: list[QuotedStatement], quote_groups: list[list[int]]) -> list[QuoteRecord]:
    out: list[QuoteRecord] = []
    for members in quote_groups:
        ordered = sorted(members, key=lambda i: (story.articles[statements[i].article].published or UNDATED_LAST,
                                                 not statements[i].direct, statements[i].article, i))
        first = statements[ordered[0]]
        variants: list[QuoteVariant] = []
        for i in ordered:
            s = statements[i]
            variants.append({"article": story.articles[s.article].id, "text": s.text, "start": s.start, "end": s.end,
                             "source": story.articles[s.article].source, "direct": s.direct,
                             "parts": [{"start": p.start, "end": p.end} for p in s.parts],
                             "venue": s.venue, "language": language_of(story.articles[s.article]),
                             "diff": word_edits(first.text, s.text) if i != ordered[0] and language_of(
                                 story.articles[s.article]) == language_of(story.articles[first.article])
                             and shares_most_words(first.text, s.text) else []})
        credited, carried = voices_of(story, [statements[i].article for i in members])
        speaker = next((statements[i].speaker for i in ordered if statements[i].speaker), None)
        unnamed = None if speaker else next((statements[i].unnamed_source for i in ordered
                                             if statements[i].unnamed_source), None)
        out.append({"speaker": speaker, "unnamed_source": unnamed, "text": first.text, "sources": credited, "direct": first.direct,
                    "variants": variants, "republished_by": carried})
    out.sort(key=lambda q: (-len(q["sources"]), -len(q["variants"]),
                            min(story.pos[v["article"]] for v in q["variants"]),
                            min(v["start"] for v in q["variants"])))
    return out


def speaker_pairs(statements: Sequence[QuotedStatement], cross: LanguageView | None) -> dict[tuple[int, int], float]:
    """Pairs (i, j), i < j, of direct quotations in two languages, one of which the encoder was not
    trained on, by one named speaker in two articles, that are each other's clear closest among that
    speaker's quotations there (SPEAKER_FLOOR, SPEAKER_MARGIN), with their multilingual cosine on the
    English scale. Between languages it reads well the cosine decides alone: there a quotation that
    has no counterpart would otherwise pair with the speaker's nearest other one."""
    from storyline.embed import MULTILINGUAL_TRAINED

    if cross is None:
        return {}
    by: dict[tuple[int, str], list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        if s.speaker and s.direct:
            by[(s.article, s.speaker)].append(i)
    out: dict[tuple[int, int], float] = {}
    for (article, speaker), mine in by.items():
        for (other, other_speaker), theirs in by.items():
            if other_speaker != speaker or other <= article or not cross.differ(mine[0], theirs[0]):
                continue
            if {cross.of[mine[0]], cross.of[theirs[0]]} <= MULTILINGUAL_TRAINED:
                continue
            sims = cross.vectors[mine] @ cross.vectors[theirs].T
            for r, c in clear_mutual_best(sims):
                i, j = sorted((mine[r], theirs[c]))
                out[(i, j)] = CROSS_SCALE * float(sims[r, c]) + CROSS_SHIFT
    return out


def clear_mutual_best(sims: np.ndarray) -> list[tuple[int, int]]:
    """(row, column) cells that are the best of their row and of their column, at SPEAKER_FLOOR or
    more and ahead of every other cell of that row and column by SPEAKER_MARGIN."""
    out = []
    for r in range(sims.shape[0]):
        c = int(np.argmax(sims[r]))
        best = float(sims[r, c])
        others = np.concatenate([np.delete(sims[r], c), np.delete(sims[:, c], r)])
        if best >= SPEAKER_FLOOR and (others.size == 0 or best - float(others.max()) >= SPEAKER_MARGIN):
            out.append((r, c))
    return out


def quote_group_of_units(units: list[Unit], statements: list[QuotedStatement], quote_groups: list[list[int]]) -> list[int | None]:
    """Per unit, the quote group of the statement that makes up most of it, where that statement was
    found in another article too."""
    group_of = {i: g for g, members in enumerate(quote_groups) for i in members if len(members) > 1}
    by_article: dict[int, list[tuple[int, int, QuotedStatement]]] = defaultdict(list)
    for s in statements:
        if s.index in group_of:  # with where its parts begin and end: a unit outside them shares nothing
            by_article[s.article].append((min(p.start for p in s.parts), max(p.end for p in s.parts), s))
    out: list[int | None] = []
    for u in units:
        best, best_share = None, 0.0
        for lo, hi, s in by_article.get(u.article, ()):
            if hi <= u.start or lo >= u.end:
                continue
            inside = sum(max(0, min(u.end, p.end) - max(u.start, p.start)) for p in s.parts)
            share = inside / max(1, u.end - u.start)
            if share > best_share:
                best, best_share = group_of[s.index], share
        out.append(best if best_share >= 0.5 else None)
    return out
