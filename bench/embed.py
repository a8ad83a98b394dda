"""Embedding options for placing articles in stories: quality and speed, in one run.

    .venv/bin/python bench/embed.py [--options minilm@128,minilm@64,minilm@256,static] [--synth 2000]

Each option embeds the same texts (headline and lead) and is scored with its own shipped
parameters (bench/fit_cluster.py --embedder E --tokens N --write fits them; an option without
its own falls back to those of its family, and the table says so): B-cubed F1 of the online
assignment on ECB+ train and dev (undated), on the demo corpus and on a synthetic stream (dated, in
stream order, no dedupe). Speed is texts per second of embedding alone, the model loaded and warm,
and its ratio to the first option, measured in this run (the machine's other load moves all of them)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from fit_cluster import load_split, replay  # noqa: E402
from synth import as_record, generate  # noqa: E402

from storyline.cluster import article_terms, load_params  # noqa: E402
from storyline.embed import article_text_for_embedding, load_article_embedder  # noqa: E402
from storyline.evaluate.clusters import cluster_scores  # noqa: E402
from storyline.model import Rejection  # noqa: E402
from storyline.pipeline import make_article  # noqa: E402
from storyline.settings import Settings  # noqa: E402
from storyline.sources import read_inputs  # noqa: E402

DEMO = ROOT / "examples" / "demo"


def corpora(synth_n: int) -> dict[str, tuple[list, list[str], bool]]:
    """name -> (articles in stream order, gold labels, dated)."""
    ecb = ROOT.parent / "shared" / "data" / "ecbplus" / "ecbplus_train_dev.jsonl"
    out: dict[str, tuple[list, list[str], bool]] = {}
    for split in ("train", "dev"):
        records = load_split(ecb, split)
        out[f"ECB+ {split}"] = ([make_article(r) for r in records], [r.gold for r in records], False)
    gold = json.loads((DEMO / "gold.json").read_text())["articles"]
    records = [r for r in read_inputs([str(DEMO / "articles")], Settings()) if not isinstance(r, Rejection)]
    articles = sorted((make_article(r) for r in records), key=lambda a: a.published)
    out["demo"] = (articles, [gold[str(Path(a.origin).relative_to(DEMO / "articles"))]["story"] for a in articles], True)
    rows = list(generate(synth_n, 14, 30, max(1, synth_n // 20), 1))
    records = [as_record(r) for r in rows]
    out[f"synthetic {synth_n}"] = ([make_article(r) for r in records], [r.gold for r in records], True)
    return out


def settings_for(option: str) -> Settings:
    if option == "static":
        return Settings(embedder="static")
    tokens = int(option.split("@")[1])
    return Settings(embedder="minilm", embed_max_tokens=tokens)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--options", default="minilm@128,minilm@64,minilm@256,static")
    parser.add_argument("--synth", type=int, default=2000, help="articles in the synthetic stream")
    args = parser.parse_args()
    data = corpora(args.synth)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; corpora: "
          + ", ".join(f"{name} {len(a)}" for name, (a, _, _) in data.items()), flush=True)
    terms = {name: [article_terms(a) for a in articles] for name, (articles, _, _) in data.items()}
    rows = []
    for option in args.options.split(","):
        embedder = load_article_embedder(settings_for(option))
        words = 200 if option.endswith("@256") else 80  # 256 tokens only pay with more text behind them
        texts = {name: [article_text_for_embedding(a, words) for a in articles] for name, (articles, _, _) in data.items()}
        embedder.embed(texts["demo"][:8])
        started, count, vectors = time.perf_counter(), 0, {}
        for name, batch in texts.items():
            vectors[name] = embedder.embed(batch)
            count += len(batch)
        rate = count / (time.perf_counter() - started)
        params = load_params(embedder.name)
        shipped = json.loads((ROOT / "src" / "storyline" / "data" / "cluster_params.json").read_text())["models"]
        scores = {}
        for name, (articles, gold, dated) in data.items():
            labels = replay(vectors[name], terms[name], params, [a.day for a in articles] if dated else None)
            scores[name] = cluster_scores({str(i): label for i, label in enumerate(labels)},
                                          {str(i): g for i, g in enumerate(gold)})["b3_f1"]
        rows.append((option, embedder.name, rate, scores, embedder.name in shipped))
        print(f"  done: {option} ({rate:.0f} texts/s)", flush=True)
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}\n")
    names = list(data)
    print(f"| option | vectors | texts/s | speed | {' | '.join(f'B3 F1 {n}' for n in names)} | own parameters |")
    print("|" + "---|" * (5 + len(names)))
    for option, model, rate, scores, own in rows:
        print(f"| {option} | {model} | {rate:.0f} | {rate / rows[0][2]:.1f}x | "
              + " | ".join(f"{scores[n]:.3f}" for n in names) + f" | {'yes' if own else 'no (family fallback)'} |")


if __name__ == "__main__":
    main()
