"""Fit story assignment on ECB+ `train`, choose its threshold on `dev`, write data/cluster_params.json.

    .venv/bin/python bench/fit_cluster.py [--embedder minilm|static] [--tokens 64] [--write]

1. Replay `train` in order with the gold stories as they would stand when each article arrives;
   every candidate the ANN search returns is a training pair (same event or not) with the
   features of cluster.StoryIndex.features. A logistic regression over those pairs gives the
   weights: a calibrated probability of "same story".
2. Replay ingest (StoryIndex.place, then revision as one run's) for a range of placement thresholds
   on the sets that choose it: ECB+ `dev` as stored (undated), ECB+ `dev` dated as
   tests/fixtures/real/published.json dates its documents (`--published`), and, with `--dated`, that
   file's `thresholds` split (PolNeAR's July); keep the threshold whose B-cubed F1, averaged over those
   sets and with its neighbours' on the grid (`choose`), is best; train is shown beside it. What a
   reader sees is the stories after revision, in a feed that dates its reports, so the threshold is
   judged there, not on placement alone in an undated one. `--threshold-only` chooses only it, the
   shipped others held. Beside them, the
   same replay of a dated synthetic stream (bench/synth.py, seed 11: not the seed bench/cluster.py
   scores) shows what each threshold does to a live feed's days and same-kind events of one week;
   it is shown, not chosen on: its templates are ours, and ECB+ is real news (--synthetic 0: skip it).
3. Revision's threshold (storyline.revise, run once after the replay as after one ingest run): the
   one best on `train`, averaged with its neighbours, so that `dev` stays held out for it.
4. Revision's move margin: the one whose B-cubed F1 on `train`, averaged over the file order and
   ORDERS shuffled ones (and with its neighbours'), is best; `dev` is shown beside it, held out.
5. Revision's split threshold (0: no splits), the lowest whose B-cubed F1 on `train`, averaged over the
   file order and ORDERS shuffled ones, is best; `dev` is shown beside it, held out.
ECB+ documents carry no dates, so the weight of the time gap is not fitted: it keeps its prior.
Each embedder has its own entry in the file, named as the vectors it makes are (Embedder.name)."""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

import numpy as np

from storyline.cluster import FEATURES, ClusterParams, StoryIndex, article_terms, load_params
from storyline.embed import article_text_for_embedding, load_article_embedder
from storyline.evaluate.clusters import cluster_scores
from storyline.evaluate.real import publication_days
from storyline.model import Record, StoryState
from storyline.pipeline import make_article
from storyline.regroup import regroup
from storyline.revise import Member, Move, Split, revise
from storyline.settings import Settings
from storyline.sources.files import read_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ORDERS = 5  # shuffled orders beside the file's, over which revision's move margin is judged
PARAMS = ROOT / "src" / "storyline" / "data" / "cluster_params.json"
FITTED = [name for name in FEATURES if name != "gap_days"]
# The lowest placement threshold tried. Below it, placement joins the multilingual fixture's two neighbouring
# events of one city and week (tests/multilingual: Zelensky's Munich speech and Rubio's interview on the
# war, in five languages), whose floors the replays here do not see; at 0.15 and 0.2 the choosing sets
# would take it (ECB+ `dev` 0.947, dated 0.916, PolNeAR July 0.881 at 0.15).
LOWEST_THRESHOLD = 0.25
THRESHOLD_CHOSEN = ("threshold best after revision on dev, dev dated by published.json and the dated file's "
                    "thresholds split, averaged with its neighbours")


def load_split(path: Path, split: str, days: dict[str, date | None] | None = None) -> list:
    """The records of one split; with `days`, each record the map names dated so (ECB+ stores no dates)."""
    rows = [json.loads(line) for line in path.read_bytes().split(b"\n") if line.strip()]
    rows = [{**row, "date": days[row["id"]].isoformat()} if days and days.get(row["id"]) else row
            for row in rows if row["split"] == split]
    data = "\n".join(json.dumps(row) for row in rows).encode()
    return list(read_bytes(data, str(path), ".jsonl", "ecb", None, Settings()))


def featurise(records: list, embedder) -> tuple[np.ndarray, list[set[str]], list[str], list]:
    articles = [make_article(r) for r in records]
    vectors = embedder.embed([article_text_for_embedding(a) for a in articles])
    return vectors, [article_terms(a) for a in articles], [r.gold for r in records], [a.day for a in articles]


def synthetic_records(n: int, seed: int) -> list[Record]:
    """bench/synth.py's stream as records: 14 days, 30 outlets, an event per 20 articles."""
    return [synth.as_record(row) for row in synth.generate(n, 14, 30, max(1, n // 20), seed)]


def training_pairs(vectors, terms, gold, days, params: ClusterParams,
                   names: tuple[str, ...] = tuple(FITTED)) -> tuple[np.ndarray, np.ndarray]:
    """Features (`names`) of (article, candidate story) pairs, the stories built from the gold labels as
    they stand when each article arrives, oldest first: candidates of dated articles come from the
    window of their day, as placement's do (ECB+ is undated: every story is a candidate)."""
    index = StoryIndex([], replace(params, merge_threshold=2.0))  # gold stories never merge
    rows, labels = [], []
    order = sorted(range(len(terms)), key=lambda i: (days[i] is None, days[i] or date.min))
    for i in order:
        vector, article_terms_, label, day = vectors[i], terms[i], gold[i], days[i]
        index.stats.add(article_terms_)
        for story, cosine in index.candidates(vector, day):
            features = index.features(vector, article_terms_, day, story, cosine)
            rows.append([features[name] for name in names])
            labels.append(story.id == label)
        index.stats.remove(article_terms_)  # place() counts the article again
        gold_story = index.stories.get(label) or StoryState(id=label, centroid=np.zeros_like(vector), size=0)
        index.place(label, vector, article_terms_, day, into=gold_story)
    return np.array(rows), np.array(labels)


def fit_gap(vectors, terms, gold, days, params: ClusterParams) -> float:
    """The weight of the days between an article and a story (`gap_days`), fitted on dated coverage with
    the weights fitted on ECB+ held: a logistic regression of the gold pairs on that one feature, the
    ECB+ model's logit without it as a fixed offset, and an intercept of its own (reports of one event
    in the dated set look less alike than ECB+'s, which a shift of the whole logit absorbs; only the
    slope is kept). ECB+ has no dates to fit it on."""
    from scipy.optimize import minimize

    x, y = training_pairs(vectors, terms, gold, days, params, FEATURES)
    gap = x[:, FEATURES.index("gap_days")]
    offset = params.bias + x[:, [FEATURES.index(name) for name in FITTED]] @ np.array(
        [params.weights.get(name, 0.0) for name in FITTED])

    def loss(coef: np.ndarray) -> float:
        z = offset + coef[0] + coef[1] * gap
        return float(np.sum(np.logaddexp(0.0, z) - y * z))

    fitted = minimize(loss, np.array([0.0, params.weights.get("gap_days", -0.4)]), method="Nelder-Mead")
    print(f"gap_days fitted on {len(y)} dated pairs ({int(y.sum())} same event): slope {fitted.x[1]:.3f}, "
          f"the logit shifted by {fitted.x[0]:.3f}")
    return round(float(fitted.x[1]), 2)


def replay(vectors, terms, params: ClusterParams, days=None, revised: bool = False, seed: int = 0) -> list[str]:
    """Online assignment in input order (with a seed, in that shuffled order, oldest first as ingest
    sorts), exactly as ingest does it (ECB+ documents are undated), and with revised=True, revision
    (moves and merges) after it as one ingest run's."""
    index = StoryIndex([], params)
    days = days or [None] * len(terms)
    order = list(range(len(terms)))
    if seed:
        random.Random(seed).shuffle(order)
    order.sort(key=lambda i: (days[i] is None, days[i] or date.min))
    story_of: dict[int, str] = {}
    merged: dict[str, str] = {}

    def final(story_id: str) -> str:
        while story_id in merged:
            story_id = merged[story_id]
        return story_id

    for i in order:
        placement = index.place(f"s{i}", vectors[i], terms[i], days[i])
        story_of[i] = placement.joined.id
        if placement.merged is not None:
            merged[placement.merged.id] = placement.story.id
    if revised:
        held: dict[str, list[Member]] = {}
        for i in order:
            held.setdefault(final(story_of[i]), []).append(Member(str(i), vectors[i], frozenset(terms[i]), days[i]))
        for change in revise(index, set(index.stories), lambda story_id: held.get(story_id, []), then=regroup):
            if isinstance(change, Move):
                story_of[int(change.member)] = change.target
            elif isinstance(change, Split):
                story_of.update((int(member), change.target.id) for member in change.members)
            else:
                merged[change.source.id] = change.target.id
    return [final(story_of[i]) for i in range(len(terms))]


def score(vectors, terms, gold, days, params, revised: bool = False, seed: int = 0) -> dict:
    labels = replay(vectors, terms, params, days, revised, seed)
    return cluster_scores({str(i): label for i, label in enumerate(labels)}, {str(i): g for i, g in enumerate(gold)})


CHOOSERS = ("dev", "dev dated", "thresholds")  # the sets placement's threshold is chosen on, where given


def choose(grid: list[tuple[dict[str, float], ClusterParams]]) -> int:
    """The threshold best on the choosing sets (CHOOSERS), each judged by their mean F1 averaged with its
    neighbours' on the grid: dev has 16 events, so one wrong merge moves a single threshold's F1 by
    several points, and the train F1 moves as much with the fitted weights' fourth decimal; the average
    is the level of the curve there, not one replay's luck. Ties go to the better train F1."""
    dev = [sum(f1s[name] for name in CHOOSERS if name in f1s) / sum(name in f1s for name in CHOOSERS)
           for f1s, _ in grid]

    def level(i: int) -> float:
        near = dev[max(0, i - 1): i + 2]
        return sum(near) / len(near)

    return max(range(len(grid)), key=lambda i: (round(level(i), 6), grid[i][0]["train"]))


def over_orders(sets: dict, params: ClusterParams, name: str, values: tuple[float, ...]) -> ClusterParams:
    """The first of `values` (the grid, the most cautious first) whose B-cubed F1 on `train`, averaged
    over the file order and ORDERS shuffled ones, is best; the others shown. Where two tie, the more
    cautious wins: a split rewrites stories that readers have seen, so none is made that `train` does
    not ask for."""
    tried = []
    for value in values:
        candidate = replace(params, **{name: value})
        f1s = {key: [score(*data, candidate, revised=True, seed=seed)["b3_f1"] for seed in range(ORDERS + 1)]
               for key, data in sets.items()}
        tried.append((sum(f1s["train"]) / len(f1s["train"]), candidate))
        print(f"  {name} {value:.2f}: mean B-cubed F1 of the file order and {ORDERS} shuffled ones "
              + " ".join(f"{k} {sum(v) / len(v):.4f} (spread {max(v[1:]) - min(v[1:]):.3f})" for k, v in f1s.items()))
    best = max(round(f1, 4) for f1, _ in tried)
    return next(candidate for f1, candidate in tried if round(f1, 4) == best)


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ecbplus" / "ecbplus_train_dev.jsonl")
    parser.add_argument("--embedder", choices=("minilm", "static"), default="minilm")
    parser.add_argument("--tokens", type=int, default=Settings.embed_max_tokens, help="MiniLM's truncation")
    parser.add_argument("--synthetic", type=int, default=2000, help="articles of the synthetic stream (0: none)")
    parser.add_argument("--dated", type=Path, default=None,
                        help="dated coverage labelled by event, whose `fit` split fits the weight of the days apart "
                             "(tests/fixtures/polnear_events/tools/make_eval.py makes it); without it, the prior")
    parser.add_argument("--gap-only", action="store_true",
                        help="with --dated: fit only that weight, the shipped others held, and write only it")
    parser.add_argument("--published", type=Path, default=ROOT / "tests" / "fixtures" / "real",
                        help="a folder whose published.json dates ECB+ documents: `dev` so dated also chooses the "
                             "threshold (a folder without one: not)")
    parser.add_argument("--threshold-only", action="store_true",
                        help="choose only placement's threshold, the shipped others held, and write only it")
    parser.add_argument("--write", action="store_true", help="write the chosen parameters into the package")
    args = parser.parse_args()
    embedder = load_article_embedder(Settings(embedder=args.embedder, embed_max_tokens=args.tokens))
    dated = featurise(load_split(args.dated, "fit"), embedder) if args.dated else None
    if args.gap_only:
        if dated is None:
            parser.error("--gap-only needs --dated FILE")
        write_gap(embedder.name, fit_gap(*dated, load_params(embedder.name)), args.dated, args.write)
        return
    train = featurise(load_split(args.data, "train"), embedder)
    dev = featurise(load_split(args.data, "dev"), embedder)
    sets = {"train": train, "dev": dev}
    published = publication_days(args.published)
    if published:
        sets["dev dated"] = featurise(load_split(args.data, "dev", published), embedder)
    if args.dated:
        sets["thresholds"] = featurise(load_split(args.dated, "thresholds"), embedder)
    if args.synthetic:
        sets["synthetic"] = featurise(synthetic_records(args.synthetic, 11), embedder)
    if args.threshold_only:
        shipped = load_params(embedder.name)
        chosen = threshold_grid(sets, shipped)
        write_threshold(embedder.name, chosen.threshold, args.write)
        return
    base = replace(load_params(embedder.name), split_threshold=0.0)  # splits are chosen last (step 5)
    x, y = training_pairs(*train, base)
    model = LogisticRegression(C=1.0, max_iter=1000).fit(x, y)
    weights = {name: round(float(w), 4) for name, w in zip(FITTED, model.coef_[0])}
    weights["gap_days"] = base.weights.get("gap_days", -0.4)
    fitted = replace(base, weights=weights, bias=round(float(model.intercept_[0]), 4))
    if dated is not None:
        fitted = replace(fitted, weights={**weights, "gap_days": fit_gap(*dated, fitted)})
    print(f"{len(y)} training pairs ({int(y.sum())} same story); weights {weights}, bias {fitted.bias}")
    chosen = threshold_grid(sets, fitted)
    revised = []
    for threshold in np.arange(0.6, 1.0, 0.05):
        params = replace(chosen, revise_threshold=round(float(threshold), 2))
        revised.append(({name: score(*data, params, revised=True)["b3_f1"] for name, data in sets.items()}, params))
        print(f"  revise threshold {params.revise_threshold:.2f}: B-cubed F1 "
              + " ".join(f"{k} {v:.3f}" for k, v in revised[-1][0].items()))
    train = [f1s["train"] for f1s, _ in revised]
    chosen = revised[max(range(len(revised)), key=lambda i: round(sum(train[max(0, i - 1): i + 2])
                                                                  / len(train[max(0, i - 1): i + 2]), 6))][1]
    moved = []
    for margin in (0.1, 0.2, 0.3, 0.4, 0.5):
        params = replace(chosen, move_margin=margin)
        f1s = {name: [score(*data, params, revised=True, seed=seed)["b3_f1"] for seed in range(ORDERS + 1)]
               for name, data in sets.items()}
        moved.append(({name: sum(f) / len(f) for name, f in f1s.items()}, params))
        print(f"  move margin {margin:.1f}: mean B-cubed F1 of the file order and {ORDERS} shuffled ones "
              + " ".join(f"{k} {sum(v) / len(v):.4f} (spread {max(v[1:]) - min(v[1:]):.3f})" for k, v in f1s.items()))
    train = [f1s["train"] for f1s, _ in moved]
    chosen = moved[max(range(len(moved)), key=lambda i: round(sum(train[max(0, i - 1): i + 2])
                                                              / len(train[max(0, i - 1): i + 2]), 6))][1]
    chosen = over_orders(sets, replace(chosen, split_threshold=0.0), "split_threshold",
                         (0.0, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85))
    results = {name: score(*data, chosen, revised=True) for name, data in sets.items()}
    for name, s in results.items():
        print(f"{name}: B-cubed P {s['b3_precision']:.3f} R {s['b3_recall']:.3f} F1 {s['b3_f1']:.3f}"
              f"  pairwise F1 {s['pairwise_f1']:.3f}  clusters {s['clusters']}/{s['gold_clusters']}")
    print("chosen:", json.dumps(asdict(chosen)))
    if args.write:
        shipped = json.loads(PARAMS.read_text())
        shipped["models"][embedder.name] = {
            **asdict(chosen), "fitted_on": "ECB+ train (weights"
                                           + (f", gap_days on {args.dated.name} fit" if dated else "") + "); " + THRESHOLD_CHOSEN + "; "
                                           "revise_threshold best on train, averaged likewise; "
                                           "move_margin best on train over the file order and 5 shuffled ones; "
                                           "split_threshold lowest best on train over the same orders",
            **{f"{name}_b3_f1": round(result["b3_f1"], 4) for name, result in results.items()}}
        PARAMS.write_text(json.dumps(shipped, indent=1) + "\n")
        print(f"wrote the parameters for {embedder.name} into {PARAMS}")


def threshold_grid(sets: dict, params: ClusterParams) -> ClusterParams:
    """Placement's threshold chosen on a grid (`choose`), each replayed with revision after placement."""
    grid = []
    for threshold in np.arange(LOWEST_THRESHOLD, 0.95, 0.05):
        candidate = replace(params, threshold=round(float(threshold), 2))
        grid.append(({name: score(*data, candidate, revised=True)["b3_f1"] for name, data in sets.items()}, candidate))
        print(f"  threshold {candidate.threshold:.2f}: B-cubed F1 after revision "
              + " ".join(f"{k} {v:.3f}" for k, v in grid[-1][0].items()), flush=True)
    return grid[choose(grid)][1]


def write_threshold(model: str, threshold: float, write: bool) -> None:
    """Ship a newly chosen placement threshold for this embedder, its other parameters as they are."""
    print(f"threshold {threshold}")

    def edit(entry: dict) -> None:
        entry["threshold"] = threshold
        entry["fitted_on"] = entry["fitted_on"].replace("threshold best on dev, averaged with its neighbours",
                                                        THRESHOLD_CHOSEN)
    _ship(model, "the threshold", edit, write)


def write_gap(model: str, weight: float, dated: Path, write: bool) -> None:
    """Ship a newly fitted `gap_days` weight for this embedder, its other parameters as they are."""
    print(f"gap_days {weight}")

    def edit(entry: dict) -> None:
        entry["weights"]["gap_days"] = weight
        if "gap_days" not in entry["fitted_on"]:
            entry["fitted_on"] = entry["fitted_on"].replace("ECB+ train (weights)",
                                                            f"ECB+ train (weights, gap_days on {dated.name} fit)")
    _ship(model, "gap_days", edit, write)


def _ship(model: str, what: str, edit: Callable[[dict], None], write: bool) -> None:
    """With `write`, change this embedder's shipped entry as `edit` does, the others as they are."""
    if not write:
        return
    shipped = json.loads(PARAMS.read_text())
    edit(shipped["models"][model])
    PARAMS.write_text(json.dumps(shipped, indent=1) + "\n")
    print(f"wrote {what} for {model} into {PARAMS}")

if __name__ == "__main__":
    main()
