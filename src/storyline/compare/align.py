"""Alignment: which sentence units (and which quotations) of a story's articles say the same thing.

Two units state one fact when their pair score passes PAIR_THRESHOLD: static-embedding cosine,
IDF-weighted word overlap (figures included), shared entities, figures and dates. Candidates come
from a nearest-neighbour search over distinct sentences (exact up to 2,048, usearch beyond), a fixed
number per sentence, so the work grows as n·log n in sentences; wire copies are searched once.
Groups are merged best pair first, never holding two units of one article, never two values of
one thing (12 and 15 injured, Wednesday and Thursday), and only while the group's mean cosine
stays high. Items in two languages are paired in the multilingual encoder's space (LanguageView).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any

import numpy as np

from storyline.analyze.numbers import Number, clashing_numbers, compatible
from storyline.compare.thresholds import (
    CROSS_FLOOR,
    CROSS_PAIR_THRESHOLD,
    CROSS_SCALE,
    CROSS_SHIFT,
    LEXICAL_WEIGHT,
    LINK_THRESHOLD,
    NEIGHBOURS,
    PAIR_THRESHOLD,
)
from storyline.compare.units import StoryView, Unit, language_of
from storyline.lang.en_numbers import GENERIC_KINDS
from storyline.memo import memo
from storyline.text import fingerprint_text
from storyline.words import happenings

Embed = Callable[[list[str]], np.ndarray]

EXACT_NEIGHBOURS = 2048  # rows searched exactly by nearest_neighbours; an index above


def story_idf(units: Sequence[Any]) -> dict[str, float]:
    """Inverse document frequency over the story's own sentences: the names every report repeats
    ("Harrow Ridge", "Rubio") say little about which fact a sentence states."""
    df: Counter[str] = Counter()
    for u in units:
        df.update(_terms(tuple(u.stems)))
    n = len(units) + 1
    weight = {c: max(0.1, math.log(n / (c + 0.5))) for c in set(df.values())}  # once per count, not per stem
    return dict(zip(df.keys(), map(weight.__getitem__, df.values())))


@memo(20_000)  # a grown story's sentences come back at every brief
def _terms(stems: tuple[str, ...]) -> tuple[str, ...]:
    """A unit's distinct stems and the kinds of happening they name, in the order the set of them
    gives (so a story's IDF is built the same, remembered or not)."""
    return tuple(set(stems) | happenings(stems))


class StemWeights:
    """Each unit's distinct stems and their summed IDF weight (a stem the idf lacks weighs 1), made once for
    a story, not once for every pair a unit is in; `shared` weighs what two units have in common."""

    def __init__(self, units: Sequence[Any], idf: dict[str, float]) -> None:
        self.idf = idf
        self.stems = [set(u.stems) for u in units]
        self.weight = [self.weigh(stems) for stems in self.stems]

    def weigh(self, stems: set[str]) -> float:
        return sum(map(self.idf.get, stems, repeat(1.0)))  # mapped, not a Python step a stem

    def shared(self, i: int, j: int) -> float:
        return self.weigh(self.stems[i] & self.stems[j])


class _Overlap(StemWeights):
    """IDF-weighted word overlap of two units: the mean of Dice and containment, so that a short sentence
    stated again inside a long one still counts."""

    def __call__(self, i: int, j: int) -> float:
        wa, wb = self.weight[i], self.weight[j]
        if not wa or not wb:
            return 0.0
        shared = sum(map(self.idf.get, self.stems[i] & self.stems[j], repeat(1.0)))  # self.shared(i, j), one call
        return (2 * shared / (wa + wb) + shared / min(wa, wb)) / 2


SHARED_MOST = 0.1 + 0.08 * 2 + 1e-9  # the most _pair_score adds to cosine and overlap for shared names, figures, dates


def _pair_score(a: Unit, b: Unit, cosine: float, lexical: float) -> float:
    """How surely two units state one fact: embedding cosine, word overlap, shared names, figures, dates."""
    score = cosine + LEXICAL_WEIGHT * lexical
    if a.entities and b.entities:
        score += 0.1 * len(a.entities & b.entities) / len(a.entities | b.entities)
    shared = len(a.dates & b.dates)
    clash = False
    if a.numbers and b.numbers:  # most sentences give none: no figure to share or to clash
        shared += sum(1 for x in a.numbers for y in b.numbers if x.value == y.value and x.kind == y.kind)
        clash = bool(clashing_numbers(a.numbers, b.numbers))
    score += 0.08 * min(shared, 2)
    if clash:
        score -= 0.05  # still one fact, but where a sentence could join two, the one that agrees comes first
    return score


def nearest_neighbours(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """For each row, up to k other rows nearest by cosine (indices, similarities); -1 where none.

    Up to EXACT_NEIGHBOURS rows are searched exactly (one matrix product): the exact answer, and
    faster there than building an index (600 sentences: about 12 ms against 80). Above, an HNSW
    index (usearch) keeps this at n·log n."""
    n = len(vectors)
    k = min(k, n - 1)
    if k <= 0:
        return np.full((n, 0), -1, dtype=np.int64), np.zeros((n, 0), dtype=np.float32)
    if n <= EXACT_NEIGHBOURS:
        sims = vectors @ vectors.T
        np.fill_diagonal(sims, -np.inf)
        if n <= 256:
            order = np.argsort(-sims, axis=1)[:, :k]
        else:  # the k nearest of each row, then only those sorted
            nearest = np.argpartition(-sims, k - 1, axis=1)[:, :k]
            order = np.take_along_axis(nearest, np.argsort(-np.take_along_axis(sims, nearest, axis=1), axis=1,
                                                           kind="stable"), axis=1)
        return order.astype(np.int64), np.take_along_axis(sims, order, axis=1).astype(np.float32)
    from usearch.index import Index

    index = Index(ndim=vectors.shape[1], metric="cos", dtype="f32", connectivity=16, expansion_add=64,
                  expansion_search=max(64, 2 * k))
    keys = np.arange(n, dtype=np.int64)
    index.add(keys, vectors, threads=1)
    found = index.search(vectors, k + 1, threads=1)
    ids = np.asarray(found.keys, dtype=np.int64).reshape(n, -1)
    dist = np.asarray(found.distances, dtype=np.float32).reshape(n, -1)
    counts = np.asarray(found.counts).reshape(n)  # type: ignore[union-attr]  # a batch search gives BatchMatches
    out_ids = np.full((n, k), -1, dtype=np.int64)
    out_sims = np.zeros((n, k), dtype=np.float32)
    for i in range(n):
        row = [(int(j), 1.0 - float(d)) for j, d in zip(ids[i, :counts[i]], dist[i, :counts[i]]) if j != i][:k]
        for c, (j, s) in enumerate(row):
            out_ids[i, c], out_sims[i, c] = j, s
    return out_ids, out_sims


class Groups:
    """Union of units into claim groups: never two units of one article, mean cosine kept by vector sums."""

    def __init__(self, units: Sequence[Any], vectors: np.ndarray, said: Sequence[int | None] | None = None,
                 values: Sequence[tuple[dict[str, list[Number]], frozenset[str]]] | None = None,
                 cross: LanguageView | None = None) -> None:
        self.cross = cross
        if cross is not None:
            # per group and language: member count, and vector sums in each space, so that the mean
            # cosine takes same-language pairs from the English space and the others from the
            # multilingual one (calibrated)
            self.lang = {i: {cross.of[i]: 1} for i in range(len(units))}
            self.lang_sums = {i: {cross.of[i]: vectors[i].astype(np.float64).copy()} for i in range(len(units))}
            self.cross_sums = {i: {cross.of[i]: cross.vectors[i].astype(np.float64).copy()} for i in range(len(units))}
        self.parent = list(range(len(units)))
        self.members = {i: [i] for i in range(len(units))}
        self.articles = {i: {units[i].article} for i in range(len(units))}
        # the vector sums of groups of two units or more, in float64; a unit alone is its own row, read
        # in float64 where it is used (sum_of): the same arithmetic as summing from float64 copies of
        # every row, without a copy of the story's vectors in float64 beside them
        self.vectors = vectors
        self.sums: dict[int, np.ndarray] = {}
        self.said = {i: ({said[i]} if said is not None and said[i] is not None else set()) for i in range(len(units))}
        # statements: the days they were said on, and the earliest day a member was reported
        self.days = {i: ({units[i].day} if getattr(units[i], "day", None) else set()) for i in range(len(units))}
        self.reported = {i: getattr(units[i], "published", None) for i in range(len(units))}
        # units: the figures (by kind) and the day they give, which a group must not give twice over
        self.figures = {i: dict(values[i][0]) if values else {} for i in range(len(units))}
        self.moments = {i: set(values[i][1]) if values else set() for i in range(len(units))}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def sum_of(self, root: int) -> np.ndarray:
        """The sum of a group's vectors in float64 (a unit alone: its row, made float64 exactly)."""
        found = self.sums.get(root)
        return found if found is not None else self.vectors[root].astype(np.float64)

    def mean_cosine(self, a: int, b: int) -> float:
        if self.cross is None:
            return float(self.sum_of(a) @ self.sum_of(b)) / (len(self.members[a]) * len(self.members[b]))
        same = sum(float(v @ self.lang_sums[b][lang]) for lang, v in self.lang_sums[a].items() if lang in self.lang_sums[b])
        total_a, total_b = sum(self.cross_sums[a].values()), sum(self.cross_sums[b].values())
        raw = float(total_a @ total_b) - sum(float(v @ self.cross_sums[b][lang])
                                             for lang, v in self.cross_sums[a].items() if lang in self.cross_sums[b])
        pairs = len(self.members[a]) * len(self.members[b])
        crossing = pairs - sum(n * self.lang[b].get(lang, 0) for lang, n in self.lang[a].items())
        return (same + CROSS_SCALE * raw + CROSS_SHIFT * crossing) / pairs

    def merge(self, i: int, j: int, link: float) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b or self.articles[a] & self.articles[b]:
            return False
        if self.said[a] and self.said[b] and not self.said[a] & self.said[b]:
            return False
        days = self.days[a] | self.days[b]
        reported = min((d for d in (self.reported[a], self.reported[b]) if d), default=None)
        if len(days) > 1 or (days and reported and max(days) > reported):
            return False  # statements said on two days, or one reported before the other was said
        if len(self.members[a]) + len(self.members[b]) > 2 and self.mean_cosine(a, b) < link:
            return False
        if self.moments[a] and self.moments[b] and not self.moments[a] & self.moments[b]:
            return False  # two days: two moments of a story, not one fact
        for kind in self.figures[a].keys() & self.figures[b].keys():
            if not any(compatible(x, y) for x in self.figures[a][kind] for y in self.figures[b][kind]):
                return False  # two values of one thing: a conflict or an update, never one claim
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a] += self.members.pop(b)
        self.articles[a] |= self.articles.pop(b)
        total = self.sum_of(a)
        total += self.sum_of(b)  # in place: a group's own sum, or a fresh copy of a unit's row
        self.sums[a] = total
        self.sums.pop(b, None)
        if self.cross is not None:
            for store in (self.lang, self.lang_sums, self.cross_sums):
                for lang, value in store.pop(b).items():
                    store[a][lang] = store[a][lang] + value if lang in store[a] else value
        self.said[a] |= self.said.pop(b)
        self.days[a] |= self.days.pop(b)
        ra, rb = self.reported[a], self.reported.pop(b)
        self.reported[a] = min((d for d in (ra, rb) if d), default=None)
        for kind, numbers in self.figures.pop(b).items():
            known = self.figures[a].setdefault(kind, [])
            known.extend(n for n in numbers if all(n.value != k.value or n.qualifier != k.qualifier for k in known))
        self.moments[a] |= self.moments.pop(b)
        return True

    def groups(self) -> list[list[int]]:
        return [sorted(m) for m in self.members.values()]


sentence_fingerprint = memo(20_000)(fingerprint_text)  # a grown story's sentences come back


def _unique_rows(texts: Sequence[str]) -> tuple[list[int], list[int]]:
    """Representative row per distinct text (by fingerprint) and, per text, its representative's row."""
    first: dict[str, int] = {}
    reps: list[int] = []
    rep_of: list[int] = []
    for i, t in enumerate(texts):
        key = sentence_fingerprint(t)
        if key not in first:
            first[key] = len(reps)
            reps.append(i)
        rep_of.append(first[key])
    return reps, rep_of


def candidate_pairs(items: Sequence[Any], vectors: np.ndarray, article_of: Callable[[int], int], k: int,
                     floor: float) -> dict[tuple[int, int], float]:
    """Pairs (i, j), i < j, of items in different articles whose cosine is at least floor, from the ANN
    over distinct texts (k neighbours each); copies of one text are paired with each other directly.

    The pairs come in the order they are first found (copies, then each text's neighbours, nearest
    first), which the detectors that read them rely on; the neighbours are filtered as arrays, so a
    story's thousands of candidates cost no call each."""
    article = [article_of(i) for i in range(len(items))]
    if len(set(article)) < 2:
        return {}  # one article: no pair to find
    texts = [it.text for it in items]
    reps, rep_of = _unique_rows(texts)
    copies: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(rep_of):
        copies[r].append(i)
    rep_vectors = vectors[reps]
    ids, sims = nearest_neighbours(rep_vectors, k)
    pairs: dict[tuple[int, int], float] = {}

    def add(i: int, j: int, s: float) -> None:
        if i == j or article[i] == article[j]:
            return
        key = (i, j) if i < j else (j, i)
        if s > pairs.get(key, -1.0):
            pairs[key] = s

    for members in copies.values():
        for i in members[1:]:
            add(members[0], i, 1.0)
    # every (text, neighbour) at or above the floor, in the order of the rows, nearest first
    rows, cols = np.nonzero((ids >= 0) & (sims >= floor))
    neighbours = ids[rows, cols]
    first = np.asarray([copies[r][0] for r in range(len(reps))], dtype=np.int64)
    of_first = np.asarray(article, dtype=np.int64)[first]
    same = of_first[rows] == of_first[neighbours]
    copied = np.asarray([len(copies[r]) > 1 for r in range(len(reps))], dtype=bool)
    found = sims[rows, cols]
    retried = same & (copied[rows] | copied[neighbours])
    if not retried.any():
        _add_first_copies(pairs, first[rows][~same], first[neighbours][~same], found[~same])
        return pairs
    # copies of a text stand for all its articles: pair the first copy of each side, the groups then
    # carry the rest (a copy and its original are merged above); where the first copies share an
    # article, try each side's first four copies, every pair of them in two articles, in the order
    # one loop over x and one over y inside it would give them
    firsts = np.flatnonzero(~same)
    tried = np.flatnonzero(retried)
    four = np.full((len(reps), 4), -1, dtype=np.int64)
    for r in np.unique(np.concatenate([rows[tried], neighbours[tried]])).tolist():
        four[r, :min(4, len(copies[r]))] = copies[r][:4]
    xs = np.repeat(four[rows[tried]], 4, axis=1).ravel()  # x0 x0 x0 x0 x1 ... per row
    ys = np.tile(four[neighbours[tried]], (1, 4)).ravel()  # y0 y1 y2 y3 y0 ... per row
    at = np.repeat(tried, 16) * 17 + np.tile(np.arange(1, 17), len(tried))
    of = np.asarray(article, dtype=np.int64)
    keep = (xs >= 0) & (ys >= 0) & (xs != ys)
    keep[keep] = of[xs[keep]] != of[ys[keep]]
    order = np.argsort(np.concatenate([firsts * 17, at[keep]]), kind="stable")
    a = np.concatenate([first[rows][firsts], xs[keep]])[order]
    b = np.concatenate([first[neighbours][firsts], ys[keep]])[order]
    _add_first_copies(pairs, a, b, np.concatenate([found[firsts], np.repeat(found[tried], 16)[keep]])[order])
    return pairs


def _add_first_copies(pairs: dict[tuple[int, int], float], a: np.ndarray, b: np.ndarray, sims: np.ndarray) -> None:
    """Pairs (a, b) of texts' first copies in two articles, as the rows give them: each pair where it is
    first found, with the highest cosine it is found at (what adding them one by one, keeping the
    higher, gives), made with arrays: a grown story's thousands of candidates cost no step each."""
    if not len(a):
        return
    low, high = np.minimum(a, b), np.maximum(a, b)
    code = low * (int(high.max()) + 1) + high
    order = np.argsort(code, kind="stable")
    starts = np.flatnonzero(np.r_[True, code[order][1:] != code[order][:-1]])
    best = np.maximum.reduceat(sims[order], starts)
    found = order[starts]  # each pair's first row: stable sort keeps rows in order within a pair
    by_row = np.argsort(found, kind="stable")
    pairs.update(zip(zip(low[found][by_row].tolist(), high[found][by_row].tolist()), best[by_row].tolist()))


@dataclass(frozen=True)
class LanguageView:
    """Items of a story written in more than one language: each item's language, and its row in the
    multilingual encoder's space (unit length), where items of two languages are compared."""

    of: list[str]
    vectors: np.ndarray

    def differ(self, i: int, j: int) -> bool:
        return self.of[i] != self.of[j]


def _cross_pairs(cross: LanguageView, article_of: Callable[[int], int], k: int) -> dict[tuple[int, int], float]:
    """Pairs (i, j), i < j, of items in two languages, up to k per item, with the multilingual cosine
    put on the English model's scale (CROSS_SCALE, CROSS_SHIFT). Every item is compared with every
    item of the other languages: a story's non-English reports are few, and an index over all of them
    would give each item its own language's sentences first."""
    pairs: dict[tuple[int, int], float] = {}
    languages = sorted(set(cross.of))
    rows = {lang: np.array([i for i, x in enumerate(cross.of) if x == lang]) for lang in languages}
    for x, la in enumerate(languages):
        for lb in languages[x + 1:]:
            a, b = rows[la], rows[lb]
            sims = cross.vectors[a] @ cross.vectors[b].T
            row_kth = np.sort(sims, axis=1)[:, -min(k, sims.shape[1])]
            col_kth = np.sort(sims, axis=0)[-min(k, sims.shape[0]), :]
            keep = (sims >= CROSS_FLOOR) & ((sims >= row_kth[:, None]) | (sims >= col_kth[None, :]))
            for r, c in zip(*np.nonzero(keep)):
                i, j = int(a[r]), int(b[c])
                if article_of(i) == article_of(j):
                    continue
                key = (i, j) if i < j else (j, i)
                pairs[key] = min(0.98, CROSS_SCALE * float(sims[r, c]) + CROSS_SHIFT)
    return pairs






def with_cross_pairs(pairs: dict[tuple[int, int], float], cross: LanguageView | None, article_of: Callable[[int], int],
                      k: int) -> dict[tuple[int, int], float]:
    """The English model's pairs of items in one language, and the multilingual pairs of items in two."""
    if cross is None:
        return pairs
    same = {key: value for key, value in pairs.items() if not cross.differ(*key)}
    return {**same, **_cross_pairs(cross, article_of, k)}


def align_units(units: Sequence[Unit], vectors: np.ndarray, said: Sequence[int | None] | None = None,
                pairs: dict[tuple[int, int], float] | None = None, cross: LanguageView | None = None,
                idf: dict[str, float] | None = None) -> tuple[list[list[int]], list[tuple[float, int, int]]]:
    """Claim groups of unit indices (one fact in several articles' words, one unit per article), and
    the pairs of units that state one fact (score, i, j), best first.

    said[i] is the quote group of the statement unit i mostly quotes (None when it quotes little):
    two sentences quoting one statement are the same claim, two quoting different statements
    never are, however alike their attributions read. Two units that give two values of one thing
    (12 or 15 injured; Wednesday or Thursday) are a pair but never one group: their claims differ,
    and the pair is where a conflict is looked for. idf: story_idf(units), where the caller made it."""
    if not units:
        return [], []
    said = list(said) if said is not None else [None] * len(units)
    if pairs is None:
        pairs = candidate_pairs(units, vectors, lambda i: units[i].article, NEIGHBOURS, floor=0.45)
    if not pairs:
        return [[i] for i in range(len(units))], []  # one article, or nothing alike: each unit its own claim
    overlap = _Overlap(units, story_idf(units) if idf is None else idf)
    scored = []
    for (i, j), cosine in pairs.items():
        threshold = CROSS_PAIR_THRESHOLD if cross is not None and cross.differ(i, j) else PAIR_THRESHOLD
        if said[i] is not None and said[j] is not None:
            if said[i] != said[j]:
                continue
            score = 2.0
        elif cosine >= 0.999:
            score = 2.0
        else:
            lexical = overlap(i, j)
            if cosine + LEXICAL_WEIGHT * lexical < threshold - SHARED_MOST:
                continue  # below the threshold whatever names, figures and dates the two share
            score = _pair_score(units[i], units[j], cosine, lexical)
        if score >= threshold:
            scored.append((score, i, j))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    values: list[tuple[dict[str, list[Number]], frozenset[str]]] = [
        ({}, frozenset(u.days) if len(u.days) == 1 else frozenset()) for u in units]
    for u, (figures, _) in zip(units, values):
        for n in u.numbers:
            if n.kind and n.kind not in GENERIC_KINDS:
                figures.setdefault(n.kind, []).append(n)
    groups = Groups(units, vectors, said, values, cross)
    for score, i, j in scored:
        groups.merge(i, j, LINK_THRESHOLD)
    return groups.groups(), scored


def language_views(story: StoryView, units: list[Unit], statement_articles: Sequence[int], texts: list[str],
               cross_embed: Embed | None) -> tuple[LanguageView | None, LanguageView | None]:
    """The languages of the units and of the statements (given by their articles' positions), with
    their multilingual vectors; (None, None) for a story in one language, which then never loads the
    multilingual encoder."""
    of_article = [language_of(a) for a in story.articles]
    if len(set(of_article)) < 2 or not texts:
        return None, None
    if cross_embed is None:
        from storyline.embed import load_multilingual_embedder

        cross_embed = load_multilingual_embedder().encode
    rows = np.asarray(cross_embed(texts), dtype=np.float32)
    return (LanguageView([of_article[u.article] for u in units], rows[:len(units)]),
            LanguageView([of_article[i] for i in statement_articles], rows[len(units):]))
