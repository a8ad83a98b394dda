"""Where the per-article stages run: in this process, or mapped over chunks on a Dask cluster.

An engine maps a pure function (pipeline.prepare) over chunks and hands the results back in
input order, one chunk at a time, as the serial stage in the driver consumes them. The Dask
engine keeps only a bounded number of chunks in flight, so memory stays bounded however long the
input is. Because a chunk's result depends only on the chunk (and the models), a chunk that a dead
worker was computing is simply computed again elsewhere: nothing is stored twice or lost."""

from __future__ import annotations

import atexit
import ctypes
import gc
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Protocol, TypeVar

from threadpoolctl import ThreadpoolController

from storyline.errors import StorylineError
from storyline.settings import Settings

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from distributed import Client

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask")


class Engine(Protocol):
    """Maps fn(chunk, *args) over chunks; yields the results in the chunks' order."""

    def map(self, fn: Callable[..., R], chunks: Iterable[T], *args: Any) -> Iterator[R]: ...


def handed_over(items: list[T]) -> Iterator[T]:
    """The items in order, each dropped from the list as it is taken: what the caller hands over this
    way is held only by whoever took it (an ingest's chunks, each let go once stored instead of at the
    end of the run). The list is empty once the iterator is exhausted."""
    items.reverse()
    while items:
        yield items.pop()


class InProcessEngine:
    """Runs each chunk in this process, the next one on a thread of its own while the driver consumes
    the one before: the driver then places and stores a chunk while the next one's analysis runs on the
    analysis processes (which otherwise sat idle while it stored, as it sat waiting while they analysed).
    One chunk at a time runs ahead, so memory holds at most two chunks' results; a chunk's result
    depends only on the chunk, so the results are those of running them one after the other."""

    def map(self, fn: Callable[..., R], chunks: Iterable[T], *args: Any) -> Iterator[R]:
        remaining = iter(chunks)
        first = next(remaining, _END)
        if first is _END:
            return
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-prepare") as ahead:
            running = ahead.submit(fn, first, *args)
            del first  # held by its task alone, as each later chunk is: let go once prepared
            try:
                for chunk in remaining:
                    following = ahead.submit(fn, chunk, *args)  # starts as soon as the one before has finished
                    yield running.result()
                    running = following
                yield running.result()
            finally:
                ahead.shutdown(wait=True, cancel_futures=True)  # a driver that stops early: nothing further starts


class DaskEngine:
    """Runs each chunk as a task on a Dask cluster, at most `ahead` chunks in flight.

    With ahead=None it keeps two chunks per worker thread in flight: one running, one waiting, so a
    worker never idles while the driver commits. Results come back in input order whatever order
    the workers finish in."""

    def __init__(self, client: "Client", ahead: int | None = None) -> None:
        self.client = client
        self.ahead = ahead

    def _in_flight(self) -> int:
        return self.ahead or max(2, 2 * sum(self.client.nthreads().values()))

    def map(self, fn: Callable[..., R], chunks: Iterable[T], *args: Any) -> Iterator[R]:
        from distributed import KilledWorker

        remaining = iter(chunks)
        queue: deque = deque()
        limit = self._in_flight()

        def top_up() -> None:
            while len(queue) < limit:
                chunk = next(remaining, _END)
                if chunk is _END:
                    return
                queue.append(self.client.submit(fn, chunk, *args, pure=False))

        try:
            top_up()
            while queue:
                future = queue.popleft()
                top_up()
                try:
                    result = future.result()
                except KilledWorker as exc:
                    raise StorylineError(
                        f"a chunk killed Dask workers {_allowed_failures()} times ({exc}); what was committed is "
                        "kept: rerun the same ingest to finish (stored articles are skipped)") from None
                del future  # the cluster may forget the result now
                yield result
        finally:
            for future in queue:
                future.cancel()


_END = object()


def _allowed_failures() -> int:
    import dask

    return int(dask.config.get("distributed.scheduler.allowed-failures"))


def check_engine_settings(settings: Settings) -> None:
    """A clear error for an engine setting that cannot work, before anything starts."""
    if settings.engine not in ENGINES:
        raise StorylineError(f"unknown engine {settings.engine!r}: use one of {', '.join(ENGINES)}")
    if settings.engine == "local" and (settings.scheduler or settings.workers):
        raise StorylineError("--scheduler and --workers need --engine dask")
    if settings.scheduler and settings.workers:
        raise StorylineError("give --scheduler (a running cluster) or --workers (a local one), not both")
    if settings.workers is not None and settings.workers < 1:
        raise StorylineError(f"--workers {settings.workers}: at least 1")


@contextmanager
def open_engine(settings: Settings) -> Iterator[Engine]:
    """The engine the settings name. For Dask: a client of the scheduler at settings.scheduler, or
    else of a LocalCluster of settings.workers processes (one thread each: the models are not
    thread-parallel, and a process per core is what scales), closed again on exit."""
    check_engine_settings(settings)
    if settings.engine == "local":
        yield InProcessEngine()
        return
    with dask_client(settings) as client:
        yield DaskEngine(client)


@contextmanager
def dask_client(settings: Settings) -> Iterator["Client"]:
    """A Dask client for the settings: the scheduler given, or a LocalCluster started here."""
    from distributed import Client, LocalCluster

    if settings.scheduler:
        try:
            client = Client(settings.scheduler, timeout=settings.scheduler_timeout)
        except (OSError, TimeoutError) as exc:
            raise StorylineError(f"cannot reach the Dask scheduler at {settings.scheduler}: {exc}") from None
        with client:
            yield client
        return
    workers = settings.workers or os.cpu_count() or 1
    with LocalCluster(n_workers=workers, processes=True, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


# Worker processes of this machine, for the pure work an ingest does besides placing articles: the
# English analysis of a chunk (analyze.start_analyses), while the driver embeds it, and the stories'
# briefs (briefing.refresh_briefs). Forked once and kept for the life of the process: spaCy's own
# n_process forked anew for every chunk. Each worker loads the models its tasks need, once,
# unless they were loaded before it was forked (preload).
_pool: "Pool | None" = None
_pool_size = 0


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """BLAS on one thread: placing an article multiplies one vector by the stories' (a matrix-vector
    product, the same figures on any number of threads), where more threads only wait on each other and
    on the analysis workers for the cores (bench/records.py: the third round's placement 14.7 s on
    BLAS's threads, 4.9 s on one)."""
    with _blas().limit(limits=1, user_api="blas"):
        yield


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


def worker_pool(processes: int, preload: Callable[[], object] | None = None) -> "Pool | None":
    """The process-wide pool of `processes` workers, started on first use; None where one process is
    asked for, or where this one may not start any (a daemon, such as a Dask worker).

    preload runs here before the workers are forked, so that they share what it loads instead of
    each loading it again (spaCy imports torch: over 4 s of CPU a process on a busy machine). What
    this process holds by then is frozen for the garbage collector (gc.freeze) before the fork: a
    full collection writes to every object it tracks, so in any one of the processes it would copy
    each page of them that the others share (about 70 MB a worker with spaCy loaded), and an ingest's
    memory would grow with its length as collections came."""
    global _pool, _pool_size
    if processes <= 1 or multiprocessing.current_process().daemon:
        return None
    if _pool is None or _pool_size != processes:
        if _pool is not None:
            _stop(_pool)
        if preload is not None:
            preload()
        gc.collect()
        gc.freeze()
        _pool = multiprocessing.get_context("fork").Pool(processes, initializer=_watch_parent, initargs=(os.getpid(),))
        _pool_size = processes
        atexit.register(_stop, _pool)  # before the interpreter tears down what the pool's finaliser needs
    return _pool


def close_worker_pool() -> None:
    """Let the pool's workers finish their tasks and leave (a new pool starts on the next use)."""
    global _pool, _pool_size
    if _pool is not None:
        _pool.close()
        _pool.join()
    _pool, _pool_size = None, 0


def _stop(pool: "Pool") -> None:
    pool.terminate()
    pool.join()


def _watch_parent(parent: int) -> None:
    """In a worker: leave once the parent is gone (a killed ingest must not leave its workers behind),
    and give the heap's free pages back every GIVE_BACK_SECONDS (give_back_memory)."""
    def watch() -> None:
        beats = 0
        while os.getppid() == parent:
            time.sleep(1.0)
            beats += 1
            if beats % GIVE_BACK_SECONDS == 0:
                give_back_memory()
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


GIVE_BACK_SECONDS = 5  # how often a long-running process hands its heap's free pages back


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(None).malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # a C library without it (musl, macOS): nothing to give back
        return None


def give_back_memory() -> None:
    """Hand the C heap's free pages back to the system (glibc's malloc_trim), from any thread. What a
    process frees (arrays, strings, the documents of an analysis, a brief's comparison) stays its own
    otherwise wherever it lies below memory still in use, so that a process would hold the peak of all
    it ever held at once: the briefs and progressions of an ingest's end on top of its chunks'."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@contextmanager
def giving_back_memory(every: float = GIVE_BACK_SECONDS) -> Iterator[None]:
    """For the block, a thread of this process that gives its heap's free pages back every `every`
    seconds (give_back_memory), as each worker of the pool does for its life."""
    done = threading.Event()

    def give_back() -> None:
        while not done.wait(every):
            give_back_memory()

    thread = threading.Thread(target=give_back, name="storyline-give-back", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
