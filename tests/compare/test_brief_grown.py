"""A story's brief is the same whether the story grew one article at a time (each brief made as an
article joined, in one process that remembers what it read for the last briefs) or is made once
from all its articles in a process that remembers nothing: what a brief keeps from the last one is
work, never an answer."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.analyze import analyze_article
from storyline.model import Analysis, Article
from storyline.briefing import brief_parts
from storyline.pipeline import make_article
from storyline.settings import Settings
from storyline.sources.files import read_inputs
from storyline.text import normalize_text

from conftest import DEMO, DEMO_ARTICLES, SHARED

POLNEAR = SHARED / "data" / "polnear" / "train.jsonl"
# real reports of five outlets on one campaign in one week of January 2016 (PolNeAR train, by id)
POLNEAR_STORY = ["huff-post_2016-01-02_donald-trump-featured-in-jihadis", "politico_2016-01-07_seiu-chief-says-trump-can-win",
                 "usa-today_2016-01-08_why-donald-trump-is-leading-in-t", "west-journal_2016-01-08_donald-trump-just-gave-some-free",
                 "usa-today_2016-01-13_trump-cruz-break-away-from-the-p"]

STORIES = {
    "talks in Riyadh": ["global-desk-wire/us-russia-talks-riyadh.txt", "coastline-news/kremlin-confirms-riyadh-talks.txt",
                        "capital-dispatch/lavrov-rubio-riyadh-meeting.txt",
                        "harbor-post/riyadh-talks-outcome-embassies.txt",
                        "meridian-times/riyadh-talks-europe-paris-meeting.txt"],
    "the Harrow Ridge fire": ["coastline-news/harrow-ridge-fire-spreads.txt",
                              "meridian-times/harrow-ridge-fire-containment.txt",
                              "harbor-post/harrow-ridge-fire-contained.txt",
                              "global-desk-wire/harrow-ridge-fire-evacuees-return.txt"],
    "the interview": ["capital-dispatch/rubio-briefing-ukraine.txt", "northern-ledger/rubio-radio-interview.txt"],
}


@lru_cache(maxsize=None)
def _read(path: str) -> tuple[Article, Analysis]:
    file = DEMO_ARTICLES / path
    article = make_article(next(read_inputs([str(file)], Settings(), source=file.parent.name)))
    assert isinstance(article, Article)
    return article, analyze_article(article.text, article.published)


def _brief(articles: list[tuple[Article, Analysis]]):  # type: ignore[no-untyped-def]
    return brief_parts(([(a, None) for a, _ in articles], {a.id: x for a, x in articles}))


def _forget_every_brief() -> None:
    """Empty what the comparison, the story's entities, the words and the sentence vectors remember
    (functools caches), as a fresh process has them; the models stay loaded."""
    for name, module in list(sys.modules.items()):
        if not name.startswith(("storyline.compare", "storyline.analyze.entities", "storyline.words",
                                "storyline.pipeline")):
            continue
        for attribute, value in vars(module).items():
            if hasattr(value, "cache_clear") and not attribute.startswith(("load_", "_blas")):
                value.cache_clear()


@pytest.mark.parametrize("story", sorted(STORIES))
@pytest.mark.parametrize("order", ["as published", "reversed"])
def test_a_brief_made_as_each_article_joins_equals_one_made_from_scratch(story, order):
    paths = STORIES[story] if order == "as published" else STORIES[story][::-1]
    articles = [_read(path) for path in paths]
    grown = [_brief(articles[:size]) for size in range(1, len(articles) + 1)][-1]
    _forget_every_brief()
    scratch = _brief(articles)
    assert any(claim["status"] == "corroborated" for claim in scratch["claims"])  # outlets compared
    assert grown == scratch


@lru_cache(maxsize=1)
def _polnear() -> dict[str, tuple[Article, Analysis]]:
    out = {}
    with POLNEAR.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            key = next((k for k in POLNEAR_STORY if record["id"].startswith(k)), None)
            if key is None:
                continue
            text = normalize_text(record["text"])
            published = datetime.fromisoformat(record["date"]).replace(tzinfo=UTC)
            article = Article(id=key[:40], source=record["source"], text=text, text_hash="-", title=record.get("title"),
                              published=published)
            out[key] = (article, analyze_article(text, published))
    return out


@pytest.mark.skipif(not POLNEAR.exists(), reason="PolNeAR is not in ../shared/data")
@pytest.mark.parametrize("order", ["as published", "reversed"])
def test_a_brief_of_real_reports_made_as_each_joins_equals_one_made_from_scratch(order):
    found = _polnear()
    keys = POLNEAR_STORY if order == "as published" else POLNEAR_STORY[::-1]
    articles = [found[k] for k in keys]
    grown = [_brief(articles[:size]) for size in range(1, len(articles) + 1)][-1]
    _forget_every_brief()
    scratch = _brief(articles)
    assert any(len(claim["sources"]) >= 2 for claim in scratch["claims"])  # outlets compared
    assert grown == scratch


def _demo_story(name: str) -> list[str]:
    gold = json.loads((DEMO / "gold.json").read_text(encoding="utf-8"))["articles"]
    return sorted(path for path, label in gold.items() if label["story"] == name)


# the demo's stories where outlets give a fire's size as it grows or disagree on a figure: the story-wide
# conflict and update detectors read every sentence of them at every brief
GROWING = ["harrow-ridge-fire", "larkhaven-dock-strike", "turkey-earthquake"]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(story=st.sampled_from(GROWING), order=st.randoms(use_true_random=False))
def test_a_story_that_grows_in_any_order_has_the_brief_made_from_scratch(story, order):
    """Articles join in any order (a late report of an early day, a copy found after its original); the
    brief at each step lists them oldest first, as the store gives them."""
    articles = [_read(path) for path in _demo_story(story)]
    joined = order.sample(articles, len(articles))
    oldest_first = lambda some: sorted(some, key=lambda x: (x[0].published, x[0].id))  # noqa: E731
    grown = [_brief(oldest_first(joined[:size])) for size in range(1, len(joined) + 1)][-1]
    _forget_every_brief()
    scratch = _brief(oldest_first(articles))
    assert any(claim.get("update") or claim["status"] == "conflict" for claim in scratch["claims"])
    assert grown == scratch


def test_what_a_brief_remembers_is_bounded():
    """Every cache that making a brief fills holds at most a set number of entries (the models, loaded
    once, apart): a process that makes briefs for months holds no more than one that made a few."""
    _brief([_read(path) for path in _demo_story("larkhaven-dock-strike")])
    caches = {f"{name}.{attribute}": value.cache_info() for name, module in list(sys.modules.items())
              if name.startswith(("storyline.compare", "storyline.analyze", "storyline.words", "storyline.pipeline",
                                  "storyline.brief", "storyline.timeline", "storyline.text"))
              for attribute, value in vars(module).items()
              if hasattr(value, "cache_info") and not attribute.startswith(("load_", "_blas"))}
    assert "storyline.compare.conflicts.state._stage_told" in caches
    unbounded = sorted(name for name, info in caches.items() if info.maxsize is None)
    assert not unbounded
