"""The documentation stays true: its links lead somewhere, README.md stays short, its tour shows the
demo as it is, and the quality figures in README.md and docs/ are what the commands print today.

A figure is checked when README.md or docs/ shows it as a command and its output, in a fenced block:

    ```console
    $ storyline eval clusters examples/demo/articles --gold examples/demo/gold.json --json
    {"b3_f1": 0.989, "clusters": 16}
    ```

The test runs the command through the CLI and compares each key shown with the output: numbers to
the decimals written (0.989 matches 0.98853), everything else exactly. Keys left out are not
compared, so a block shows the figures a reader needs, not every field. Each command runs once per session."""

from __future__ import annotations

import functools
import json
import re
import shlex
import tempfile
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import ROOT, Cli

README = ROOT / "README.md"
DOCS = ROOT / "docs"
DOCUMENTS = [README, *sorted(DOCS.glob("*.md")), ROOT / "bench" / "README.md"]
README_LIMIT = 25_000

_FENCE = re.compile(r"^(```+|~~~+)[^\n]*\n.*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.MULTILINE)
_CHECKED = re.compile(r"^```console[ \t]*\n\$ (storyline eval [^\n]+)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def prose(text: str) -> str:
    """The text without fenced blocks and inline code, where brackets are not links."""
    return _INLINE_CODE.sub("", _FENCE.sub("", text))


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link in a heading keeps its words
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    found = set()
    for match in _HEADING.finditer(_FENCE.sub("", path.read_text(encoding="utf-8"))):
        base = slug(match.group(2))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def relative_links(path: Path) -> list[str]:
    return [target for target in _LINK.findall(prose(path.read_text(encoding="utf-8")))
            if not re.match(r"[a-z][a-z0-9+.-]*:", target, re.IGNORECASE)]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_leads_to_a_file_and_heading_in_the_repository(document):
    problems = []
    for target in relative_links(document):
        file_part, _, anchor = target.partition("#")
        resolved = (document.parent / unquote(file_part)).resolve() if file_part else document
        if ROOT.resolve() not in resolved.parents and resolved != ROOT.resolve():
            problems.append(f"{target}: outside the repository")
        elif not resolved.exists():
            problems.append(f"{target}: no such file")
        elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
            problems.append(f"{target}: no heading #{anchor} in {resolved.relative_to(ROOT)}")
    assert not problems, f"{document.relative_to(ROOT)}:\n" + "\n".join(problems)


def test_the_link_checker_sees_links_and_anchors_as_github_does():
    assert slug("PostgreSQL: one database for many processes") == "postgresql-one-database-for-many-processes"
    assert slug("embed.py — which embedder places articles") == "embedpy--which-embedder-places-articles"
    assert slug("ECB+ `dev`") == "ecb-dev"
    text = ("see [a](docs/a.md#x), ![b](img.png) and `[c](not-a-link.md)`, [d](https://example.org)\n"
            "```\n[e](f.md)\n```\n")
    assert [t for t in _LINK.findall(prose(text)) if not t.startswith("https:")] == ["docs/a.md#x", "img.png"]


def test_the_readme_stays_short():
    size = len(README.read_bytes())
    assert size < README_LIMIT, f"README.md is {size:,} bytes; move reference material to docs/"


def test_the_architecture_names_every_module():
    """docs/architecture.md is where a newcomer finds a concept's home: each module of the package is named there."""
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "src" / "storyline"
    modules = sorted(p.relative_to(package).as_posix() for p in package.rglob("*.py")
                     if p.name not in ("__init__.py", "__main__.py"))
    assert [m for m in modules if not re.search(rf"\b{re.escape(Path(m).name)}", text)] == []


def test_the_readme_keeps_the_two_commands_and_points_into_docs():
    text = README.read_text(encoding="utf-8")
    assert "make demo   #" in text and "make test   #" in text
    linked = {target.partition("#")[0] for target in relative_links(README)}
    for page in sorted(DOCS.glob("*.md")):
        assert f"docs/{page.name}" in linked, f"README.md does not link to docs/{page.name}"


def checked_figures() -> list[tuple[str, str, str]]:
    """(document, command, the output it shows) for every checked block in README.md and docs/."""
    found = []
    for page in [README, *sorted(DOCS.glob("*.md"))]:
        for command, output in _CHECKED.findall(page.read_text(encoding="utf-8")):
            found.append((str(page.relative_to(ROOT)), command, output))
    return found


@functools.cache
def printed_by(command: str) -> dict:
    """What `storyline … --json` prints, run once per test session however many blocks show it."""
    with tempfile.TemporaryDirectory(prefix="storyline-docs-") as tmp:
        result = Cli(Path(tmp) / "unused.db")(*shlex.split(command)[1:])
    return json.loads(result.stdout)


def test_the_cheap_quality_figures_are_checked():
    commands = {command for document, command, _ in checked_figures() if document.startswith("docs/")}
    assert "storyline eval clusters examples/demo/articles --gold examples/demo/gold.json --json" in commands
    assert "storyline eval compare examples/demo --json" in commands


def decimals(shown: str) -> int:
    return len(shown.partition(".")[2]) if "." in shown else 0


def differences(shown: object, printed: object, raw: dict[str, str], where: str = "") -> list[str]:
    """Where the figures shown differ from those printed: numbers to the decimals shown."""
    if isinstance(shown, dict):
        if not isinstance(printed, dict):
            return [f"{where or 'output'}: shown an object, printed {printed!r}"]
        return [problem for key, value in shown.items()
                for problem in (differences(value, printed[key], raw, f"{where}.{key}".lstrip("."))
                                if key in printed else [f"{where}.{key}".lstrip(".") + ": not printed"])]
    if isinstance(shown, float) and isinstance(printed, (int, float)):
        written = raw.get(where.rpartition(".")[2], repr(shown))
        places = decimals(written)
        if round(printed, places) != round(shown, places) and abs(printed - shown) > 0.5 * 10 ** -places + 1e-12:
            return [f"{where}: shown {written}, printed {printed}"]
        return []
    if shown != printed:
        return [f"{where}: shown {shown!r}, printed {printed!r}"]
    return []


def shown_numbers(output: str) -> dict[str, str]:
    """Each top-level key's number as written, so that 1.000 is compared to three decimals."""
    return dict(re.findall(r'"([^"]+)":\s*(-?\d+(?:\.\d+)?)', output))


@pytest.mark.parametrize("document,command,output",
                         [pytest.param(*figure, id=f"{figure[0]}: {figure[1]}") for figure in checked_figures()])
def test_a_figure_in_the_docs_is_what_its_command_prints(document, command, output):
    args = shlex.split(command)
    assert args[0] == "storyline" and "--json" in args, f"{document}: a checked command prints JSON: {command}"
    problems = differences(json.loads(output), printed_by(command), shown_numbers(output))
    assert not problems, f"{document}: `{command}` no longer prints what it shows:\n" + "\n".join(problems)


def test_the_readme_tour_shows_the_demo_as_it_is(demo_db):
    """The tour's ingest line and every story row it shows are what the demo gives today."""
    text = README.read_text(encoding="utf-8")
    stories = {story["id"]: story for story in Cli(demo_db).json("stories", "--json")}
    counts = re.search(r"ingested (\d+), duplicates 0, rejected 0; (\d+) new stories; (\d+) stories in", text)
    assert counts, "README.md: the tour's ingest line is missing"
    articles = sum(len(story["articles"]) for story in stories.values())
    assert [int(n) for n in counts.groups()] == [articles, len(stories), len(stories)], counts.group(0)
    row = r"^│ (s[0-9a-f]{12}) │ (.+?) +│ (\S+(?: → \S+)?) +│ +(\d+) │ +(\d+) │ +(\d+) │$"
    rows = re.findall(row, text, re.MULTILINE)
    assert len(rows) >= 3, "README.md: the tour's story table is missing"
    for story_id, title, dates, outlets, reports, count in rows:
        story = stories.get(story_id)
        assert story, f"README.md shows story {story_id}, which the demo no longer makes"
        first, last = story["first_seen"], story["last_seen"]
        days = first if first == last else f"{first} → {last}"
        assert story["title"].startswith(title) and dates == days, (story_id, story["title"], days)
        assert [int(outlets), int(reports), int(count)] == [len(story["outlets"]), story["independent_reports"],
                                                            len(story["articles"])], story_id
