"""The cost of one big article: `ingest` of a single article of growing size, each in its own process
(time, CPU time, peak memory), and the time per character as a ratio to a small article's in the
same run. CPU time counts the analysis processes too, and is what other work on a shared machine
inflates least; peak memory is the ingesting process's, and apart the largest of its children's
(spaCy's or the pool's analysis processes, forked from it, so most of their pages are its own).

A ratio near 1.0 at every size means the cost grows linearly with the text; a ratio that doubles
when the size doubles means a stage grows with its square. The two big stages are timed apart
(analysis: spaCy and the extractors; brief: entities, comparison, timeline of the story), so the
stage that grows is named.

    .venv/bin/python bench/bigarticle.py                          # 20k baseline, then 100k … 1M
    .venv/bin/python bench/bigarticle.py --sizes 100000,200000,400000
    .venv/bin/python bench/bigarticle.py --text figures --baseline 5000 --sizes 20000,80000

The article is made of bench/synth.py's articles, one after another, as one long report; with `--text figures`, of
what a broken or hostile page holds instead: runs of bare figures, scores and lines of web addresses, in sentences
that never end."""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def big_text(chars: int) -> str:
    """About `chars` characters of varied news text: synthetic articles joined as paragraphs."""
    from synth import generate

    parts, size = [], 0
    for row in generate(max(200, chars // 100), days=14, outlets=30, events=200, seed=1):
        parts.append(row["text"])
        size += len(row["text"]) + 2
        if size >= chars:
            break
    return "\n\n".join(parts)[:chars]


def figures_text(chars: int) -> str:
    """About `chars` characters of figures with no sentence's end: "1,000 1,000 …", "3-2 3-2 …", lines of web
    addresses with a figure each, as a table or a broken page read as text gives."""
    units = ("1,000 ", "3-2 win ", "see www.example.com/a/1 5\n", "1,000 people 10:00 ")
    part = max(1, chars // len(units))
    return "Markets fell.\n\n" + "".join((unit * (part // len(unit) + 1))[:part] for unit in units)


def measure(chars: int, kind: str = "news") -> dict:
    """Ingest one article of `chars` characters into a new database in this process (a child of the
    benchmark), after a tiny warm-up article that loads the models."""
    import storyline.pipeline
    from storyline.engine import close_worker_pool
    from storyline.model import Record
    from storyline.pipeline import ingest
    from storyline.settings import Settings
    from storyline.store import open_store

    timings = {"analysis": 0.0, "brief": 0.0}

    def timed(name, function):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                timings[name] += time.perf_counter() - started
        return wrapper

    storyline.briefing.story_parts = timed("brief", storyline.briefing.story_parts)
    text = figures_text(chars) if kind == "figures" else big_text(chars)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "big.db"
        settings = Settings(db=str(db))
        with open_store(db, create=True) as store:
            ingest([Record(text="The council of Marlowe Bay met on Tuesday, the mayor said.", origin="warm",
                           source="warm-up")], store, settings)
            timings = {"analysis": 0.0, "brief": 0.0}
            started, cpu = time.perf_counter(), cpu_seconds()
            report = ingest([Record(text=text, origin="big", source="big", title="One long report")], store, settings)
            seconds = time.perf_counter() - started
            close_worker_pool()  # its workers' CPU then counts as this process's children's
            cpu = cpu_seconds() - cpu
    assert report.ingested == 1, report.summary()
    timings["analysis"] = report.seconds.get("analyze", 0.0)
    return {"chars": len(text), "seconds": seconds, "cpu": cpu, **timings,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "children_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", type=int, default=20_000, help="characters of the baseline article")
    parser.add_argument("--sizes", default="100000,250000,500000,1000000", help="characters, comma-separated")
    parser.add_argument("--text", choices=("news", "figures"), default="news",
                        help="the article: synthetic news, or runs of bare figures with no sentence's end")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(int(args.child), args.text)))
        return
    base = cpu_base = None
    print(f"{'chars':>9} {'seconds':>8} {'CPU s':>6} {'analysis s':>10} {'brief s':>8} {'peak MB':>8} {'child MB':>8} "
          f"{'s/char vs baseline':>19} {'CPU/char':>8}")
    for chars in [args.baseline, *(int(s) for s in args.sizes.split(","))]:
        out = subprocess.run([sys.executable, __file__, "--child", str(chars), "--text", args.text],
                             capture_output=True, text=True)
        if out.returncode:
            sys.exit(f"{chars} characters: the run failed\n{out.stderr[-2000:]}")
        row = json.loads(out.stdout.strip().splitlines()[-1])
        per_char, cpu_per_char = row["seconds"] / row["chars"], row["cpu"] / row["chars"]
        base, cpu_base = base or per_char, cpu_base or cpu_per_char
        print(f"{row['chars']:>9,} {row['seconds']:>8.1f} {row['cpu']:>6.1f} {row['analysis']:>10.1f} {row['brief']:>8.1f} "
              f"{row['peak_mb']:>8.0f} {row['children_peak_mb']:>8.0f} {per_char / base:>19.2f} "
              f"{cpu_per_char / cpu_base:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
