"""storyline on PostgreSQL gives what it gives on SQLite: the same stories and briefs, the same search
hits, lossless copies both ways, a working `check`, and two ingests at once that lose nothing.

A real PostgreSQL 16 server (the pgserver wheel, which ships pgvector) starts once per session in a
temporary folder; each test that writes gets a database of its own. The demo corpus is ingested
once into PostgreSQL and compared with the session's SQLite demo database."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import DEMO, DEMO_ARTICLES, FIXTURES, SHARED, STORYLINE, Cli, check_contract, run_storyline

from storyline.evaluate.clusters import cluster_scores
from storyline.store import open_store

psycopg = pytest.importorskip("psycopg")
pgserver = pytest.importorskip("pgserver")


@pytest.fixture(scope="session")
def pg_url(tmp_path_factory: pytest.TempPathFactory):
    """A throwaway PostgreSQL server for the session; its URL points at the `postgres` database."""
    server = pgserver.get_server(tmp_path_factory.mktemp("pg"), cleanup_mode="stop")
    yield server.get_uri()
    server.cleanup()


def new_database(server_url: str, name: str, owner: str | None = None) -> str:
    """Create an empty database on the session's server and return its URL."""
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}" + (f" OWNER {owner}" if owner else ""))
    url = server_url.replace("/postgres?", f"/{name}?")
    return url.replace("postgres:@", f"{owner}:@") if owner else url


@pytest.fixture(scope="session")
def demo_pg(pg_url: str) -> str:
    """The demo corpus ingested once into a PostgreSQL database."""
    url = new_database(pg_url, "demo")
    Cli(url)("ingest", str(DEMO_ARTICLES))
    return url


def exported(db) -> list[dict]:
    return [json.loads(line) for line in Cli(db)("export").stdout.splitlines()]


def story_by_origin(db) -> dict[str, str]:
    return {line["origin"]: line["story"] for line in exported(db) if line["type"] == "article"}


def test_postgres_gives_the_same_stories_and_briefs_as_sqlite(demo_db, demo_pg):
    on_sqlite, on_postgres = story_by_origin(demo_db), story_by_origin(demo_pg)
    assert len(on_postgres) == len(on_sqlite) == 67
    assert cluster_scores(on_postgres, on_sqlite)["b3_f1"] == 1.0
    sqlite_stories = Cli(demo_db).json("stories", "--json")
    assert [s["id"] for s in Cli(demo_pg).json("stories", "--json")] == [s["id"] for s in sqlite_stories]
    for story in sqlite_stories:
        mine, theirs = Cli(demo_db).json("show", story["id"], "--json"), Cli(demo_pg).json("show", story["id"], "--json")
        assert mine["claims"] == theirs["claims"] and mine["quotes"] == theirs["quotes"], story["title"]
        assert mine == theirs
    assert Cli(demo_pg).json("entity", "Zelenskyy", "--json") == Cli(demo_db).json("entity", "Zelenskyy", "--json")


def test_revision_reads_a_storys_members_alike_on_postgres_and_sqlite(demo_db, demo_pg):
    """What revision reads of a large story (pipeline.members_for_revision): every member's day in the
    order stored, and the vectors and names of some of them only, the same from either store."""
    with open_store(str(demo_db), create=False) as lite, open_store(demo_pg, create=False) as pg:
        story = max(lite.stories(), key=lambda row: row.size).id
        days = lite.member_days(story)
        assert len(days) > 4 and pg.member_days(story) == days
        some = [article_id for article_id, _ in days[::2]]

        def read(store):
            return sorted((a, vector.tolist(), sorted(terms), day) for a, vector, terms, day in
                          store.member_features(story, some))
        assert [a for a, *_ in read(pg)] == sorted(some) and read(pg) == read(lite)


def test_both_stores_count_the_articles_carrying_each_word_alike(demo_db, demo_pg):
    """The document frequencies that weigh the words two reports share (storyline.shared_words)."""
    from storyline.shared_words import article_words

    with open_store(str(demo_db), create=False) as lite, open_store(demo_pg, create=False) as pg:
        words = {word for article, _, _ in lite.articles()
                 for word in article_words(article.given_title, article.text, article.language)}
        assert lite.words_counted() == pg.words_counted() == 67
        counts = lite.word_documents(words)
        assert len(counts) == len(words) > 1000 and pg.word_documents(words) == counts


def test_postgres_with_two_dask_workers_gives_the_same_stories_and_briefs_as_sqlite(demo_db, pg_url):
    """The third way of issue #10: a PostgreSQL store fed by `--engine dask --workers 2` (a real
    LocalCluster, in the storyline process a user would run) says what SQLite in one process says."""
    url = new_database(pg_url, "demo_dask")
    result = run_storyline("ingest", str(DEMO_ARTICLES), "--db", url, "--engine", "dask", "--workers", "2")
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    on_sqlite, on_dask = story_by_origin(demo_db), story_by_origin(url)
    assert len(on_dask) == 67 and cluster_scores(on_dask, on_sqlite)["b3_f1"] == 1.0
    for story in Cli(demo_db).json("stories", "--json"):
        mine, theirs = Cli(demo_db).json("show", story["id"], "--json"), Cli(url).json("show", story["id"], "--json")
        assert mine["claims"] == theirs["claims"] and mine["quotes"] == theirs["quotes"], story["title"]


@pytest.mark.parametrize("query", ["earthquake", "Rubio ceasefire", "negotiat*", "Earth-observation", "Mar-a-Lago", "strike nurses", "zzzunknown"])
def test_full_text_search_finds_the_same_articles(demo_db, demo_pg, query):
    from fastapi.testclient import TestClient

    from storyline.api import create_app

    found = {}
    for db in (demo_db, demo_pg):
        with TestClient(create_app(str(db))) as client:
            page = client.get("/api/search", params={"q": query, "limit": 200}).json()
        found[db] = page
        ids = {hit["id"] for hit in page["items"]}
        assert page["total"] == len(ids)
        for hit in page["items"]:
            assert any(piece["match"] for piece in hit["snippet_segments"] + hit["title_segments"]), hit
    assert {h["id"] for h in found[demo_pg]["items"]} == {h["id"] for h in found[demo_db]["items"]}
    if query != "zzzunknown":
        assert found[demo_pg]["total"] > 0


def test_the_api_and_pages_say_the_same_on_postgres(demo_db, demo_pg):
    from fastapi.testclient import TestClient

    from storyline.api import create_app

    answers = {}
    for db in (demo_db, demo_pg):
        with TestClient(create_app(str(db))) as client:
            stories = client.get("/api/stories").json()["items"]
            article = client.get(f"/api/stories/{stories[0]['id']}").json()["articles"][0]["id"]
            paths = ["/api/stories?limit=500", f"/api/stories/{stories[0]['id']}", "/api/sources", "/api/storylines", "/api/entities/Rubio",
                     "/api/entities/secretary%20rubio", f"/api/articles/{article}",
                     "/api/stories?outlet=harbor-post&since=2025-02-13", "/api/stories?entity=Zelensky"]
            answers[db] = {path: client.get(path).json() for path in paths}
            for page in ("/", f"/stories/{stories[0]['id']}", f"/articles/{article}", "/entities/Rubio",
                         "/search?q=ceasefire", "/storylines", "/sources"):
                assert client.get(page).status_code == 200, page
    assert answers[demo_pg] == answers[demo_db]
    assert answers[demo_pg]["/api/stories?limit=500"]["total"] >= 15  # every demo story (the gold has 15)
    assert answers[demo_pg]["/api/stories?outlet=harbor-post&since=2025-02-13"]["items"]  # the filters select something
    assert answers[demo_pg]["/api/stories?entity=Zelensky"]["items"] and answers[demo_pg]["/api/sources"]["items"]


def test_each_storys_storyline_read_from_its_own_links_is_the_one_all_links_make_on_both_stores(demo_db, demo_pg):
    """A story's page reads its storyline outward from the story's links (Store.storyline_links): on SQLite and
    on PostgreSQL, every demo story finds the storyline whose newest story it is, as linking every
    story of the database finds it."""
    from storyline.progressions import newest_story_storyline, storyline_of
    from storyline.store import open_store
    from storyline.storylines import storyline_id, threads

    found = {}
    for db in (demo_db, demo_pg):
        with open_store(db) as store:
            every = threads(store.story_links(), store.first_seen_days())
            stories = sorted(store.first_seen_days())
            assert every and all(storyline_of(store, story) == next((ids for ids in every if story in ids), [])
                                 for story in stories)
            found[db] = {story: newest_story_storyline(store, story) for story in stories}
            assert found[db] == {story: next(((storyline_id(ids), ids) for ids in every if ids[-1] == story), None)
                                 for story in stories}
    assert found[demo_pg] == found[demo_db]


def test_migrate_round_trip_sqlite_postgres_sqlite_keeps_everything(demo_db, pg_url, tmp_path):
    url = new_database(pg_url, "roundtrip")
    there = run_storyline("migrate", "--from", str(demo_db), "--to", url, "--json")
    assert there.returncode == 0, there.stderr
    report = json.loads(there.stdout)
    assert report["same"] and {t["table"]: t["to_rows"] for t in report["tables"]}["articles"] == 67
    assert "***" in report["to"]  # never the password, even an empty one
    back = tmp_path / "back.db"
    again = run_storyline("migrate", "--from", url, "--to", str(back))
    assert again.returncode == 0, again.stderr
    assert "DIFFERENT" not in again.stdout.decode() and "stories" in again.stdout.decode()
    assert Cli(back)("export").stdout == Cli(demo_db)("export").stdout
    assert Cli(url)("export").stdout == Cli(demo_db)("export").stdout

    # A copy never lands on top of a database that holds rows.
    refused = run_storyline("migrate", "--from", str(demo_db), "--to", url)
    assert refused.returncode == 1 and b"not empty" in refused.stderr

    # `check` on PostgreSQL sees what is wrong, says so in one line per problem, and repairs what it can.
    assert "0 problems" in Cli(url)("check").stdout
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DELETE FROM story_briefs WHERE story_id = (SELECT min(story_id) FROM story_briefs)")
    assert "1 stories whose brief is missing or stale" in Cli(url)("check", expect=1).stderr
    assert "refreshed 1 briefs" in Cli(url)("check", "--repair").stdout
    assert Cli(url)("export").stdout == Cli(demo_db)("export").stdout
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DELETE FROM story_members WHERE article_id = (SELECT min(article_id) FROM story_members)")
    broken = Cli(url)("check", expect=1)
    assert "1 articles without a story" in broken.stderr


def test_without_pgvector_vectors_live_in_a_plain_column(demo_db, pg_url, tmp_path):
    """A role that may not create extensions still gets a working store (bytea vectors), losslessly."""
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE ROLE plain LOGIN")
    url = new_database(pg_url, "plain_vectors", owner="plain")
    assert run_storyline("migrate", "--from", str(demo_db), "--to", url).returncode == 0
    with psycopg.connect(url) as conn:
        kind = conn.execute("SELECT udt_name FROM information_schema.columns WHERE table_name = 'vectors' "
                            "AND column_name = 'vector'").fetchone()[0]
    assert kind == "bytea"
    back = tmp_path / "back.db"
    assert run_storyline("migrate", "--from", url, "--to", str(back)).returncode == 0
    assert Cli(back)("export").stdout == Cli(demo_db)("export").stdout


def test_vectors_use_pgvector_where_the_server_has_it(demo_pg):
    with psycopg.connect(demo_pg) as conn:
        kinds = dict(conn.execute("SELECT table_name, udt_name FROM information_schema.columns "
                                  "WHERE (table_name, column_name) IN (('vectors', 'vector'), ('stories', 'centroid'))"))
        nearest = conn.execute("SELECT count(*) FROM vectors WHERE vector <=> (SELECT vector FROM vectors LIMIT 1) < 0.01")
        assert nearest.fetchone()[0] >= 1
    assert kinds == {"vectors": "vector", "stories": "vector"}


def halves(tmp_path: Path) -> tuple[Path, Path]:
    """Two overlapping halves of the demo corpus (each file keeps its outlet's folder)."""
    files = sorted(DEMO_ARTICLES.rglob("*.txt"))
    assert len(files) == 67
    cut = len(files) * 2 // 3
    folders = tmp_path / "first" / "articles", tmp_path / "second" / "articles"
    for folder, part in zip(folders, (files[:cut], files[len(files) - cut:])):
        for path in part:
            target = folder / path.relative_to(DEMO_ARTICLES)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    return folders


def test_two_ingests_at_once_lose_nothing_and_double_nothing(demo_db, pg_url, tmp_path):
    url = new_database(pg_url, "concurrent")
    first, second = halves(tmp_path)
    # Small transactions, so that the two runs take turns many times and each catches up with the other.
    env = {**os.environ, "STORYLINE_BATCH_SIZE": "10"}
    runs = [subprocess.Popen([STORYLINE, "ingest", str(folder), "--db", url], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env) for folder in (first, second)]
    ingested = 0
    for run in runs:
        stdout, stderr = run.communicate(timeout=600)
        assert run.returncode == 0, stderr.decode()
        ingested += int(stdout.decode().split("ingested ")[1].split(",")[0])
    assert ingested == 67  # what one run stored, the other counted as a duplicate
    articles = [line for line in exported(url) if line["type"] == "article"]
    expected = [line for line in exported(demo_db) if line["type"] == "article"]
    assert sorted(a["id"] for a in articles) == sorted(a["id"] for a in expected)  # each once, none lost
    assert all(a["story"] for a in articles)
    assert "0 problems" in Cli(url)("check").stdout  # every article in exactly one story, sizes agree
    gold = json.loads((DEMO / "gold.json").read_text(encoding="utf-8"))["articles"]
    truth = {a["id"]: gold[e["origin"].split("examples/demo/articles/")[-1]]["story"]
             for a in articles for e in expected if e["id"] == a["id"]}
    scores = cluster_scores({a["id"]: a["story"] for a in articles}, truth)
    # one process over either half first ends with the gold stories (1.000): revision takes the order out
    assert scores["b3_f1"] >= 0.99, scores


def test_eval_works_in_a_temporary_schema_and_drops_it(pg_url):
    url = new_database(pg_url, "evaluation")
    scores = Cli(url).json("eval", "clusters", str(DEMO_ARTICLES), "--gold", str(DEMO / "gold.json"), "--json")
    assert scores["items"] == 67 and scores["b3_f1"] >= 0.95
    with psycopg.connect(url) as conn:
        left = conn.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'storyline%'").fetchall()
        tables = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").fetchone()
    assert left == [] and tables[0] == 0


def test_the_contract_holds_on_postgres(demo_pg):
    check_contract(demo_pg)


@pytest.mark.parametrize("url", ["postgresql://reader:hunter2@127.0.0.1:1/news",
                                 "postgresql://reader:hunter2@no-such-host.invalid/news"])
def test_an_unreachable_server_is_one_line_without_the_password(url):
    result = run_storyline("stories", "--db", url)
    message = result.stderr.decode().strip()
    assert result.returncode == 1 and len(message.splitlines()) == 1
    assert message.startswith("error: postgresql://reader:***@") and "hunter2" not in message


def test_a_missing_database_is_named(pg_url):
    url = pg_url.replace("/postgres?", "/nowhere?")
    result = run_storyline("stories", "--db", url)
    assert result.returncode == 1 and b"nowhere" in result.stderr and b"does not exist" in result.stderr


def test_reading_an_empty_postgres_database_says_to_ingest_first(pg_url):
    url = new_database(pg_url, "empty")
    result = run_storyline("stories", "--db", url)
    assert result.returncode == 1 and b"run `storyline ingest" in result.stderr


def test_storyline_db_in_the_environment_names_a_postgres_database(demo_db, demo_pg):
    env = {**os.environ, "STORYLINE_DB": demo_pg}
    result = subprocess.run([STORYLINE, "sources", "--json"], capture_output=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == Cli(demo_db).json("sources", "--json")


def test_ecbplus_dev_scores_the_same_in_sqlite_and_in_postgres_on_two_dask_workers(pg_url, tmp_path):
    """`eval clusters` takes --db and --engine: ECB+ dev clustered in a temporary PostgreSQL schema by
    two Dask workers scores exactly as in a temporary SQLite file in one process."""
    data = SHARED / "data" / "ecbplus" / "ecbplus_train_dev.jsonl"
    if not data.exists():
        pytest.skip(f"{data} not found (set STORYLINE_SHARED)")
    local = Cli(tmp_path / "unused.db").json("eval", "clusters", str(data), "--split", "dev", "--json")
    result = run_storyline("eval", "clusters", str(data), "--split", "dev", "--json", "--db", pg_url,
                           "--engine", "dask", "--workers", "2")
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert json.loads(result.stdout) == local
    assert local["items"] == 197


def test_outlet_descriptions_and_coverage_are_the_same_on_postgres(demo_db, pg_url, tmp_path):
    """`sources import` into PostgreSQL stores what it stores into SQLite; `migrate` copies it back; the
    story page's coverage, the blindspots and the top stories read the same from both."""
    from fastapi.testclient import TestClient

    from storyline.api import create_app

    url = new_database(pg_url, "outlets")
    assert run_storyline("migrate", "--from", str(demo_db), "--to", url).returncode == 0
    result = Cli(url)("sources", "import", str(FIXTURES / "outlets" / "outlets.csv"))
    assert "imported 8 outlets" in result.stdout and "no article" not in result.stdout
    back = tmp_path / "back.db"
    copied = run_storyline("migrate", "--from", url, "--to", str(back))
    assert copied.returncode == 0 and "source_labels" in copied.stdout.decode(), copied.stderr
    outlets = Cli(url).json("sources", "--json")["outlets"]
    assert outlets == Cli(back).json("sources", "--json")["outlets"]
    assert {o["source"]: o["labels"].get("lean") for o in outlets}["harbor-post"] == "right"
    pages = {}
    for db in (url, back):
        with TestClient(create_app(str(db))) as client:
            rubio = next(s["id"] for s in client.get("/api/stories").json()["items"] if "Rubio" in s["title"])
            pages[db] = [client.get(path).text for path in ("/blindspots", f"/stories/{rubio}", "/", "/?order=latest")]
    assert pages[url] == pages[back]
    assert "Malatya" in pages[url][0] and "only lean=right" in pages[url][0]
    assert 'data-key="lean"' in pages[url][1] and "Not covered by" in pages[url][1]
