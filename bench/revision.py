"""Revision's CPU time, this checkout's revision (`storyline.revise`, `storyline.regroup`) against
another's, in one process: two copies of the clustering stage fed the same stream, each revised by its
own code after every 1,000 articles (as bench/cluster.py's worker revises), the two revised one after the other at each run, in
turns, so that whatever else the machine is doing weighs on both alike.

    .venv/bin/python bench/cluster.py --articles 400 --pool 500 --sizes 10000 --rounds 1 --keep /tmp/bench
    .venv/bin/python bench/revision.py /tmp/bench --against ../main

Separate processes, one checkout after the other, move by several points from run to run on a shared
machine, more than most changes to revision weigh; here the two share each minute. Both copies place
with this checkout's `storyline.cluster` (the other checkout's `revise` and `regroup` are loaded
beside this one's): what is compared is revision alone. Each copy's revisions (each merge, move and
split, with its score as float hex) are digested: the same digest is the same revisions, to the bit.
Prints each copy's revision CPU seconds, their ratio over the stream and its median over the runs,
and the load average; with `--parts`, each copy's CPU seconds in each part of revision (PARTS: its rounds'
moves, merges and splits, and regrouping, whose own rounds count there), timed around each call."""

from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.abc
import importlib.util
import json
import os
import re
import statistics
import sys
import time
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

RUN_ARTICLES = 1000  # as bench/cluster.py's worker


# The parts of revision `--parts` times: the functions revise's rounds call, by their names in the revise
# package (or module), and regrouping (`then`), whose own rounds of the same functions count as its.
PARTS = ("member_moves", "story_merges", "story_splits")

REVISION = ("revise", "regroup")  # storyline's modules (or packages) of revision, loaded from the other checkout


class _OtherCheckout(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports `other_revise` and `other_regroup` (and a package's modules beneath them) from another
    checkout's src/storyline, its imports of storyline's revision modules read as imports of these: a
    flat revise.py and a revise/ package alike. Compiled from the source each time, never from or into
    its __pycache__ (whose code would import the other names)."""

    def __init__(self, checkout: Path) -> None:
        self.root = checkout / "src" / "storyline"
        self.rename = re.compile(rf"\bstoryline\.({'|'.join(REVISION)})\b")

    def find_spec(self, fullname, path=None, target=None):
        first, _, rest = fullname.partition(".")
        if not first.startswith("other_") or first[len("other_"):] not in REVISION:
            return None
        base = self.root.joinpath(first[len("other_"):], *rest.split(".") if rest else ())
        if (base / "__init__.py").exists():
            return importlib.util.spec_from_file_location(fullname, base / "__init__.py", loader=self,
                                                          submodule_search_locations=[str(base)])
        if base.with_suffix(".py").exists():
            return importlib.util.spec_from_file_location(fullname, base.with_suffix(".py"), loader=self)
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module) -> None:
        path = module.__spec__.origin
        source = self.rename.sub(r"other_\1", Path(path).read_text(encoding="utf-8"))
        exec(compile(source, path, "exec"), module.__dict__)  # noqa: S102 - a checkout's own code


def load_revision(checkout: Path) -> tuple[types.ModuleType, types.ModuleType]:
    """The checkout's revision (revise, as a module or a package, and regroup) as modules of their own,
    `other_revise` and `other_regroup`, each reading the other's."""
    sys.meta_path.insert(0, _OtherCheckout(checkout))
    return importlib.import_module("other_revise"), importlib.import_module("other_regroup")


class Copy:
    """One copy of the clustering stage: its index, its stories' members, its code and what it made."""

    def __init__(self, name: str, revise: types.ModuleType, regroup: types.ModuleType, params) -> None:
        from storyline.cluster import StoryIndex

        self.name, self.revise, self.regroup = name, revise, regroup
        self.index = StoryIndex([], params)
        self.held: dict[str, list] = {}
        self.touched: set[str] = set()
        self.placed: set[str] = set()
        self.seconds: list[float] = []
        self.digest = hashlib.sha256()
        self.parts: dict[str, float] | None = None
        self.then = regroup.regroup

    def time_parts(self) -> None:
        """Time each part of revision (PARTS, and regrouping) around its calls, into `parts`; calls made
        inside regrouping count as regrouping's."""
        parts = self.parts = dict.fromkeys((*PARTS, "regroup"), 0.0)
        inside = [False]

        def timed(name: str, part):
            def call(*args, **kwargs):
                if inside[0]:
                    return part(*args, **kwargs)
                started = time.process_time()
                try:
                    return part(*args, **kwargs)
                finally:
                    parts[name] += time.process_time() - started
            return call

        for name in PARTS:
            if hasattr(self.revise, name):
                setattr(self.revise, name, timed(name, getattr(self.revise, name)))
        regroup = self.regroup.regroup

        def then(*args):
            inside[0] = True
            started = time.process_time()
            try:
                return regroup(*args)
            finally:
                inside[0] = False
                parts["regroup"] += time.process_time() - started
        self.then = then

    def place(self, article_id: str, key: str, vector, terms: set[str], day, member) -> None:
        placement = self.index.place(key, vector, set(terms), day)
        story, away = placement.story, placement.merged
        if away is not None and away.id != story.id:
            self.held.setdefault(story.id, []).extend(self.held.pop(away.id, []))
        self.held.setdefault(story.id, []).append(member)
        self.placed.add(article_id)
        self.touched.add(story.id)

    def run(self) -> None:
        """Revise what the run touched; its CPU seconds kept, its revisions digested and applied to `held`."""
        from cluster import apply_to_held, decision  # bench/cluster.py, beside this file
        held = self.held
        for story_id in [story_id for story_id in held if story_id not in self.index.stories]:
            del held[story_id]
        started = time.process_time()
        made = self.revise.revise(self.index, self.touched, lambda story_id: held.get(story_id, []), self.placed,
                                  then=self.then)
        self.seconds.append(time.process_time() - started)
        for change in made:
            apply_to_held(held, change)
            self.digest.update(f"{decision(change).rstrip()} {change.score.hex()}\n".encode())
        self.touched, self.placed = set(), set()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="bench/cluster.py's --keep folder (stream_scale.jsonl, vectors_scale.npy)")
    parser.add_argument("--against", type=Path, required=True, help="the other checkout (its src/storyline/revise, regroup)")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--parts", action="store_true", help="each copy's CPU seconds in each part of revision")
    args = parser.parse_args()

    import cluster as bench  # bench/cluster.py: the stream's records as articles
    import numpy as np

    import storyline.regroup
    import storyline.revise
    from storyline.cluster import article_terms, load_params
    from storyline.embed import article_embedder_name
    from storyline.pipeline import one_blas_thread
    from storyline.settings import settings_from_env

    params = load_params(article_embedder_name(settings_from_env()))
    copies = [Copy("this", storyline.revise, storyline.regroup, params),
              Copy(str(args.against), *load_revision(args.against.resolve()), params)]
    if args.parts:
        for copy in copies:
            copy.time_parts()
    vectors = np.load(args.folder / "vectors_scale.npy", mmap_mode="r")
    load_before = os.getloadavg()[0]
    runs = 0
    with one_blas_thread(), (args.folder / "stream_scale.jsonl").open(encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i >= args.articles:
                break
            row = json.loads(line)
            article = bench.to_article(row)
            terms = article_terms(article)
            vector = np.array(vectors[i], dtype=np.float32)
            for copy in copies:
                member = storyline.revise.Member(row["id"], vector, frozenset(terms), article.day)
                copy.place(row["id"], f"s{i}", vector, terms, article.day, member)
            if (i + 1) % RUN_ARTICLES == 0 or i + 1 == args.articles:
                runs += 1
                for copy in copies if runs % 2 else copies[::-1]:  # each goes first at every other run
                    copy.run()
    this, other = copies
    print(f"{min(args.articles, i + 1)} articles, {runs} runs of revision; load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after")
    for copy in copies:
        print(f"  {copy.name:<40} revision CPU {sum(copy.seconds):7.3f} s  revisions {copy.digest.hexdigest()[:12]}  "
              f"stories {len(copy.index.stories)}")
        if copy.parts is not None:
            total = sum(copy.seconds)
            print("    " + ", ".join(f"{name} {seconds:.3f} s ({seconds / max(1e-9, total):.0%})"
                                     for name, seconds in copy.parts.items()))
    ratios = [a / b for a, b in zip(this.seconds, other.seconds, strict=True) if b > 0]
    print(f"  this / other: {sum(this.seconds) / sum(other.seconds):.3f} over the stream, median {statistics.median(ratios):.3f} "
          f"over the runs; the same revisions: {'yes' if this.digest.digest() == other.digest.digest() else 'NO'}")


if __name__ == "__main__":
    main()
