"""Stories: each new article joins the best story active around its date, or starts one.

Candidates are the stories active around the article's date nearest by centroid (centroids.Centroids:
an exact product over a few thousand, an HNSW index beyond); nothing compares a new article with the
whole corpus. Each candidate
gets a calibrated score: a logistic model over embedding cosine (to the centroid and to the
nearest recent member), the IDF-weighted overlap of names and numbers, and the days between
them. The weights are fitted on ECB+ by bench/fit_cluster.py and ship in data/cluster_params.json."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from itertools import chain, repeat
from operator import mul

import numpy as np

from storyline.centroids import Centroids
from storyline.model import Article, StoryState
from storyline.text import key_terms, lead, names_in_sentences

VERSION = "cluster/3"
FEATURES = ("cosine", "max_cosine", "terms", "coverage", "core", "numbers", "gap_days")
RECENT_MEMBERS = 16
# Past this many members a story's headline, and its members' nearest fellow members, are looked for
# among its latest LARGE_STORY members (and the article naming it now): its growth then costs the same
# at its ten-thousandth member as at its hundredth.
LARGE_STORY = 2048


@dataclass(frozen=True)
class ClusterParams:
    """A logistic model over FEATURES, the probability an article needs to join, and the search."""

    weights: dict[str, float] = field(default_factory=lambda: {
        "cosine": 6.0, "max_cosine": 3.0, "terms": 6.0, "coverage": 2.0, "numbers": 0.5, "gap_days": -0.4})
    bias: float = -8.0
    threshold: float = 0.5
    window_days: int = 7
    candidates: int = 10
    merge_threshold: float = 0.9
    revise_threshold: float = 0.85  # a story pair's probability that revision (storyline.revise) merges
    move_margin: float = 0.4  # how much more probable another story must make a member for revision to move it
    split_threshold: float = 0.0  # below this probability of its two parts being one, revision splits a story
    regroup_threshold: float = 0.0  # revision regroups linked stories' members, merging from single articles at this (0: never)


DEFAULT_MODEL = "all-MiniLM-L6-v2@64"


@lru_cache(maxsize=8)
def load_params(model: str = DEFAULT_MODEL) -> ClusterParams:
    """The shipped parameters for vectors of this embedder (fitted by bench/fit_cluster.py), or,
    for a model they were not fitted on, those of the same model at another length, else the
    default's; defaults where a key is missing."""
    raw = json.loads(resources.files("storyline").joinpath("data/cluster_params.json").read_text())
    fitted = raw["models"]
    family = [name for name in fitted if name.split("@")[0] == model.split("@")[0]]
    entry = fitted.get(model) or fitted[family[0] if family else DEFAULT_MODEL]
    known = {f.name for f in fields(ClusterParams)}
    return ClusterParams(**{k: v for k, v in entry.items() if k in known})


def article_terms(article: Article) -> set[str]:
    """The names and numbers of an article's headline and lead, which story assignment compares.

    In another language than English the words a sentence merely starts with are not known (the
    English list of them is of no use there), so a word counts as a name only where the text also
    capitalises it inside a sentence; English articles keep the English rule, unchanged."""
    terms = key_terms(lead(article.text, 120), article.given_title)
    if _language(article.language) == ENGLISH:
        return terms
    names = names_in_sentences(article.text)
    return {term for term in terms if term[0].isdigit() or term in names}


def day_gap(day: date | None, story: StoryState) -> float:
    """Days between an article's day and the span of days the story covers (0 inside it or undated)."""
    if day is None or story.first_seen is None or story.last_seen is None:
        return 0.0
    if day < story.first_seen:
        return float((story.first_seen - day).days)
    if day > story.last_seen:
        return float((day - story.last_seen).days)
    return 0.0


class TermStats:
    """Document frequencies of key terms over the articles seen so far, for IDF weights.

    A name that few articles carry (a town, a person) says more about sameness than one that
    many do (a country, a big institution). Beside each count it keeps log(count + 0.5), updated
    with the count, so that weighing a term costs a lookup, not a logarithm; and, per story, the
    sums over its terms that scoring needs (story_side), so that scoring an article against a
    story costs in the article's terms, not in the story's, which grow with it."""

    def __init__(self) -> None:
        self.documents = 0
        self.df: dict[str, int] = {}
        self.log_df: dict[str, float] = {}
        self.sounds: TermStats | None = None  # the same counts by sound, once asked for (by_sound)
        self._sides: dict[str, StorySide] = {}
        self._changed: list[str] = []  # the terms whose counts changed, in order (the last JOURNAL or more)
        self._dropped = 0  # how many changes the journal no longer holds

    def add(self, terms: Iterable[str]) -> None:
        self.documents += 1
        for term in terms:
            self._count(term, 1)
        if self.sounds is not None:
            self.sounds.add([sound(term) for term in terms])

    def remove(self, terms: Iterable[str]) -> None:
        """Undo `add` of these terms (a replay that counted an article before placing it)."""
        self.documents -= 1
        for term in terms:
            self._count(term, -1)
        if self.sounds is not None:
            self.sounds.remove([sound(term) for term in terms])

    def _count(self, term: str, more: int) -> None:
        count = self.df.get(term, 0) + more
        self.df[term] = count
        self.log_df[term] = math.log(count + 0.5)
        self._changed.append(term)
        if len(self._changed) >= 2 * JOURNAL:
            del self._changed[:JOURNAL]
            self._dropped += JOURNAL

    def by_sound(self) -> TermStats:
        """The same counts with the terms that sound alike (see `sound`) counted as one, kept up to
        date by `add` from the first call on: built once, not at every cross-lingual placement."""
        if self.sounds is None:
            self.sounds = TermStats()
            self.sounds.documents = self.documents
            for term, count in self.df.items():
                self.sounds._count(sound(term), count)
        return self.sounds

    def story_side(self, story: StoryState) -> StorySide:
        """The story's sums over its terms: made again when the story has grown, or when the corpus
        has grown by 2% since (other articles change its terms' counts a little; the count of
        documents, the larger part of every weight, is always current). A story of LARGE_SIDE terms
        or more keeps each term's part of the sums, and they are made again from the terms that
        changed since (its own counts, as `grew` tells, and the corpus's), not from all of its terms,
        until those changes add up to a quarter of its terms: the same sums but for their last bits."""
        side = self._sides.get(story.id)
        if side is not None and side.size == story.size and self.documents <= side.documents * STALE_SIDE:
            return side
        terms, at = story.terms, self._dropped + len(self._changed)
        if side is not None and side.parts is not None and side.terms is terms and side.at >= self._dropped \
                and side.since + at - side.at + len(side.grown) < len(terms) // 4:
            changed = dict.fromkeys(self._changed[side.at - self._dropped:])
            changed.update(side.grown)
            log_df, parts, count, log_sum = self.log_df.get, side.parts, side.count, side.log_sum
            for term in changed:
                now, (before, part) = terms.get(term, 0), parts.get(term, (0, 0.0))
                if now or before:
                    parts[term] = (now, now * log_df(term, LOG_HALF))
                    count, log_sum = count + now - before, log_sum + parts[term][1] - part
            # a story only grows between two makes (a member taken out forgets its sums): its core now is
            # among its core then and the terms that changed
            core = {term for term in chain(side.core, changed) if 2 * terms.get(term, 0) >= story.size}
            side = StorySide(story.size, self.documents, count, log_sum, core, sum(map(log_df, core, repeat(LOG_HALF))),
                             parts, terms, at, side.since + len(changed))
        else:
            log_df = self.log_df.get
            core = {term for term, count in terms.items() if 2 * count >= story.size}
            # summed in C, term by term in the story's order: the same sums as a loop's, to the bit
            parts = {term: (count, count * log_df(term, LOG_HALF)) for term, count in terms.items()} \
                if len(terms) >= LARGE_SIDE else None
            side = StorySide(size=story.size, documents=self.documents, count=sum(terms.values()),
                             log_sum=sum(map(mul, terms.values(), map(log_df, terms, repeat(LOG_HALF)))),
                             core=core, core_log_sum=sum(map(log_df, core, repeat(LOG_HALF))),
                             parts=parts, terms=terms, at=at)
        self._sides[story.id] = side
        return side

    def grew(self, story_id: str, terms: Iterable[str]) -> None:
        """These terms' counts in the story have changed (a member or a story joined it), besides the
        corpus's: its sums, if kept term by term, are made again from them."""
        side = self._sides.get(story_id)
        if side is not None and side.parts is not None:
            side.grown.update(dict.fromkeys(terms))

    def fresh_side(self, story: StoryState) -> StorySide:
        """The story's sums made again now, whatever their age (revision scores a story's members
        leave-one-out from them: storyline.revise.moves.left_out)."""
        self._sides.pop(story.id, None)
        return self.story_side(story)

    def forget(self, story_id: str) -> None:
        """A story left the live index (or merged away): its sums are not needed any more."""
        self._sides.pop(story_id, None)
        if self.sounds is not None:
            self.sounds.forget(story_id)

    def weigher(self) -> Weigher:
        """idf as one function for the current counts: log((documents + 1) / (df + 0.5))."""
        return Weigher(math.log(self.documents + 1), self.log_df)

    def idf(self, terms: Iterable[str]) -> dict[str, float]:
        """Each term's weight as `weigher` gives it, for many terms at once without a call a term."""
        terms = list(terms)
        top = math.log(self.documents + 1)
        return dict(zip(terms, map(top.__sub__, map(self.log_df.get, terms, repeat(LOG_HALF))), strict=True))


class Weigher:
    """`TermStats.weigher`: a term's idf under the counts as they stood when it was made, one term at a
    time (called) or many as an array (`many`, computed in C: the same values to the bit)."""

    __slots__ = ("top", "log_df")

    def __init__(self, top: float, log_df: dict[str, float]) -> None:
        self.top, self.log_df = top, log_df

    def __call__(self, term: str) -> float:
        return self.top - self.log_df.get(term, LOG_HALF)

    def many(self, terms: list[str]) -> np.ndarray:
        return self.top - np.fromiter(map(self.log_df.get, terms, repeat(LOG_HALF)), dtype=float, count=len(terms))


LOG_HALF = math.log(0.5)
STALE_SIDE = 1.02
LARGE_SIDE = 512  # the terms from which a story's sums are kept term by term (TermStats.story_side)
JOURNAL = 1 << 16  # the changed terms TermStats keeps at least, for the sums kept term by term


@dataclass
class StorySide:
    """Sums over a story's terms as counted when made: with L = log(documents + 1), the story's
    weighted term mass is L * count - log_sum, its core's is L * len(core) - core_log_sum."""

    size: int
    documents: int
    count: int  # its members' terms, counted with repeats
    log_sum: float  # sum of count * log(df + 0.5) over its terms
    core: set[str]  # the terms half its members carry or more
    core_log_sum: float
    parts: dict[str, tuple[int, float]] | None = None  # per term its count and count * log(df + 0.5), if kept
    terms: dict[str, int] | None = None  # the story's counts these sums were made from
    at: int = 0  # the changes to the corpus's counts made before them (TermStats._changed)
    since: int = 0  # the changed terms they were made again from since made from all
    grown: dict[str, None] = field(default_factory=dict)  # the story's terms changed since (TermStats.grew)


def _is_number(term: str) -> bool:
    return term[0].isdigit()


def term_features(terms: set[str], story: StoryState, stats: TermStats,
                  idf: dict[str, float] | None = None,
                  figures: list[str] | None = None) -> tuple[float, float, float, float]:
    """(weighted Dice, article coverage, core coverage, number overlap) of an article's key terms
    with a story's.

    Each term weighs its IDF; a story term also weighs its share of the story's members.
    Coverage is the IDF share of the article's names that the story carries; core coverage the
    IDF share of the story's core names (carried by half its members or more) that the article
    carries: a report of another event of the same kind lacks the other event's people and
    places. Number overlap is the share of the article's figures that the story also gives.
    `idf`, where given, is the terms' weights as `TermStats.weigher` gives them now (a caller scoring
    the same terms against many stories weighs them once), `figures` its terms that are numbers (so
    does a caller that has them)."""
    if not terms or not story.terms or story.size == 0:
        return 0.0, 0.0, 0.0, 0.0
    if idf is None:
        idf = stats.idf(terms)
    article_mass = sum(idf.values())
    size, side, top = story.size, stats.story_side(story), math.log(stats.documents + 1)
    story_mass = (top * side.count - side.log_sum) / size
    core_mass = top * len(side.core) - side.core_log_sum
    shared = carried = core_carried = 0.0
    counts, core = story.terms, side.core
    # Only the terms the story carries add to the sums (picked out in C, in the article's order: the
    # same sums, to the bit); most of an article's terms are not its candidate's.
    for term in filter(counts.__contains__, idf):
        weight, count = idf[term], counts[term]
        if not count:
            continue
        shared += weight * count
        carried += weight
        if term in core:
            core_carried += weight
    total = article_mass + story_mass
    dice = 2.0 * shared / size / total if total > 0 else 0.0
    coverage = carried / article_mass if article_mass > 0 else 0.0
    core_coverage = core_carried / core_mass if core_mass > 0 else 0.0
    numbers = [term for term in terms if _is_number(term)] if figures is None else figures
    number_overlap = sum(term in story.terms for term in numbers) / len(numbers) if numbers else 0.0
    return dice, coverage, core_coverage, number_overlap


CONVERGED_DICE = 0.5  # the Dice of names two stories whose centroids agree need to merge (StoryIndex.converging)


def dice_surely_below(terms: dict[str, int], story: StoryState, stats: TermStats, cut: float) -> bool:
    """Whether term_features' Dice of these terms (as an article's) with the story is surely below `cut`,
    found from the terms both carry and as few of the others as tell it: 4·shared/size − the story's mass
    is the article mass at which the Dice is 0.5 (in general 2·shared/size/cut − the story's mass), and
    the article mass is a sum of positive weights (every term's count is at most the documents', since
    an article adds each of its terms once), so once part of it passes that, the Dice is below the cut.
    Where this is False, term_features decides; so a story that has grown large, scored as the article,
    is not read term by term only to be found apart. The story's sums are made as term_features makes
    them (TermStats.story_side), so that the counts' cache is left as it would have been."""
    if not terms or not story.terms or story.size == 0:
        return True  # term_features' Dice is 0.0 there
    side, top, log_df = stats.story_side(story), math.log(stats.documents + 1), stats.log_df
    story_mass = (top * side.count - side.log_sum) / story.size
    counts = story.terms
    fewer, more = (terms, counts) if len(terms) < len(counts) else (counts, terms)
    shared = 0.0
    for term in fewer:
        if term in more and counts[term]:
            shared += (top - log_df.get(term, LOG_HALF)) * counts[term]
    room = 2.0 * shared / story.size / cut - story_mass
    room += 1e-9 * (abs(room) + 1.0)  # far beyond the rounding of sums taken in another order
    mass = 0.0
    for term in terms:
        mass += top - log_df.get(term, LOG_HALF)
        if mass > room:
            return True
    return False


def probability(features: dict[str, float], params: ClusterParams) -> float:
    """The calibrated probability that an article belongs to a story, from its features."""
    logit = params.bias + sum(params.weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, logit))))


@dataclass(frozen=True)
class Placement:
    """Where an article went: `story` now holds it; `joined` is the story it was first put in,
    which differs when that story then merged into another (`merged` names the story merged away)."""

    story: StoryState
    joined: StoryState
    score: float
    started: bool
    merged: StoryState | None


class StoryIndex:
    """The live stories that new articles may join, found by their centroids (`Centroids`).

    Stories that have not grown for twice the window behind the newest day seen leave the
    index (they stay in the store); undated stories stay."""

    def __init__(self, stories: list[StoryState], params: ClusterParams, stats: TermStats | None = None,
                 members: dict[str, list[np.ndarray]] | None = None) -> None:
        self.params = params
        self.stats = stats or TermStats()
        self.stories: dict[str, StoryState] = {}
        self.members: dict[str, np.ndarray] = {}  # per story, its most recent members' vectors as rows
        self.centroids = Centroids()
        self.newest_day: date | None = None
        self.crosslingual: CrossLingual | None = None
        self.weighed: dict[str, int] = {}  # per story, its size when revision last weighed it for a split
        for story in stories:
            self._add_story(story, (members or {}).get(story.id, []))

    def __len__(self) -> int:
        return len(self.stories)

    def refresh(self, stories: list[StoryState], members: dict[str, list[np.ndarray]], gone: list[str]) -> None:
        """Take these stories as another run left them (new or grown) and forget those merged away."""
        for story_id in gone:
            self._drop(story_id)
        for story in stories:
            if self.crosslingual is not None:
                self.crosslingual.forget(story.id)  # its languages and vectors are read again from the store
            self._add_story(story, members.get(story.id, []))

    # --- the index over unit centroids ------------------------------------------------

    def _add_story(self, story: StoryState, members: list[np.ndarray]) -> None:
        self.stories[story.id] = story
        self.members[story.id] = _recent(members)
        self._reindex(story)

    def _reindex(self, story: StoryState) -> None:
        self.centroids.put(story.id, story.unit_centroid(), story.first_seen, story.last_seen)

    def _drop(self, story_id: str) -> None:
        self.stats.forget(story_id)
        if self.crosslingual is not None:
            self.crosslingual.forget(story_id)
        self.centroids.remove(story_id)
        self.stories.pop(story_id, None)
        self.members.pop(story_id, None)

    def _evict(self, day: date | None) -> None:
        """Forget stories too old to be joined by articles of the newest day seen."""
        if day is None or (self.newest_day is not None and day <= self.newest_day):
            return
        self.newest_day = day
        horizon = 2 * self.params.window_days
        for story in [s for s in self.stories.values() if s.last_seen and (day - s.last_seen).days > horizon]:
            self._drop(story.id)

    def candidates(self, vector: np.ndarray, day: date | None,
                   floor: float | None = None) -> list[tuple[StoryState, float]]:
        """The stories nearest by centroid within the window of the day, with their cosines (those
        reaching `floor` only, where one is given)."""
        found = self.centroids.search(vector, self.params.candidates, day, self.params.window_days, floor)
        return [(self.stories[story_id], cosine) for story_id, cosine in found]

    def nearest_many(self, vectors: list[np.ndarray], days: list[date | None]) -> list[list[StoryState]]:
        """`candidates` for many vectors at once, without their cosines (`Centroids.nearest_many`: the
        same stories, from one product)."""
        found = self.centroids.nearest_many(vectors, self.params.candidates, days, self.params.window_days)
        return [[self.stories[story_id] for story_id in ids] for ids in found]

    # --- assignment ----------------------------------------------------------------------

    def features(self, vector: np.ndarray, terms: set[str], day: date | None, story: StoryState,
                 cosine: float | None = None, max_cosine: float | None = None,
                 stats: TermStats | None = None, idf: dict[str, float] | None = None,
                 figures: list[str] | None = None) -> dict[str, float]:
        if max_cosine is None:
            members = self.members.get(story.id)
            max_cosine = float((members @ vector).max()) if members is not None and len(members) else cosine or 0.0
        dice, coverage, core, numbers = term_features(terms, story, stats or self.stats, idf, figures)
        cos = float(vector @ story.unit_centroid()) if cosine is None else cosine
        return {"cosine": cos, "max_cosine": max_cosine, "terms": dice, "coverage": coverage, "core": core,
                "numbers": numbers, "gap_days": max(0.0, day_gap(day, story) - 1.0)}

    def best(self, vector: np.ndarray, terms: set[str], day: date | None, language: str | None = None,
             mvector: np.ndarray | None = None, days: frozenset[str] = frozenset()) -> tuple[StoryState | None, float]:
        """The most probable story for an article; None when none reaches the threshold. Where
        languages differ, the cross-lingual scorer (if any) offers its own best."""
        return self._most_probable(self.scored(vector, terms, day, language, mvector, days))

    def scored(self, vector: np.ndarray, terms: set[str], day: date | None, language: str | None = None,
               mvector: np.ndarray | None = None, days: frozenset[str] = frozenset()) -> list[tuple[StoryState, float]]:
        """The candidate stories for an article with their probabilities.

        The article's terms are weighed, and its figures picked out, once for all its candidates
        (the counts do not change while they are scored), as term_features would for each."""
        scored = []
        idf, figures = self.stats.idf(terms), [term for term in terms if _is_number(term)]
        for story, cosine in self.candidates(vector, day):
            if self.crosslingual is None or not self.crosslingual.crosses(language, story.id):
                features = self.features(vector, terms, day, story, cosine, idf=idf, figures=figures)
                scored.append((story, probability(features, self.params)))
        if self.crosslingual is not None and mvector is not None:
            scored += self.crosslingual.scored(mvector, vector, terms, day, language, days)
        return scored

    def _most_probable(self, scored: list[tuple[StoryState, float]]) -> tuple[StoryState | None, float]:
        best: tuple[StoryState | None, float] = (None, 0.0)
        for story, p in scored:
            if p > best[1] or (p == best[1] and best[0] is not None and story.id < best[0].id):
                best = (story, p)
        if best[0] is not None and best[1] >= self.params.threshold:
            return best
        return None, best[1]

    def place(self, new_id: str, vector: np.ndarray, terms: set[str], day: date | None,
              into: StoryState | None = None, language: str | None = None,
              mvector: np.ndarray | None = None, days: frozenset[str] = frozenset()) -> Placement:
        """Put an article in a story: `into` if given (a new, empty story starts there), else the
        most probable story above the threshold, else a new story named new_id. If that story has now converged with another,
        the two merge (the larger, else the older, keeps its id).

        The article's terms are counted into the document frequencies first, so that its own
        names are weighed as seen at least once."""
        self._evict(day)
        self.stats.add(terms)
        scored = [] if into is not None else self.scored(vector, terms, day, language, mvector, days)
        story, score = (into, 1.0) if into is not None else self._most_probable(scored)
        started = story is None or story.size == 0
        if story is None:
            story = StoryState(id=new_id, centroid=np.zeros_like(vector), size=0)
            score = 1.0
        if story.id not in self.stories:
            self.stories[story.id] = story
        add_member(story, vector, terms, day)
        self.stats.grew(story.id, terms)
        self.members[story.id] = _recent([self.members.get(story.id), vector[None, :]])
        self._reindex(story)
        if self.crosslingual is not None:
            self.crosslingual.added(story.id, language, mvector, days)
        joined = story
        other = self.converging(story) or (self.bridged(story, scored) if _language(language) == ENGLISH else None)
        if other is None:
            return Placement(story, joined, score, started, None)
        target = max((story, other), key=lambda s: (s.size, -(s.first_seen or date.max).toordinal(), s.id))
        source = other if target is story else story
        self.merge(source, target)
        return Placement(target, joined, score, started, source)

    def bridged(self, story: StoryState, scored: list[tuple[StoryState, float]]) -> StoryState | None:
        """Another live story that the English article just placed in `story` was as probably part of,
        where one of the two has no English report and the other has: an event's English and
        other-language reports that started apart (the order of arrival decides which comes first),
        found one by an English report, which MiniLM places reliably, scoring into both. Stories within
        one language never merge this way; nor does an article in another language bridge two stories,
        as the encoder reads some languages too poorly to tell two related events apart (an interview
        and the next day's speech by people it names)."""
        if self.crosslingual is None:
            return None
        english = self.crosslingual.english(story.id)
        bridges = [(p, other) for other, p in scored if other.id != story.id and other.id in self.stories
                   and p >= self.params.threshold and self.crosslingual.english(other.id) != english]
        return max(bridges, key=lambda x: (x[0], x[1].id))[1] if bridges else None

    def converging(self, story: StoryState) -> StoryState | None:
        """Another live story this one has converged with (centroids and names agree), if any."""
        threshold = self.params.merge_threshold
        for other, cosine in self.candidates(story.unit_centroid(), story.last_seen, floor=threshold):
            if other.id == story.id or cosine < threshold:
                continue
            if dice_surely_below(other.terms, story, self.stats, CONVERGED_DICE):
                continue
            # only the Dice is read: no figures, so the other story's terms are not scanned for numbers
            dice = term_features(set(other.terms), story, self.stats, figures=[])[0]
            if dice >= CONVERGED_DICE:
                return other
        return None

    def take_out(self, story: StoryState, rest: StoryState, recent: list[np.ndarray]) -> None:
        """A member has left the story (revision moved it): the story becomes `rest`, its state without
        that member, with `recent` as its recent members' vectors; a story left empty leaves the index."""
        self.stats.forget(story.id)
        if rest.size == 0:
            self._drop(story.id)
            return
        story.centroid, story.size, story.terms = rest.centroid, rest.size, rest.terms
        story.first_seen, story.last_seen = rest.first_seen, rest.last_seen
        self.members[story.id] = _recent(recent)
        if self.crosslingual is not None:
            self.crosslingual.forget(story.id)  # read again from the store when next needed
        self._reindex(story)

    def add(self, story: StoryState, recent: list[np.ndarray]) -> None:
        """A story revision made (the part it split off a story) joins the index."""
        self._add_story(story, recent)

    def put_in(self, story: StoryState, vector: np.ndarray, terms: set[str], day: date | None) -> None:
        """A member revision moved joins the story."""
        add_member(story, vector, terms, day)
        self.members[story.id] = _recent([self.members.get(story.id), vector[None, :]])
        self.stats.forget(story.id)
        if self.crosslingual is not None:
            self.crosslingual.forget(story.id)
        self._reindex(story)

    def merge(self, source: StoryState, target: StoryState) -> None:
        """Fold source into target: centroid, terms, dates and recent members."""
        target.centroid = target.centroid + source.centroid
        target.size += source.size
        for term, count in source.terms.items():
            target.terms[term] = target.terms.get(term, 0) + count
        self.stats.grew(target.id, source.terms)
        for day in (source.first_seen, source.last_seen):
            if day is not None:
                target.first_seen = min(target.first_seen or day, day)
                target.last_seen = max(target.last_seen or day, day)
        self.members[target.id] = _recent([self.members.get(target.id), self.members.get(source.id)])
        if self.crosslingual is not None:
            self.crosslingual.merged(source.id, target.id)
        self._drop(source.id)
        self._reindex(target)


ENGLISH = "en"
_SOUND_MAP = str.maketrans({"c": "k", "q": "k", "w": "v", "x": "k", "z": "s", "j": "i", "y": "i", "g": "h"})


@lru_cache(maxsize=1 << 16)
def sound(term: str) -> str:
    """A name as it sounds rather than as one language spells it, for comparing names across
    languages: transliterated (key terms already are), c/k/q, z/s, w/v, g/h and y/i/j made one (the
    Cyrillic Г is an h in Ukrainian and stands for one in Russian: Гарлан is Harlan), vowels after the
    first letter and doubled letters dropped, the first four left: Zelensky, Zelenskyi and Zelenski are
    "slns"; Munich, München and Miunkhen "mnkh"; Trump and Tramp "trmp". Figures are themselves."""
    if not term or term[0].isdigit():
        return term
    letters = [c for c in term.translate(_SOUND_MAP) if c.isalpha()]
    if not letters:
        return term
    out = [letters[0]]
    for c in letters[1:]:
        if c in "aeiou" or c == out[-1]:
            continue
        out.append(c)
    return "".join(out[:4])


def heard_as(sounds: set[str], known: Iterable[str]) -> set[str]:
    """An article's name sounds, each as a known one it inflects, the others as they are: `sound`
    keeps four letters, so a case ending shows as a longer key that starts with the name's own
    (Путіним "ptnm" is Putin's "ptn"); the name's key needs three letters or more, and the longest
    such key wins."""
    known = set(known)
    stems = sorted((key for key in known if len(key) >= 3 and not key[0].isdigit()), key=lambda k: (-len(k), k))
    out = set()
    for key in sounds:
        if key not in known and not key[0].isdigit():
            key = next((stem for stem in stems if key.startswith(stem)), key)
        out.add(key)
    return out


# Across languages the names of two reports of related events (an interview on Friday, a speech the
# next day, both naming the same people) agree as much as those of one event's reports, and the
# multilingual encoder reads some languages barely (Ukrainian); the days their leads date things to
# tell them apart in any language. The weight, on the logit of the ECB+-fitted model, was chosen on
# tests/fixtures/multilingual and checked on its held-out reports and the motivating case (README,
# Languages).
EVENT_DAY_WEIGHT = 1.5


def event_day(days: Iterable[str], story_days: Iterable[str]) -> float:
    """+1 where the article's lead and the story's leads date something to a common day, -1 where both
    date things and never to the same day (a speech on Saturday against an interview on Friday and
    calls on Wednesday), 0 where either dates nothing."""
    days, story_days = set(days), set(story_days)
    if not days or not story_days:
        return 0.0
    return 1.0 if days & story_days else -1.0


def _language(language: str | None) -> str:
    """An article's language for placement: undetected counts as English, storyline's first language."""
    return language or ENGLISH


class CrossLingual:
    """Scores stories for an article where languages differ, with a multilingual sentence encoder.

    MiniLM reads English; between an English report and a German one its cosine says little. Where
    the article is not English, or the story has no English member, the cosines come instead from the
    multilingual encoder (USE multilingual v3), whose cosines sit on MiniLM's scale (same-event
    English pairs of ECB+ train average 0.676 with it, 0.679 with MiniLM), so the same fitted model
    scores them; names and numbers are compared by their sound, inflected forms as their names
    (`heard_as`), and the days the leads date things to (`event_day`, through `days_of`) weigh too.
    Candidates are the stories of the window that share a name or number with the article. A story's vectors,
    languages and days are read once from its stored members (`members`: story id -> [(language,
    text, day)]) and then kept up to date; only runs with a non-English article create one of these."""

    def __init__(self, index: StoryIndex, encode, members, days_of=None) -> None:  # type: ignore[no-untyped-def]
        self.index = index
        self.encode = encode
        self.members = members
        self.days_of = days_of or (lambda language, text, day: frozenset())
        self.vectors: dict[str, np.ndarray] = {}  # per story, its recent members as rows (as StoryIndex.members)
        self.languages: dict[str, set[str]] = {}
        self.days: dict[str, set[str]] = {}
        self._texts: dict[str, list[str]] = {}
        self._stored: dict[str, list[tuple[str | None, str, date | None]]] = {}
        self._sounds: dict[str, tuple[int, dict[str, int]]] = {}  # per story: its size then, its counts by sound
        self.params = replace(index.params, weights={**index.params.weights, "event_day": EVENT_DAY_WEIGHT})

    def _load(self, story_id: str) -> None:
        """A live story's member languages, from the store the first time it is met."""
        if story_id in self.languages:
            return
        stored = self.members(story_id)[-RECENT_MEMBERS:]
        self.languages[story_id] = {_language(language) for language, _, _ in stored}
        self._texts[story_id] = [text for _, text, _ in stored]
        self._stored[story_id] = stored

    def _days(self, story_id: str) -> set[str]:
        """The days a story's recent members' leads date things to (read when first needed)."""
        if story_id not in self.days:
            self._load(story_id)
            stored = self._stored.pop(story_id, [])
            self.days[story_id] = set().union(*(self.days_of(language, text, day) for language, text, day in stored))
        return self.days[story_id]

    def _vectors(self, story_id: str) -> np.ndarray:
        """A story's recent members in the multilingual encoder's space (encoded when first needed)."""
        self._load(story_id)
        if story_id not in self.vectors:
            texts = self._texts.pop(story_id, [])
            self.vectors[story_id] = _recent([np.asarray(self.encode(texts))] if texts else [])
        return self.vectors[story_id]

    def english(self, story_id: str) -> bool:
        """Whether the story has an English member."""
        self._load(story_id)
        return ENGLISH in self.languages[story_id]

    def only_english(self, story_id: str) -> bool:
        """Whether every recent member of the story is in English."""
        self._load(story_id)
        return self.languages[story_id] == {ENGLISH}

    def crosses(self, language: str | None, story_id: str) -> bool:
        """Whether an article of this language and this story are scored by the multilingual encoder:
        yes unless both are English (a story with English members is English enough for MiniLM)."""
        self._load(story_id)
        return _language(language) != ENGLISH or ENGLISH not in self.languages[story_id]

    def scored(self, mvector: np.ndarray, vector: np.ndarray, terms: set[str], day: date | None,
               language: str | None, days: frozenset[str] = frozenset()) -> list[tuple[StoryState, float]]:
        """Stories of the window that share a name or number with the article, where languages differ,
        with their probability; names are compared by their sound (see `sound`), and the days the
        article's lead dates its event to with the story's (`event_day`)."""
        sounds = {sound(term) for term in terms}
        stats = self.index.stats.by_sound()
        out = []
        for story in self.index.stories.values():
            if story.size == 0 or day_gap(day, story) > self.index.params.window_days:
                continue
            story_sounds = self._sounds_of(story)
            heard_sounds = heard_as(sounds, story_sounds)
            if not heard_sounds.intersection(story_sounds) or not self.crosses(language, story.id):
                continue
            members = self._vectors(story.id)
            if not len(members):
                continue
            centroid = members.sum(axis=0)
            cosine = float(mvector @ centroid) / (float(np.linalg.norm(centroid)) or 1.0)
            max_cosine = float((members @ mvector).max())
            heard = StoryState(story.id, story.centroid, story.size, story_sounds, story.first_seen, story.last_seen)
            features = self.index.features(vector, heard_sounds, day, heard, cosine, max_cosine, stats)
            features["event_day"] = event_day(days, self._days(story.id))
            out.append((story, probability(features, self.params)))
        return out

    def _sounds_of(self, story: StoryState) -> dict[str, int]:
        """The story's term counts by sound (capped at its size), made again only when it has grown."""
        kept = self._sounds.get(story.id)
        if kept is None or kept[0] != story.size:
            counts: dict[str, int] = {}
            for term, count in story.terms.items():
                key = sound(term)
                counts[key] = min(story.size, counts.get(key, 0) + count)
            kept = self._sounds[story.id] = (story.size, counts)
        return kept[1]

    def forget(self, story_id: str) -> None:
        """A story left the live index (or merged away): nothing of it is kept any longer."""
        for kept in (self.vectors, self.languages, self.days, self._texts, self._stored, self._sounds):
            kept.pop(story_id, None)

    def added(self, story_id: str, language: str | None, mvector: np.ndarray | None,
              days: frozenset[str] = frozenset()) -> None:
        """An article has just joined (or started) this story."""
        if self.index.stories[story_id].size > 1:
            self._load(story_id)
            self._days(story_id).update(days)
        else:
            self.days.setdefault(story_id, set()).update(days)
        self.languages.setdefault(story_id, set()).add(_language(language))
        if mvector is not None:
            self.vectors[story_id] = _recent([self._vectors(story_id), mvector[None, :]])

    def merged(self, source: str, target: str) -> None:
        """Fold source's languages, days and recent vectors into target's; the index then drops source
        (`forget`)."""
        self.languages[target] = self.languages.get(target, set()) | self.languages.get(source, set())
        self.days[target] = self._days(target) | self._days(source)
        self.vectors[target] = _recent([self._vectors(target), self._vectors(source)])


def _recent(parts: list[np.ndarray | None] | list[np.ndarray]) -> np.ndarray:
    """The last RECENT_MEMBERS rows of these vectors (or blocks of rows) stacked in order, as one
    matrix: a story's max cosine is then one product, not a loop over its members."""
    rows = [np.atleast_2d(part) for part in parts if part is not None and len(part)]
    if not rows:
        return np.zeros((0, 0), dtype=np.float32)
    return np.vstack(rows)[-RECENT_MEMBERS:]


def add_member(story: StoryState, vector: np.ndarray, terms: set[str], day: date | None) -> None:
    """Fold one article into a story's centroid, term counts and date span."""
    story.centroid = story.centroid + vector
    story.size += 1
    for term in terms:
        story.terms[term] = story.terms.get(term, 0) + 1
    if day is not None:
        story.first_seen = min(story.first_seen or day, day)
        story.last_seen = max(story.last_seen or day, day)


def representative(members: list[tuple[str, np.ndarray]], centroid: np.ndarray) -> str | None:
    """The member closest to the centroid: its headline names the story."""
    if not members:
        return None
    unit = centroid / (np.linalg.norm(centroid) or 1.0)
    best = max(range(len(members)), key=lambda i: (float(members[i][1] @ unit), -i))
    return members[best][0]
