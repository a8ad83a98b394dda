"""Runs the stages over new records, incrementally, reading and writing through the store.

Per article: normalise and identify → exact duplicate? → language, MinHash signature, key terms,
embedding and analysis (`prepare`) → near-duplicate group → story assignment. Records are
processed oldest first so that stories grow as the news did, a chunk at a time; each chunk is
committed in one transaction, each article with all its derived rows.

`prepare` needs nothing but the articles and the models, so an engine (storyline.engine) may run
it anywhere: in this process, or on Dask workers. Everything that reads the store or the live
indexes (duplicate lookup, near-duplicate groups, story assignment, writes, briefs) runs here,
serially, over the prepared chunks in their input order, so every engine gives the same stories."""

from __future__ import annotations

import hashlib
import os
import secrets
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

import numpy as np

from storyline import analyze, cluster, dedupe, quoted_runs, regroup, revise, shared_words
from storyline.briefing import refresh_briefs, sentence_vectors
from storyline.cluster import StoryIndex
from storyline.dedupe import DuplicateIndex
from storyline.embed import (
    article_embedder_name,
    article_text_for_embedding,
    load_article_embedder,
    load_multilingual_embedder,
    torch_threads,
)
from storyline.engine import Engine, InProcessEngine, giving_back_memory, handed_over, one_blas_thread
from storyline.errors import InputError, StoreError
from storyline.extract import article_language
from storyline.headline import headline_from_lead
from storyline.model import UNDATED_LAST, Analysis, Article, Record, Rejection, StoryState
from storyline.progressions import refresh_progressions
from storyline.safety import clean_label, http_url
from storyline.settings import Settings
from storyline.sources.feeds import FeedState, parse_opml
from storyline.sources.fetch import SafeClient
from storyline.sources.pages import records_from_feed, records_from_url
from storyline.spool import ArticleSpool
from storyline.store import Store
from storyline.store.owed import TRIES
from storyline.text import canonical_url, normalize_text, text_hash


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
    # The moves and merges revision made after placement, in order: (story left or merged away, story
    # joined, the articles that went), from which the stories as placement alone left them can be told.
    revisions: list[tuple[str, str, list[str]]] = field(default_factory=list)
    # Seconds per stage. The driver's: identify (normalise, exact-duplicate lookup), wait (for the
    # engine's next prepared chunk), serial (each chunk's transaction: near-duplicate group, story
    # assignment and writes), assign (the in-memory part of serial: LSH and story index), briefs, progressions.
    # Summed over chunks wherever they ran, prepare's: language, signature, embed, analyze.
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    # Articles a killed run placed whose revision raised store.owed.TRIES times and was given up.
    unrevised: int = 0

    def summary(self) -> str:
        updated = f", updated {self.updated}" if self.updated else ""
        given_up = (f"; gave up revising the stories of {self.unrevised} articles a killed run placed, whose revision "
                    f"failed {TRIES} times: they stay as placed" if self.unrevised else "")
        return (f"ingested {self.ingested}{updated}, duplicates {self.duplicates}, rejected {len(self.rejected)}; "
                f"{self.new_stories} new {'story' if self.new_stories == 1 else 'stories'}{given_up}")


def web_client(settings: Settings) -> SafeClient:
    """The one safe HTTP client of a run, configured from settings."""
    return SafeClient(allow_private_network=settings.allow_private_network, max_bytes=settings.fetch_max_bytes,
                      timeout=settings.fetch_timeout, per_host_delay=settings.per_host_delay)


def gather_web(targets: Iterable[str], client: SafeClient, store: Store, source: str | None = None,
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


def identify(record: Record) -> Article | Rejection:
    """An Article from a record: normalised text, canonical URL and a stable id from its identity.

    The language is the record's own, if it gives one; `with_language` detects the others later,
    in `prepare`, because detection costs more than everything else here and need not run on the
    copies that the duplicate lookup drops."""
    text = normalize_text(record.text)
    if not text:
        return Rejection(record.origin, "record has no text after normalisation")
    link = http_url(record.url)
    if record.url and record.url.strip() and link is None:
        # Every way in (files, stdin, the API, feeds, pages) meets this one rule.
        return Rejection(record.origin, f"the url {_shown(record.url)} is not an http:// or https:// address; "
                                        "fix it or leave it out")
    digest = text_hash(text)
    url = canonical_url(link)
    identity = url or digest
    article_id = "a" + hashlib.sha1(identity.encode("utf-8")).hexdigest()[:12]
    # Titles and outlet names are labels, not text with spans: stored on one line, without controls or
    # direction overrides, so that no output has to trust them. An untitled article is given a headline
    # made from its lead, marked as made.
    title = clean_label(record.title)
    generated = False
    if title is None:
        title = clean_label(headline_from_lead(text))
        generated = title is not None
    return Article(id=article_id, source=clean_label(record.source) or "unknown", text=text, text_hash=digest,
                   title=title, title_generated=generated, published=record.published, url=link, canonical_url=url,
                   external_id=record.external_id,
                   language=(record.language or "").strip().lower() or None, origin=record.origin, gold=record.gold)


def _shown(value: str, limit: int = 60) -> str:
    """A value quoted for a one-line message: escapes visible, long ones cut."""
    return repr(value[:limit] + ("…" if len(value) > limit else ""))


def with_language(article: Article) -> Article:
    """The article with its language detected from headline and lead, unless the record gave one."""
    if article.language:
        return article
    return replace(article, language=article_language(None, article.given_title, article.text))


def make_article(record: Record) -> Article | Rejection:
    """An Article from a record, language included: `identify` then `with_language`."""
    article = identify(record)
    return article if isinstance(article, Rejection) else with_language(article)


@dataclass(frozen=True)
class Prepared:
    """One article with everything computed from it alone: its language, MinHash signature, key
    terms, embedding (and the model that made it), analysis (None when not analysed), the runs of
    words it quotes (storyline.quoted_runs) and its words' counts (storyline.shared_words)."""

    article: Article
    signature: np.ndarray
    terms: frozenset[str]
    vector: np.ndarray
    model: str
    analysis: Analysis | None
    quotes: frozenset[str] = frozenset()
    words: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PreparedChunk:
    """A chunk's prepared articles in input order, with the seconds each step of `prepare` took."""

    items: list[Prepared]
    seconds: dict[str, float]


def prepare(articles: list[Article], settings: Settings) -> PreparedChunk:
    """The per-article stages over one chunk: language, signature, key terms, embedding, analysis.

    Pure: it reads no store and no live index, and loads its models through the process-wide
    cached loaders, so a worker process loads each model once, not once per chunk. The chunk is
    embedded in one call, as in-process ingest always has; every engine hands it the same chunks."""
    clock = StageClock()
    with clock("language"):
        articles = [with_language(article) for article in articles]
    with clock("signature"):
        signatures = [dedupe.signature(a.text, settings.minhash_perm, settings.shingle_words) for a in articles]
        terms = [frozenset(cluster.article_terms(a)) for a in articles]
        quotes = [quoted_runs.quoted_runs(a.text) for a in articles]
        words = [shared_words.words_of(a) for a in articles]
    # With analysis processes, the chunk's analyses run on them from here on, beside the embedding.
    analyses_done = start_chunk_analyses(articles, settings.analysis_processes) if settings.analyze else None
    embedder = load_article_embedder(settings)
    # the cores that the analysis processes, busy with this chunk meanwhile, leave this one
    on_processes = settings.analysis_processes if analyses_done and settings.analysis_processes > 1 else 0
    threads = (os.cpu_count() or 1) - on_processes
    with clock("embed"), torch_threads(threads):
        vectors = embedder.embed([article_text_for_embedding(a) for a in articles])
    with clock("analyze"):  # on processes: the wait for what the embedding did not hide
        analyses = analyses_done() if analyses_done else [None] * len(articles)
    items = [Prepared(article, sig, term, vector, embedder.name, analysis, quoted, counts)
             for article, sig, term, vector, analysis, quoted, counts
             in zip(articles, signatures, terms, vectors, analyses, quotes, words, strict=True)]
    return PreparedChunk(items, dict(clock.seconds))


class StageClock:
    """Seconds spent per named stage, summed over every `with clock(stage):` block."""

    def __init__(self, seconds: dict[str, float] | None = None) -> None:
        self.seconds: dict[str, float] = defaultdict(float) if seconds is None else seconds

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - started

    def add(self, seconds: dict[str, float]) -> None:
        for stage, value in seconds.items():
            self.seconds[stage] += value


def _chunks(articles: list[Article], size: int) -> list[list[Article]]:
    return [articles[start : start + size] for start in range(0, len(articles), size)]


def _sort_key(item: Article) -> tuple:
    """Oldest first; undated last; ties keep their input order (the sort is stable)."""
    published = item.published or UNDATED_LAST
    return (item.published is None, published)


def ingest(items: Iterable[Record | Rejection], store: Store, settings: Settings,
           on_rejection: Callable[[Rejection], None] | None = None,
           progress: Callable[[int], None] | None = None, engine: Engine | None = None) -> IngestReport:
    """Store every new record, group near-duplicates and assign each article to a story.

    The engine runs `prepare` over the chunks (in this process unless one is given); the stories
    do not depend on which engine ran it."""
    check_vector_model(store, article_embedder_name(settings))
    with giving_back_memory():
        return _ingest(items, store, settings, on_rejection, progress, engine)


def _ingest(items: Iterable[Record | Rejection], store: Store, settings: Settings,
            on_rejection: Callable[[Rejection], None] | None, progress: Callable[[int], None] | None,
            engine: Engine | None) -> IngestReport:
    """`ingest`, with this process's free heap given back as it goes."""
    report = IngestReport()
    engine = engine or InProcessEngine()
    clock = StageClock(report.seconds)

    def reject(rejection: Rejection) -> None:
        report.rejected.append(rejection)
        if on_rejection:
            on_rejection(rejection)
        if progress:
            progress(1)

    with ArticleSpool() as spool:  # the text of the new articles, until their chunk
        started = time.perf_counter()
        pending, updates = _identified(items, store, report, reject, progress, spool)
        report.seconds["identify"] += time.perf_counter() - started
        if updates:
            _update_articles(updates, store, engine, settings, clock)
            report.updated = len(updates)
            if progress:
                progress(len(updates))
        if pending or store.owed_revision():  # a run killed before its revision leaves it to this one
            new = len(pending)
            report.new_stories, report.ingested, report.unrevised = _assign(pending, spool, store, engine, settings,
                                                                            clock, progress, report.revisions)
            report.duplicates += new - report.ingested  # stored meanwhile by another run
    if settings.analyze:
        with clock("briefs"):
            refresh_briefs(store, processes=settings.analysis_processes)  # also finishes briefs a killed run left stale
        with clock("progressions"):  # of the storylines whose stories changed, once their briefs are made
            refresh_progressions(store, sentence_vectors, settings.analysis_processes)
    return report


def _identified(items: Iterable[Record | Rejection], store: Store, report: IngestReport,
                reject: Callable[[Rejection], None], progress: Callable[[int], None] | None,
                spool: ArticleSpool) -> tuple[list[Article], dict[str, Article]]:
    """The new articles of items (in their order; their text kept in spool), and the stored articles
    items give new text for (by stored id); rejections and copies are reported. Nothing of an item is
    held once it is read but its article, where it is new."""
    pending: list[Article] = []
    updates: dict[str, Article] = {}  # stored article id -> its new version
    seen: dict[str, str] = {}  # identity -> article id, for copies inside this batch
    for item in items:
        if isinstance(item, Rejection):
            reject(item)
            continue
        article = identify(item)
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
        pending.append(spool.put(article))
    return pending, updates


def check_vector_model(store: Store, model: str) -> None:
    """Refuse to place articles with other vectors than the stored stories': their cosines would not compare."""
    stored = store.vector_model()
    if stored is not None and stored != model:
        raise StoreError(f"{store.name}: its stories were placed with {stored} vectors, this run embeds with "
                         f"{model}; set STORYLINE_EMBEDDER and STORYLINE_EMBED_TOKENS to match, "
                         "or ingest into a new database")


def _prepared(engine: Engine, chunks: Iterable[list[Article]], settings: Settings,
              clock: StageClock) -> Iterator[list[Prepared]]:
    """The engine's prepared chunks in input order; the time the driver waits for each is `wait`."""
    results = engine.map(prepare, chunks, settings)
    while True:
        with clock("wait"):
            chunk = next(results, None)
        if chunk is None:
            return
        clock.add(chunk.seconds)
        yield chunk.items


def _assign(pending: list[Article], spool: ArticleSpool, store: Store, engine: Engine, settings: Settings,
            clock: StageClock,
            progress: Callable[[int], None] | None,
            revisions: list[tuple[str, str, list[str]]] | None = None) -> tuple[int, int, int]:
    """Store new articles oldest first, each with its duplicate group, vector, story and analysis,
    a chunk per transaction, then revise the stories they touched (`_revise`, whose moves and merges
    are added to `revisions`), and those of the articles a run killed before its revision placed
    (Store.owed_revision) unless so many runs tried that before (Store.tried_revision); returns how
    many stories they started, how many articles were stored and how many owed were given up.
    pending (whose text spool keeps until their chunk) is emptied: its articles are let go chunk by
    chunk as they are stored."""
    new_stories = stored = 0
    pending.sort(key=_sort_key)
    placed_here = [article.id for article in pending]
    duplicates = DuplicateIndex(settings.duplicate_threshold, settings.minhash_perm, settings.duplicate_days)
    params = cluster.load_params(article_embedder_name(settings))
    stats = cluster.TermStats()
    run = secrets.token_hex(8)  # the mark of the articles this run places, cleared by its revision
    with store.transaction():  # a consistent start: no other run writes while this one reads
        seen = Seen.now(store)
        owed = store.owed_revision()  # placed by runs killed before their revision, which this one makes
        given_up = store.tried_revision({row.mark for row in owed.values()})
        unrevised = sum(row.mark in given_up for row in owed.values())
        owed = {article_id: row for article_id, row in owed.items() if row.mark not in given_up}
        # the days this run places and revises: what it reads of the store is bounded by them
        placing = [article.day for article in pending] + [article.day for article in owed.values()]
        days = [day for day in placing if day is not None]
        dated = bool(days) and len(days) == len(placing)
        originals_since = (min(days) - timedelta(days=settings.duplicate_days)
                           if dated and settings.duplicate_days is not None else None)
        for article_id, group, sig, day in store.signatures(originals_since):
            duplicates.add(article_id, sig, group, day)
        for terms in store.article_terms():
            stats.add(terms)
        quoting = quoted_runs.QuotationIndex()
        for article_id, day, runs in store.quoted_runs(
                min(days) - timedelta(days=quoted_runs.QUOTE_DAYS) if dated else None):
            quoting.add(article_id, day, runs)
        wording = shared_words.WordIndex()
        if days:
            for article in store.articles_of_days(shared_words.window_start(days), max(days) + shared_words.WINDOW):
                wording.add(article.id, article.day, shared_words.words_of(article))
        since = min(days) - timedelta(days=2 * params.window_days) if dated else None
        active = store.active_stories(since)
        members = {story.id: store.recent_member_vectors(story.id, cluster.RECENT_MEMBERS) for story in active}
    stories = StoryIndex(active, params, stats, members)
    # Reports sharing their words are merged at the end of their chunk, once the reports of their days are
    # placed, or, in a chunk of many days, while the stories they joined have not yet left the index.
    wording_horizon = 2 * params.window_days - shared_words.WORDS_DAYS
    multilingual = _crosslingual(store, stories) if pending and store.has_other_languages() else None
    touched: set[str] = set()
    evident: list[tuple[str, str, list[str]]] = []  # revise.evidence_merges', made as articles are stored
    # The chunks take the articles over, each given its text back from the spool as the engine takes it
    # and let go once stored: the run holds the text of the chunks in flight alone.
    chunks = _chunks(pending, settings.batch_size)
    pending.clear()
    for chunk in _prepared(engine, (spool.whole(chunk) for chunk in handed_over(chunks)), settings, clock):
        if multilingual is None and any(item.article.language not in (None, cluster.ENGLISH) for item in chunk):
            multilingual = _crosslingual(store, stories)
        with clock("multilingual"):  # in the driver: only runs with another language than English pay it
            texts = [article_text_for_embedding(item.article) for item in chunk]
            mvectors = multilingual.encode(texts) if multilingual else [None] * len(chunk)
            days = [lead_days(item.article.language, text, item.article.day) if multilingual else frozenset()
                    for item, text in zip(chunk, texts)]
        with clock("serial"), one_blas_thread(), store.transaction():
            catch_up(store, seen, duplicates, stories)
            grown: dict[str, StoryState] = {}  # saved once at the end of the chunk, not after each article
            placed: list[str] = []
            analysed: list[tuple[str, Analysis]] = []  # stored once at the end of the chunk, a statement a table
            sharing = _sharing_words(chunk, store, wording)
            waiting: list[tuple[date, str, str]] = []  # pairs sharing words, merged once their days are placed
            for item, mvector, event_days in zip(chunk, mvectors, days):
                if store.find_article(item.article.canonical_url, item.article.text_hash):
                    continue  # another run stored it since this one looked
                if item.article.day is not None:  # before the stories of those days leave the index
                    evident.extend(_merge_waiting(waiting, item.article.day - timedelta(days=wording_horizon),
                                                  store, stories, grown))
                new_stories += _store_article(item, mvector, store, duplicates, stories, grown, clock, event_days)
                if item.article.day is not None:  # oldest first: no later article needs those further back
                    quoting.forget_before(item.article.day - timedelta(days=quoted_runs.QUOTE_DAYS))
                quoting.add(item.article.id, item.article.day, item.quotes)
                shared = quoting.sharing(item.article.id, item.article.day, item.quotes)
                evident.extend(_merge_stories_of(item.article.id, sorted(shared), store, stories, grown))
                if item.article.day is not None:
                    waiting.extend((item.article.day, item.article.id, other) for other in sharing.get(item.article.id, ()))
                stored += 1
                placed.append(item.article.id)
                if item.analysis is not None:
                    analysed.append((item.article.id, item.analysis))
            evident.extend(_merge_waiting(waiting, None, store, stories, grown))
            store.insert_analyses(analysed, analyze.VERSION)
            stored_here = set(placed)
            store.count_words(item.words for item in chunk if item.article.id in stored_here)
            if chunk_days := [item.article.day for item in chunk if item.article.day is not None]:
                wording.forget_before(shared_words.window_start([max(chunk_days)]))  # the next chunk's are later
            store.owe_revision(placed, run)
            for story in grown.values():
                _save_story(store, story)
            touched.update(grown)
            seen = Seen.now(store)
        if progress:
            progress(len(chunk))
    if touched or owed:
        with clock("revise"), one_blas_thread(), store.transaction():
            catch_up(store, seen, duplicates, stories)
            # this run's articles, and those it took over that no other run has revised since
            owed_now = store.owed_revision(run) | {article_id: row for article_id, row in store.owed_revision().items()
                                                   if article_id in owed}
            touched.update(row.story_id for row in owed_now.values() if row.story_id)
            merges = evident + _revise(store, stories, touched, set(placed_here) | set(owed_now))
            store.paid_revision({article_id: row.mark for article_id, row in owed_now.items()})
            # a story this run started and revision then emptied or merged away is no new story
            started_here = {started_by(article_id) for article_id in placed_here}
            new_stories -= len({source for source, _, _ in merges
                                if source in started_here and (row := store.story(source)) and row.id != source})
        if revisions is not None:
            revisions.extend(merges)
    return new_stories, stored, unrevised


def started_by(article_id: str) -> str:
    """The id of the story an article starts, where it starts one: its own id with the story's letter."""
    return "s" + article_id[1:]


def _revise(store: Store, stories: StoryIndex, touched: set[str],
            placed: set[str]) -> list[tuple[str, str, list[str]]]:
    """Revise the stories this run touched (storyline.revise; the articles it placed may move) and
    write its moves, merges and splits as placement
    writes its own: a member moved changes story in the store (the story it left keeps its id, and its
    brief and the other's are made again); a story merged away, or left empty by a move, keeps its last
    state and its id resolves to the story it joined; the part a split takes off a story moves into a
    new story, under an id no story in the store has; the rows of the stories changed are saved once at
    the end, their briefs then stale, and refresh_briefs makes them. Returns (the story left, the story
    joined, the articles that went) per move, merge or split, in order."""
    done = []
    grown: dict[str, StoryState] = {}

    def members_of(story_id: str) -> list[revise.Member]:
        return members_for_revision(store, stories, story_id, placed)

    taken = lambda story_id: store.story(story_id) is not None  # noqa: E731
    for change in revise.revise(stories, touched, members_of, placed, taken, then=regroup.regroup):
        if isinstance(change, revise.Split):
            for article_id in change.members:
                store.move_member(article_id, change.target.id, change.score, revise.VERSION)
            _save_story(store, change.target)  # now: a later move or merge of this revision may name it
            for story_id in (change.source, change.target.id):
                if story_id in stories.stories:
                    grown[story_id] = stories.stories[story_id]
            done.append((change.source, change.target.id, list(change.members)))
            continue
        if isinstance(change, revise.Move):
            store.move_member(change.member, change.target, change.score, revise.VERSION)
            if change.emptied:  # its only member left: its id resolves to the story that took it
                store.merge_story(change.source, change.target, revise.VERSION)
                grown.pop(change.source, None)
            for story_id in (change.source, change.target):
                if story_id in stories.stories:  # else merged away since, and saved as it stood then below
                    grown[story_id] = stories.stories[story_id]
            done.append((change.source, change.target, [change.member]))
            continue
        done.append(_write_merge(store, change, grown))
    for story in grown.values():
        _save_story(store, story)
    return done


def members_for_revision(store: Store, stories: StoryIndex, story_id: str, placed: set[str]) -> list[revise.Member]:
    """A story's members as revision reads them, in the order they were stored: of a story of more than
    revise.WHOLE members, the older ones but those the run placed are hollow (their days alone)."""
    story = stories.stories.get(story_id)
    if story is None or story.size <= revise.WHOLE:
        return [revise.Member(article_id, vector, frozenset(terms), day)
                for article_id, vector, terms, day in store.member_features(story_id)]
    days = store.member_days(story_id)
    whole = {article_id for article_id, _ in days[-revise.WHOLE:]} | {
        article_id for article_id, _ in days if article_id in placed}
    read = {article_id: (vector, frozenset(terms)) for article_id, vector, terms, _ in
            store.member_features(story_id, whole)}
    return [revise.Member(article_id, *read[article_id], day) if article_id in read
            else revise.Member.hollow(article_id, day) for article_id, day in days]


def _crosslingual(store: Store, stories: StoryIndex):  # type: ignore[no-untyped-def]
    """The multilingual encoder, with a cross-lingual scorer attached to the stories: for a run from the
    moment it meets an article in another language than English (or whose store holds one), so that a
    run in English alone never loads it and its English path is exactly as without it."""
    encoder = load_multilingual_embedder()

    def members(story_id: str) -> list[tuple[str | None, str, date | None]]:
        return [(a.language, article_text_for_embedding(a), a.day) for a, _ in store.story_articles(story_id)]

    stories.crosslingual = cluster.CrossLingual(stories, encoder.encode, members, lead_days)
    return encoder


def lead_days(language: str | None, text: str, day: date | None) -> frozenset[str]:
    """The days a headline and lead (as article_text_for_embedding gives them) date things to, by the
    date rules of their language (English ones for English or undetected); read by cross-lingual
    placement only, where they stand in for what the encoder cannot read: two reports of one event
    date its moments alike (the interview on Friday, the calls on Wednesday) in any language."""
    from storyline.analyze.dates import resolve_dates
    from storyline.analyze.multilingual import find_dates

    language = language or cluster.ENGLISH
    found = resolve_dates(text, day) if language == cluster.ENGLISH else find_dates(text, day, language)
    return frozenset(t.date for t in found if t.granularity == "day")


@dataclass
class Seen:
    """How far a run has read the store: the newest article (`article_mark`) and the newest story
    saved or merged (`stories_updated`) when it last looked, inside a writing transaction."""

    articles: int
    stories: str | None

    @classmethod
    def now(cls, store: Store) -> Seen:
        return cls(store.article_mark(), store.stories_updated())


def catch_up(store: Store, seen: Seen, duplicates: DuplicateIndex, stories: StoryIndex) -> None:
    """Teach this run's in-memory indexes what other runs stored after `seen`: their articles'
    signatures and key terms, the stories those articles joined, started or merged away, and the
    stories their revisions changed (a member moved or split off, a story merged away), which no new
    article names. Call it inside the writing transaction (writers take turns, so nothing changes
    until this one commits). Stories saved in the second `seen` was taken are read again unless they
    stand as this run holds them; where the store held no story then, every story is another run's,
    and the articles since name them all."""
    found = store.articles_since(seen.articles)
    touched = set()
    for article in found:
        duplicates.add(article.id, article.signature, article.group_id, article.day)
        stories.stats.add(article.terms)
        touched.add(article.story_id)
    saved, merged = store.stories_saved_since(seen.stories) if seen.stories is not None else ([], [])
    live = store.live_stories({story_id for story_id in touched if story_id})
    held = {story.id for story in live}
    live += [story for story in saved if story.id not in held and _changed(story, stories.stories.get(story.id))]
    gone = store.merged_into({story.id for story in live}) + [story_id for story_id in merged if story_id in stories.stories]
    if live or gone:
        stories.refresh(live, {story.id: store.recent_member_vectors(story.id, cluster.RECENT_MEMBERS) for story in live},
                        gone=gone)


def _changed(stored: StoryState, held: StoryState | None) -> bool:
    """Whether a story as stored differs from this run's copy (or this run holds none)."""
    return (held is None or stored.size != held.size or stored.last_seen != held.last_seen
            or not np.array_equal(stored.centroid, held.centroid.astype(np.float32)))


def analyze_chunk(articles: list[Article], processes: int = 1) -> list[Analysis | None]:
    """Names, quotes and dates of each article: English (or undetected) ones by the English rules
    (spaCy's NER on `processes` processes), others by their own language's (analyze.multilingual)."""
    return list(start_chunk_analyses(articles, processes)())


def start_chunk_analyses(articles: list[Article], processes: int = 1) -> Callable[[], list[Analysis]]:
    """analyze_chunk begun: on analysis processes the work starts now, and the function returned
    waits for it (analyze.start_analyses); on this one alone, the work is done when it is called.
    The pool's workers make the briefs too (refresh_briefs): the static model they compare sentences
    with is loaded before they are forked, where the pool starts here, not once in each of them (0.3 s of
    CPU a worker: 3 ms a brief of the 197 stories of 200 PolNeAR articles on two workers)."""
    return analyze.start_analyses([(a.text, a.published, a.language) for a in articles], processes=processes,
                                  also_load=sentence_vectors)


def _update_articles(updates: dict[str, Article], store: Store, engine: Engine, settings: Settings,
                     clock: StageClock) -> None:
    """Replace the text of updated articles and everything derived from it: signature, vector, terms
    and analysis (whose spans point into the text). Each keeps its story, whose brief is dropped to be
    made again from the new text at the end of the run (or by the next, if this one is killed)."""
    ids = list(updates)
    chunks = _chunks(list(updates.values()), settings.batch_size)
    prepared = [item for chunk in _prepared(engine, chunks, settings, clock) for item in chunk]
    with clock("serial"), store.transaction():
        before = store.articles_by_id(ids)
        store.count_words((shared_words.words_of(a) for a in before), -1)
        store.count_words(item.words for item in prepared)
        for article_id, item in zip(ids, prepared, strict=True):
            store.update_article(article_id, item.article)
            store.replace_derived(article_id, item.signature, item.vector, set(item.terms), item.quotes)
            if item.analysis is not None:
                store.insert_analysis(article_id, item.analysis, analyze.VERSION)
                story_id = store.article_story(article_id)
                if story_id:
                    store.forget_brief(story_id)


def _store_article(item: Prepared, mvector: np.ndarray | None, store: Store, duplicates: DuplicateIndex,
                   stories: StoryIndex, grown: dict[str, StoryState], clock: StageClock,
                   days: frozenset[str] = frozenset()) -> bool:
    """Write one article with its duplicate group, vector and membership; True when it started a story.

    The story it joined goes into `grown`, whose rows the caller writes once per chunk: naming a story
    reads all its members' vectors, which per article would cost the square of a story's size. A merge
    writes both stories at once, so that the one merged away keeps its last state.
    Only the lookups in the live indexes count as `assign`; the writes around them do not."""
    article, sig, terms, vector = item.article, item.signature, set(item.terms), item.vector
    store.insert_article(article)
    with clock("assign"):
        copy = duplicates.find(sig, lambda key: dedupe.same_facts(terms, store.article_key_terms(key)))
        group, similarity = (copy[1], copy[2]) if copy else (article.id, 1.0)
        duplicates.add(article.id, sig, group, article.day)
    store.insert_duplicate(article.id, group, similarity, sig, dedupe.VERSION)
    store.insert_vector(article.id, item.model, vector, terms, cluster.VERSION, item.quotes)

    # A syndicated copy belongs where its original went; anything else is scored against stories.
    original = stories.stories.get(store.article_story(copy[0]) or "") if copy else None
    with clock("assign"):
        placed = stories.place(started_by(article.id), vector, terms, article.day, into=original,
                               language=article.language, mvector=mvector, days=days)
    store.add_member(article.id, placed.joined.id, placed.score, cluster.VERSION)
    if placed.merged is not None:
        for story in {placed.joined.id: placed.joined, placed.merged.id: placed.merged}.values():
            _save_story(store, story)
        store.merge_story(placed.merged.id, placed.story.id, cluster.VERSION)
        grown.pop(placed.merged.id, None)
    grown[placed.story.id] = placed.story
    return placed.started


def _sharing_words(chunk: list[Prepared], store: Store, wording: shared_words.WordIndex) -> dict[str, list[str]]:
    """The reports, a day apart at most, whose whole texts share the words of each of a chunk's articles
    (storyline.shared_words), weighed by the store's counts with the chunk's own: a run's first chunk
    weighs its words by itself. Each pair is given under the article stored second (the chunk is stored
    in order), which, once stored, waits with the other (`_merge_waiting`) for their stories to merge."""
    fresh = [item for item in chunk if item.words and not store.find_article(item.article.canonical_url,
                                                                               item.article.text_hash)]
    counted: dict[str, int] = {}
    for item in fresh:
        wording.add(item.article.id, item.article.day, item.words)
        for word in item.words:
            counted[word] = counted.get(word, 0) + 1

    def frequencies(words: Iterable[str]) -> dict[str, int]:
        words = set(words)
        stored = store.word_documents(words)
        return {word: stored.get(word, 0) + counted.get(word, 0) for word in words}

    found: dict[str, list[str]] = {}
    for later, earlier in sorted(wording.sharing([item.article.id for item in fresh],
                                                 store.words_counted() + len(fresh), frequencies)):
        found.setdefault(later, []).append(earlier)
    return found


def _merge_waiting(waiting: list[tuple[date, str, str]], until: date | None, store: Store, stories: StoryIndex,
                   grown: dict[str, StoryState]) -> list[tuple[str, str, list[str]]]:
    """Merge the stories of the pairs of reports sharing their words (`_sharing_words`) whose later report
    is dated `until` or earlier (all with None), and let them go from `waiting`."""
    due: list[tuple[date, str, str]] = []
    kept: list[tuple[date, str, str]] = []
    for pair in waiting:
        (due if until is None or pair[0] <= until else kept).append(pair)
    waiting[:] = kept
    return [merge for _, article_id, other in due for merge in _merge_stories_of(article_id, [other], store, stories, grown)]


def _merge_stories_of(article_id: str, others: list[str], store: Store, stories: StoryIndex,
                      grown: dict[str, StoryState]) -> list[tuple[str, str, list[str]]]:
    """Merge the story a stored article joined with those of the stored reports that show they tell one
    event (the same passage quoted, storyline.quoted_runs; their whole texts' words, storyline.shared_words)
    while they are live: a story leaves the index once its days fall out of placement's window, which a
    run over a month's reports passes long before its end (revise.evidence_merges). Written as revision's
    merges are, and returned in the same shape; a report not yet stored is left to its own turn."""
    done = []
    for other in others:
        own, theirs = store.article_story(article_id), store.article_story(other)
        if own is None or theirs is None:
            continue
        for merge in revise.evidence_merges(stories, [(own, theirs)]):
            _save_story(store, merge.target)  # a story started in this chunk has no row yet
            done.append(_write_merge(store, merge, grown))
    return done


def _write_merge(store: Store, merge: revise.Merge, grown: dict[str, StoryState]) -> tuple[str, str, list[str]]:
    """Write one of revision's merges: the story merged away keeps its last state and its id resolves to
    the story it joined, whose row `grown` holds to be saved. Returns (the story left, the story joined,
    the articles that went)."""
    held = [article_id for article_id, _ in store.member_vectors(merge.source.id)]
    _save_story(store, merge.source)
    store.merge_story(merge.source.id, merge.target.id, revise.VERSION)
    grown.pop(merge.source.id, None)
    grown[merge.target.id] = merge.target
    return merge.source.id, merge.target.id, held


def _save_story(store: Store, story: StoryState) -> None:
    latest = cluster.LARGE_STORY if story.size > cluster.LARGE_STORY else None  # with the article naming it now
    title_article = cluster.representative(store.member_vectors(story.id, latest), story.centroid)
    title, generated = store.article_heading(title_article) if title_article else (None, False)
    store.save_story(story, clean_label(title) or story.id, title_article, cluster.VERSION, title_generated=generated)
