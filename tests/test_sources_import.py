"""`storyline sources import FILE`: a user describes the outlets (homepage, country, language, owner,
labels of their own) in a CSV or TOML file; `storyline sources` shows what was stored; a bad row is one
line naming the file and row, and the other rows are imported."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import FIXTURES, Cli

OUTLETS = FIXTURES / "outlets"


def outlets_of(cli: Cli) -> dict[str, dict]:
    return {row["source"]: row for row in cli.json("sources", "--json")["outlets"]}


def test_a_csv_describes_every_outlet_with_its_labels(cli):
    result = cli("sources", "import", str(OUTLETS / "outlets.csv"))
    assert "imported 8 outlets" in result.stdout
    assert "8 with no article here yet" in result.stdout  # an empty database: the names wait for articles
    outlets = outlets_of(cli)
    assert outlets["capital-dispatch"] == {
        "source": "capital-dispatch", "articles": 0, "stories": 0, "homepage": "https://capital-dispatch.example",
        "country": "US", "language": "en", "owner": "Dispatch Media Group", "labels": {"lean": "left"}}
    assert outlets["global-desk-wire"]["country"] is None and outlets["global-desk-wire"]["labels"] == {"lean": "center"}
    assert {name for name, o in outlets.items() if o["labels"].get("lean") == "right"} == {
        "harbor-post", "meridian-times", "the-evening-bell"}
    table = cli("sources").stdout
    assert "lean=right" in table and "country" in table
    # The state is in the SQLite file, for any SQLite tool to read.
    with sqlite3.connect(cli.db) as conn:
        rows = conn.execute("""SELECT s.name, l.value FROM source_labels l JOIN sources s ON s.id = l.source_id
                               WHERE l.key = 'lean' ORDER BY s.name""").fetchall()
    assert len(rows) == 8 and ("northern-ledger", "left") in rows


def test_a_toml_file_gives_labels_as_keys_or_as_a_table_and_a_new_import_replaces_the_old(cli):
    cli("sources", "import", str(OUTLETS / "outlets.csv"))
    result = cli("sources", "import", str(OUTLETS / "outlets.toml"))
    assert "imported 3 outlets" in result.stdout
    outlets = outlets_of(cli)
    assert outlets["capital-dispatch"]["labels"] == {"kind": "newspaper", "lean": "left"}
    assert outlets["capital-dispatch"]["country"] == "US"  # "us" as written, a country code in capitals
    assert outlets["harbor-post"]["labels"] == {"kind": "newspaper", "lean": "right"}
    # What the TOML file says of global-desk-wire replaces what the CSV said: no owner any more.
    assert outlets["global-desk-wire"]["owner"] is None and outlets["global-desk-wire"]["labels"]["kind"] == "wire"
    # Outlets the new file does not name keep what the first said.
    assert outlets["meridian-times"]["labels"] == {"lean": "right"}


def test_bad_rows_are_named_one_line_each_and_the_others_are_imported(cli, tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("name,homepage,country,lean\n"
                    "alpha-news,https://alpha.example,NO,left\n"
                    ",https://nameless.example,SE,right\n"
                    "beta-daily,javascript:alert(1),DK,right\n"
                    "gamma-post,https://gamma.example,FI,center,extra\n"
                    "alpha-news,https://alpha2.example,NO,right\n"
                    "delta-times,,IS,right\n", encoding="utf-8")
    result = cli("sources", "import", str(path), expect=1)
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 4, result.stderr
    assert errors[0].startswith(f"error: {path}, row 3: no name")
    assert errors[1].startswith(f"error: {path}, row 4: homepage 'javascript:alert(1)' is not an http(s) address")
    assert errors[2].startswith(f"error: {path}, row 5: 5 cells where the first row names 4 columns")
    assert errors[3].startswith(f"error: {path}, row 6: 'alpha-news' is already described at row 2")
    assert all(line.endswith("the other rows were imported") for line in errors)
    assert "imported 2 outlets" in result.stdout
    outlets = outlets_of(cli)
    assert set(outlets) == {"alpha-news", "delta-times"}
    assert outlets["alpha-news"]["homepage"] == "https://alpha.example" and outlets["delta-times"]["homepage"] is None


def test_a_file_that_cannot_be_read_is_one_line(cli, tmp_path):
    headless = tmp_path / "headless.csv"
    headless.write_text("alpha-news,https://alpha.example\n", encoding="utf-8")
    assert "the first row must name the columns" in cli("sources", "import", str(headless), expect=1).stderr
    spaced = tmp_path / "spaced.csv"
    spaced.write_text("name,political lean\nalpha-news,left\n", encoding="utf-8")
    assert f"{spaced}: column 'political lean' is not a label name" in cli("sources", "import", str(spaced), expect=1).stderr
    broken = tmp_path / "broken.toml"
    broken.write_text("[[outlet]\nname = 'x'\n", encoding="utf-8")
    assert f"{broken}: not valid TOML" in cli("sources", "import", str(broken), expect=1).stderr
    bad_label = tmp_path / "labels.toml"
    bad_label.write_text("[[outlet]]\nname = 'x'\nlabels = 'left'\n\n[[outlet]]\nname = 'y'\nlean = ['left']\n",
                         encoding="utf-8")
    errors = cli("sources", "import", str(bad_label), expect=1).stderr
    assert f"{bad_label}, outlet 1: labels must be a table" in errors and f"{bad_label}, outlet 2: lean is not a piece of text" in errors
    other = tmp_path / "outlets.json"
    other.write_text("{}", encoding="utf-8")
    assert "a .csv or a .toml file" in cli("sources", "import", str(other), expect=1).stderr
    assert "no such file" in cli("sources", "import", str(tmp_path / "missing.csv"), expect=1).stderr


def test_imported_names_meet_the_articles_ingested_under_them(cli, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.json").write_text('[{"text": "The Norrvik ferry crews walked out on Monday over rosters.", '
                                   '"date": "2025-06-02", "source": "alpha-news"}]', encoding="utf-8")
    cli("ingest", str(folder))
    path = tmp_path / "mine.toml"
    path.write_text('[[outlet]]\nname = "alpha-news"\nlean = "left"\n\n[[outlet]]\nname = "zeta-wire"\n'
                    'country = "NO"\n', encoding="utf-8")
    result = cli("sources", "import", str(path))
    assert "1 with no article here yet: zeta-wire" in result.stdout
    outlets = outlets_of(cli)
    assert outlets["alpha-news"]["articles"] == 1 and outlets["alpha-news"]["labels"] == {"lean": "left"}
    assert outlets["zeta-wire"]["articles"] == 0 and outlets["zeta-wire"]["country"] == "NO"
    assert Path(cli.db).exists()
