"""`storyline eval`: quality measured against gold labels, each measure's rules in storyline.evaluate."""

from __future__ import annotations

import json
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Iterator, Optional

import typer
from rich.table import Table

from storyline.brief import load_brief, load_storylines
from storyline.cli_common import (
    DbOption,
    EngineOption,
    FolderArgument,
    JsonOption,
    SchedulerOption,
    WorkersOption,
    err,
    out,
    reports_errors,
    run_pipeline,
)
from storyline.errors import StorylineError
from storyline.evaluate.clusters import before_revision, cluster_scores, spread
from storyline.evaluate.gold import gold_includes, gold_labels, relative_path, relative_to_any
from storyline.model import Record, Rejection
from storyline.settings import Settings, settings_from_env
from storyline.store import Store, open_store

if TYPE_CHECKING:
    from storyline.pipeline import IngestReport

eval_app = typer.Typer(help="Measure quality against gold labels.", no_args_is_help=True)


def _gold_folder(folder: Path) -> Path:
    """The gold.json of a corpus folder (articles/ beside it), or a clear error."""
    gold = folder / "gold.json"
    if not gold.exists():
        raise StorylineError(f"{folder}: no gold.json here (a corpus folder holds articles/ and gold.json)")
    return gold


def print_scores(scores: dict[str, Any], as_json: bool, title: str, columns: list[str],
                 rows: list[list[str]]) -> None:
    """Scores as one JSON object (--json) or as a table for people."""
    if as_json:
        print(json.dumps(scores))
        return
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, justify="left" if column == columns[0] else "right")
    for row in rows:
        table.add_row(*row)
    out.print(table)


def _prf(scores: dict[str, Any], prefix: str) -> list[str]:
    return [f"{scores[f'{prefix}_{m}']:.3f}" for m in ("precision", "recall", "f1")]


@contextmanager
def _evaluation_store(items: list[Record | Rejection], settings: Settings,
                      db: str | None = None) -> Iterator[tuple[Store, IngestReport]]:
    """A temporary database with the items ingested; the user's database is never touched. With a
    PostgreSQL --db, a temporary schema in that database (dropped afterwards), else a temporary file."""
    from storyline.store import is_postgres_url
    from storyline.store.postgres import temporary_schema

    if db is not None and is_postgres_url(db):
        with temporary_schema(db, "storyline_eval") as schema, open_store(db, schema=schema) as store:
            yield store, run_pipeline(items, store, settings)
        return
    with tempfile.TemporaryDirectory(prefix="storyline-eval-") as tmp, open_store(Path(tmp) / "eval.db") as store:
        yield store, run_pipeline(items, store, settings)


def _story_by_origin(store: Store, result: IngestReport, revised: bool = True) -> dict[str, str]:
    """Each record's story; with revised=False, the story placement put it in before revision's moves
    and merges."""
    story_of = {article.id: story for article, story, _ in store.articles() if story is not None}
    if not revised:
        story_of = before_revision(story_of, result.revisions)
    return {origin: story_of[aid] for origin, aid in result.article_of.items() if aid in story_of}


@eval_app.command("clusters")
@reports_errors
def eval_clusters(
    path: Annotated[Path, typer.Argument(help="articles with gold labels (JSON Lines with 'gold'), or a folder")],
    gold: Annotated[Optional[Path], typer.Option(help="gold.json whose 'articles' map file paths to stories")] = None,
    split: Annotated[Optional[str], typer.Option(help="only records whose 'split' field is this")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
    engine: EngineOption = None,
    scheduler: SchedulerOption = None,
    workers: WorkersOption = None,
    orders: Annotated[int, typer.Option(help="also cluster in this many shuffled arrival orders and report "
                                             "the spread of their B-cubed F1")] = 0,
) -> None:
    """Cluster the articles in a temporary database and score the stories against the gold labels
    (with a PostgreSQL --db, in a temporary schema there; with --engine dask, on Dask workers), and
    the stories as placement left them before revision moved and merged some (`before_revision`). Ingest
    places articles oldest first, so a shuffled order changes only the order within a day (and of
    undated articles)."""
    from storyline.engine import check_engine_settings
    from storyline.sources import read_inputs

    settings = settings_from_env(db=db, analyze=False, engine=engine, scheduler=scheduler, workers=workers)
    check_engine_settings(settings)
    roots = [path, *(gold_includes(gold) if gold else [])]
    if split is not None:
        items = list(_split_records(path, split, settings))
    else:
        items = list(read_inputs([str(root) for root in roots], settings))
    labels = gold_labels(gold, path) if gold else None
    with _evaluation_store(items, settings, settings.db) as (store, result):
        predicted = _story_by_origin(store, result)
        placed = _story_by_origin(store, result, revised=False)
    truth = result.gold_of if labels is None else {
        o: labels[k] for o in predicted if (k := relative_to_any(o, roots)) in labels}
    if not truth:
        raise StorylineError(f"{path}: no record has a gold label ('gold' field, or --gold FILE)")
    scores: dict[str, Any] = cluster_scores(predicted, truth)
    scores["before_revision"] = cluster_scores(placed, truth)
    if orders > 0:
        import random

        f1s = []
        for seed in range(1, orders + 1):
            shuffled = list(items)
            random.Random(seed).shuffle(shuffled)
            with _evaluation_store(shuffled, settings, settings.db) as (store, result):
                f1s.append(cluster_scores(_story_by_origin(store, result), truth)["b3_f1"])
        scores["orders_b3_f1"], scores["order_spread"] = f1s, spread(f1s)
    print_scores(scores, as_json, f"clusters vs gold, {scores['items']} articles: {scores['clusters']} stories "
                 f"found, {scores['gold_clusters']} in the gold", ["measure", "precision", "recall", "F1"],
                 [["B-cubed", *_prf(scores, "b3")], ["pairwise", *_prf(scores, "pairwise")],
                  ["B-cubed before revision", *_prf(scores["before_revision"], "b3")],
                  *([[f"B-cubed F1 in {orders} shuffled orders (spread {scores['order_spread']:.3f})", "", "",
                      f"{min(scores['orders_b3_f1']):.3f}-{max(scores['orders_b3_f1']):.3f}"]] if orders > 0 else [])])


@eval_app.command("timeline")
@reports_errors
def eval_timeline(
    folder: FolderArgument = Path("examples/demo"),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Score timeline dates and storyline links against the gold, after ingesting in a temporary database."""
    from storyline.evaluate.timeline import storyline_scores, timeline_scores
    from storyline.sources import read_inputs

    gold = json.loads(_gold_folder(folder).read_text(encoding="utf-8"))
    articles = folder / "articles"
    settings = settings_from_env(db=db)
    items = list(read_inputs([str(articles)], settings))
    with _evaluation_store(items, settings, settings.db) as (store, result):
        story_of_path = {relative_path(origin, articles): story for origin, story in _story_by_origin(store, result).items()}
        predicted = {row.id: load_brief(store, row)["timeline"] for row in store.stories()}
        threads = [[s["id"] for s in t["stories"]] for t in load_storylines(store)]
    scores = {**timeline_scores(gold, story_of_path, predicted), **storyline_scores(gold, story_of_path, threads)}
    print_scores(scores, as_json, "timelines and storylines vs gold", ["measure", "precision", "recall", "F1"],
                 [["timeline dates", *_prf(scores, "date")], ["storyline links", *_prf(scores, "link")]])


@eval_app.command("analysis")
@reports_errors
def eval_analysis(
    folder: FolderArgument = Path("examples/demo"),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Score entities (alias groups), quotes (recall, speakers) and resolved dates against the gold."""
    from storyline.evaluate.analysis import score_demo

    _gold_folder(folder)
    scores = score_demo(folder)
    rows = [("entity alias pairs: F1", scores["entity_pairwise_f1"], scores["entity_gold_pairs"]),
            ("direct quotes: recall", scores["quote_recall"], scores["quote_gold"]),
            ("quote speakers: accuracy", scores["speaker_accuracy"], scores["quote_gold"]),
            ("indirect speech: recall", scores["indirect_recall"], scores["indirect_gold"]),
            ("dates: found", scores["date_recall"], scores["date_gold"]),
            ("dates: resolved right", scores["date_accuracy"], scores["date_gold"])]
    print_scores(scores, as_json, f"analysis vs gold, {scores['articles']} articles", ["measure", "score", "of"],
                 [[name, f"{value:.3f}", str(total)] for name, value, total in rows])
    by_language = scores.get("by_language", {})
    if not as_json and len(by_language) > 1:
        print_scores(scores, False, "by language", ["language", "articles", "quote recall", "speaker accuracy",
                                                     "dates found", "dates right"],
                     [[code, str(v["articles"]), f"{v['quote_recall']:.3f} of {v['quote_gold']}",
                       f"{v['speaker_accuracy']:.3f}", f"{v['date_recall']:.3f} of {v['date_gold']}",
                       f"{v['date_accuracy']:.3f}"] for code, v in by_language.items()])


@eval_app.command("quotes")
@reports_errors
def eval_quotes(
    path: Annotated[Path, typer.Argument(help="PolNeAR-format JSON Lines (text and annotated attributions), or the "
                                               "real set's folder (tests/fixtures/real: its quote_speakers.json)")],
    limit: Annotated[Optional[int], typer.Option(help="only the first N records")] = None,
    split: Annotated[str, typer.Option(help="with the real set's folder: train, dev or all")] = "all",
    errors: Annotated[bool, typer.Option("--errors", help="with --json: list wrong speakers, missed and unmatched quotes")] = False,
    referents: Annotated[Optional[Path], typer.Option(help="whom people took each pronoun or description source for "
                                                           "(JSON Lines; tests/fixtures/polnear_referents)")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Score direct quotations, their speakers and reported speech against annotated attributions
    (analysed as ingest analyses them; no database is written). The rules: docs/attribution.md."""
    from storyline.evaluate.quotes import predict_quotes, read_gold, score_quotes
    from storyline.evaluate.real_speakers import has_speakers, speaker_records
    from storyline.evaluate.referents import read_referents

    annotated = read_referents(referents) if referents else None  # a bad file is told before the analysis runs
    if path.is_dir() and has_speakers(path):
        records = speaker_records(path, split)[:limit]
        with tempfile.TemporaryDirectory() as work:
            feed = Path(work) / "articles.jsonl"
            feed.write_text("".join(json.dumps({k: r[k] for k in ("id", "source", "text")}, ensure_ascii=False) + "\n"
                                    for r in records), encoding="utf-8")
            predictions = predict_quotes(feed, records, settings_from_env(db=db))
    elif path.is_file():
        if split != "all":
            raise StorylineError(f"{path}: --split is for the real set's folder; a JSON Lines file is scored whole")
        records = read_gold(path, limit)
        predictions = predict_quotes(path, records, settings_from_env(db=db))
    else:
        raise StorylineError(f"{path}: no such file, nor a folder with quote_speakers.json")
    scores = score_quotes(records, predictions, annotated)
    if not errors:
        scores = {k: v for k, v in scores.items() if k not in ("speaker_errors", "missed", "unmatched")}

    def row(name: str, value: float | None, right: int, total: int) -> list[str]:
        return [name, "—" if value is None else f"{value:.3f}", f"{right} / {total}"]

    unread = scores["articles"] - scores["articles_analysed"]
    print_scores(scores, as_json, f"quotes vs annotated attributions, {scores['articles']} articles"
                 + (f" ({unread} could not be read and count as finding nothing)" if unread else "")
                 + (f"; {scores['speaker_referred_annotated']} pronoun and description sources as people read them"
                    if annotated is not None else ""),
                 ["measure", "score", "right / total"],
                 [line for line in [  # a measure the gold gives nothing to count (the real set has no reported speech) left out
                  row("direct quotations: recall", scores["direct_recall"], scores["direct_found"], scores["direct_gold"]),
                  row("… fragments of the writer's sentence", scores["fragment_recall"], scores["fragment_found"],
                      scores["fragment_gold"]),
                  row("direct quotations: precision", scores["direct_precision"], scores["predicted_direct_right"],
                      scores["predicted_direct"]),
                  row("… counting any attributed content", scores["direct_precision_attributed"],
                      scores["predicted_direct_attributed"], scores["predicted_direct"]),
                  row("speaker: source a name", scores["speaker_named_accuracy"], scores["speaker_named_right"],
                      scores["speaker_named"]),
                  row("speaker: pronoun or description", scores["speaker_referred_accuracy"],
                      scores["speaker_referred_right"], scores["speaker_referred"]),
                  row("speaker: anonymous source (null)", scores["speaker_anonymous_accuracy"],
                      scores["speaker_anonymous_right"], scores["speaker_anonymous"]),
                  row("… given the source phrase the article gives", scores["anonymous_phrase_share"],
                      scores["anonymous_phrased"], scores["speaker_anonymous"]),
                  row("unattributed (no speaker, no source phrase)", scores["unattributed_share"], scores["unattributed"],
                      scores["with_source"]),
                  row("speaker null (source phrase or none)", scores["speaker_null_share"], scores["speaker_null"],
                      scores["with_source"]),
                  row("… where the source is a person (name, pronoun, role)", scores["unattributed_person_share"],
                      scores["unattributed_person"], scores["with_person_source"]),
                  row("reported speech: recall", scores["indirect_recall"], scores["indirect_found"],
                      scores["indirect_gold"]),
                  *(row(f"speaker, the cue's {form}", scores[f"speaker_{form}_form_accuracy"],
                        scores[f"speaker_{form}_form_right"], scores[f"speaker_{form}_form_total"])
                    for form in ("name", "pronoun", "description", "none") if f"speaker_{form}_form_total" in scores)]
                  if not line[2].endswith(" / 0")])


@eval_app.command("dates")
@reports_errors
def eval_dates(
    path: Annotated[Path, typer.Argument(help="date gold (JSON Lines: id, published, start, end, date)")] = Path(
        "tests/fixtures/polnear_dates/dates.jsonl"),
    data: Annotated[Path, typer.Option(help="the articles the gold's ids name (id, text)")] = Path(
        "../shared/data/polnear/train.jsonl"),
    as_json: JsonOption = False,
) -> None:
    """Score the dates read from article text (as ingest reads them) against the day a careful reader
    gives each gold expression; with --json, every wrong reading too. The set: tests/fixtures/polnear_dates."""
    from storyline.evaluate.dates import predict_dates, read_date_gold, read_texts, score_dates

    gold = read_date_gold(path)
    scores = score_dates(gold, predict_dates(gold, read_texts(data, (item["id"] for item in gold))))
    print_scores(scores, as_json, f"dates vs gold, {scores['items']} expressions (unsure ones apart)",
                 ["expressions", "accuracy", "right / items"],
                 [["all", f"{scores['accuracy']:.3f}", f"{scores['right']} / {scores['items']}"],
                  *[[kind, f"{v['right'] / v['items']:.3f}", f"{v['right']} / {v['items']}"]
                    for kind, v in scores["by_kind"].items()]])


@eval_app.command("compare")
@reports_errors
def eval_compare(
    folder: Annotated[Path, typer.Argument(help="a corpus folder with articles/ and gold.json, an annotated "
                                                "real set (conflicts.json, lookalikes.json, updates.json, "
                                                "claim_groups.json), or a judged set (judgements.json, "
                                                "set.json)")] = Path("examples/demo"),
    as_json: JsonOption = False,
    db: DbOption = None,
    split: Annotated[str, typer.Option(help="real set: the items of this split (train, dev or all)")] = "all",
    events: Annotated[Optional[str], typer.Option(help="real set: only these events, comma-separated "
                                                       "(e.g. 20_ecb,20_ecbplus)")] = None,
    data: Annotated[Optional[Path], typer.Option(help="real set: the documents (JSON Lines with id, text, gold); "
                                                      "default: the folder's documents.jsonl, else "
                                                      "../shared/data/ecbplus/ecbplus_train_dev.jsonl (a judged "
                                                      "set: ../shared/data/polnear/train.jsonl)")] = None,
    per_event: Annotated[bool, typer.Option("--per-event", help="real set: a database for each event "
                                                                "instead of one for all")] = False,
    days: Annotated[Optional[str], typer.Option(help="real set: how the documents are dated: 'published' (the "
                                                     "day each was published, the folder's published.json; "
                                                     "the default where it has one) or 'updates' (one shared "
                                                     "day, and the annotated updates' order on a second "
                                                     "database)")] = None,
) -> None:
    """Score conflicts, claim statuses and quote-variant pairs of each gold story against the gold; on a
    real annotated set, conflicts, look-alikes, updates and claim groups of what each event's documents give."""
    from storyline.evaluate.compare import score_demo
    from storyline.evaluate.judged import evaluate_judged, is_judged_set, judged_rows
    from storyline.evaluate.real import evaluate_real, is_real_set, score_rows

    if is_judged_set(folder):
        chosen = [e.strip() for e in events.split(",") if e.strip()] if events else None
        scores = evaluate_judged(folder, data, chosen)
        print_scores(scores, as_json, f"predicted conflicts judged: {scores['judgements']} judgements",
                     ["measure", "score", "counts"], judged_rows(scores))
        return
    if is_real_set(folder):
        chosen = [e.strip() for e in events.split(",") if e.strip()] if events else None
        scores = evaluate_real(folder, settings_from_env(db=db), split, chosen, data, per_event,
                               on_run=lambda what, n, total: err.print(f"[{n}/{total}] {what}", highlight=False),
                               days_from=days)
        print_scores(scores, as_json, f"comparison on real reports ({split}): {scores['events']} events, "
                     f"{scores['documents']} documents, {scores['stories']} stories",
                     ["measure", "score", "counts", "target"], score_rows(scores))
        return
    _gold_folder(folder)
    scores = score_demo(folder)
    print_scores(scores, as_json, f"comparison vs gold, {scores['stories']} stories",
                 ["measure", "precision", "recall", "F1 / accuracy"],
                 [["conflicts", f"{scores['conflict_precision']:.3f}", f"{scores['conflict_recall']:.3f}", ""],
                  ["claim status", "", "", f"{scores['claim_status_accuracy']:.3f}"],
                  ["quote variant pairs", *_prf(scores, "quote_pair")]])
    if not as_json and "cross_language_conflicts_gold" in scores:
        out.print(f"across languages: {len(scores['cross_language_conflicts_found'])} of "
                  f"{scores['cross_language_conflicts_gold']} conflicts found, "
                  f"{scores['cross_language_quote_pairs_found']} of {scores['cross_language_quote_pairs_gold']} "
                  "translated quote pairs", highlight=False)


def _split_records(path: Path, split: str, settings: Settings) -> Iterator[Any]:
    from storyline.sources.files import read_bytes

    kept = []
    for line in path.read_bytes().split(b"\n"):
        try:
            if line.strip() and json.loads(line).get("split") == split:
                kept.append(line)
        except (ValueError, AttributeError):
            kept.append(line)
    return read_bytes(b"\n".join(kept), str(path), ".jsonl", path.stem, None, settings)
