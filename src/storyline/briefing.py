"""The briefs of a run's stories: which are made again (those whose membership changed, or the given
ones), each from its newest BRIEF_MEMBERS articles and their analyses, on the worker pool a window at a
time, saved in order; then the storyline links of the stories briefed and of those whose links are owed.
Called by the pipeline once a run's chunks are placed and revised, and by `check --repair`."""

from __future__ import annotations

import json
from datetime import date, timedelta
from multiprocessing.pool import AsyncResult
from typing import Callable, Iterable

import numpy as np

from storyline import storylines
from storyline.brief import VERSION as BRIEF_VERSION
from storyline.brief import StoryParts, embedding_once, story_parts
from storyline.embed import load_static_embedder
from storyline.engine import one_blas_thread, worker_pool
from storyline.memo import memo
from storyline.model import Analysis, Article
from storyline.store import Store, brief_json

BRIEF_WINDOW = 32  # stories whose inputs are read, made on the workers and saved (one commit) at a time
# A brief is made from a story's newest BRIEF_MEMBERS articles at most: a story that gains articles in every
# run would otherwise have its brief, remade at each, cost in its whole size, which has no bound (one
# story of bench/records.py's one-line records held 2,672 members after 15,000 records, its brief made
# again over all of them at every run); beyond it, the oldest articles' claims and quotes have been
# superseded or repeated by the newer ones, and the story's article list still holds every article.
BRIEF_MEMBERS = 500


def refresh_briefs(store: Store, story_ids: Iterable[str] | None = None, processes: int = 1) -> int:
    """Recompute the derived brief of every story whose membership changed since it was last made
    (or of the given stories); a run killed half-way leaves them stale, and the next run finishes them.

    With processes > 1 and more than one story to make, the briefs are made on the worker pool
    (engine.worker_pool), BRIEF_WINDOW stories at a time, and saved here in order, a window a commit:
    while the workers make a window, this process saves the one before and reads the next. A worker
    hands back each brief as the JSON the store keeps (store.brief_json), which this process saves as
    it is, and takes the stories of a window a task at a time (task_batches)."""
    ids = list(story_ids) if story_ids is not None else store.stale_briefs()
    pool = worker_pool(processes, preload=sentence_vectors) if len(ids) > 1 else None  # where no chunk started it
    waiting: list[tuple[list[str], list[int], list[list[str]] | AsyncResult[list[list[str]]]]] = []
    for start in range(0, len(ids), BRIEF_WINDOW):
        window = ids[start:start + BRIEF_WINDOW]
        inputs: list[BriefInput] = []
        sizes = []
        for story_id in window:
            members = store.story_articles(story_id, latest=BRIEF_MEMBERS)
            # the size the brief is made for: the whole story's, read with its newest members
            sizes.append(len(members) if len(members) < BRIEF_MEMBERS else store.story_size(story_id))
            # the reader is told where the brief leaves the oldest articles out
            inputs.append((members, store.analyses([article.id for article, _ in members]),
                           len(members) if len(members) < sizes[-1] else None))
        batches = task_batches(inputs)
        waiting.append((window, sizes, pool.map_async(brief_texts, batches, chunksize=1) if pool
                        else [brief_texts(batch) for batch in batches]))
        while waiting and (len(waiting) > 1 or pool is None or start + BRIEF_WINDOW >= len(ids)):
            made_ids, made_sizes, made = waiting.pop(0)
            texts = [text for batch in (made if isinstance(made, list) else made.get()) for text in batch]
            with store.transaction():  # one commit a window: each commit waits for the disk (synchronous=FULL)
                for story_id, size, text in zip(made_ids, made_sizes, texts, strict=True):
                    store.save_brief(story_id, text, size, BRIEF_VERSION)
    relink_stories(store, ids)  # and the stories a run killed after its briefs left unlinked
    return len(ids)


# A story's members, their analyses, and how many of the story's articles its brief is made from
# where that is fewer than all of them (StoryParts.brief_from), else None.
BriefInput = tuple[list[tuple[Article, str | None]], dict[str, Analysis], int | None]

# The articles of the stories one task of the pool makes briefs for, at most (a story larger alone):
# each task costs this process a message each way and the pool's threads a wake-up, which for a story
# of one article is a fifth of its brief's cost to this process; a large story, whose brief costs
# the most, stays a task of its own, so that the workers still share a window's work evenly.
TASK_ARTICLES = 4


def task_batches(inputs: list[BriefInput]) -> list[list[BriefInput]]:
    """The stories of a window cut into tasks, in order, each of at most TASK_ARTICLES articles (or
    one story)."""
    batches: list[list[BriefInput]] = []
    held = TASK_ARTICLES
    for given in inputs:
        if held + len(given[0]) > TASK_ARTICLES:
            batches.append([])
            held = 0
        batches[-1].append(given)
        held += len(given[0])
    return batches


def brief_texts(batch: list[BriefInput]) -> list[str]:
    """The brief of each story of a task, as the JSON the store keeps; pure, so a worker may make it."""
    texts = []
    for members, analyses, brief_from in batch:
        parts = brief_parts((members, analyses))
        if brief_from is not None:
            parts["brief_from"] = brief_from
        texts.append(brief_json(parts))
    return texts


def brief_parts(given: tuple[list[tuple[Article, str | None]], dict[str, Analysis]]) -> StoryParts:
    """The derived parts of one story's brief from its members and their analyses (brief.story_parts,
    comparing sentences with the static model); pure, so a worker process may make it."""
    members, analyses = given
    with one_blas_thread():
        return story_parts(members, analyses, sentence_vectors())


SENTENCE_MEMORY = 10_000  # sentences whose static vectors a process keeps (1.5 KB each): a chunk's articles' and more


@memo(1)  # forgotten with the other memos: its memory of sentences goes, the model stays loaded
def sentence_vectors() -> Callable[[list[str]], np.ndarray]:
    """The static model's embedding, remembering the last SENTENCE_MEMORY sentences' vectors: when a
    story grows by an article its brief is made again, and its other articles' sentences are not
    embedded again."""
    return embedding_once(load_static_embedder().embed, limit=SENTENCE_MEMORY)


def relink_stories(store: Store, story_ids: list[str]) -> None:
    """Recompute the storyline links of these stories, and of every story whose links are owed (a brief
    saved marks its story: Store.owed_links; a run killed before its links left them), against the
    stories of their months (only those are read: a story that ended storylines.LONG_WINDOW_DAYS before
    the earliest of them cannot link to any). The marks read are cleared in the links' own transaction."""
    def sketch_of(row) -> storylines.StorySketch:  # type: ignore[no-untyped-def]
        day = lambda v: date.fromisoformat(v) if v else None  # noqa: E731
        return storylines.sketch(row["id"], np.frombuffer(row["centroid"], dtype=np.float32),
                                 json.loads(row["entities"] or "[]"), day(row["first_seen"]),
                                 day(row["last_seen"]))

    owed = store.owed_links()  # read before the sketches: a story marked again since stays owed
    story_ids = list(dict.fromkeys([*story_ids, *sorted(owed)]))
    if not story_ids:
        return
    rows = [store.story(story_id) for story_id in story_ids]
    firsts = [row.first_seen for row in rows if row is not None]
    since = (date.fromisoformat(min(firsts)) - timedelta(days=storylines.LONG_WINDOW_DAYS)
             if firsts and all(firsts) and len(firsts) == len(rows) else None)
    index = storylines.SketchIndex(sketch_of(row) for row in store.story_sketch_rows(since))
    with store.transaction():
        for story_id in story_ids:
            if (story := index.get(story_id)) is not None:  # its specific sketch: the common names left out
                store.replace_links(story_id, storylines.links_for(story, index.near(story)), storylines.VERSION)
        store.paid_links(owed)
