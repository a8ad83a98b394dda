"""Hostile text through every output: the corpus of tests/fixtures/hostile (titles, outlets, URLs and
text written by a hostile feed author or data supplier) ingested through the CLI, then read back
through the terminal tables, `show --markdown`, every export, the static report, the pages and the API.

Data stored before ingest cleaned labels (a database of an older version) is made by writing the raw
characters into a copy with sqlite3: the outputs must hold on their own, not only because ingest did."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
from pathlib import Path

import httpx
import pyarrow.parquet as pq
import pytest
from conftest import FIXTURES, Cli, bench_module
from fastapi.testclient import TestClient
from markdown_it import MarkdownIt

from storyline.api import create_app

HOSTILE = FIXTURES / "hostile"
RAW = "\x1b[31m\x00\x1b]8;;https://phish.example\x07\u202e\r\nsecond"  # SGR, NUL, an OSC 8 link, RLO, a line break
FORMULA = ("=", "+", "-", "@", "\t", "\r")
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("hostile") / "hostile.db"
    # The records with bad URLs are refused (exit 1; test_a_url_that_is_not_http… checks that), the rest kept.
    Cli(db)("ingest", str(HOSTILE), expect=None)
    return db


@pytest.fixture(scope="module")
def legacy_db(hostile_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile database with raw controls written into outlet names, titles and story titles."""
    with sqlite3.connect(hostile_db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    db = tmp_path_factory.mktemp("legacy") / "legacy.db"
    shutil.copyfile(hostile_db, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE sources SET name = name || ?", (RAW,))
        conn.execute("UPDATE articles SET title = coalesce(title, '') || ?", (RAW,))
        conn.execute("UPDATE stories SET title = title || ?", (RAW,))
    conn.close()
    return db


def story_ids(db: Path) -> list[str]:
    return [story["id"] for story in Cli(db).json("stories", "--json")]


# --- ingest: labels cleaned, URLs http(s) only, on every path alike ---------------------------------


def test_titles_and_outlets_are_stored_on_one_line_without_controls(hostile_db: Path) -> None:
    rows = [json.loads(line) for line in Cli(hostile_db)("export", "--format", "jsonl").stdout.splitlines()]
    articles = [row for row in rows if row["type"] == "article"]
    assert len(articles) == 6
    for article in articles:
        for key in ("source", "title", "url"):
            assert not CONTROLS.search(article[key] or "") and "\n" not in (article[key] or ""), (key, article[key])
    harbour = next(a for a in articles if a["external_id"] == "hostile-1")
    assert harbour["source"] == "Harbour [/oops] Times[31m]0;pwned second line"
    assert "\u202e" in harbour["text"]  # article text is kept as written: spans index it
    for row in rows:
        if row["type"] == "story":
            assert not CONTROLS.search(row["title"]) and "\n" not in row["title"]


def test_evidence_spans_still_index_the_stored_text(hostile_db: Path) -> None:
    cli = Cli(hostile_db)
    texts = {row["id"]: row["text"] for line in cli("export", "--format", "jsonl").stdout.splitlines()
             if (row := json.loads(line))["type"] == "article"}
    spans = 0
    for story_id in story_ids(hostile_db):
        for claim in cli.json("show", story_id, "--json")["claims"]:
            for span in claim["evidence"]:
                assert 0 <= span["start"] < span["end"] <= len(texts[span["article"]])
                spans += 1
    assert spans


def test_a_url_that_is_not_http_is_refused_from_every_kind_of_file(cli: Cli, tmp_path: Path) -> None:
    body = "The Marlowe Bay ferry will run every hour from Monday, the operator said on Friday."
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps({"text": body, "url": "JaVaScRiPt:alert(1)"}) + "\n")
    (folder / "b.json").write_text(json.dumps([{"text": body + " Again.", "url": "data:text/html,x"}]))
    (folder / "c.csv").write_text(f'text,url\n"{body} Once more.",vbscript:x\n')
    (folder / "d.txt").write_text(f"date 2025-03-05\nurl: javascript:alert(1)\n\n{body} And again.\n")
    (folder / "e.jsonl").write_text(json.dumps({"text": body + " Fine.", "url": " https://ferry.example/x "}) + "\n")
    result = cli("ingest", str(folder), expect=1)
    refused = re.findall(r"^error: \S*/(\S+?): the url .* is not an http:// or https:// address", result.stderr, re.M)
    assert sorted(refused) == ["a.jsonl:1", "b.json#1", "c.csv:2", "d.txt"]
    assert "ingested 1," in result.stdout
    stored = cli.json("stories", "--json")[0]["articles"][0]
    assert stored["url"] == "https://ferry.example/x"


def test_the_api_refuses_the_same_urls(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "api.db"), token="t")) as client:
        for url in ("JaVaScRiPt:alert(1)", "https://ok.example/\u202e/x", "https://ok.example/a b", "ftp://x"):
            response = client.post("/api/articles", headers={"Authorization": "Bearer t"},
                                   json={"text": "The Marlowe Bay ferry runs hourly.", "url": url})
            assert response.status_code == 422, url


# --- CSV ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("db_name", ["hostile_db", "legacy_db"])
def test_csv_export_keeps_formulas_as_text(db_name: str, request: pytest.FixtureRequest) -> None:
    db = request.getfixturevalue(db_name)
    rows = list(csv.reader(io.StringIO(Cli(db)("export", "--format", "csv").stdout, newline="")))
    assert len(rows) == 7
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA), cell
            assert not CONTROLS.search(cell), cell
    if db_name == "legacy_db":
        return
    cells = {cell for row in rows for cell in row}
    assert "'=2+5" in cells and "'@SUM(A1:A9) library reopens" in cells
    assert any(cell.startswith("'=HYPERLINK(") for cell in cells)
    assert any(cell.startswith("'-2+3+cmd|") for cell in cells)


def test_an_oversize_csv_field_costs_its_row_only(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "source", "text"])
        writer.writerow(["2025-03-06", "one", "The Marlowe Bay library reopened on Thursday, the librarian said."])
        writer.writerow(["2025-03-06", "two", "x" * 1_000_001])
        writer.writerow(["2025-03-07", "three", "A storm closed the Norrvik ferry on Friday, the operator said."])
    result = cli("ingest", str(path), expect=1)
    assert f"{path}:3: the 'text' field is 1,000,001 characters, over the limit of 1,000,000" in result.stderr
    assert "the rest of the file was not read" not in result.stderr
    assert "ingested 2," in result.stdout
    assert sorted(a["source"] for s in cli.json("stories", "--json") for a in s["articles"]) == ["one", "three"]


# --- parquet and JSON Lines ----------------------------------------------------------------------


def test_parquet_export_has_the_same_articles_as_json_lines(hostile_db: Path, tmp_path: Path) -> None:
    cli = Cli(hostile_db)
    cli("export", "--format", "parquet", "--out", str(tmp_path / "all.parquet"))
    table = pq.read_table(tmp_path / "all.parquet").to_pylist()
    lines = [json.loads(line) for line in cli("export", "--format", "jsonl").stdout.splitlines()]
    assert sorted(table, key=lambda r: r["id"]) == sorted((r for r in lines if r["type"] == "article"),
                                                          key=lambda r: r["id"])


# --- the terminal --------------------------------------------------------------------------------


@pytest.mark.parametrize("db_name", ["hostile_db", "legacy_db"])
def test_terminal_tables_show_markup_and_escapes_as_text(db_name: str, request: pytest.FixtureRequest) -> None:
    db = request.getfixturevalue(db_name)
    cli = Cli(db)
    story = next(s for s in cli.json("stories", "--json") if "Harbour" in " ".join(s["outlets"]))
    entity = next(e["name"] for e in cli.json("show", story["id"], "--json")["entities"])
    outputs = {"stories": cli("stories").stdout, "sources": cli("sources").stdout,
               "storylines": cli("storylines").stdout, "show": cli("show", story["id"]).stdout,
               "entity": cli("entity", entity).stdout}
    threads = cli.json("storylines", "--json")
    if threads:
        outputs["storyline"] = cli("storyline", threads[0]["id"]).stdout
    for name, text in outputs.items():
        assert "\x1b" not in text and "\x00" not in text and "\u202e" not in text, name
    assert "[/oops]" in outputs["sources"] and "[bold]Ledger[/bold]" in outputs["sources"]
    assert "[link=https://phish.example]" in outputs["stories"]
    if db_name == "legacy_db":
        assert "␛[31m␀␛]8;;https://phish.example␇" in outputs["sources"]


# --- Markdown ------------------------------------------------------------------------------------


def test_markdown_renders_data_as_text_and_links_only_http(legacy_db: Path) -> None:
    cli = Cli(legacy_db)
    renderer = MarkdownIt("commonmark")
    for story_id in story_ids(legacy_db):
        markdown = cli("show", story_id, "--markdown").stdout
        html = renderer.render(markdown)
        assert "<iframe" not in html and "<script" not in html
        hrefs = re.findall(r'href="([^"]*)"', html)
        assert all(href.startswith(("http://", "https://")) for href in hrefs), hrefs
        assert len(re.findall(r"<h1>", html)) == 1
        assert set(re.findall(r"<h2>(.*?)</h2>", html)) <= {
            "Where outlets disagree", "In brief", "What several outlets report", "What only one outlet reports",
            "Who said what", "Timeline", "Articles"}
        assert "<ul>\n<li>\n<ul>" not in html  # no list item of data opens a list of its own
        assert not CONTROLS.search(markdown)
    harbour = next(s["id"] for s in cli.json("stories", "--json") if "Harbour" in " ".join(s["outlets"]))
    html = renderer.render(cli("show", harbour, "--markdown").stdout)
    assert "[link=https://phish.example]" in html and "# Not a heading" not in html.replace("\\#", "")


# --- HTML: the report, the pages, the API --------------------------------------------------------


def test_report_isolates_outlets_and_titles(legacy_db: Path, tmp_path: Path) -> None:
    Cli(legacy_db)("report", "--out", str(tmp_path / "report"))
    pages = list((tmp_path / "report").rglob("*.html"))
    assert len(pages) == len(story_ids(legacy_db)) + 1
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not CONTROLS.search(html.replace("\r", "")), page
        assert "<span class=\"outlet" not in html
    story = (tmp_path / "report" / "stories" / f"{story_ids(legacy_db)[0]}.html").read_text(encoding="utf-8")
    assert '<h1 id="story-h" dir="auto">' in story and '<bdi class="outlet' in story


def test_pages_and_api_hold_hostile_data(legacy_db: Path) -> None:
    with TestClient(create_app(str(legacy_db))) as client:
        listed = client.get("/api/stories").json()["items"]
        assert [b["id"] for b in listed] == story_ids(legacy_db)
        briefs = [client.get(f"/api/stories/{b['id']}").json() for b in listed]
        pages = ["/", "/sources", "/storylines", "/search?q=Marlowe", *(f"/stories/{b['id']}" for b in briefs),
                 *(f"/articles/{a['id']}" for b in briefs for a in b["articles"])]
        for url in pages:
            response = client.get(url)
            assert response.status_code == 200, url
            assert not CONTROLS.search(response.text.replace("\r", "")), url
            if url in ("/", "/sources") or url.startswith("/stories/"):
                assert "\ufffd" in response.text, url  # the controls, shown as what they are
        for url in ("/api/stories", "/api/sources"):
            assert client.get(url).status_code == 200


LONG = "x" * 60_000


@pytest.mark.parametrize("url, status", [(f"/api/stories?entity={LONG}", 422), (f"/?entity={LONG}", 400),
                                         (f"/entities/{LONG}", 400), (f"/api/entities/{LONG}", 422)])
def test_a_long_entity_filter_is_refused_with_the_security_headers(hostile_db: Path, url: str, status: int) -> None:
    """The API's 422, a page's 400: the same rule, each answering as its readers expect."""
    with TestClient(create_app(str(hostile_db))) as client:
        response = client.get(url)
    assert response.status_code == status
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


def test_an_unexpected_error_is_a_500_with_the_security_headers(hostile_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "gone.db"
    shutil.copyfile(hostile_db, db)
    app = create_app(str(db))
    db.unlink()  # the database vanishes under a running server
    with TestClient(app, raise_server_exceptions=False) as client:
        for url in ("/api/stories", "/"):
            response = client.get(url)
            assert response.status_code == 500, url
            assert "default-src 'none'" in response.headers["content-security-policy"], url
            assert response.headers["x-content-type-options"] == "nosniff"
            assert "Traceback" not in response.text and str(db) not in response.text


# --- allowed hosts ---------------------------------------------------------------------------------


def test_serve_answers_only_to_its_allowed_hosts(hostile_db: Path) -> None:
    serving = bench_module("serving").serving
    with serving(["--db", str(hostile_db)]) as base:
        port = base.rsplit(":", 1)[1]
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost"):
            assert httpx.get(base + "/api/stories", headers={"Host": host}).status_code == 200, host
        refused = httpx.get(base + "/api/stories", headers={"Host": "evil.example"})
        assert refused.status_code == 400 and "--allowed-host" in refused.text
        assert "default-src 'none'" in refused.headers["content-security-policy"]
        page = httpx.get(base + "/api/stories", params={"limit": 1}, headers={"Host": f"127.0.0.1:{port}"})
        assert page.headers["link"].startswith("</api/stories?limit=1&offset=1>")
        redirect = httpx.get(base + "/api/stories/", headers={"Host": f"localhost:{port}"})
        assert redirect.status_code in (307, 308) and redirect.headers["location"] == "/api/stories"
    with serving(["--db", str(hostile_db), "--allowed-host", "news.example"]) as base:
        assert httpx.get(base + "/api/sources", headers={"Host": "news.example"}).status_code == 200
        assert httpx.get(base + "/api/sources").status_code == 400


# --- watch -------------------------------------------------------------------------------------------


def test_watch_once_fails_when_every_feed_is_refused(cli: Cli) -> None:
    result = cli("watch", "--once", "http://127.0.0.1:9/feed.xml", expect=1)
    assert "polled 1 feeds (1 failed)" in result.stderr
    assert "127.0.0.1 is a private, loopback" in result.stderr
    assert "error: every feed failed (1 of 1)" in result.stderr
