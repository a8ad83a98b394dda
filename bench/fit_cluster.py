"""Fit the story-assignment parameters on ECB+ `train`, report them on `dev`, write data/cluster_params.json.

    .venv/bin/python bench/fit_cluster.py [--data ../shared/data/ecbplus/ecbplus_train_dev.jsonl] [--write]

ECB+ documents carry no dates, so the time-gap weight is not fitted here: it keeps its shipped value.
The search replays the same online assignment that ingest runs (StoryIndex), on vectors computed once."""

from __future__ import annotations

import argparse
import itertools
import json
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

from storyline.cluster import ClusterParams, StoryIndex, article_terms, load_params
from storyline.embed import article_text_for_embedding, load_embedder
from storyline.evaluate import cluster_scores
from storyline.pipeline import make_article
from storyline.settings import Settings
from storyline.sources.files import read_bytes

ROOT = Path(__file__).resolve().parents[1]
PARAMS = ROOT / "src" / "storyline" / "data" / "cluster_params.json"


def load_split(path: Path, split: str) -> list:
    lines = [line for line in path.read_bytes().split(b"\n") if line.strip() and json.loads(line)["split"] == split]
    return [r for r in read_bytes(b"\n".join(lines), str(path), ".jsonl", "ecb", None, Settings())]


def replay(vectors: np.ndarray, terms: list[set[str]], params: ClusterParams) -> list[str]:
    """Online assignment in input order, exactly as ingest does it (undated documents)."""
    index = StoryIndex([], params)
    return [index.place(f"s{i}", vector, article_terms, None)[0].id
            for i, (vector, article_terms) in enumerate(zip(vectors, terms))]


def featurise(records: list) -> tuple[np.ndarray, list[set[str]], list[str]]:
    embedder = load_embedder()
    articles = [make_article(r) for r in records]
    vectors = embedder.embed([article_text_for_embedding(a) for a in articles])
    terms = [article_terms(a) for a in articles]
    return vectors, terms, [r.gold for r in records]


def score(vectors, terms, gold, params) -> dict:
    labels = replay(vectors, terms, params)
    return cluster_scores({str(i): l for i, l in enumerate(labels)}, {str(i): g for i, g in enumerate(gold)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ecbplus" / "ecbplus_train_dev.jsonl")
    parser.add_argument("--write", action="store_true", help="write the chosen parameters into the package")
    args = parser.parse_args()
    train, dev = load_split(args.data, "train"), load_split(args.data, "dev")
    train_features, dev_features = featurise(train), featurise(dev)
    base = load_params()
    grid = []
    for w_terms, threshold in itertools.product([0.5, 1.0, 1.5, 2.0, 3.0], np.arange(0.6, 1.5, 0.025)):
        params = replace(base, w_terms=float(w_terms), threshold=round(float(threshold), 3))
        grid.append((score(*train_features, params)["b3_f1"], params))
    grid.sort(key=lambda item: -item[0])
    print("top on train (B-cubed F1):")
    for f1, params in grid[:5]:
        print(f"  {f1:.3f}  w_terms={params.w_terms} threshold={params.threshold}")
    # Choose on dev among the five best on train.
    chosen = max(grid[:5], key=lambda item: score(*dev_features, item[1])["b3_f1"])[1]
    result = {"train": score(*train_features, chosen), "dev": score(*dev_features, chosen)}
    print("chosen:", json.dumps(asdict(chosen)))
    for name, scores in result.items():
        print(f"  {name}: B-cubed P {scores['b3_precision']:.3f} R {scores['b3_recall']:.3f} F1 {scores['b3_f1']:.3f}"
              f"  pairwise F1 {scores['pairwise_f1']:.3f}  clusters {scores['clusters']}/{scores['gold_clusters']}")
    if args.write:
        PARAMS.write_text(json.dumps({**asdict(chosen), "fitted_on": "ecbplus train, chosen on dev",
                                      "dev_b3_f1": result["dev"]["b3_f1"]}, indent=1) + "\n")
        print(f"wrote {PARAMS}")


if __name__ == "__main__":
    main()
