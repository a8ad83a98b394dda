"""The English analysis on the worker pool (engine.worker_pool): spaCy's NER and the rules over its
doc, a batch of articles a task.

Why not spaCy's own `nlp.pipe(n_process=…)`: it forks new processes for every call (every chunk),
ships each doc back to run the rules in this process (a fifth of the analysis, on one core), and
keeps only two batches a process ahead of what this process has read, so the NER stops while this
process embeds. A task here returns finished analyses and runs while the caller does other work: the
workers, forked with spaCy loaded, analyse a chunk while this process loads the embedder and embeds."""

from __future__ import annotations

from datetime import date, datetime
from typing import Callable

from storyline.analyze.nlp import load_nlp
from storyline.engine import worker_pool
from storyline.model import Analysis

BATCH = 16  # articles a task: spaCy's batch, and few enough that both workers finish a chunk together
TASK_CHARS = 64_000  # characters a task holds at most (one article, however long, is a task): a worker's
# memory grows with its batch's text (16 reports of 7,300 characters rose 130-177 MB, 8 of them 78-101), so
# long reports go fewer a task; short ones more than BATCH while they fit,
MAX_TASK = 64  # up to this many: spaCy's fixed cost a batch, spread over short articles (one-line records)


Batch = list[tuple[str, date | datetime | None]]


def start_english_analyses(items: Batch, processes: int, analyze_batch: Callable[[Batch], list[Analysis]],
                           also_load: Callable[[], object] | None = None) -> Callable[[], list[Analysis]] | None:
    """Hand (text, published) pairs to the worker pool, BATCH a task, each task analysed by
    `analyze_batch` (a module-level function, which the workers find by name); the returned function
    waits for their analyses, in input order. None where no pool may run (see engine.worker_pool).
    Where the pool starts here, spaCy and what also_load loads (the models the caller's later tasks on
    the same workers use) are loaded before its workers are forked, so that they share them."""
    def models() -> None:
        load_nlp()
        if also_load is not None:
            also_load()

    pool = worker_pool(processes, preload=models)
    if pool is None:
        return None
    batches = tasks(items, processes)
    pending = pool.map_async(analyze_batch, batches, chunksize=1)

    def wait() -> list[Analysis]:
        return [analysis for batch in pending.get() for analysis in batch]

    return wait


def tasks(items: Batch, processes: int) -> list[Batch]:
    """The items cut into tasks in order, each holding at most TASK_CHARS characters (or one article):
    BATCH articles a task, fewer where they are long, more, up to MAX_TASK, where they are short, but
    never so many that a worker gets none."""
    most = max(BATCH, min(MAX_TASK, -(-len(items) // processes)))
    found: list[Batch] = []
    task: Batch = []
    chars = 0
    for item in items:
        if task and (len(task) == most or chars + len(item[0]) > TASK_CHARS):
            found.append(task)
            task, chars = [], 0
        task.append(item)
        chars += len(item[0])
    return found + [task] if task else found

