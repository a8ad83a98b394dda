"""Stories: each new article joins the best story active around its date, or starts one.

The score of an (article, story) pair combines embedding cosine to the story's centroid with the
overlap of names and numbers (Dice over key terms, weighted by how many members carry each) and
a penalty for the days between them. Parameters live in data/cluster_params.json."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from importlib import resources

import numpy as np

from storyline.model import Article, StoryState
from storyline.text import key_terms, lead

VERSION = "cluster/1"


@dataclass(frozen=True)
class ClusterParams:
    w_cosine: float = 1.0
    w_terms: float = 0.5
    w_gap: float = 0.02
    threshold: float = 0.75
    window_days: int = 7
    candidates: int = 10


@lru_cache(maxsize=1)
def load_params() -> ClusterParams:
    """The shipped parameters (fitted by bench/fit_cluster.py); defaults where a key is missing."""
    raw = json.loads(resources.files("storyline").joinpath("data/cluster_params.json").read_text())
    known = {f.name for f in fields(ClusterParams)}
    return ClusterParams(**{k: v for k, v in raw.items() if k in known})


@dataclass(frozen=True)
class Features:
    cosine: float
    terms: float
    gap_days: float


def day_gap(day: date | None, story: StoryState) -> float:
    """Days between an article's day and the span of days the story covers (0 inside it or undated)."""
    if day is None or story.first_seen is None or story.last_seen is None:
        return 0.0
    if day < story.first_seen:
        return float((story.first_seen - day).days)
    if day > story.last_seen:
        return float((day - story.last_seen).days)
    return 0.0


def article_terms(article: Article) -> set[str]:
    """The names and numbers of an article's headline and lead, which story assignment compares."""
    return key_terms(f"{article.title or ''}\n{lead(article.text, 120)}")


class TermStats:
    """Document frequencies of key terms over the articles seen so far, for IDF weights.

    A name that few articles carry (a town, a person) says more about sameness than one that
    many do (a country, a big institution)."""

    def __init__(self) -> None:
        self.documents = 0
        self.df: dict[str, int] = {}

    def add(self, terms: set[str]) -> None:
        self.documents += 1
        for term in terms:
            self.df[term] = self.df.get(term, 0) + 1

    def idf(self, term: str) -> float:
        return math.log((self.documents + 1) / (self.df.get(term, 0) + 0.5))


def term_overlap(terms: set[str], story: StoryState, stats: TermStats) -> float:
    """Weighted Dice overlap of an article's key terms with a story's.

    Each term weighs its IDF; a story term also weighs its share of the story's members."""
    if not terms or not story.terms or story.size == 0:
        return 0.0
    article_mass = sum(stats.idf(term) for term in terms)
    shared = sum(stats.idf(term) * story.terms.get(term, 0) for term in terms) / story.size
    story_mass = sum(stats.idf(term) * count for term, count in story.terms.items()) / story.size
    total = article_mass + story_mass
    return 2.0 * shared / total if total > 0 else 0.0


def pair_score(features: Features, params: ClusterParams) -> float:
    return (params.w_cosine * features.cosine + params.w_terms * features.terms
            - params.w_gap * max(0.0, features.gap_days - 1.0))


class StoryIndex:
    """The live stories that new articles may join, searched by date window and centroid."""

    def __init__(self, stories: list[StoryState], params: ClusterParams, stats: TermStats | None = None) -> None:
        self.params = params
        self.stories: dict[str, StoryState] = {story.id: story for story in stories}
        self.stats = stats or TermStats()

    def candidates(self, day: date | None) -> list[StoryState]:
        """Stories within the time window of the day (every story for an undated article)."""
        window = self.params.window_days
        return [story for story in self.stories.values() if day_gap(day, story) <= window]

    def place(self, new_id: str, vector: np.ndarray, terms: set[str], day: date | None,
              into: StoryState | None = None) -> tuple[StoryState, float, bool]:
        """Put an article in a story: `into` if given, else the best story above the threshold,
        else a new story named new_id. Returns (story, score, started a new story).

        The article's terms are counted into the document frequencies first, so that its own
        names are weighed as seen at least once."""
        self.stats.add(terms)
        story, score = (into, 1.0) if into is not None else self.best(vector, terms, day)
        if story is None:
            story = StoryState(id=new_id, centroid=np.zeros_like(vector), size=0)
            self.stories[new_id] = story
            add_member(story, vector, terms, day)
            return story, 1.0, True
        add_member(story, vector, terms, day)
        return story, score, False

    def best(self, vector: np.ndarray, terms: set[str], day: date | None) -> tuple[StoryState | None, float]:
        """The best story for an article and its score; None when no story reaches the threshold.

        Only the stories nearest by embedding (params.candidates of them) get the full score."""
        candidates = self.candidates(day)
        if not candidates:
            return None, -1.0
        centroids = np.stack([story.unit_centroid() for story in candidates])
        cosines = centroids @ vector
        nearest = np.argsort(-cosines, kind="stable")[: self.params.candidates]
        best: tuple[StoryState | None, float] = (None, -1.0)
        for i in nearest:
            story = candidates[i]
            features = Features(float(cosines[i]), term_overlap(terms, story, self.stats), day_gap(day, story))
            score = pair_score(features, self.params)
            if score > best[1] or (score == best[1] and best[0] is not None and story.id < best[0].id):
                best = (story, score)
        if best[0] is not None and best[1] >= self.params.threshold:
            return best
        return None, best[1]


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
