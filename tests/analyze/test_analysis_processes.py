"""The English analysis on several processes gives what it gives on one: the same analyses, in input order;
and its worker processes do not outlive the process that started them."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import DEMO_ARTICLES

from storyline.analyze import analyze_articles, spacy_processes, start_analyses
from storyline.analyze.pool import BATCH as POOL_BATCH
from storyline.analyze.pool import MAX_TASK, TASK_CHARS, tasks
from storyline.settings import settings_from_env


def demo_bodies(count: int = 8) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(DEMO_ARTICLES.rglob("*.txt"))[:count]]


def test_two_processes_give_the_same_analyses_in_order() -> None:
    items = [(text, date(2025, 2, 14)) for text in demo_bodies()]
    assert spacy_processes(2, len(items), batch_size=2) == 2  # the forked path does run here
    one = list(analyze_articles(items, batch_size=2, processes=1))
    two = list(analyze_articles(items, batch_size=2, processes=2))
    assert two == one
    assert any(analysis.quotes for analysis in one)


def test_few_texts_stay_in_this_process() -> None:
    assert spacy_processes(2, 31, batch_size=16) == 1  # under two batches a process: forking costs more
    assert spacy_processes(2, 64, batch_size=16) == 2
    assert spacy_processes(1, 1000, batch_size=16) == 1


def test_the_setting_comes_from_the_environment() -> None:
    assert settings_from_env({}).analysis_processes == 2
    assert settings_from_env({"STORYLINE_ANALYSIS_PROCESSES": "1"}).analysis_processes == 1
    assert settings_from_env({"STORYLINE_ANALYSIS_PROCESSES": "2"}).analysis_processes == 2


def test_the_pool_gives_the_same_analyses_in_order_beside_other_languages() -> None:
    english = [(text, date(2025, 2, 14), "en") for text in demo_bodies(20)]
    french = ("Le maire de Lyon a déclaré mardi : « Nous rouvrirons le pont en mai. »", date(2025, 2, 14), "fr")
    items = english[:7] + [french] + english[7:]
    assert len(english) > POOL_BATCH  # more than one batch: the pool runs
    alone = start_analyses(items, processes=1)()
    pooled = start_analyses(items, processes=2)
    assert len(multiprocessing.active_children()) >= 2  # the workers are running while the caller goes on
    assert pooled() == alone
    assert any(analysis.quotes for analysis in alone)


def test_short_articles_share_a_task_and_long_ones_go_fewer_a_task() -> None:
    short = [(f"Item {i}: the council in Leeds closed the bridge for {i % 9} days.", date(2025, 3, 3)) for i in range(256)]
    cut = tasks(short, 2)
    assert [len(task) for task in cut] == [MAX_TASK] * 4 and [item for task in cut for item in task] == short
    assert [len(task) for task in tasks(short[:100], 2)] == [50, 50]  # each worker gets half
    assert [len(task) for task in tasks(short[:20], 2)] == [POOL_BATCH, 4]
    real = [("word " * 800, None)] * 40  # 4,000 characters each: real-length articles, BATCH a task
    assert [len(task) for task in tasks(real, 2)] == [POOL_BATCH, POOL_BATCH, 8]
    long = [("word " * 1500, None)] * 40  # 7,500 characters each: eight a task, as TASK_CHARS holds
    assert [len(task) for task in tasks(long, 2)] == [8, 8, 8, 8, 8]
    assert all(sum(len(text) for text, _ in task) <= TASK_CHARS for task in tasks(long, 2) + tasks(real, 2))
    assert [len(task) for task in tasks([("word " * 20_000, None)] * 3, 2)] == [1, 1, 1]  # one article alone


def test_one_line_records_give_on_the_pool_what_they_give_alone() -> None:
    people = ["Mayor Anne Hidalgo", "Chancellor Olaf Scholz", "Senator Amy Klobuchar", "Coach Pep Guardiola"]
    lines = [(f'{people[i % 4]} said on Tuesday that the bridge in {["Leeds", "Lyon", "Ohio"][i % 3]} would '
              f'reopen in May, "after {i % 30 + 2} weeks of work".', date(2025, 3, 3), "en") for i in range(150)]
    alone = start_analyses(lines, processes=1)()
    assert start_analyses(lines, processes=2)() == alone
    assert sum(bool(analysis.quotes) for analysis in alone) > 100 and all(analysis.mentions for analysis in alone)


def test_the_workers_leave_when_their_process_is_killed() -> None:
    script = ("import multiprocessing, time\n"
              "from storyline.engine import worker_pool\n"
              "worker_pool(2).map(abs, [1, 2])\n"
              "print(' '.join(str(p.pid) for p in multiprocessing.active_children()), flush=True)\n"
              "time.sleep(120)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert len(workers) == 2
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(pid) for pid in workers)


def alive(pid: int) -> bool:
    """Running, or sleeping: not gone and not a zombie waiting for a parent to read its status."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


SHARED_AFTER_COLLECTING = (
    "import gc, os\n"
    "from storyline.engine import worker_pool\n"
    "held = []\n"
    "def private_kb():\n"
    "    return sum(int(line.split()[1]) for line in open('/proc/self/smaps_rollup') if line.startswith('Private_'))\n"
    "def collect(_):\n"
    "    before = private_kb()\n"
    "    gc.collect()\n"
    "    return private_kb() - before\n"
    "pool = worker_pool(2, preload=lambda: held.extend({'n': [k]} for k in range(300_000)))\n"
    "print(max(pool.map(collect, [0, 1], chunksize=1)))\n"
)


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="reads Linux's per-process memory")
def test_a_worker_collecting_garbage_keeps_sharing_what_its_parent_loaded() -> None:
    """What was loaded before the workers were forked (spaCy, in an ingest) stays shared with them: a
    full garbage collection in a worker copies none of its pages (600,000 objects here; a worker
    collecting them unfrozen copied about 40 MB)."""
    out = subprocess.run([sys.executable, "-c", SHARED_AFTER_COLLECTING], capture_output=True, text=True,
                         check=True, timeout=120).stdout
    assert int(out.split()[-1]) < 10_000  # KB copied in the worker


GIVEN_BACK = (
    "import time\n"
    "from storyline.engine import GIVE_BACK_SECONDS, give_back_memory, worker_pool\n"
    "def rss_kb():\n"
    "    return int(next(line for line in open('/proc/self/status') if line.startswith('VmRSS')).split()[1])\n"
    "def freed(_):\n"
    "    held = [bytearray(3000 + k % 500) for k in range(100_000)]\n"  # about 330 MB, 2 in 100 kept
    "    kept = held[::50]\n"
    "    del held\n"
    "    before = rss_kb()\n"
    "    deadline = time.monotonic() + 4 * GIVE_BACK_SECONDS\n"  # a loaded machine may run the beat late
    "    while before - rss_kb() < 200_000 and time.monotonic() < deadline:\n"
    "        time.sleep(0.5)\n"
    "    return before - rss_kb(), len(kept)\n"
    "pool = worker_pool(2)\n"
    "print(min(given for given, _ in pool.map(freed, [0, 1], chunksize=1)), end=' ')\n"
    "held = [bytearray(3000 + k % 500) for k in range(100_000)]\n"
    "kept = held[::50]\n"
    "del held\n"
    "before = rss_kb()\n"
    "give_back_memory()\n"
    "print(before - rss_kb())\n"
)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's per-process memory")
def test_what_a_process_frees_among_what_it_keeps_goes_back_to_the_system() -> None:
    """A process that freed most of 330 MB of small buffers while it keeps one in fifty gives the
    pages back (engine.give_back_memory): a worker of the pool within a few GIVE_BACK_SECONDS, unasked, and
    the ingesting process when it asks (as its thread does while an ingest runs). Without it both keep
    all but a few MB of it."""
    out = subprocess.run([sys.executable, "-c", GIVEN_BACK], capture_output=True, text=True, check=True,
                         timeout=120).stdout
    worker, here = (int(kb) for kb in out.split())
    assert worker > 200_000 and here > 200_000  # KB given back
