"""`storyline sources`: the outlets (with what the user says of them) and the feeds, and `storyline
sources import FILE`, which stores the user's description of each outlet (sources/outlets.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from storyline.cli_common import DbOption, JsonOption, err, out, say
from storyline.errors import StorylineError
from storyline.safety import terminal_text
from storyline.settings import settings_from_env
from storyline.sources.outlets import FIELDS, read_outlets
from storyline.store import database_name, open_store

sources_app = typer.Typer(help="Outlets and feeds; `sources import FILE` describes the outlets.",
                          invoke_without_command=True, no_args_is_help=False)


def failed(exc: StorylineError) -> typer.Exit:
    """The one line of a failure, printed; the exit to raise."""
    say(err, "error: ", exc)
    return typer.Exit(1)


@sources_app.callback()
def sources(ctx: typer.Context, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Outlets with their articles and stories (and what `sources import` said of them), and the state
    of every subscribed feed."""
    if ctx.invoked_subcommand is not None:
        return
    from storyline.sources.feeds import feed_entry

    try:
        with open_store(settings_from_env(db=db).db, create=False) as store:
            profiles = store.outlet_profiles()
            outlets = [{"source": name, "articles": articles, "stories": stories_,
                        **{field: (profiles.get(name) or {}).get(field) for field in FIELDS},
                        "labels": (profiles.get(name) or {}).get("labels", {})}
                       for name, articles, stories_ in store.source_counts()]
            feeds_ = [feed_entry(state, outlet) for state, outlet in store.feeds()]
    except StorylineError as exc:
        raise failed(exc) from None
    if as_json:
        print(json.dumps({"outlets": outlets, "feeds": feeds_}, ensure_ascii=False, indent=1))
        return
    out.print(outlet_table(outlets))
    if feeds_:
        table = Table(title=f"{len(feeds_)} feeds", title_justify="left")
        for column in ("feed", "last success", "last error", "next poll"):
            table.add_column(column, overflow="fold")
        for row in feeds_:
            table.add_row(Text(terminal_text(row["url"])), str(row["last_success"] or "never"),
                          Text(terminal_text(row["last_error"] or "")), str(row["next_poll"] or ""))
        out.print(table)


def outlet_table(outlets: list[dict[str, Any]]) -> Table:
    """The outlets as a table; the country and labels columns only when an import described any."""
    described = any(row["country"] or row["labels"] for row in outlets)
    table = Table(title=f"{len(outlets)} outlets", title_justify="left")
    for column in ("outlet", "articles", "stories", *(("country", "labels") if described else ())):
        table.add_column(column, justify="right" if column in ("articles", "stories") else "left")
    for row in outlets:
        cells: list[Text | str] = [Text(terminal_text(row["source"])), str(row["articles"]), str(row["stories"])]
        if described:
            labels = ", ".join(f"{key}={value}" for key, value in row["labels"].items())
            cells += [Text(terminal_text(row["country"] or "")), Text(terminal_text(labels))]
        table.add_row(*cells)
    return table


@sources_app.command("import")
def import_outlets(
    file: Annotated[Path, typer.Argument(help="a .csv (a header row: name, homepage, country, language, owner, "
                                              "and a column per label, e.g. lean) or a .toml (one table per outlet, named outlet)")],
    db: DbOption = None,
) -> None:
    """Describe the outlets: homepage, country, language, owner and labels of your own (e.g. lean=left).
    Importing again replaces what an earlier import said of each outlet named."""
    try:
        outlets, rejected = read_outlets(file)
        with open_store(settings_from_env(db=db).db, create=True) as store:
            known = set(store.outlet_names())
            with store.transaction():
                store.save_outlets(outlets)
            name = database_name(store.name)
    except StorylineError as exc:
        raise failed(exc) from None
    for rejection in rejected:
        say(err, "error: ", rejection)
    absent = [outlet.name for outlet in outlets if outlet.name not in known]
    say(out, f"imported {len(outlets)} {'outlet' if len(outlets) == 1 else 'outlets'} into {name}",
        f"; {len(absent)} with no article here yet: {', '.join(absent)} (articles ingested under these names "
        "will be counted)" if absent else "")
    if rejected:
        raise typer.Exit(1)
