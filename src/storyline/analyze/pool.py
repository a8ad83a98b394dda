"""The English analysis on worker processes: spaCy's NER and the rules over its doc, a batch of
articles a task, on a pool of processes forked once and kept for the life of this one.

Why not spaCy's own `nlp.pipe(n_process=…)`: it forks new processes for every call (every chunk),
ships each doc back to run the rules in this process (a fifth of the analysis, on one core), and
keeps only two batches a process ahead of what this process has read, so the NER stops while this
process embeds. A task here returns finished analyses and runs while the caller does other work: the
workers load spaCy while this process loads the embedder, and analyse a chunk while it embeds it.
Each worker loads spaCy itself (this process need not), and leaves when this process is gone."""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
import time
from datetime import date, datetime
from multiprocessing.pool import Pool
from typing import Callable

from storyline.analyze.nlp import load_nlp
from storyline.model import Analysis

BATCH = 16  # articles a task: spaCy's batch, and few enough that both workers finish a chunk together

_pool: Pool | None = None
_size = 0


def analysis_pool(processes: int) -> Pool | None:
    """The process-wide pool of `processes` analysis workers, started on first use; None where one
    process is asked for, or where this one may not start any (a daemon, such as a Dask worker)."""
    global _pool, _size
    if processes <= 1 or multiprocessing.current_process().daemon:
        return None
    if _pool is None or _size != processes:
        if _pool is not None:
            _stop(_pool)
        _pool = multiprocessing.get_context("fork").Pool(processes, initializer=_start_worker, initargs=(os.getpid(),))
        _size = processes
        atexit.register(_stop, _pool)  # before the interpreter tears down what the pool's finaliser needs
    return _pool


def close_analysis_pool() -> None:
    """Let the pool's workers finish and leave (a new pool starts on the next use)."""
    global _pool, _size
    if _pool is not None:
        _pool.close()
        _pool.join()
    _pool, _size = None, 0


def start_english_analyses(items: list[tuple[str, date | datetime | None]], processes: int,
                           ) -> Callable[[], list[Analysis]] | None:
    """Hand (text, published) pairs to the pool, BATCH a task; the returned function waits for their
    analyses, in input order. None where no pool may run (see analysis_pool)."""
    pool = analysis_pool(processes)
    if pool is None:
        return None
    batches = [items[start:start + BATCH] for start in range(0, len(items), BATCH)]
    pending = pool.map_async(analyze_batch, batches, chunksize=1)

    def wait() -> list[Analysis]:
        return [analysis for batch in pending.get() for analysis in batch]

    return wait


def analyze_batch(items: list[tuple[str, date | datetime | None]]) -> list[Analysis]:
    """In a worker: one batch through spaCy and the rules, as analyze_articles does in one process."""
    from storyline.analyze import analyze_articles

    return list(analyze_articles(items, batch_size=BATCH))


def _stop(pool: Pool) -> None:
    pool.terminate()
    pool.join()


def _start_worker(parent: int) -> None:
    """Load spaCy, and leave once the parent is gone (a killed ingest must not leave its workers behind)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
    load_nlp()
