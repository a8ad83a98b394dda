"""What every `storyline` command shares: the two consoles, the common options, data printed as
plain text, one line per failure, scores as a table or JSON, and a pipeline run with its progress bar."""

from __future__ import annotations

import functools
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Iterable, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from storyline.errors import StorylineError
from storyline.model import Record, Rejection
from storyline.safety import terminal_text
from storyline.settings import Settings
from storyline.store import Store

if TYPE_CHECKING:
    from storyline.engine import Engine
    from storyline.pipeline import IngestReport

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


def plain(value: object, style: str = "") -> Text:
    """Data (a title, an outlet, a URL) for a table cell or a line: rich never reads it as markup,
    and escape sequences, NUL and line breaks are shown as harmless characters."""
    return Text(terminal_text(value), style=style)


def say(console: Console, *parts: object) -> None:
    """A line of data for people: each part shown as plain text, controls neutralised."""
    console.print(terminal_text("".join(str(part) for part in parts)), markup=False, highlight=False, emoji=False)


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Print a StorylineError as one line and exit 1 (the status of every failure), instead of a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except StorylineError as exc:
            say(err, "error: ", exc)
            raise typer.Exit(1) from None

    return wrapper


def print_rejection(rejection: Rejection) -> None:
    say(err, "error: ", rejection)


def progress_bar() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True, disable=not err.is_terminal)


def run_pipeline(items: Iterable[Record | Rejection], store: Store, settings: Settings,
                 engine: Engine | None = None) -> IngestReport:
    """Run the pipeline over items with a progress bar, printing each rejection as it comes; the
    per-article stages run on the engine given, else on one the settings name, opened for this run.
    The items may be read as the run takes them in: the bar's total counts those read (a run reads
    them all before it places the first article)."""
    from storyline.engine import open_engine
    from storyline.pipeline import ingest as run_ingest

    with (nullcontext(engine) if engine is not None else open_engine(settings)) as engine, progress_bar() as progress:
        task = progress.add_task("ingesting", total=0)

        def counted() -> Iterator[Record | Rejection]:
            for read, item in enumerate(items, 1):
                progress.update(task, total=read)
                yield item

        return run_ingest(counted(), store, settings, on_rejection=print_rejection,
                          progress=lambda n: progress.advance(task, n), engine=engine)
