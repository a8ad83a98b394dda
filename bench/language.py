"""Language detection on short texts, and the speed of analysis and comparison across languages, in one run.

    .venv/bin/python bench/language.py [--repeat 3] [--only detection|analysis|ingest|comparison]

1. Detection (extract.detect_language, lingua): how often the detected language is the right one for
   a title alone, for the first sentence of the body, for the first two, and for what ingest uses
   (title and a 120-word lead), over tests/fixtures/multilingual and its held-out reports (fr, de, es,
   uk, ru) and examples/demo (English); "undecided" counts the texts lingua declines to label.
2. Analysis, articles per second of wall time (best of --repeat): the English rules over the demo's
   English articles (analyze_articles, the baseline), the same articles through
   analyze_in_languages (the path every article now takes: English must cost the same, ratio ~1),
   and the non-English fixtures through their own languages' rules; the ratio of each to the baseline.
3. Ingest (analysis off: language, signature, embedding, duplicates and story placement), articles/s
   of wall time, best of --repeat, each into a fresh SQLite file: (a) the demo's English articles alone
   (the English path: nothing multilingual runs, the baseline); (b) those again, to show the noise
   between two equal runs; (c) the non-English fixtures ingested after (a) into its database, each
   placed by the multilingual path (the encoder, names by sound, the days the leads date, bridges),
   the encoder loaded beforehand and its load time given apart; (d) the demo with the fixtures in one
   run, which takes the English path until the first non-English article and the multilingual path
   from then on (for every article). The ratios are to (a).
4. Comparison of one story, seconds: an English story of the fixtures alone (best of --repeat), and
   the same story with its reports in other languages, which runs the multilingual encoder over every
   sentence: its first run (for the first story, loading the encoder too), and again (best of
   --repeat), when the encoder's cache holds the sentences, as when a story's brief is rebuilt.

Figures depend on the machine and its load; read the ratios."""

from __future__ import annotations

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.analyze import analyze_articles, analyze_in_languages, canonical_entities  # noqa: E402
from storyline.compare import compare_story  # noqa: E402
from storyline.embed import load_static_embedder  # noqa: E402
from storyline.evaluate.analysis import read_demo  # noqa: E402
from storyline.evaluate.compare import demo_stories  # noqa: E402
from storyline.evaluate.gold import gold_article_path  # noqa: E402
from storyline.extract import detect_language  # noqa: E402
from storyline.model import Record  # noqa: E402
from storyline.settings import Settings  # noqa: E402
from storyline.sources.files import read_inputs  # noqa: E402
from storyline.text import lead, normalize_text, sentences  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "multilingual"
DEMO = ROOT / "examples" / "demo"


def labelled_records(folder: Path) -> list[tuple[str, Record]]:
    """(gold language, record) of every gold article of a corpus folder; English where the gold says none."""
    import json

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    out = []
    for key, entry in gold["articles"].items():
        path = gold_article_path(folder, gold, key)
        record = next((r for r in read_inputs([str(path)], Settings()) if isinstance(r, Record)), None) if path else None
        if record is not None:
            out.append((entry.get("language", "en"), record))
    return out


def detection() -> None:
    seen: set[Path] = set()
    items = []
    for language, record in labelled_records(FIXTURE) + labelled_records(FIXTURE / "heldout") + labelled_records(DEMO):
        if Path(record.origin).resolve() in seen:
            continue
        seen.add(Path(record.origin).resolve())
        body = normalize_text(record.text)
        first = sentences(body)
        items.append((language, {"title": record.title or "", "1 sentence": first[0] if first else "",
                                 "2 sentences": " ".join(first[:2]),
                                 "ingest (title + 120 words)": f"{record.title or ''}\n{lead(body, 120)}"}))
    kinds = list(items[0][1])
    right: Counter = Counter()
    undecided: Counter = Counter()
    per_language: dict[str, Counter] = defaultdict(Counter)
    words: dict[str, list[int]] = defaultdict(list)
    started = time.perf_counter()
    for language, texts in items:
        for kind, text in texts.items():
            found = detect_language(text)
            right[kind] += found == language
            undecided[kind] += found is None
            per_language[language][kind] += found == language
            words[kind].append(len(text.split()))
    elapsed = time.perf_counter() - started
    counts = Counter(language for language, _ in items)
    print(f"language detection, {len(items)} articles ({dict(sorted(counts.items()))}), "
          f"{elapsed / (len(items) * len(kinds)) * 1000:.1f} ms a text")
    print(f"{'text':28} {'words':>6} {'right':>7} {'undecided':>10}   " + "  ".join(f"{c:>5}" for c in sorted(counts)))
    for kind in kinds:
        mean_words = sum(words[kind]) / len(words[kind])
        by = "  ".join(f"{per_language[c][kind] / counts[c]:5.2f}" for c in sorted(counts))
        print(f"{kind:28} {mean_words:6.1f} {right[kind] / len(items):7.3f} {undecided[kind]:10d}   {by}")


def best_of(repeat: int, work) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def analysis_speed(repeat: int) -> None:
    _, demo = read_demo(DEMO)
    english = [(text, published) for text, published, _ in demo.values()]
    _, fixture = read_demo(FIXTURE)
    others = [(text, published, language) for text, published, language in fixture.values() if language != "en"]
    analyze_articles(english[:2])  # load the models before timing
    list(analyze_in_languages(others[:len(others)]))
    base = best_of(repeat, lambda: list(analyze_articles(english)))
    routed = best_of(repeat, lambda: analyze_in_languages([(t, p, "en") for t, p in english]))
    foreign = best_of(repeat, lambda: analyze_in_languages(others))
    by_language = Counter(language for _, _, language in others)
    print(f"\nanalysis, articles/s (best of {repeat})")
    print(f"  English rules, {len(english)} demo articles (baseline)      {len(english) / base:7.1f}   1.00")
    print(f"  the same through analyze_in_languages                {len(english) / routed:7.1f}   {base / routed:4.2f}")
    print(f"  {len(others)} fixture articles in {dict(sorted(by_language.items()))}  {len(others) / foreign:7.1f}   "
          f"{(len(others) / foreign) / (len(english) / base):4.2f}")


def _ingest_seconds(batches: list[list], settings: Settings) -> list[float]:
    """Seconds each batch of records takes to ingest, one after another, into one fresh database."""
    import tempfile

    from storyline.pipeline import ingest
    from storyline.store import open_store

    out = []
    with tempfile.TemporaryDirectory(prefix="bench-language-") as tmp, open_store(Path(tmp) / "b.db") as store:
        for records in batches:
            started = time.perf_counter()
            ingest(records, store, settings)
            out.append(time.perf_counter() - started)
    return out


def ingest_speed(repeat: int) -> None:
    from dataclasses import replace

    from storyline.embed import load_article_embedder, load_multilingual_embedder
    from storyline.settings import settings_from_env

    settings = replace(settings_from_env(), analyze=False)
    english = [record for _, record in labelled_records(DEMO)]
    others = [record for language, record in labelled_records(FIXTURE) if language != "en"]
    load_article_embedder(settings)
    started = time.perf_counter()
    load_multilingual_embedder().encode(["warm"])
    loading = time.perf_counter() - started
    _ingest_seconds([english[:4]], settings)  # warm every model before timing

    def best(batches: list[list]) -> list[float]:
        runs = [_ingest_seconds(batches, settings) for _ in range(repeat)]
        return [min(run[i] for run in runs) for i in range(len(batches))]

    (base,) = best([english])
    (again,) = best([english])
    _, after = best([english, others])
    (mixed,) = best([english + others])
    rate = len(english) / base
    print(f"\ningest without analysis, articles/s (best of {repeat}; multilingual encoder loaded once "
          f"beforehand in {loading:.1f} s)")
    rows = [(f"(a) {len(english)} English demo articles, English path (baseline)", len(english), base),
            ("(b) the same again", len(english), again),
            (f"(c) {len(others)} fixture articles in fr/de/es/uk/ru after (a), multilingual path", len(others), after),
            (f"(d) all {len(english) + len(others)} in one run (multilingual from the first non-English)",
             len(english) + len(others), mixed)]
    for label, count, seconds in rows:
        print(f"  {label:78} {count / seconds:7.1f}   {count / seconds / rate:4.2f}")


def comparison_speed(repeat: int) -> None:
    _, stories = demo_stories(FIXTURE)
    embed = load_static_embedder().embed
    print(f"\ncomparison of one story, seconds (best of {repeat})")
    for label in ("turkey-earthquake", "munich-conference"):
        articles = stories[label]
        english = [a for a in articles if (a.language or "en") == "en"]

        def run(items):  # type: ignore[no-untyped-def]
            entities = canonical_entities({a.id: a.analysis.mentions for a in items}, {a.id: a.text for a in items})
            return lambda: compare_story(items, entities, embed)

        alone = best_of(repeat, run(english))
        started = time.perf_counter()
        run(articles)()
        first = time.perf_counter() - started
        again = best_of(repeat, run(articles))
        languages = sorted({a.language or "en" for a in articles})
        print(f"  {label}: {len(english)} English reports {alone:.2f} s; with {len(articles) - len(english)} more in "
              f"{'/'.join(code for code in languages if code != 'en')}: first {first:.2f} s ({first / alone:.0f}x), "
              f"again {again:.2f} s ({again / alone:.1f}x, sentences cached)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=["detection", "analysis", "ingest", "comparison"],
                        help="run one part alone")
    args = parser.parse_args()
    parts = {"detection": lambda: detection(), "analysis": lambda: analysis_speed(args.repeat),
             "ingest": lambda: ingest_speed(args.repeat), "comparison": lambda: comparison_speed(args.repeat)}
    for name, run in parts.items():
        if args.only in (None, name):
            run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
