"""Time of compare_story per story, for stories of 2 to 200 articles, against n·log n.

    .venv/bin/python bench/compare.py [--sizes 2,10,50,200] [--repeat 3]

Stories are built by sampling the articles of examples/demo (analysed once): article i of a story
of n is demo article i mod 67 under its own id and outlet, so a story of 200 holds each demo
article about three times. So that the later copies are not the same text again (which the
comparison would search once), every sentence of a copy has one word's letters rotated — same
length, so the analysis spans stay valid, and a different sentence to the index. Each line prints
the articles, their sentences, the seconds per story (best of --repeat), and the ratio of that time
to n·log2(n) in sentences, scaled to the smallest story's: a ratio that stays near 1 or falls as n
grows shows the cost grows no faster than n·log n."""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.analyze import canonical_entities
from storyline.compare import StoryArticle, compare_story
from storyline.embed import load_static_embedder
from storyline.evaluate.compare import demo_stories
from storyline.text import split_sentences

_LONG_WORD = re.compile(r"\b[a-z]{6,}\b")


def perturb(text: str, copy: int) -> str:
    """The text with, in every sentence, one long word's letters rotated by `copy` places."""
    if copy == 0:
        return text
    chars = list(text)
    for start, end in split_sentences(text):
        m = _LONG_WORD.search(text, start, end)
        if m:
            word = m.group()
            k = copy % len(word) or 1
            chars[m.start():m.end()] = list(word[k:] + word[:k])
    return "".join(chars)


def sample_story(pool: list[StoryArticle], n: int) -> list[StoryArticle]:
    out = []
    for i in range(n):
        base = pool[i % len(pool)]
        copy = i // len(pool)
        out.append(replace(base, id=f"{base.id}#{copy}", source=f"{base.source}-{copy}", group=f"{base.id}#{copy}",
                           text=perturb(base.text, copy)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2,10,50,200")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    _, stories = demo_stories(ROOT / "examples" / "demo")
    # interleave the stories so that a small sample already mixes events, as a big story mixes threads
    by_story = list(stories.values())
    pool = [articles[i] for i in range(max(map(len, by_story))) for articles in by_story if i < len(articles)]
    embed = load_static_embedder().embed
    embed(["warm up"])
    print(f"{'articles':>8} {'sentences':>9} {'seconds':>9} {'ms/sentence':>11} {'t/(n log n) ratio':>18}")
    base = None
    for n in (int(x) for x in args.sizes.split(",")):
        story = sample_story(pool, n)
        entities = canonical_entities({a.id: a.analysis.mentions for a in story}, {a.id: a.text for a in story})
        best = math.inf
        for _ in range(args.repeat):
            started = time.perf_counter()
            compare_story(story, entities, embed)
            best = min(best, time.perf_counter() - started)
        units = sum(len(split_sentences(a.text)) for a in story)
        per = best / (units * math.log2(max(units, 2)))
        base = base or per
        print(f"{n:>8} {units:>9} {best:>9.3f} {1000 * best / units:>11.2f} {per / base:>18.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
