"""Tests drive the real CLI against real temporary SQLite files.

Most run the command in-process (Typer's CliRunner), so the embedding model loads once per test
session; a few run the installed `storyline` executable where a separate process is the point."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
DEMO_ARTICLES = DEMO / "articles"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
STORYLINE = shutil.which("storyline", path=str(Path(sys.executable).parent)) or "storyline"


def bench_module(name: str):  # type: ignore[no-untyped-def]
    """bench/NAME.py as a module, loaded once: tests run short versions of what the benchmarks run long,
    and share their helpers (bench/serving.py starts a live `storyline serve`)."""
    module_name = f"bench_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, ROOT / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    return sys.modules[module_name]


class Cli:
    """Runs `storyline ARGS` in-process against one database and returns the result."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None, expect: int | None = 0):
        result = self.runner.invoke(app, [*args, "--db", str(self.db)], input=input, catch_exceptions=False)
        if expect is not None:
            assert result.exit_code == expect, f"exit {result.exit_code}\nstdout: {result.stdout}\nstderr: {result.stderr}"
        return result

    def json(self, *args: str):
        return json.loads(self(*args).stdout)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--screenshots", type=Path, default=None, metavar="DIR",
                     help="where the browser tests write their screenshots for review "
                          "(default: screenshots/ under pytest's base temporary folder)")


SCREENSHOTS = pytest.StashKey[Path]()


@pytest.fixture(scope="session")
def screenshots(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one folder the browser tests write their screenshots to (PAGE-WIDTH.png), named at the end
    of the run, so that a reviewer finds every page at 1366 and 390 px in one place."""
    folder = request.config.getoption("--screenshots") or tmp_path_factory.getbasetemp() / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    request.config.stash[SCREENSHOTS] = folder
    return folder


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    folder = config.stash.get(SCREENSHOTS, None)
    if folder is not None:
        count = len(list(folder.glob("*.png")))
        terminalreporter.write_line(f"screenshots for review: {folder} ({count} files)")


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "test.db")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo corpus, ingested once for every test that only reads it."""
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    Cli(db)("ingest", str(DEMO_ARTICLES))
    return db


def speaker_of(text: str, words: str, direct: bool = False) -> str | None:
    """The speaker analysis gives the one quotation of text that holds words (only direct quotations with
    direct, where the text also reports speech)."""
    from storyline.analyze import analyze_article

    quotes = analyze_article(text, None).quotes
    found = [q for q in quotes if words in q.text and (q.direct or not direct)]
    assert len(found) == 1, [(q.text, q.speaker) for q in quotes]
    return found[0].speaker


def check_contract(db: Path | str) -> None:
    """The shared contract check (../shared/contract/check.py) over a database, through the installed CLI;
    skips where shared/ is not beside the checkout."""
    check = SHARED / "contract" / "check.py"
    if not check.exists():
        pytest.skip(f"{check} not found (set STORYLINE_SHARED)")
    result = subprocess.run([sys.executable, str(check), "--db", str(db), "--cli", STORYLINE],
                            capture_output=True, text=True, timeout=600, env=os.environ)
    assert result.returncode == 0 and "0 problems" in result.stdout, result.stdout + result.stderr


def shared_texts(path: Path) -> dict[str, str]:
    """Each article's text by id from a JSON Lines file of ../shared/data (PolNeAR's train); skips where
    shared/ is not beside the checkout."""
    if not path.is_file():
        pytest.skip(f"{path} not found (set STORYLINE_SHARED)")
    return {r["id"]: r["text"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def check_judgements(judgements: list[dict], events_of: dict[str, set[str]], reasons: set[str]) -> None:
    """What every judged set's judgements hold (tests/fixtures/polnear_conflicts, polnear_groups): a unique
    id, a kind and a verdict, a reason of the set's list with a note, and two articles of the judged
    event or more (an update may cite one twice), each side a span inside its article."""
    assert len({j["id"] for j in judgements}) == len(judgements)
    for j in judgements:
        assert j["kind"] in ("conflict", "update") and j["verdict"] in ("right", "wrong"), j["id"]
        assert j["reason"] in reasons and j["note"], j["id"]
        docs = [side["doc"] for side in j["sides"]]
        assert len(set(docs)) >= 2, j["id"]
        assert all(j["event"] in events_of[doc] for doc in docs), j["id"]
        assert all(0 <= side["start"] < side["end"] for side in j["sides"]), j["id"]


def run_storyline(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess:
    """The installed executable in its own process, as a user's shell would run it."""
    return subprocess.run([STORYLINE, *args], input=input, capture_output=True, timeout=600)


def write_article(folder: Path, name: str, day: str, headline: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"date {day}\n{headline}\n\n{body}\n", encoding="utf-8")
    return path


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every start tag of a page with its attributes, as a browser's tokenizer sees them."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.found
