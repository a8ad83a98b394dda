"""Commands that read stories load no model: `stories` and `show` start in the time it takes to import
storyline and open the database, not the seconds torch, sentence-transformers and spaCy take."""

from __future__ import annotations

import subprocess
import sys

from conftest import FIXTURES

MODEL_PACKAGES = ("torch", "sentence_transformers", "transformers", "spacy", "thinc", "model2vec", "lingua")


def modules_loaded_by(*args: str) -> list[str]:
    """The model packages a fresh `storyline ARGS` process had imported when it exited."""
    script = ("import atexit, sys\n"
              f"atexit.register(lambda: print('LOADED', *sorted(m for m in {MODEL_PACKAGES!r} if m in sys.modules)))\n"
              "from storyline.cli import main\n"
              f"sys.argv = ['storyline', *{list(args)!r}]\n"
              "main()\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    [line] = [line for line in done.stdout.splitlines() if line.startswith("LOADED")]
    return line.split()[1:]


def test_stories_and_show_load_no_model(cli):
    cli("ingest", str(FIXTURES / "interview"))
    [story] = cli.json("stories", "--json")
    db = str(cli.db)
    assert modules_loaded_by("stories", "--db", db) == []
    assert modules_loaded_by("stories", "--json", "--db", db) == []
    assert modules_loaded_by("show", story["id"], "--json", "--db", db) == []
    assert modules_loaded_by("show", story["id"], "--markdown", "--db", db) == []


def test_the_check_sees_a_model_load(cli):
    assert "spacy" in modules_loaded_by("ingest", str(FIXTURES / "interview"), "--db", str(cli.db))
