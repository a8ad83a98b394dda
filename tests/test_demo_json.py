"""What a reader gets from the demo, byte for byte: `stories --json` and `show ID --json` of every story
of `examples/demo/articles`, as recorded in tests/fixtures/demo_json/. Work on speed (processes,
batches, when models load) must not change a byte of it. A change meant to alter what the demo
shows records it again, and the diff shows what it altered:

    PYTHONPATH=src .venv/bin/python tests/test_demo_json.py     # then read `git diff tests/fixtures/demo_json`
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from conftest import DEMO_ARTICLES, FIXTURES, Cli

from storyline.cli import app

RECORDED = FIXTURES / "demo_json"


def outputs(db: Path) -> dict[str, str]:
    """File name -> the exact stdout of `stories --json` and of `show ID --json` for each story."""
    cli = Cli(db)
    listed = cli("stories", "--json").stdout
    shown = {f"{story['id']}.json": cli("show", story["id"], "--json").stdout for story in json.loads(listed)}
    return {"stories.json": listed, **shown}


def recorded() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(RECORDED.glob("*.json"))}


def assert_as_recorded(db: Path) -> None:
    got, want = outputs(db), recorded()
    assert want, f"nothing recorded in {RECORDED}: run this file as a script"
    assert sorted(got) == sorted(want), "other stories than recorded"
    changed = [name for name in want if got[name] != want[name]]
    assert not changed, f"not byte-identical to {RECORDED}: {changed}"


def test_demo_json_is_as_recorded(demo_db: Path) -> None:
    assert_as_recorded(demo_db)


def test_demo_json_is_the_same_with_the_analysis_in_the_ingesting_process(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = Cli(db).runner.invoke(app, ["ingest", str(DEMO_ARTICLES), "--db", str(db)],
                                   env={"STORYLINE_ANALYSIS_PROCESSES": "1"}, catch_exceptions=False)
    assert result.exit_code == 0, result.stdout
    assert_as_recorded(db)


def record() -> None:
    """Ingest the demo into a temporary database and write what it shows into tests/fixtures/demo_json/."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        Cli(db)("ingest", str(DEMO_ARTICLES))
        found = outputs(db)
    RECORDED.mkdir(parents=True, exist_ok=True)
    for path in RECORDED.glob("*.json"):
        path.unlink()
    for name, text in found.items():
        (RECORDED / name).write_text(text, encoding="utf-8")
    print(f"{len(found)} files in {RECORDED}")


if __name__ == "__main__":
    record()
