"""The `storyline` command: one verb per thing a user wants to do."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Iterable, Iterator, Optional

import typer
from rich.table import Table
from rich.text import Text

from storyline import __version__
from storyline.brief import brief_markdown, load_brief, load_storylines
from storyline.cli_common import (
    DbOption,
    EngineOption,
    JsonOption,
    SchedulerOption,
    WorkersOption,
    err,
    out,
    plain,
    reports_errors,
    run_pipeline,
    say,
)
from storyline.cli_eval import eval_app
from storyline.cli_sources import sources_app
from storyline.errors import StorylineError
from storyline.export import ExportFormat, write_export
from storyline.model import Record, Rejection
from storyline.progressions import (
    kept_for,
    newest_story_storyline,
    progressions_markdown,
    storyline_markdown,
    with_progressions,
)
from storyline.safety import terminal_text
from storyline.settings import Settings, settings_from_env
from storyline.store import Store, database_name, open_store

if TYPE_CHECKING:
    from storyline.engine import Engine

app = typer.Typer(help="Turn dated news articles from many outlets into stories with provenance.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
app.add_typer(eval_app, name="eval")
app.add_typer(sources_app, name="sources")



def _settings(db: str | None, **overrides: Any) -> Settings:
    return settings_from_env(db=db, **overrides)


def _open(settings: Settings, create: bool = False) -> Store:
    return open_store(settings.db, create=create)


PrivateOption = Annotated[bool, typer.Option("--allow-private-network",
                                            help="let the web client reach private and loopback addresses (tests, intranets)")]


def _is_web_target(path: str) -> bool:
    return bool(re.match(r"^https?://", path, re.IGNORECASE)) or path.lower().endswith(".opml")


@app.command()
@reports_errors
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
        gathered: list[Record | Rejection] = []
        if web:
            from storyline.pipeline import gather_web, web_client

            with web_client(settings) as client:
                gathered = gather_web(web, client, store, source)[0]
        # The files' records are read as the run takes them in, never all at once: a record is let go
        # once its article is made (whose text waits on disk for its chunk, spool.py).
        items: Iterable[Record | Rejection] = chain(
            read_inputs([p for p in paths if not _is_web_target(p)], settings, source=source), gathered)
        if code is not None:
            items = (dataclasses.replace(item, language=code) if isinstance(item, Record) else item for item in items)
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


def _ingest_items(items: Iterable[Record | Rejection], store: Store, settings: Settings,
                  engine: Engine | None = None):
    """Ingest into the user's database: notes (as each item is read), rejections and the summary line
    for the user."""
    def noted() -> Iterator[Record | Rejection]:
        for item in items:
            if getattr(item, "note", None):
                say(err, f"note: {item.origin}: {item.note}")
            yield item

    report = run_pipeline(noted(), store, settings, engine)
    out.print(f"{report.summary()}; {store.count('stories')} stories in {store.name}", highlight=False, markup=False)
    return report


def _parse_every(text: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text)
    if not match:
        raise StorylineError(f"--every {text!r}: use a number with s, m, h or d (e.g. 15m)")
    return float(match.group(1)) * {"": 60, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]


@app.command()
@reports_errors
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


@app.command()
@reports_errors
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
            table.add_row(plain(row.id), plain(row.title), dates, str(len(brief["outlets"])), str(brief["independent_reports"]),
                          str(len(brief["articles"])))
        out.print(table)


@app.command()
@reports_errors
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
        # the newest story of a storyline shows what changed across the storyline's stories
        found = None if as_json else newest_story_storyline(store, row.id)
        changed = progressions_markdown(kept_for(store, *found)) if found else ""
    if as_json:
        print(json.dumps(brief, ensure_ascii=False, indent=1))
        return
    shown = brief_markdown(brief) + (f"\n{changed}" if changed else "")
    if markdown:
        print(shown, end="")
    else:
        out.print(terminal_text(shown, one_line=False), markup=False, highlight=False, emoji=False)


@app.command("storylines")
@reports_errors
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
        table.add_row(thread["id"], Text("\n").join(plain(f"{s['first_seen']} {s['title']}") for s in thread["stories"]),
                      f"{thread['first_seen']} → {thread['last_seen']}")
    out.print(table)


@app.command("storyline")
@reports_errors
def storyline_command(
    storyline_id: Annotated[str, typer.Argument(metavar="ID", help="storyline id, or the id of one of its stories")],
    db: DbOption = None,
    as_json: JsonOption = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="print as Markdown")] = False,
) -> None:
    """One storyline: its stories in order, what changed across them, and one merged timeline."""
    with _open(_settings(db)) as store:
        threads_ = load_storylines(store)
        thread = next((t for t in threads_ if t["id"].startswith(storyline_id)
                       or any(s["id"].startswith(storyline_id) for s in t["stories"])), None)
        if thread is None:
            raise StorylineError(f"no storyline {storyline_id!r}; `storyline storylines` lists them")
        thread = with_progressions(store, thread)
    if as_json:
        print(json.dumps(thread, ensure_ascii=False, indent=1))
        return
    changed = progressions_markdown(thread.get("progressions"))
    if markdown:
        print(storyline_markdown(thread, changed), end="")
        return
    out.print(Text.assemble(plain(thread["title"], "bold"), f"  {thread['first_seen']} → {thread['last_seen']}"))
    for story in thread["stories"]:
        say(out, f"  {story['first_seen']}  {story['title']}  ({story['id']})")
    out.print("")
    if changed:
        out.print(terminal_text(changed, one_line=False), markup=False, highlight=False, emoji=False)
    for entry in thread["timeline"]:
        say(out, f"{entry['date']:<10}  {entry['text']}  [{', '.join(entry['sources'])}]")


@app.command("entity")
@reports_errors
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
    out.print(Text.assemble(plain(found["name"], "bold"),
                            plain(f" ({found['type']}) — also {', '.join(found['aliases']) or 'no other name'}")))
    for story in found["stories"]:
        say(out, f"  {story['first_seen']}  {story['title']}  ({story['id']}, {story['mentions']} mentions)")
    for quote in found["quotes"]:
        say(out, f"  “{quote['text']}” — {', '.join(quote['sources'])}")


@app.command()
@reports_errors
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="jsonl, csv or parquet")] = ExportFormat.jsonl,
    output: Annotated[Optional[Path], typer.Option("--out", "-o", help="file to write (stdout if absent)")] = None,
    db: DbOption = None,
) -> None:
    """Everything, for other tools: articles (and, in JSON Lines, stories)."""
    with _open(_settings(db)) as store:
        write_export(store, fmt, sys.stdout, output)


@app.command()
@reports_errors
def report(
    db: DbOption = None,
    output: Annotated[Path, typer.Option("--out", "-o", help="folder to write")] = Path("storyline-report"),
) -> None:
    """Write a static HTML report: an index of stories and one page per story."""
    from storyline.web.report import write_report

    with _open(_settings(db)) as store:
        index = write_report(store, output)
    out.print(f"wrote {index}", highlight=False, markup=False)


@app.command()
@reports_errors
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
@reports_errors
def check(
    db: DbOption = None,
    repair: Annotated[bool, typer.Option("--repair", help="rebuild derived indexes, analyses, briefs, links and progressions; "
                                                         "revise the stories a killed run left unrevised")] = False,
) -> None:
    """Check the database: integrity, orphan rows, the search index and derived briefs against the tables,
    analyses, briefs and storyline links another version of storyline made, articles a killed run placed
    and did not revise, storyline links and storylines' progressions not yet computed."""
    with _open(_settings(db)) as store:
        from storyline.pipeline import ingest
        from storyline.upgrade import bring_up_to_date, outdated

        problems = store.problems() + outdated(store)
        for problem in problems:
            say(err, f"problem: {problem}")
        if repair and problems:
            store.rebuild_search_index()
            if unrevised := len(store.owed_revision()):  # a run killed before its revision: make its end
                ingest([], store, _settings(db))
                out.print(f"revised the stories of {unrevised} articles a killed run placed", highlight=False, markup=False)
            analysed, refreshed, relinked, progressions = bring_up_to_date(store)
            out.print(f"rebuilt the search index; analysed {analysed} articles again; refreshed {refreshed} briefs; "
                      f"linked {relinked} stories again; made the progressions of {progressions} storylines",
                      highlight=False, markup=False)
            problems = store.problems() + outdated(store)
            for problem in problems:
                say(err, f"still: {problem}")
        out.print(f"{len(problems)} problems in {store.name} ({store.count('articles')} articles, "
                  f"{store.count('stories')} stories)", highlight=False, markup=False)
    if problems:
        raise typer.Exit(1)


@app.command()
@reports_errors
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
        table = Table(title=plain(f"{names[0]} → {names[1]}"), title_justify="left")
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
@reports_errors
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
def _main(version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True)] = False,
          db: DbOption = None) -> None:
    """storyline: stories, quotes and claims across outlets, with provenance."""
    if db:  # "storyline --db FILE show 3" as well as "storyline show 3 --db FILE"; a command's own --db wins
        os.environ["STORYLINE_DB"] = db


def main() -> None:
    app()
