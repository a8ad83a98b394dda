"""Runs the stages over new records, incrementally, reading and writing through the store.

Per article: normalise and identify → exact duplicate? → MinHash near-duplicate group →
embedding → story assignment. Records are processed oldest first so that stories grow as the
news did; a chunk of articles is embedded together and committed in one transaction, each
article with all its derived rows."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from storyline import analyze, cluster, dedupe, storylines
from storyline.brief import VERSION as BRIEF_VERSION, story_parts
from storyline.cluster import StoryIndex
from storyline.dedupe import DuplicateIndex
from storyline.embed import (ArticleEmbedder, article_text_for_embedding, load_multilingual_embedder,
                             load_static_embedder)
from storyline.errors import InputError, StoreError
from storyline.extract import article_language
from storyline.model import Analysis, Article, Record, Rejection, StoryState
from storyline.sources.feeds import FeedState, parse_opml
from storyline.sources.fetch import SafeClient
from storyline.sources.pages import records_from_feed, records_from_url
from storyline.settings import Settings
from storyline.store import SQLiteStore
from storyline.text import canonical_url, lead, normalize_text, text_hash


@dataclass
class IngestReport:
    """What an ingest did, for the summary line and for evaluation."""

    ingested: int = 0
    updated: int = 0
    duplicates: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    new_stories: int = 0
    article_of: dict[str, str] = field(default_factory=dict)  # record origin -> article id (duplicates too)
    gold_of: dict[str, str] = field(default_factory=dict)  # record origin -> gold label, where given

    def summary(self) -> str:
        updated = f", updated {self.updated}" if self.updated else ""
        return (f"ingested {self.ingested}{updated}, duplicates {self.duplicates}, rejected {len(self.rejected)}; "
                f"{self.new_stories} new {'story' if self.new_stories == 1 else 'stories'}")


def web_client(settings: Settings) -> SafeClient:
    """The one safe HTTP client of a run, configured from settings."""
    return SafeClient(allow_private_network=settings.allow_private_network, max_bytes=settings.fetch_max_bytes,
                      timeout=settings.fetch_timeout, per_host_delay=settings.per_host_delay)


def gather_web(targets: Iterable[str], client: SafeClient, store: SQLiteStore, source: str | None = None,
               only_due: bool = False) -> tuple[list[Record | Rejection], list[FeedState]]:
    """Records from URLs (a feed, an OPML list, a page) and from local OPML files, subscribing every feed
    met; with no targets, from the subscribed feeds (those due when only_due). Entries already stored are
    not fetched again unless the feed shows them edited; every feed's new state is stored, failed or not."""
    seen: dict[str, str] = {}

    def known(entry) -> bool:  # type: ignore[no-untyped-def]
        """Stored, and unchanged in the feed since (an edited entry's page is fetched again)."""
        link = canonical_url(entry.link)
        if not link:
            return False
        fingerprint = text_hash(f"{entry.title}\n{entry.text}\n{entry.published}")
        stored = store.entry_fingerprint(link)
        seen[link] = fingerprint
        return store.knows_url(link) and stored in (None, fingerprint)

    items: list[Record | Rejection] = []
    states: list[FeedState] = []
    subscribed = {state.url: (state, outlet) for state, outlet in store.feeds()}
    for target in targets:
        if Path(target).is_file():
            try:
                links = parse_opml(Path(target).read_bytes(), target)
            except (InputError, OSError) as exc:
                items.append(Rejection(target, str(exc)))
                continue
            for link in links:
                found, state, _ = records_from_feed(client, link.url, subscribed.get(link.url, (None,))[0], source,
                                                    is_known=known)
                items.extend(found)
                states.append(state)
            continue
        got = records_from_url(client, target, source, state=subscribed.get(target, (None,))[0], is_known=known)
        items.extend(got.items)
        states.extend(got.feeds)
    if not targets:
        now = datetime.now(timezone.utc)
        for state, outlet in subscribed.values():
            if only_due and not state.due(now):
                continue
            found, new_state, _ = records_from_feed(client, state.url, state, outlet, is_known=known)
            items.extend(found)
            states.append(new_state)
    with store.transaction():
        for state in states:
            store.save_feed(state, source)
        store.save_entry_fingerprints(seen)
    return items, states


def make_article(record: Record) -> Article | Rejection:
    """An Article from a record: normalised text, canonical URL and a stable id from its identity."""
    text = normalize_text(record.text)
    if not text:
        return Rejection(record.origin, "record has no text after normalisation")
    digest = text_hash(text)
    url = canonical_url(record.url)
    identity = url or digest
    article_id = "a" + hashlib.sha1(identity.encode("utf-8")).hexdigest()[:12]
    title = normalize_text(record.title) if record.title else None
    language = article_language(record.language, title, text)
    return Article(id=article_id, source=record.source, text=text, text_hash=digest, title=title or None,
                   published=record.published, url=record.url, canonical_url=url, external_id=record.external_id,
                   language=language, origin=record.origin, gold=record.gold)


def _sort_key(item: Article) -> tuple:
    """Oldest first; undated last; ties keep their input order (the sort is stable)."""
    published = item.published or datetime.max.replace(tzinfo=timezone.utc)
    return (item.published is None, published)


def ingest(items: Iterable[Record | Rejection], store: SQLiteStore, embedder: ArticleEmbedder, settings: Settings,
           on_rejection: Callable[[Rejection], None] | None = None,
           progress: Callable[[int], None] | None = None) -> IngestReport:
    """Store every new record, group near-duplicates and assign each article to a story."""
    check_vector_model(store, embedder)
    report = IngestReport()

    def reject(rejection: Rejection) -> None:
        report.rejected.append(rejection)
        if on_rejection:
            on_rejection(rejection)
        if progress:
            progress(1)

    pending: list[Article] = []
    updates: dict[str, Article] = {}  # stored article id -> its new version
    seen: dict[str, str] = {}  # identity -> article id, for copies inside this batch
    for item in items:
        if isinstance(item, Rejection):
            reject(item)
            continue
        article = make_article(item)
        if isinstance(article, Rejection):
            reject(article)
            continue
        if item.gold is not None:
            report.gold_of[item.origin] = item.gold
        stored = store.article_by_url(article.canonical_url) if article.canonical_url else None
        if stored and stored[1] != article.text_hash and article.text_hash not in seen:
            # The same URL with new text: the outlet updated its article.
            seen[article.text_hash] = stored[0]
            updates[stored[0]] = article
            report.article_of[item.origin] = stored[0]
            continue
        existing = (seen.get(article.text_hash) or (article.canonical_url and seen.get(article.canonical_url))
                    or store.find_article(article.canonical_url, article.text_hash))
        if existing:
            report.duplicates += 1
            report.article_of[item.origin] = existing
            if progress:
                progress(1)
            continue
        seen[article.text_hash] = article.id
        if article.canonical_url:
            seen[article.canonical_url] = article.id
        report.article_of[item.origin] = article.id
        pending.append(article)

    if updates:
        _update_articles(updates, store, embedder, settings)
        report.updated = len(updates)
        if progress:
            progress(len(updates))
    if pending:
        report.new_stories, report.ingested = _assign(pending, store, embedder, settings, progress)
        report.duplicates += len(pending) - report.ingested  # stored meanwhile by another run
    if settings.analyze:
        refresh_briefs(store)  # also finishes briefs a killed run left stale
    return report


def check_vector_model(store: SQLiteStore, embedder: ArticleEmbedder) -> None:
    """Refuse to place articles with other vectors than the stored stories': their cosines would not compare."""
    stored = store.vector_model()
    if stored is not None and stored != embedder.name:
        raise StoreError(f"{store.name}: its stories were placed with {stored} vectors, this run embeds with "
                         f"{embedder.name}; set STORYLINE_EMBEDDER and STORYLINE_EMBED_TOKENS to match, "
                         "or ingest into a new database")


def _assign(pending: list[Article], store: SQLiteStore, embedder: ArticleEmbedder, settings: Settings,
            progress: Callable[[int], None] | None) -> tuple[int, int]:
    """Store new articles oldest first, each with its duplicate group, vector, story and analysis,
    a chunk per transaction; returns how many stories they started and how many articles were stored."""
    new_stories = stored = 0
    pending.sort(key=_sort_key)
    duplicates = DuplicateIndex(settings.duplicate_threshold, settings.minhash_perm)
    params = cluster.load_params(embedder.name)
    stats = cluster.TermStats()
    with store.transaction():  # a consistent start: no other run writes while this one reads
        mark = store.article_mark()
        for article_id, group, sig in store.signatures():
            duplicates.add(article_id, sig, group)
        for terms in store.article_terms():
            stats.add(terms)
        days = [article.day for article in pending if article.day is not None]
        since = min(days) - timedelta(days=2 * params.window_days) if days and len(days) == len(pending) else None
        active = store.active_stories(since)
        members = {story.id: store.recent_member_vectors(story.id, cluster.RECENT_MEMBERS) for story in active}
    stories = StoryIndex(active, params, stats, members)
    multilingual = _crosslingual(pending, store, stories)
    for start in range(0, len(pending), settings.batch_size):
        chunk = pending[start : start + settings.batch_size]
        texts = [article_text_for_embedding(a) for a in chunk]
        vectors = embedder.embed(texts)
        mvectors = multilingual.encode(texts) if multilingual else [None] * len(chunk)
        analyses = analyze_chunk(chunk) if settings.analyze else [None] * len(chunk)
        with store.transaction():
            catch_up(store, mark, duplicates, stories)
            for article, vector, mvector, analysis in zip(chunk, vectors, mvectors, analyses):
                if store.find_article(article.canonical_url, article.text_hash):
                    continue  # another run stored it since this one looked
                new_stories += _store_article(article, vector, mvector, store, embedder, duplicates, stories,
                                              settings)
                stored += 1
                if analysis is not None:
                    store.insert_analysis(article.id, analysis, analyze.VERSION)
            mark = store.article_mark()
        if progress:
            progress(len(chunk))
    return new_stories, stored


def _crosslingual(pending: list[Article], store: SQLiteStore, stories: StoryIndex):  # type: ignore[no-untyped-def]
    """The multilingual encoder, with a cross-lingual scorer attached to the stories, when this run
    or the store holds an article in another language than English; else None, and the English
    path is exactly as without it."""
    if all(a.language in (None, cluster.ENGLISH) for a in pending) and not store.has_other_languages():
        return None
    encoder = load_multilingual_embedder()

    def members(story_id: str) -> list[tuple[str | None, str]]:
        return [(a.language, article_text_for_embedding(a)) for a, _ in store.story_articles(story_id)]

    stories.crosslingual = cluster.CrossLingual(stories, encoder.encode, members)
    return encoder


def catch_up(store: SQLiteStore, mark: int, duplicates: DuplicateIndex, stories: StoryIndex) -> None:
    """Teach this run's in-memory indexes what other runs stored after `mark`: their articles'
    signatures and key terms, and the stories those articles joined, started or merged away. Call it
    inside the writing transaction (writers take turns, so nothing changes until this one commits)."""
    found = store.articles_since(mark)
    if not found:
        return
    touched = set()
    for article in found:
        duplicates.add(article.id, article.signature, article.group_id)
        stories.stats.add(article.terms)
        touched.add(article.story_id)
    live = store.live_stories({story_id for story_id in touched if story_id})
    stories.refresh(live, {story.id: store.recent_member_vectors(story.id, cluster.RECENT_MEMBERS) for story in live},
                    gone=store.merged_into({story.id for story in live}))


def analyze_chunk(articles: list[Article]) -> list[Analysis | None]:
    """Names, quotes and dates of each article: English (or undetected) ones by the English rules,
    others by their own language's (analyze.multilingual)."""
    return list(analyze.analyze_in_languages([(a.text, a.published, a.language) for a in articles]))


def refresh_briefs(store: SQLiteStore, story_ids: Iterable[str] | None = None) -> int:
    """Recompute the derived brief of every story whose membership changed since it was last made
    (or of the given stories); a run killed half-way leaves them stale, and the next run finishes them."""
    refreshed: list[str] = []
    embed = None
    for story_id in list(story_ids) if story_ids is not None else store.stale_briefs():
        embed = embed or load_static_embedder().embed
        members = store.story_articles(story_id)
        analyses = store.analyses([article.id for article, _ in members])
        parts = story_parts(members, analyses, embed)
        with store.transaction():
            store.save_brief(story_id, parts, len(members), BRIEF_VERSION)
        refreshed.append(story_id)
    if refreshed:
        relink_stories(store, refreshed)
    return len(refreshed)


def relink_stories(store: SQLiteStore, story_ids: list[str]) -> None:
    """Recompute the storyline links of these stories against the stories of their month (only those
    are read: a story that ended a month before the earliest of them cannot link to any)."""
    def sketch_of(row) -> storylines.StorySketch:  # type: ignore[no-untyped-def]
        day = lambda v: date.fromisoformat(v) if v else None  # noqa: E731
        return storylines.sketch(row["id"], np.frombuffer(row["centroid"], dtype=np.float32),
                                 json.loads(row["brief"]).get("entities", []), day(row["first_seen"]),
                                 day(row["last_seen"]))

    rows = [store.story(story_id) for story_id in story_ids]
    firsts = [row.first_seen for row in rows if row is not None]
    since = (date.fromisoformat(min(firsts)) - timedelta(days=storylines.WINDOW_DAYS)
             if firsts and all(firsts) and len(firsts) == len(rows) else None)
    sketches = {row["id"]: sketch_of(row) for row in store.story_sketch_rows(since)}
    with store.transaction():
        for story_id in story_ids:
            if story_id in sketches:
                store.replace_links(story_id, storylines.links_for(sketches[story_id], sketches.values()),
                                    storylines.VERSION)


def _update_articles(updates: dict[str, Article], store: SQLiteStore, embedder: ArticleEmbedder,
                     settings: Settings) -> None:
    """Replace the text of updated articles and what derives from it; each keeps its story."""
    vectors = embedder.embed([article_text_for_embedding(a) for a in updates.values()])
    with store.transaction():
        for (article_id, article), vector in zip(updates.items(), vectors):
            store.update_article(article_id, article)
            sig = dedupe.signature(article.text, settings.minhash_perm, settings.shingle_words)
            store.replace_derived(article_id, sig, vector, cluster.article_terms(article))


def _store_article(article: Article, vector: np.ndarray, mvector: np.ndarray | None, store: SQLiteStore,
                   embedder: ArticleEmbedder, duplicates: DuplicateIndex, stories: StoryIndex,
                   settings: Settings) -> bool:
    """Write one article with its duplicate group, vector and story; True when it started a story."""
    store.insert_article(article)
    sig = dedupe.signature(article.text, settings.minhash_perm, settings.shingle_words)
    copy = duplicates.find(sig)
    group, similarity = (copy[1], copy[2]) if copy else (article.id, 1.0)
    store.insert_duplicate(article.id, group, similarity, sig, dedupe.VERSION)
    duplicates.add(article.id, sig, group)
    terms = cluster.article_terms(article)
    store.insert_vector(article.id, embedder.name, vector, terms, cluster.VERSION)

    # A syndicated copy belongs where its original went; anything else is scored against stories.
    original = stories.stories.get(store.article_story(copy[0]) or "") if copy else None
    placed = stories.place("s" + article.id[1:], vector, terms, article.day, into=original,
                           language=article.language, mvector=mvector)
    store.add_member(article.id, placed.joined.id, placed.score, cluster.VERSION)
    if placed.merged is not None:
        _save_story(store, placed.joined)
        store.merge_story(placed.merged.id, placed.story.id, cluster.VERSION)
    _save_story(store, placed.story)
    return placed.started


def _save_story(store: SQLiteStore, story: StoryState) -> None:
    title_article = cluster.representative(store.member_vectors(story.id), story.centroid)
    store.save_story(story, story_title(store, title_article) if title_article else story.id, title_article,
                     cluster.VERSION)


def story_title(store: SQLiteStore, article_id: str) -> str:
    """A story is named by its most representative article's headline, else that article's lead sentence."""
    title, text = store.article_heading(article_id)
    if title:
        return title
    words = lead(text, 1).split()
    return " ".join(words[:20]) + ("…" if len(words) > 20 else "")
