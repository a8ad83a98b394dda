"""Story clustering on a synthetic labelled stream: storyline against baselines, and how it scales.

    .venv/bin/python bench/cluster.py                 # N=2000 quality table, then the 10k/30k/100k scaling run
    .venv/bin/python bench/cluster.py --quick         # N=400 and sizes 2000,5000: a minute or two
    .venv/bin/python bench/cluster.py --sizes 10000,30000,100000 --articles 2000 --seed 1

One run generates the stream (bench/synth.py), embeds it once with storyline's embedder, and runs
each method in its own subprocess so that each peak memory (ru_maxrss, the whole process) is its own:

- storyline, full ingest: records → dedupe → embed → cluster → a temporary SQLite store;
- storyline, clustering stage alone: StoryIndex.place over the precomputed vectors (key terms
  are extracted before the clock starts);
- TF-IDF + average-link agglomerative clustering with a cosine-distance cut, reported at the cut
  that is best on this very data (an oracle setting, so an upper bound for that baseline);
- BERTopic on the same vectors, when `import bertopic` works, at the best of a small sweep of
  min_topic_size (also an oracle setting); its outliers (-1) are each their own cluster.

Then the clustering stage alone at larger N. Embedding 100k texts takes too long on 2 cores, so
the large streams get vectors made from a pool of a few thousand embedded texts: each event's
first article is embedded (as long as the pool lasts; later events borrow a same-kind event's
vector, moved by random noise to cosine ~0.7), and every article gets its event's vector plus
small random noise (cosine ~0.9). The large streams keep a constant density (--per-day articles a
day, one event per 20 articles), and the sizes are prefixes of one stream, each run --rounds times
with the sizes alternating; the rates shown are the medians.

Floors are printed as PASS/FAIL; nothing is asserted. After the table, an error analysis of the
clustering stage on the N-article stream: which events merge, which fragment, with examples."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # bench/synth.py, beside this file; noqa: E402
import workers
from workers import emit

# --- Shared helpers ---


def read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and len(out) >= limit:
                break
            out.append(json.loads(line))
    return out


def to_article(row: dict):
    """The Article ingest would make of a synthetic record, without the per-article language detection
    of make_article (the synthetic text is already in normal form): for features at large N."""
    from storyline.model import Article

    return Article(id=row["id"], source=row["source"], text=row["text"], text_hash="", title=row.get("title"),
                   published=datetime.fromisoformat(row["date"]), external_id=row["id"], gold=row["gold"])


def current_mb() -> float:
    """Resident memory of this process now, in MB."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def scores(pred: dict[str, str], gold: dict[str, str]) -> dict:
    from storyline.evaluate.clusters import cluster_scores

    return cluster_scores(pred, gold)


def placed(result) -> tuple:
    """(story, score, started, merged away) from StoryIndex.place: a tuple in cluster/1, a Placement since."""
    if isinstance(result, tuple):
        story, score, started = result
        return story, score, started, None
    return result.story, result.score, result.started, getattr(result, "merged", None)


class Merges:
    """Story ids as they end up when stories merge (union-find over `merged away -> kept`)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def record(self, kept: str, away) -> None:
        if away is not None and away.id != kept:
            self.parent[away.id] = kept

    def find(self, story_id: str) -> str:
        root = story_id
        while root in self.parent:
            root = self.parent[root]
        while story_id != root:
            self.parent[story_id], story_id = root, self.parent[story_id]
        return root


# --- Workers: each runs in its own process, prints one RESULT line ---

RUN_ARTICLES = 1000  # articles per simulated ingest run, after which revision runs


def work_embed(data: Path, out: Path) -> None:
    """Embed every article as ingest would (headline and lead) and save the vectors."""
    from storyline.embed import article_text_for_embedding, load_article_embedder
    from storyline.settings import settings_from_env

    rows = read_jsonl(data)
    texts = [article_text_for_embedding(to_article(row)) for row in rows]
    embedder = load_article_embedder(settings_from_env())
    started = time.perf_counter()
    vectors = embedder.embed(texts)
    elapsed = time.perf_counter() - started
    np.save(out, vectors)
    emit({"method": "embed", "n": len(rows), "seconds": elapsed, "rate": len(rows) / elapsed, "model": embedder.name})


def work_pool(data: Path, out: Path, pool: int, seed: int) -> None:
    """Vectors for a large stream from a pool of embedded texts (see the module docstring)."""
    from storyline.embed import article_text_for_embedding, load_article_embedder
    from storyline.settings import settings_from_env

    rows = read_jsonl(data)
    first: dict[str, int] = {}
    for i, row in enumerate(rows):
        first.setdefault(row["gold"], i)
    golds = sorted(first, key=first.get)
    embedded = golds[:pool]
    embedder = load_article_embedder(settings_from_env())
    started = time.perf_counter()
    texts = [article_text_for_embedding(to_article(rows[first[g]])) for g in embedded]
    pool_vectors = embedder.embed(texts)
    elapsed = time.perf_counter() - started
    rng = np.random.default_rng(seed)
    dim = pool_vectors.shape[1]
    base = {g: pool_vectors[i] for i, g in enumerate(embedded)}
    by_kind: dict[str, list[str]] = defaultdict(list)
    for g in embedded:
        by_kind[g.split("-", 1)[1]].append(g)
    for g in golds[pool:]:
        donors = by_kind.get(g.split("-", 1)[1]) or embedded
        vector = base[donors[int(rng.integers(len(donors)))]] + rng.normal(0.0, 0.052, dim)  # cosine ~0.7
        base[g] = vector / np.linalg.norm(vector)
    vectors = np.stack([base[row["gold"]] for row in rows]).astype(np.float32)
    vectors += rng.normal(0.0, 0.0247, vectors.shape).astype(np.float32)  # cosine ~0.9 to the event's vector
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    np.save(out, vectors)
    emit({"method": "pool", "n": len(rows), "pool": len(embedded), "events": len(golds), "seconds": elapsed})


def work_ingest(data: Path, workdir: Path, analyze: bool) -> None:
    """storyline's whole ingest path into a temporary SQLite store, with or without the analysis
    (names, quotes, dates, briefs) that `eval clusters` leaves out."""
    from storyline.embed import load_article_embedder
    from storyline.pipeline import ingest
    from storyline.settings import settings_from_env
    from storyline.store import open_store

    rows = read_jsonl(data)
    records = [synth.as_record(row) for row in rows]
    db = workdir / "ingest.db"
    for stale in (db, db.with_name("ingest.db-wal"), db.with_name("ingest.db-shm")):
        stale.unlink(missing_ok=True)  # a kept folder from an earlier run would make every article a duplicate
    settings = settings_from_env(db=str(db), analyze=analyze)
    embedder = load_article_embedder(settings)
    embedder.embed(["warm up"])
    store = open_store(db)
    started = time.perf_counter()
    report = ingest(records, store, settings)
    elapsed = time.perf_counter() - started
    story_of = {article.id: story for article, story, _group in store.articles()}
    external = {article.external_id: story for article, story, _group in store.articles()}
    article_of = getattr(report, "article_of", {}) or {}
    pred = {}
    for row in rows:
        story = story_of.get(article_of.get(row["id"], "")) or external.get(row["id"])
        if story:
            pred[row["id"]] = story
    store.close()
    result = scores(pred, {row["id"]: row["gold"] for row in rows})
    emit({"method": "ingest", "n": len(rows), "seconds": elapsed, "rate": len(rows) / elapsed, "scores": result,
          "labelled": len(pred), "duplicates": getattr(report, "duplicates", None)})


def featurise(rows: list[dict]) -> tuple[list[set[str]], list]:
    from storyline.cluster import article_terms

    terms, days = [], []
    for row in rows:
        article = to_article(row)
        terms.append(article_terms(article))
        days.append(article.day)
    return terms, days


def work_place(data: Path, vectors_path: Path, limit: int | None, labels_out: Path | None) -> None:
    """storyline's clustering stage alone: StoryIndex.place over precomputed vectors, in stream order.

    The stream is read as it is placed, its vectors mapped from disk, so that the process holds what
    storyline holds and not the whole stream: a heap grown by the benchmark's own data would slow
    every lookup and be blamed on the corpus. Only place() is timed (key terms are found outside),
    and, apart, revision (storyline.revise) after every RUN_ARTICLES articles, as an ingest run of
    that many would revise the stories it touched."""
    from storyline.cluster import StoryIndex, article_terms, load_params
    from storyline.embed import article_embedder_name
    from storyline.pipeline import one_blas_thread
    from storyline.regroup import regroup
    from storyline.revise import Member, Move, Split, revise
    from storyline.settings import settings_from_env

    model = article_embedder_name(settings_from_env())
    vectors = np.load(vectors_path, mmap_mode="r")
    baseline_mb = current_mb()
    index = StoryIndex(stories=[], params=load_params(model))
    labels: dict[str, str] = {}
    gold: dict[str, str] = {}
    merges = Merges()
    marks = {}
    total = min(limit or len(vectors), len(vectors))
    tenth = max(1, total // 10)
    wall = cpu = terms_seconds = revise_wall = revise_cpu = 0.0
    revise_by_tenth: dict[int, float] = defaultdict(float)
    touched: set[str] = set()
    held: dict[str, list[Member]] = {}  # the members of each live story, as an ingest run reads them from the store
    moved: dict[str, str] = {}  # article -> the story revision last moved it to
    placed_in_run: set[str] = set()  # the articles of the current run: those revision may move
    # Every revision made, in order, as text: what it decided (kind, ids, members) and, apart, its score as
    # float hex, so that two checkouts' runs can be compared by a digest of each.
    decided, scored = hashlib.sha256(), hashlib.sha256()

    def revise_run(i: int) -> None:
        nonlocal revise_wall, revise_cpu, touched
        for story_id in [story_id for story_id in held if story_id not in index.stories]:
            del held[story_id]  # left the live index: revision will not read it again
        started, started_cpu = time.perf_counter(), time.process_time()
        made = revise(index, touched, lambda story_id: held.get(story_id, []), placed_in_run, then=regroup)
        for change in made:
            if isinstance(change, Move):
                moved[change.member] = change.target
            elif isinstance(change, Split):
                for article_id in change.members:
                    moved[article_id] = change.target.id
            else:
                merges.record(change.target.id, change.source)
            apply_to_held(held, change)
        took = time.perf_counter() - started
        revise_wall += took
        revise_cpu += time.process_time() - started_cpu
        for change in made:
            decided.update(decision(change).encode())
            scored.update(f"{change.score.hex()} {getattr(change, 'own', None)}\n".encode())
        revise_by_tenth[min(9, i // tenth)] += took
        touched = set()
        placed_in_run.clear()

    # Placement and revision on one BLAS thread, as ingest runs them (pipeline.one_blas_thread): on
    # BLAS's own threads their matrix-vector products only wait on each other for the cores.
    with one_blas_thread(), data.open(encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i >= total:
                break
            row = json.loads(line)
            started = time.perf_counter()
            article = to_article(row)
            terms = article_terms(article)
            vector = np.array(vectors[i], dtype=np.float32)
            terms_seconds += time.perf_counter() - started
            started, started_cpu = time.perf_counter(), time.process_time()
            story, _score, _started, away = placed(index.place(f"s{i}", vector, terms, article.day))
            wall += time.perf_counter() - started
            cpu += time.process_time() - started_cpu
            merges.record(story.id, away)
            if away is not None and away.id != story.id:
                held.setdefault(story.id, []).extend(held.pop(away.id, []))
            held.setdefault(story.id, []).append(Member(row["id"], vector, frozenset(terms), article.day))
            placed_in_run.add(row["id"])
            touched.add(story.id)
            labels[row["id"]], gold[row["id"]] = story.id, row["gold"]
            if (i + 1) % RUN_ARTICLES == 0:
                revise_run(i)
            if (i + 1) % tenth == 0:
                marks[i + 1] = (wall, cpu)
        if touched:
            revise_run(total - 1)
    pred = {article_id: merges.find(moved.get(article_id, label)) for article_id, label in labels.items()}
    if labels_out:
        labels_out.write_text(json.dumps(pred))
    # The rate over the first and the last tenth of the stream: the last is the cost of an article when
    # the corpus holds N, flat in N if that cost does not grow with the corpus.
    points = sorted(marks.items())

    def tenth_rate(first: int, last: int, clock: int) -> float:
        before = points[first - 1] if first > 0 else (0, (0.0, 0.0))
        return (points[last][0] - before[0]) / max(1e-9, points[last][1][clock] - before[1][clock])

    first_rate = tenth_rate(0, 0, 0) if points else 0.0
    last_rate = tenth_rate(len(points) - 1, len(points) - 1, 0) if points else 0.0
    last_cpu_rate = tenth_rate(len(points) - 1, len(points) - 1, 1) if points else 0.0
    emit({"method": "place", "n": len(labels), "seconds": wall, "rate": len(labels) / wall, "cpu_rate": len(labels) / cpu,
          "terms_rate": len(labels) / terms_seconds, "first_tenth_rate": first_rate, "last_tenth_rate": last_rate,
          "last_tenth_cpu_rate": last_cpu_rate, "stories": len(set(pred.values())),
          "merges": len(merges.parent), "baseline_mb": round(baseline_mb, 1),
          "revise_share": revise_wall / max(1e-9, wall + revise_wall),
          "revise_cpu_share": revise_cpu / max(1e-9, cpu + revise_cpu),
          "revise_first_tenth_ms": 1000 * revise_by_tenth[0] / tenth,
          "revise_last_tenth_ms": 1000 * revise_by_tenth[9] / tenth,
          "revisions": decided.hexdigest()[:12], "revision_scores": scored.hexdigest()[:12],
          "partition": partition_digest(pred), "scores": scores(pred, gold)})


# A revision's kind is read by its class's name, as bench/revision.py also reads the revisions of another
# checkout's storyline.revise, whose classes are its own.

def decision(change) -> str:
    """What a revision decided, as one line of text (its score apart): kind, stories and members."""
    kind = type(change).__name__
    if kind == "Move":
        return f"move {change.member} {change.source} {change.target} {change.emptied}\n"
    if kind == "Merge":
        return f"merge {change.source.id} {change.target.id}\n"
    return f"split {change.source} {change.target.id} {' '.join(change.members)}\n"


def apply_to_held(held: dict[str, list], change) -> None:
    """A revision applied to the members each story holds (story id -> revise.Member), as ingest applies it."""
    kind = type(change).__name__
    if kind == "Move":
        member = next(m for m in held[change.source] if m.id == change.member)
        held[change.source].remove(member)
        held.setdefault(change.target, []).append(member)
    elif kind == "Split":
        parting = set(change.members)
        held[change.target.id] = [m for m in held.get(change.source, []) if m.id in parting]
        held[change.source] = [m for m in held.get(change.source, []) if m.id not in parting]
    else:
        held.setdefault(change.target.id, []).extend(held.pop(change.source.id, []))


def partition_digest(pred: dict[str, str]) -> str:
    """A digest of which articles are together, whatever the stories' ids."""
    groups: dict[str, list[str]] = defaultdict(list)
    for article_id, story_id in pred.items():
        groups[story_id].append(article_id)
    text = "\n".join(sorted(" ".join(sorted(group)) for group in groups.values()))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def work_tfidf(data: Path) -> None:
    """TF-IDF cosine with average-link agglomerative clustering, cut at the best threshold on this data."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = read_jsonl(data)
    docs = [f"{row.get('title') or ''}\n{row['text']}" for row in rows]
    gold = {row["id"]: row["gold"] for row in rows}
    started = time.perf_counter()
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(docs)
    distances = 1.0 - (matrix @ matrix.T).toarray()
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(np.clip(distances, 0.0, 2.0), checks=False), method="average")
    elapsed = time.perf_counter() - started
    best = None
    for threshold in np.arange(0.05, 1.0, 0.025):
        labels = fcluster(tree, t=threshold, criterion="distance")
        result = scores({row["id"]: str(label) for row, label in zip(rows, labels)}, gold)
        if best is None or result["b3_f1"] > best[1]["b3_f1"]:
            best = (round(float(threshold), 3), result)
    emit({"method": "tfidf", "n": len(rows), "seconds": elapsed, "rate": len(rows) / elapsed, "scores": best[1],
          "setting": f"cosine distance cut {best[0]} (best on this data)"})


def work_bertopic(data: Path, vectors_path: Path, seed: int) -> None:
    """BERTopic on storyline's vectors; topics are clusters and each outlier is its own cluster."""
    try:
        from bertopic import BERTopic
        from hdbscan import HDBSCAN
        from umap import UMAP
    except ImportError:
        emit({"method": "bertopic", "missing": True})
        return
    rows = read_jsonl(data)
    vectors = np.load(vectors_path)
    docs = [f"{row.get('title') or ''}\n{row['text']}" for row in rows]
    gold = {row["id"]: row["gold"] for row in rows}

    def fit(size: int, docs: list[str], vectors: np.ndarray) -> list[int]:
        umap = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=seed)
        hdbscan = HDBSCAN(min_cluster_size=size, metric="euclidean", cluster_selection_method="eom", prediction_data=True)
        topics, _ = BERTopic(umap_model=umap, hdbscan_model=hdbscan, min_topic_size=size).fit_transform(docs, vectors)
        return list(topics)

    fit(5, docs[:300], vectors[:300])  # numba compiles UMAP and HDBSCAN on first use: not timed
    best = None
    for size in (2, 5, 10):
        started = time.perf_counter()
        topics = fit(size, docs, vectors)
        elapsed = time.perf_counter() - started
        pred = {row["id"]: (f"t{t}" if t >= 0 else f"o{row['id']}") for row, t in zip(rows, topics)}
        result = scores(pred, gold)
        if best is None or result["b3_f1"] > best[1]["b3_f1"]:
            best = (size, result, elapsed)
    emit({"method": "bertopic", "n": len(rows), "seconds": best[2], "rate": len(rows) / best[2], "scores": best[1],
          "setting": f"min_topic_size {best[0]} (best of 2/5/10 on this data); numba warm-up not timed"})


# --- The parent: run workers, print the table, the floors and the error analysis ---


def run_worker(*args: str, timeout: float = 1800) -> dict:
    return workers.run_worker(Path(__file__).resolve(), *args, timeout=timeout)


def write_stream(path: Path, n: int, days: int, outlets: int, events: int, seed: int) -> list[dict]:
    rows = list(synth.generate(n, days, outlets, events, seed))
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


def median_run(runs: list[dict]) -> dict:
    """One size's runs as one: the median of each rate, the largest peak memory, the first run's rest."""
    out = dict(runs[0], rounds=len(runs))
    for key in ("rate", "cpu_rate", "first_tenth_rate", "last_tenth_rate", "last_tenth_cpu_rate", "revise_share", "revise_cpu_share",
                "revise_first_tenth_ms", "revise_last_tenth_ms"):
        out[key] = float(np.median([run[key] for run in runs]))
    out["peak_mb"] = max(run["peak_mb"] for run in runs)
    return out


def verdict(ok: bool | None) -> str:
    return "SKIP" if ok is None else "PASS" if ok else "FAIL"


def print_table(results: list[tuple[str, dict]]) -> None:
    print(f"{'method':<44} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pair F1':>7} {'clusters':>9} {'art/s':>8} {'peak MB':>8}")
    for name, r in results:
        if r.get("missing"):
            print(f"{name:<44} not installed")
            continue
        s = r["scores"]
        print(f"{name:<44} {s['b3_precision']:>6.3f} {s['b3_recall']:>6.3f} {s['b3_f1']:>6.3f} {s['pairwise_f1']:>7.3f} "
              f"{s['clusters']:>4}/{s['gold_clusters']:<4} {r['rate']:>8.0f} {r['peak_mb']:>8.0f}")
        if r.get("setting"):
            print(f"{'':<46}{r['setting']}")


INGEST = "storyline ingest (parse+dedupe+embed+cluster+SQLite)"
INGEST_ANALYSIS = "storyline ingest with the analysis (+names, quotes, dates, briefs)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="N of the quality run")
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--outlets", type=int, default=30)
    parser.add_argument("--events", type=int, default=None, help="default: one event per 20 articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sizes", default="10000,30000,100000", help="N of the scaling run ('' to skip it)")
    parser.add_argument("--per-day", type=int, default=1000, help="articles a day in the scaling stream")
    parser.add_argument("--pool", type=int, default=3000, help="embedded texts behind the scaling vectors")
    parser.add_argument("--rounds", type=int, default=3, help="scaling runs per size, sizes alternating; medians reported")
    parser.add_argument("--examples", type=int, default=4, help="examples per error kind in the analysis")
    parser.add_argument("--quick", action="store_true", help="N=400, sizes 2000,5000")
    parser.add_argument("--keep", type=Path, help="keep the streams and vectors in this folder")
    parser.add_argument("--embedder", choices=("minilm", "static"), help="default: storyline's (STORYLINE_EMBEDDER)")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return dispatch(args.worker)
    if args.embedder:
        os.environ["STORYLINE_EMBEDDER"] = args.embedder  # the workers read their settings from it
    if args.quick:
        args.articles, args.sizes, args.pool = 400, "2000,5000", 500
    events = args.events or max(1, args.articles // 20)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    holder = None if args.keep else tempfile.TemporaryDirectory(prefix="storyline-bench-")
    work = args.keep or Path(holder.name)
    work.mkdir(parents=True, exist_ok=True)
    print(f"stream: {args.articles} articles, {args.days} days, {args.outlets} outlets, {events} events, seed {args.seed}; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
    data, vectors = work / "stream.jsonl", work / "vectors.npy"
    rows = write_stream(data, args.articles, args.days, args.outlets, events, args.seed)
    embed = run_worker("embed", str(data), str(vectors))
    print(f"embedding ({embed['model']}, headline+lead): {embed['rate']:.0f} articles/s", flush=True)

    results: list[tuple[str, dict]] = []
    labels = work / "place_labels.json"
    for name, worker in ((INGEST, ("ingest", str(data), str(work), "cluster")),
                         (INGEST_ANALYSIS, ("ingest", str(data), str(work), "analyze")),
                         ("storyline clustering stage (given vectors)", ("place", str(data), str(vectors), "0", str(labels))),
                         ("TF-IDF + average link (oracle cut)", ("tfidf", str(data))),
                         ("BERTopic (same vectors, oracle min_topic_size)", ("bertopic", str(data), str(vectors), str(args.seed)))):
        results.append((name, run_worker(*worker)))
        print(f"  done: {name}", flush=True)
    if results[4][1].get("missing"):
        print("BERTopic: not installed")

    scale: list[dict] = []
    if sizes:
        big = max(sizes)
        big_data, big_vectors = work / "stream_scale.jsonl", work / "vectors_scale.npy"
        started = time.perf_counter()
        write_stream(big_data, big, max(1, big // args.per_day), max(args.outlets, 200), max(1, big // 20), args.seed)
        generated = time.perf_counter() - started
        pool = run_worker("pool", str(big_data), str(big_vectors), str(args.pool), str(args.seed))
        print(f"scaling stream: {big} articles over {max(1, big // args.per_day)} days generated in {generated:.1f}s; "
              f"{pool['pool']} of {pool['events']} events embedded, the rest borrow and perturb", flush=True)
        # Sizes alternate within each round and every figure is the median over the rounds: a machine
        # shared with others (a VM, a laptop) drifts by 10-20% from one minute to the next, which a
        # single run of each size, one after the other, would count as the cost of a larger corpus.
        runs: dict[int, list[dict]] = defaultdict(list)
        for round_ in range(args.rounds):
            for size in sizes:
                runs[size].append(run_worker("place", str(big_data), str(big_vectors), str(size), ""))
                print(f"  done: clustering stage at {size}, round {round_ + 1} of {args.rounds}: "
                      f"{runs[size][-1]['rate']:.0f} articles/s", flush=True)
        scale = [median_run(runs[size]) for size in sizes]

    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} (rates are only comparable on an otherwise idle machine)")
    print()
    print_table(results)
    if scale:
        print()
        print(f"storyline clustering stage at scale (vectors from an embedded pool plus noise; F1 indicative only; "
              f"rates: medians of {args.rounds} rounds)")
        print(f"{'N':>8} {'days':>5} {'art/s':>8} {'per CPU s':>9} {'first 10%':>10} {'last 10%':>9} {'per CPU s':>9} {'stories':>8} {'B3 F1':>6} {'peak MB':>8} "
              f"{'before':>7} {'revise':>7} {'rev CPU':>7} {'rev ms/art first/last 10%':>26}")
        for r in scale:
            print(f"{r['n']:>8} {r['n'] // args.per_day:>5} {r['rate']:>8.0f} {r['cpu_rate']:>9.0f} {r['first_tenth_rate']:>10.0f} {r['last_tenth_rate']:>9.0f} {r['last_tenth_cpu_rate']:>9.0f} "
                  f"{r['stories']:>8} {r['scores']['b3_f1']:>6.3f} {r['peak_mb']:>8.0f} {r['baseline_mb']:>7.0f} "
                  f"{r['revise_share']:>6.1%} {r['revise_cpu_share']:>6.1%} {r['revise_first_tenth_ms']:>12.3f} / {r['revise_last_tenth_ms']:.3f}")
        print("  (art/s: place() only, key terms extracted beforehand; per CPU s: articles per second of the process's CPU "
              "time, which other work on the machine does not lower; peak MB: the whole worker process, stream and "
              "vectors included; before: its memory when clustering began; revise: revision's share of the stage's "
              f"time, run after every {RUN_ARTICLES} articles; rev CPU: the same share of the process's CPU time, which other work on the machine does not change; and its wall milliseconds per article in the first and last "
              "tenth of the stream)")
        for r in scale:
            print(f"  digests at {r['n']} (first round): revisions made {r['revisions']}, their scores {r['revision_scores']}, "
                  f"partition {r['partition']}")

    by = dict(results)
    ingest, place, bertopic = by[INGEST], \
        by["storyline clustering stage (given vectors)"], by["BERTopic (same vectors, oracle min_topic_size)"]
    has_bertopic = not bertopic.get("missing")
    print()
    print("floors")
    floors = [
        ("synthetic-stream B-cubed F1 >= 0.95 (ingest)", ingest["scores"]["b3_f1"] >= 0.95, f"{ingest['scores']['b3_f1']:.3f}"),
        ("synthetic-stream B-cubed F1 >= 0.95 (clustering stage)", place["scores"]["b3_f1"] >= 0.95, f"{place['scores']['b3_f1']:.3f}"),
        ("storyline ahead of BERTopic on B-cubed F1 (ingest vs BERTopic)",
         ingest["scores"]["b3_f1"] > bertopic["scores"]["b3_f1"] if has_bertopic else None,
         f"{ingest['scores']['b3_f1']:.3f} vs {bertopic['scores']['b3_f1']:.3f}" if has_bertopic else "BERTopic not installed"),
        ("storyline ahead of BERTopic on speed (stage vs BERTopic, same vectors)",
         place["rate"] > bertopic["rate"] if has_bertopic else None,
         f"{place['rate']:.0f} vs {bertopic['rate']:.0f} articles/s" if has_bertopic else "BERTopic not installed"),
        ("clustering stage >= 500 articles/s", place["rate"] >= 500, f"{place['rate']:.0f}/s at N={place['n']}"),
        (f"whole ingest >= 40 articles/s on {os.cpu_count()} cores", ingest["rate"] >= 40, f"{ingest['rate']:.1f}/s"),
    ]
    if len(scale) >= 2:
        small, large = scale[0], scale[-1]
        floors.append((f"rate at {large['n']} within 20% of rate at {small['n']}", large["rate"] >= 0.8 * small["rate"],
                       f"{large['rate']:.0f} vs {small['rate']:.0f}/s ({large['rate'] / small['rate']:.2f}x)"))
        floors.append(("the same per CPU second (other load on the machine does not count)",
                       large["cpu_rate"] >= 0.8 * small["cpu_rate"],
                       f"{large['cpu_rate']:.0f} vs {small['cpu_rate']:.0f}/s ({large['cpu_rate'] / small['cpu_rate']:.2f}x)"))
        # The last tenth of each run is the cost of an article when the corpus holds N; the whole run
        # also averages in its start, when the window's stories are still few and young.
        print(f"  last tenths: {large['last_tenth_rate']:.0f}/s at {large['n']} vs {small['last_tenth_rate']:.0f}/s at "
              f"{small['n']} ({large['last_tenth_rate'] / small['last_tenth_rate']:.2f}x)")
    if scale:
        floors.append((f"peak memory < 2 GB at {scale[-1]['n']}", scale[-1]["peak_mb"] < 2048, f"{scale[-1]['peak_mb']:.0f} MB"))
    for name, ok, value in floors:
        print(f"  {verdict(ok):<4}  {name:<72} {value}")

    print()
    analyse(rows, np.load(vectors), json.loads(labels.read_text()), args.examples)


def dispatch(argv: list[str]) -> None:
    name, rest = argv[0], argv[1:]
    if name == "embed":
        work_embed(Path(rest[0]), Path(rest[1]))
    elif name == "pool":
        work_pool(Path(rest[0]), Path(rest[1]), int(rest[2]), int(rest[3]))
    elif name == "ingest":
        work_ingest(Path(rest[0]), Path(rest[1]), rest[2] == "analyze")
    elif name == "place":
        work_place(Path(rest[0]), Path(rest[1]), int(rest[2]) or None, Path(rest[3]) if rest[3] else None)
    elif name == "tfidf":
        work_tfidf(Path(rest[0]))
    elif name == "bertopic":
        work_bertopic(Path(rest[0]), Path(rest[1]), int(rest[2]))
    else:
        raise SystemExit(f"unknown worker {name}")


# --- Error analysis of the clustering stage ---


def analyse(rows: list[dict], vectors: np.ndarray, pred: dict[str, str], examples: int) -> None:
    """Why the clustering stage errs: replays StoryIndex and classifies each decision against gold.

    A decision is a wrong join (the article joined a story whose members are mostly another event),
    a split (it started a story though its event had a live one), a wrong merge (two stories of
    different events merged), or right. The features cluster.py scores are shown for each kind."""
    from storyline import cluster
    from storyline.cluster import StoryIndex, load_params
    from storyline.embed import article_embedder_name
    from storyline.settings import settings_from_env

    terms, days = featurise(rows)
    params = load_params(article_embedder_name(settings_from_env()))
    index = StoryIndex(stories=[], params=params)
    merges = Merges()
    golds_of: dict[str, Counter] = defaultdict(Counter)  # live story id -> gold labels of its members
    members_of_gold: dict[str, list[int]] = defaultdict(list)
    first_member: dict[str, int] = {}
    joined_of: list[str] = []
    twin_of = twins(rows)
    wrong, split, bad_merges = [], [], []
    right_joins: list[dict] = []
    for i, row in enumerate(rows):
        gold = row["gold"]
        roots = Counter(merges.find(joined_of[j]) for j in members_of_gold[gold])
        # The right story: the live story made mostly of this event, if there is one.
        right = next((r for r, _ in roots.most_common()
                      if r in index.stories and golds_of[r].most_common(1)[0][0] == gold), None)
        right_f = features(cluster, index, vectors[i], terms[i], days[i], index.stories[right]) if right else None
        chosen_f = None
        try:
            best, _ = index.best(vectors[i], terms[i], days[i])
            if best is not None:
                chosen_f = features(cluster, index, vectors[i], terms[i], days[i], best)
        except Exception:  # best() is not part of the API this bench relies on
            pass
        result = index.place(f"s{i}", vectors[i], terms[i], days[i])
        story, score, started, away = placed(result)
        joined = getattr(result, "joined", story)
        majority = golds_of[joined.id].most_common(1)[0][0] if golds_of[joined.id] else gold
        if not started and majority != gold:
            seed = golds_of[joined.id][gold] == 0  # the first of its event to go there, not a follow-on
            wrong.append((i, joined.id, majority, round(score, 3), chosen_f, right, right_f, seed))
        elif started and right is not None:
            split.append((i, right, right_f))
        elif not started and right_f is not None:
            right_joins.append(right_f)
        golds_of[joined.id][gold] += 1
        first_member.setdefault(joined.id, i)
        joined_of.append(joined.id)
        members_of_gold[gold].append(i)
        if away is not None and away.id != story.id:
            a, b = golds_of[away.id].most_common(1)[0][0], golds_of[story.id].most_common(1)[0][0]
            if a != b:
                bad_merges.append((i, away.id, a, sum(golds_of[away.id].values()), story.id, b,
                                   sum(golds_of[story.id].values())))
            golds_of[story.id].update(golds_of.pop(away.id))
            first_member[story.id] = min(first_member[story.id], first_member.get(away.id, i))
            merges.record(story.id, away)

    seeds = [w for w in wrong if w[7]]
    print(f"error analysis of the clustering stage (N={len(rows)}; {params})")
    print(f"  decisions: {len(rows)}; wrong joins {len(wrong)} ({len(seeds)} first of their event into that story, "
          f"{len(wrong) - len(seeds)} following others of their event already there); splits (new story though "
          f"its event had a live one) {len(split)}; story merges {len(merges.parent)}, of which wrong {len(bad_merges)}")
    if wrong:
        same_kind = sum(kind(rows[i]["gold"]) == kind(m) for i, _, m, *_ in wrong)
        twin = sum(m in twin_of.get(rows[i]["gold"], ()) for i, _, m, *_ in wrong)
        print(f"    wrong joins into a same-kind event: {same_kind}; into a same-kind event starting within 3 days: {twin}; "
              f"by style: {dict(Counter(rows[i]['style'] for i, *_ in wrong))}")
        print(f"    first wrong joins with no story of their own event live: {sum(w[5] is None for w in seeds)} of {len(seeds)}")
    empty = [i for i in range(len(rows)) if not terms[i]]
    print(f"  articles with no key terms at all: {len(empty)} ({100 * len(empty) / len(rows):.1f}%), by style "
          f"{dict(Counter(rows[i]['style'] for i in empty))}")
    if split:
        later = sum(days[i] != days[first_member[r]] for i, r, _ in split if r in first_member)
        print(f"    splits by style: {dict(Counter(rows[i]['style'] for i, *_ in split))}; "
              f"dated after its event's first report: {later}; without a headline: "
              f"{sum(not rows[i]['title'] for i, *_ in split)}; with no key terms: {sum(not terms[i] for i, *_ in split)}")
    groups = [("right joins, vs their story", right_joins),
              ("splits, vs their event's story", [f for _, _, f in split if f]),
              ("first wrong joins, vs the story joined", [w[4] for w in seeds if w[4]]),
              ("follow-on wrong joins, vs story joined", [w[4] for w in wrong if not w[7] and w[4]]),
              ("wrong joins, vs their event's story", [w[6] for w in wrong if w[6]])]
    names = [name for name in (groups[0][1][0] if groups[0][1] else {}) if name != "p"] + ["p"]
    if right_joins:
        print(f"  median features ({', '.join(names)}):")
        for label, values in groups:
            if values:
                medians = " ".join(f"{np.median([v.get(name, np.nan) for v in values]):>6.3f}" for name in names)
                print(f"    {label:<40} n={len(values):<5} {medians}")
    merged = merged_events(rows, pred)
    if merged:
        print(f"  final stories holding articles of more than one event: {len(merged)} event pairs; same kind: "
              f"{sum(kind(a) == kind(b) for a, b, _ in merged)}, same kind within 3 days: "
              f"{sum(b in twin_of.get(a, ()) for a, b, _ in merged)}")
        for a, b, n in merged[:examples]:
            print(f"    {b} ({n} articles) inside the story of {a}")
    fragments = fragmented_events(rows, pred)
    if fragments:
        print(f"  events split over several final stories: {len(fragments)} "
              f"(worst: {', '.join(f'{g} in {k}' for g, k in fragments[:examples])})")

    if seeds:
        print("  examples of first wrong joins (the root of each mixed story):")
        for i, story_id, majority, score, chosen_f, right, right_f, _ in seeds[:examples]:
            j = first_member[story_id]
            show(rows[i])
            print(f"      joined the story of {majority} (p {score}), whose first member is: {headline(rows[j])}")
            print(f"      vs that member: {pair(vectors, terms, i, j)}")
            print(f"      features vs the story joined: {chosen_f}")
            print(f"      features vs its own event's story: {right_f}" if right_f else "      its event had no live story yet")
    if split:
        print("  examples of splits:")
        for i, right, right_f in split[:examples]:
            j = first_member[right]
            show(rows[i])
            print(f"      its event's story begins: {headline(rows[j])}")
            print(f"      vs that member: {pair(vectors, terms, i, j)}")
            print(f"      features vs that story: {right_f}")
    if bad_merges:
        print("  examples of wrong merges:")
        for i, away, a, na, kept, b, nb in bad_merges[:examples]:
            print(f"    after {rows[i]['id']}: story of {a} ({na} articles) merged into story of {b} ({nb})")
            print(f"      {headline(rows[first_member.get(away, i)])}  |  {headline(rows[first_member.get(kept, i)])}")


def kind(label: str) -> str:
    return label.split("-", 1)[1]


def features(cluster, index, vector: np.ndarray, terms: set[str], day, story) -> dict:
    """cluster.py's own features of (article, story) and its score `p`, rounded, whichever API it has."""
    try:
        if hasattr(index, "features"):
            raw = index.features(vector, terms, day, story)
            out = {name: round(float(value), 3) for name, value in raw.items()}
            out["p"] = round(cluster.probability(raw, index.params), 3)
            return out
        cosine = float(story.unit_centroid() @ vector)
        terms_overlap = cluster.term_overlap(terms, story, index.stats)
        gap = cluster.day_gap(day, story)
        score = cluster.pair_score(cluster.Features(cosine, terms_overlap, gap), index.params)
        return {"cosine": round(cosine, 3), "terms": round(terms_overlap, 3), "gap_days": gap, "p": round(score, 3)}
    except Exception:  # cluster.py is being rewritten; the cosine alone still tells something
        return {"cosine": round(float(story.unit_centroid() @ vector), 3)}


def show(row: dict) -> None:
    print(f"    [{row['id']} {row['date'][:10]} {row['source']} {row['style']}] gold {row['gold']}: {headline(row)}")


def pair(vectors: np.ndarray, terms: list[set[str]], i: int, j: int) -> str:
    shared = terms[i] & terms[j]
    union = terms[i] | terms[j]
    return (f"cosine {float(vectors[i] @ vectors[j]):.3f}, key-term Jaccard {len(shared) / max(1, len(union)):.2f}, "
            f"shared {sorted(shared)[:8]}, only this {sorted(terms[i] - terms[j])[:6]}, only that {sorted(terms[j] - terms[i])[:6]}")


def headline(row: dict) -> str:
    text = row["title"] or row["text"].split("\n")[0]
    return text[:110]


def twins(rows: list[dict]) -> dict[str, set[str]]:
    """Same-kind events whose dates overlap within 3 days of each other, from the records alone."""
    spans: dict[str, list] = {}
    for row in rows:
        day = row["date"][:10]
        span = spans.setdefault(row["gold"], [day, day])
        span[0], span[1] = min(span[0], day), max(span[1], day)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for gold in spans:
        by_kind[gold.split("-", 1)[1]].append(gold)
    out: dict[str, set[str]] = defaultdict(set)
    for golds in by_kind.values():
        for a in golds:
            for b in golds:
                if a != b and abs((datetime.fromisoformat(spans[a][0]) - datetime.fromisoformat(spans[b][0])).days) <= 3:
                    out[a].add(b)
    return out


def merged_events(rows: list[dict], pred: dict[str, str]) -> list[tuple[str, str, int]]:
    members: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        members[pred[row["id"]]][row["gold"]] += 1
    out = []
    for counts in members.values():
        if len(counts) > 1:
            (big, _), *rest = counts.most_common()
            out += [(big, other, n) for other, n in rest]
    return sorted(out, key=lambda item: -item[2])


def fragmented_events(rows: list[dict], pred: dict[str, str]) -> list[tuple[str, int]]:
    stories: dict[str, set] = defaultdict(set)
    for row in rows:
        stories[row["gold"]].add(pred[row["id"]])
    return sorted(((g, len(s)) for g, s in stories.items() if len(s) > 1), key=lambda item: -item[1])


if __name__ == "__main__":
    main()
