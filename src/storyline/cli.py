"""The `storyline` command: one verb per thing a user wants to do."""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import sys
import tempfile
from contextlib import contextmanager, nullcontext
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from storyline import __version__
from storyline.brief import brief_markdown, load_brief, load_storylines
from storyline.cli_sources import sources_app
from storyline.errors import StorylineError
from storyline.evaluate.clusters import before_revision, cluster_scores, spread
from storyline.evaluate.gold import gold_includes, gold_labels, relative_path, relative_to_any
from storyline.export import ExportFormat, write_export
from storyline.model import Record, Rejection
from storyline.safety import terminal_text
from storyline.settings import Settings, settings_from_env
from storyline.store import Store, database_name, open_store

if TYPE_CHECKING:
    from storyline.engine import Engine

app = typer.Typer(help="Turn dated news articles from many outlets into stories with provenance.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
eval_app = typer.Typer(help="Measure quality against gold labels.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(sources_app, name="sources")

# Piped output is not squeezed into 80 columns: tables stay readable in files and CI logs.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True, soft_wrap=True)

JsonOption = Annotated[bool, typer.Option("--json", help="print JSON")]
FolderArgument = Annotated[Path, typer.Argument(help="a corpus folder with articles/ and gold.json")]
DbOption = Annotated[Optional[str], typer.Option("--db", help="database: a SQLite file or postgresql://user:pass@host:port/name "
                                                         "(env STORYLINE_DB)", show_default="storyline.db")]
EngineOption = Annotated[Optional[str], typer.Option(help="where the per-article stages run: local (this process) "
                                                          "or dask (env STORYLINE_ENGINE)", show_default="local")]
SchedulerOption = Annotated[Optional[str], typer.Option(help="with --engine dask: a running cluster's scheduler, "
                                                             "tcp://HOST:PORT (env STORYLINE_SCHEDULER)")]
WorkersOption = Annotated[Optional[int], typer.Option(help="with --engine dask and no --scheduler: start a local "
                                                           "cluster of this many worker processes (default: one per CPU)")]


def _plain(value: object, style: str = "") -> Text:
    """Data (a title, an outlet, a URL) for a table cell or a line: rich never reads it as markup,
    and escape sequences, NUL and line breaks are shown as harmless characters."""
    return Text(terminal_text(value), style=style)


def _say(console: Console, *parts: object) -> None:
    """A line of data for people: each part shown as plain text, controls neutralised."""
    console.print(terminal_text("".join(str(part) for part in parts)), markup=False, highlight=False, emoji=False)


def _reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Print a StorylineError as one line and exit 1 (the status of every failure), instead of a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except StorylineError as exc:
            _say(err, "error: ", exc)
            raise typer.Exit(1) from None

    return wrapper


def _settings(db: str | None, **overrides: Any) -> Settings:
    return settings_from_env(db=db, **overrides)


def _open(settings: Settings, create: bool = False) -> Store:
    return open_store(settings.db, create=create)


PrivateOption = Annotated[bool, typer.Option("--allow-private-network",
                                            help="let the web client reach private and loopback addresses (tests, intranets)")]


def _is_web_target(path: str) -> bool:
    return bool(re.match(r"^https?://", path, re.IGNORECASE)) or path.lower().endswith(".opml")


@app.command()
@_reports_errors
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, folders, - for stdin, URLs of feeds or pages, OPML lists")],
    db: DbOption = None,
    source: Annotated[Optional[str], typer.Option(help="the outlet's name for every record")] = None,
    max_file_mb: Annotated[Optional[float], typer.Option(help="largest input file accepted, in MB")] = None,
    allow_private_network: PrivateOption = False,
    language: Annotated[Optional[str], typer.Option(
        help="the language of every record (ISO 639-1: en, fr, de, es, uk, ru …), over detection and the records' own")] = None,
    engine: EngineOption = None,
    scheduler: SchedulerOption = None,
    workers: WorkersOption = None,
) -> None:
    """Add articles, group copies, and assign each article to a story."""
    from storyline.engine import check_engine_settings, open_engine
    from storyline.sources import read_inputs

    code = _language_code(language) if language is not None else None
    settings = _settings(db, allow_private_network=allow_private_network or None, engine=engine,
                         scheduler=scheduler, workers=workers,
                         **({"max_file_bytes": int(max_file_mb * 2**20)} if max_file_mb else {}))
    check_engine_settings(settings)  # before any file is read
    web = [p for p in paths if _is_web_target(p)]
    # The engine first: a scheduler that cannot be reached leaves no new, empty database behind.
    with open_engine(settings) as engine, _open(settings, create=True) as store:
        items = list(read_inputs([p for p in paths if not _is_web_target(p)], settings, source=source))
        if web:
            from storyline.pipeline import gather_web, web_client

            with web_client(settings) as client:
                items += gather_web(web, client, store, source)[0]
        if code is not None:
            items = [dataclasses.replace(item, language=code) if isinstance(item, Record) else item for item in items]
        report = _ingest_items(items, store, settings, engine)
    if report.rejected:
        raise typer.Exit(1)


def _language_code(language: str) -> str:
    """The --language value as the ISO 639-1 code every record of the run is given (detection and the
    records' own `language` yield to it), or a clear error before anything is read."""
    from lingua import IsoCode639_1

    code = language.strip().lower()
    if not re.fullmatch(r"[a-z]{2}", code) or not hasattr(IsoCode639_1, code.upper()):
        raise StorylineError(f"--language {language!r}: give a two-letter ISO 639-1 code, such as en, fr, de, es, uk or ru")
    return code


def _run_pipeline(items: list, store: Store, settings: Settings, engine: Engine | None = None):
    """Run the pipeline over items with a progress bar, printing each rejection as it comes; the
    per-article stages run on the engine given, else on one the settings name, opened for this run."""
    from storyline.engine import open_engine
    from storyline.pipeline import ingest as run_ingest

    with (nullcontext(engine) if engine is not None else open_engine(settings)) as engine, _progress() as progress:
        task = progress.add_task("ingesting", total=len(items))
        return run_ingest(items, store, settings, on_rejection=_print_rejection,
                          progress=lambda n: progress.advance(task, n), engine=engine)


def _ingest_items(items: list, store: Store, settings: Settings, engine: Engine | None = None):
    """Ingest into the user's database: notes, rejections and the summary line for the user."""
    for item in items:
        if getattr(item, "note", None):
            _say(err, f"note: {item.origin}: {item.note}")
    report = _run_pipeline(items, store, settings, engine)
    out.print(f"{report.summary()}; {store.count('stories')} stories in {store.name}", highlight=False, markup=False)
    return report


def _parse_every(text: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text)
    if not match:
        raise StorylineError(f"--every {text!r}: use a number with s, m, h or d (e.g. 15m)")
    return float(match.group(1)) * {"": 60, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]


@app.command()
@_reports_errors
def watch(
    feeds: Annotated[Optional[list[str]], typer.Argument(help="feed URLs or OPML lists to subscribe to first")] = None,
    db: DbOption = None,
    every: Annotated[str, typer.Option(help="how often to look for due feeds: 30s, 15m, 1h")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="poll every subscribed feed once, then stop")] = False,
    source: Annotated[Optional[str], typer.Option(help="the outlet's name for the feeds given here")] = None,
    allow_private_network: PrivateOption = False,
) -> None:
    """Poll feeds and keep stories current until stopped (Ctrl-C stops cleanly)."""
    import time

    from storyline.engine import open_engine
    from storyline.pipeline import gather_web, web_client

    settings = _settings(db, allow_private_network=allow_private_network or None)
    pause = _parse_every(every)
    # One engine for the whole watch: a Dask cluster (and its workers' loaded models) is started once.
    with _open(settings, create=True) as store, web_client(settings) as client, open_engine(settings) as engine:
        targets = list(feeds or [])
        if not targets and not store.feeds():
            raise StorylineError("no feeds to watch: give feed URLs or an OPML list")
        try:
            while True:
                items, states = gather_web(targets, client, store, source, only_due=not once and not targets)
                # A target refused before it gave a feed (an unsafe address, no answer, not a feed) has no
                # feed state, only a rejection: it was polled, and it failed.
                polled = {state.url for state in states}
                refused = {item.origin for item in items if isinstance(item, Rejection) and item.origin in targets
                           and item.origin not in polled}
                targets = []
                stamp = datetime.now().strftime("%H:%M:%S")
                failed = sum(1 for state in states if state.last_error) + len(refused)
                total = len(states) + len(refused)
                new_entries = sum(1 for item in items if isinstance(item, Record))
                err.print(f"{stamp} polled {total} feeds ({failed} failed), {new_entries} new entries",
                          highlight=False, markup=False)
                _ingest_items(items, store, settings, engine)
                if total and failed == total and (once or not store.feeds()):
                    raise StorylineError(f"every feed failed ({failed} of {total}); the errors above say why")
                if once:
                    break
                time.sleep(pause)
        except KeyboardInterrupt:
            err.print("stopped", highlight=False)


def _print_rejection(rejection: Rejection) -> None:
    _say(err, "error: ", rejection)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True, disable=not err.is_terminal)


@app.command()
@_reports_errors
def stories(
    db: DbOption = None,
    as_json: JsonOption = False,
    limit: Annotated[Optional[int], typer.Option(help="at most this many stories")] = None,
) -> None:
    """List stories, newest first."""
    with _open(_settings(db)) as store:
        rows = store.stories(limit=limit)
        if as_json:
            print(json.dumps([load_brief(store, row) for row in rows], ensure_ascii=False, indent=1))
            return
        table = Table(title=f"{len(rows)} stories", title_justify="left")
        table.add_column("story", no_wrap=True)
        table.add_column("title", overflow="fold", ratio=1)
        table.add_column("dates", no_wrap=True)
        table.add_column("outlets", justify="right")
        table.add_column("reports", justify="right")
        table.add_column("articles", justify="right")
        for row in rows:
            brief = load_brief(store, row)
            dates = row.first_seen or "undated"
            if row.last_seen and row.last_seen != row.first_seen:
                dates += f" → {row.last_seen}"
            table.add_row(_plain(row.id), _plain(row.title), dates, str(len(brief["outlets"])), str(brief["independent_reports"]),
                          str(len(brief["articles"])))
        out.print(table)


@app.command()
@_reports_errors
def show(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="story id (or a unique prefix)")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the brief as JSON")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="print the brief as Markdown")] = False,
) -> None:
    """One story's brief."""
    with _open(_settings(db)) as store:
        row = store.story(story_id)
        if row is None:
            raise StorylineError(f"no story {story_id!r} in {store.name}; `storyline stories` lists them")
        brief = load_brief(store, row)
    if as_json:
        print(json.dumps(brief, ensure_ascii=False, indent=1))
    elif markdown:
        print(brief_markdown(brief), end="")
    else:
        out.print(terminal_text(brief_markdown(brief), one_line=False), markup=False, highlight=False, emoji=False)


@app.command("storylines")
@_reports_errors
def storylines_command(
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Threads of linked stories about one developing topic, newest first."""
    with _open(_settings(db)) as store:
        threads_ = load_storylines(store)
    if as_json:
        print(json.dumps(threads_, ensure_ascii=False, indent=1))
        return
    table = Table(title=f"{len(threads_)} storylines", title_justify="left")
    table.add_column("storyline", no_wrap=True)
    table.add_column("stories, oldest first", overflow="fold", ratio=1)
    table.add_column("dates", no_wrap=True)
    for thread in threads_:
        table.add_row(thread["id"], Text("\n").join(_plain(f"{s['first_seen']} {s['title']}") for s in thread["stories"]),
                      f"{thread['first_seen']} → {thread['last_seen']}")
    out.print(table)


@app.command("storyline")
@_reports_errors
def storyline_command(
    storyline_id: Annotated[str, typer.Argument(metavar="ID", help="storyline id, or the id of one of its stories")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One storyline: its stories in order and one merged timeline."""
    with _open(_settings(db)) as store:
        threads_ = load_storylines(store)
    thread = next((t for t in threads_ if t["id"].startswith(storyline_id)
                   or any(s["id"].startswith(storyline_id) for s in t["stories"])), None)
    if thread is None:
        raise StorylineError(f"no storyline {storyline_id!r}; `storyline storylines` lists them")
    if as_json:
        print(json.dumps(thread, ensure_ascii=False, indent=1))
        return
    out.print(Text.assemble(_plain(thread["title"], "bold"), f"  {thread['first_seen']} → {thread['last_seen']}"))
    for story in thread["stories"]:
        _say(out, f"  {story['first_seen']}  {story['title']}  ({story['id']})")
    out.print("")
    for entry in thread["timeline"]:
        _say(out, f"{entry['date']:<10}  {entry['text']}  [{', '.join(entry['sources'])}]")


@app.command("entity")
@_reports_errors
def entity_command(
    name: Annotated[str, typer.Argument(help="a name as any outlet spells it")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """A person (or organisation, place) across stories: aliases, stories, and every quote over time."""
    from storyline.lookup import find_entity, names_entity

    found: dict[str, Any] = {"name": None, "type": None, "aliases": set(), "stories": [], "quotes": []}
    with _open(_settings(db)) as store:
        record = find_entity(store, name)
        for story_id, brief in store.briefs_with_speaker() if record else ():
            entity = next((e for e in brief.get("entities", []) if names_entity(record, e)), None)
            if entity is None:
                continue
            found["name"] = found["name"] or entity["name"]
            found["type"] = found["type"] or entity["type"]
            found["aliases"] |= set(entity.get("aliases", []))
            row = store.story(story_id)
            found["stories"].append({"id": story_id, "title": row.title if row else "", "mentions": entity["mentions"],
                                     "first_seen": row.first_seen if row else None})
            found["quotes"] += [dict(q, story=story_id, first_seen=row.first_seen if row else None)
                                for q in brief.get("quotes", []) if q.get("speaker") == entity["name"]]
    if found["name"] is None:
        raise StorylineError(f"no entity named {name!r} in any story")
    found["aliases"] = sorted(found["aliases"] - {found["name"]})
    if as_json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return
    out.print(Text.assemble(_plain(found["name"], "bold"),
                            _plain(f" ({found['type']}) — also {', '.join(found['aliases']) or 'no other name'}")))
    for story in found["stories"]:
        _say(out, f"  {story['first_seen']}  {story['title']}  ({story['id']}, {story['mentions']} mentions)")
    for quote in found["quotes"]:
        _say(out, f"  “{quote['text']}” — {', '.join(quote['sources'])}")


@app.command()
@_reports_errors
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="jsonl, csv or parquet")] = ExportFormat.jsonl,
    output: Annotated[Optional[Path], typer.Option("--out", "-o", help="file to write (stdout if absent)")] = None,
    db: DbOption = None,
) -> None:
    """Everything, for other tools: articles (and, in JSON Lines, stories)."""
    with _open(_settings(db)) as store:
        write_export(store, fmt, sys.stdout, output)


@app.command()
@_reports_errors
def report(
    db: DbOption = None,
    output: Annotated[Path, typer.Option("--out", "-o", help="folder to write")] = Path("storyline-report"),
) -> None:
    """Write a static HTML report: an index of stories and one page per story."""
    from storyline.web.report import write_report

    with _open(_settings(db)) as store:
        index = write_report(store, output)
    out.print(f"wrote {index}", highlight=False, markup=False)


def _gold_folder(folder: Path) -> Path:
    """The gold.json of a corpus folder (articles/ beside it), or a clear error."""
    gold = folder / "gold.json"
    if not gold.exists():
        raise StorylineError(f"{folder}: no gold.json here (a corpus folder holds articles/ and gold.json)")
    return gold


def _print_scores(scores: dict[str, Any], as_json: bool, title: str, columns: list[str],
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
def _evaluation_store(items: list, settings: Settings, db: str | None = None) -> Iterator[tuple[Store, Any]]:
    """A temporary database with the items ingested; the user's database is never touched. With a
    PostgreSQL --db, a temporary schema in that database (dropped afterwards), else a temporary file."""
    from storyline.store import is_postgres_url
    from storyline.store.postgres import temporary_schema

    if db is not None and is_postgres_url(db):
        with temporary_schema(db, "storyline_eval") as schema, open_store(db, schema=schema) as store:
            yield store, _run_pipeline(items, store, settings)
        return
    with tempfile.TemporaryDirectory(prefix="storyline-eval-") as tmp, open_store(Path(tmp) / "eval.db") as store:
        yield store, _run_pipeline(items, store, settings)


def _story_by_origin(store: Store, result: Any, revised: bool = True) -> dict[str, str]:
    """Each record's story; with revised=False, the story placement put it in before revision's moves
    and merges."""
    story_of = {article.id: story for article, story, _ in store.articles()}
    if not revised:
        story_of = before_revision(story_of, result.revisions)
    return {origin: story_of[aid] for origin, aid in result.article_of.items() if aid in story_of}


@eval_app.command("clusters")
@_reports_errors
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

    settings = _settings(db, analyze=False, engine=engine, scheduler=scheduler, workers=workers)
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
    _print_scores(scores, as_json, f"clusters vs gold, {scores['items']} articles: {scores['clusters']} stories "
                  f"found, {scores['gold_clusters']} in the gold", ["measure", "precision", "recall", "F1"],
                  [["B-cubed", *_prf(scores, "b3")], ["pairwise", *_prf(scores, "pairwise")],
                   ["B-cubed before revision", *_prf(scores["before_revision"], "b3")],
                   *([[f"B-cubed F1 in {orders} shuffled orders (spread {scores['order_spread']:.3f})", "", "",
                       f"{min(scores['orders_b3_f1']):.3f}-{max(scores['orders_b3_f1']):.3f}"]] if orders > 0 else [])])


@eval_app.command("timeline")
@_reports_errors
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
    settings = _settings(db)
    items = list(read_inputs([str(articles)], settings))
    with _evaluation_store(items, settings, settings.db) as (store, result):
        story_of_path = {relative_path(origin, articles): story for origin, story in _story_by_origin(store, result).items()}
        predicted = {row.id: load_brief(store, row)["timeline"] for row in store.stories()}
        threads = [[s["id"] for s in t["stories"]] for t in load_storylines(store)]
    scores = {**timeline_scores(gold, story_of_path, predicted), **storyline_scores(gold, story_of_path, threads)}
    _print_scores(scores, as_json, "timelines and storylines vs gold", ["measure", "precision", "recall", "F1"],
                  [["timeline dates", *_prf(scores, "date")], ["storyline links", *_prf(scores, "link")]])


@eval_app.command("analysis")
@_reports_errors
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
    _print_scores(scores, as_json, f"analysis vs gold, {scores['articles']} articles", ["measure", "score", "of"],
                  [[name, f"{value:.3f}", str(total)] for name, value, total in rows])
    by_language = scores.get("by_language", {})
    if not as_json and len(by_language) > 1:
        _print_scores(scores, False, "by language", ["language", "articles", "quote recall", "speaker accuracy",
                                                      "dates found", "dates right"],
                      [[code, str(v["articles"]), f"{v['quote_recall']:.3f} of {v['quote_gold']}",
                        f"{v['speaker_accuracy']:.3f}", f"{v['date_recall']:.3f} of {v['date_gold']}",
                        f"{v['date_accuracy']:.3f}"] for code, v in by_language.items()])


@eval_app.command("quotes")
@_reports_errors
def eval_quotes(
    path: Annotated[Path, typer.Argument(help="PolNeAR-format JSON Lines: text and annotated attributions")],
    limit: Annotated[Optional[int], typer.Option(help="only the first N records")] = None,
    errors: Annotated[bool, typer.Option("--errors", help="with --json: list wrong speakers, missed and unmatched quotes")] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Score direct quotations, their speakers and reported speech against annotated attributions
    (analysed as ingest analyses them; no database is written). The rules: docs/attribution.md."""
    from storyline.evaluate.quotes import predict_quotes, read_gold, score_quotes

    if not path.is_file():
        raise StorylineError(f"{path}: no such file")
    records = read_gold(path, limit)
    scores = score_quotes(records, predict_quotes(path, records, _settings(db)))
    if not errors:
        scores = {k: v for k, v in scores.items() if k not in ("speaker_errors", "missed", "unmatched")}

    def row(name: str, value: float | None, right: int, total: int) -> list[str]:
        return [name, "—" if value is None else f"{value:.3f}", f"{right} / {total}"]

    unread = scores["articles"] - scores["articles_analysed"]
    _print_scores(scores, as_json, f"quotes vs annotated attributions, {scores['articles']} articles"
                  + (f" ({unread} could not be read and count as finding nothing)" if unread else ""),
                  ["measure", "score", "right / total"],
                  [row("direct quotations: recall", scores["direct_recall"], scores["direct_found"], scores["direct_gold"]),
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
                   row("unattributed (speaker null)", scores["unattributed_share"], scores["unattributed"],
                       scores["with_source"]),
                   row("… where the source is a person (name, pronoun, role)", scores["unattributed_person_share"],
                       scores["unattributed_person"], scores["with_person_source"]),
                   row("reported speech: recall", scores["indirect_recall"], scores["indirect_found"],
                       scores["indirect_gold"])])


@eval_app.command("dates")
@_reports_errors
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
    _print_scores(scores, as_json, f"dates vs gold, {scores['items']} expressions (unsure ones apart)",
                  ["expressions", "accuracy", "right / items"],
                  [["all", f"{scores['accuracy']:.3f}", f"{scores['right']} / {scores['items']}"],
                   *[[kind, f"{v['right'] / v['items']:.3f}", f"{v['right']} / {v['items']}"]
                     for kind, v in scores["by_kind"].items()]])


@eval_app.command("compare")
@_reports_errors
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
) -> None:
    """Score conflicts, claim statuses and quote-variant pairs of each gold story against the gold; on a
    real annotated set, conflicts, look-alikes, updates and claim groups of what each event's documents give."""
    from storyline.evaluate.compare import score_demo
    from storyline.evaluate.judged import evaluate_judged, is_judged_set, judged_rows
    from storyline.evaluate.real import evaluate_real, is_real_set, score_rows

    if is_judged_set(folder):
        chosen = [e.strip() for e in events.split(",") if e.strip()] if events else None
        scores = evaluate_judged(folder, data, chosen)
        _print_scores(scores, as_json, f"predicted conflicts judged: {scores['judgements']} judgements",
                      ["measure", "score", "counts"], judged_rows(scores))
        return
    if is_real_set(folder):
        chosen = [e.strip() for e in events.split(",") if e.strip()] if events else None
        scores = evaluate_real(folder, _settings(db), split, chosen, data, per_event,
                               on_run=lambda what, n, total: err.print(f"[{n}/{total}] {what}", highlight=False))
        _print_scores(scores, as_json, f"comparison on real reports ({split}): {scores['events']} events, "
                      f"{scores['documents']} documents, {scores['stories']} stories",
                      ["measure", "score", "counts", "target"], score_rows(scores))
        return
    _gold_folder(folder)
    scores = score_demo(folder)
    _print_scores(scores, as_json, f"comparison vs gold, {scores['stories']} stories",
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


@app.command()
@_reports_errors
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    token: Annotated[Optional[str], typer.Option(envvar="STORYLINE_TOKEN",
                                                 help="accept POST /api/articles with this bearer token")] = None,
    allowed_host: Annotated[Optional[list[str]], typer.Option(
        "--allowed-host", help="a Host name the server answers to (repeat for more; '*' for any). "
                               "Default: the --host address and localhost")] = None,
) -> None:
    """Serve the web UI and the JSON API (read-only unless a token is given)."""
    from storyline.api import serve as run_server

    settings = _settings(db)
    _open(settings).close()  # a clear error for a missing database, before the server starts
    run_server(settings.db, host=host, port=port, token=token, settings=settings, allowed_hosts=allowed_host or None)


@app.command()
@_reports_errors
def check(
    db: DbOption = None,
    repair: Annotated[bool, typer.Option("--repair", help="rebuild derived indexes, analyses and briefs")] = False,
) -> None:
    """Check the database: integrity, orphan rows, the search index and derived briefs against the tables, and
    analyses and briefs another version of storyline made."""
    with _open(_settings(db)) as store:
        from storyline.pipeline import bring_up_to_date, outdated

        problems = store.problems() + outdated(store)
        for problem in problems:
            _say(err, f"problem: {problem}")
        if repair and problems:
            store.rebuild_search_index()
            analysed, refreshed = bring_up_to_date(store)
            out.print(f"rebuilt the search index; analysed {analysed} articles again; refreshed {refreshed} briefs",
                      highlight=False, markup=False)
            problems = store.problems() + outdated(store)
            for problem in problems:
                _say(err, f"still: {problem}")
        out.print(f"{len(problems)} problems in {store.name} ({store.count('articles')} articles, "
                  f"{store.count('stories')} stories)", highlight=False, markup=False)
    if problems:
        raise typer.Exit(1)


@app.command()
@_reports_errors
def migrate(
    source: Annotated[str, typer.Option("--from", help="the database to copy: a SQLite file or a postgresql:// URL")],
    target: Annotated[str, typer.Option("--to", help="an empty (or new) database to copy it into")],
    as_json: JsonOption = False,
) -> None:
    """Copy a whole database into another (SQLite ↔ PostgreSQL), then compare row counts and checksums."""
    from storyline.store.copy import copy_store

    if database_name(source) == database_name(target):
        raise StorylineError(f"--from and --to both name {database_name(source)}")
    with open_store(source, create=False) as origin, open_store(target, create=True) as copy:
        tables = copy_store(origin, copy)
        names = origin.name, copy.name
    differ = [t.table for t in tables if not t.same]
    if as_json:
        print(json.dumps({"from": names[0], "to": names[1], "same": not differ,
                          "tables": [{"table": t.table, "from_rows": t.source_rows, "to_rows": t.target_rows,
                                      "from_checksum": t.source_checksum, "to_checksum": t.target_checksum}
                                     for t in tables]}, indent=1))
    else:
        table = Table(title=_plain(f"{names[0]} → {names[1]}"), title_justify="left")
        for column in ("table", "rows from", "rows to", "checksum from", "checksum to", ""):
            table.add_column(column, justify="right" if column.startswith("rows") else "left")
        for t in tables:
            table.add_row(t.table, str(t.source_rows), str(t.target_rows), t.source_checksum, t.target_checksum,
                          "same" if t.same else "DIFFERENT")
        out.print(table)
    if differ:
        err.print(f"error: the copy differs from the original in {', '.join(differ)}", markup=False, highlight=False)
        raise typer.Exit(1)


@app.command()
@_reports_errors
def setup() -> None:
    """Prepare the local models: distil the static sentence model from the packaged MiniLM (once)."""
    from storyline.embed import load_static_embedder, static_model_path

    load_static_embedder()
    out.print(f"static sentence model ready at {static_model_path()}", highlight=False, markup=False)


def version_callback(value: bool) -> None:
    if value:
        print(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True)] = False) -> None:
    """storyline: stories, quotes and claims across outlets, with provenance."""


def main() -> None:
    app()
