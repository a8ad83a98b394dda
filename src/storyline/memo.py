"""Memos: what pure functions made, kept to be asked for again, which a process may forget at any time
without changing anything it makes.

A story's brief is made again each time the story grows, and reads its older articles' sentences,
figures, quotations and names again: the functions that read them remember their last results
(`memo`, functools.lru_cache by another name), so that a grown story costs its new articles. On the
workers of a long ingest those memories fill (an article's own parts are kept for the last ARTICLES
articles, a chunk's worth, since a run makes each story's brief once: `bench/realmem.py`), and what
comes after the briefs, the storylines' progressions, compares other sets of articles: a process
forgets them all (`forget`) before it compares the first storyline of an ingest's progressions
(`forget_once`), and gives the pages back to the system (engine.give_back_memory)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import _lru_cache_wrapper, lru_cache
from typing import TypeVar

T = TypeVar("T")

ARTICLES = 256  # articles whose own parts (units, figures, quotations, names' places) a memo keeps: a chunk's
# worth, the articles of the last briefs made; a story that grows by one finds its others there, and a run's
# briefs, each made once, do not fill a worker with parts of thousands of long articles that none reads again
_FORGETTING: list[Callable[[], None]] = []
_ASKED = itertools.count(1)  # in the process that asks: each ask's number
_forgotten = 0  # in a process that forgets: the number of the last ask it forgot at


def memo(maxsize: int) -> Callable[[Callable[..., T]], _lru_cache_wrapper[T]]:
    """functools.lru_cache(maxsize), whose results `forget` clears."""
    def remembered(function: Callable[..., T]) -> _lru_cache_wrapper[T]:
        cached = lru_cache(maxsize=maxsize)(function)
        _FORGETTING.append(cached.cache_clear)
        return cached
    return remembered


def forget() -> None:
    """Forget every memo of this process."""
    for clear in _FORGETTING:
        clear()


def ask_to_forget() -> int:
    """A new ask to forget, to hand to the tasks that should forget first (`forget_once`)."""
    return next(_ASKED)


def forget_once(asked: int) -> None:
    """Forget every memo, and give the pages back, the first time this process meets this ask: once a
    process however many of the ask's tasks it takes."""
    global _forgotten
    if asked != _forgotten:
        from storyline.engine import give_back_memory

        _forgotten = asked
        forget()
        give_back_memory()
