"""The Dask engine: a real LocalCluster of two worker processes gives the same stories, claims and
quotes as one process, survives a worker killed mid-run, and drives the CLI end to end."""

from __future__ import annotations

import json
import os
import signal
from collections import Counter
from pathlib import Path

import pytest

from conftest import DEMO, DEMO_ARTICLES, SHARED, Cli, check_contract, run_storyline
from storyline.engine import DaskEngine, InProcessEngine, dask_client
from storyline.evaluate.clusters import cluster_scores
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.sources import read_inputs
from storyline.store import open_store

ECBPLUS = SHARED / "data" / "ecbplus" / "ecbplus_train_dev.jsonl"
DEV_TOPICS = {2, 5, 12}  # three of the eight dev topics (74 articles); bench/scale.py runs all of dev


@pytest.fixture(scope="session")
def client():
    """One LocalCluster of two worker processes for the session, started the way `--workers 2` starts it."""
    with dask_client(Settings(engine="dask", workers=2)) as client:
        client.wait_for_workers(2)
        yield client


def story_of(db: Path) -> dict[str, str]:
    """article id -> story id, from `storyline export`."""
    lines = [json.loads(line) for line in Cli(db)("export").stdout.splitlines()]
    return {line["id"]: line["story"] for line in lines if line["type"] == "article"}


def briefs(db: Path) -> dict[str, dict]:
    """Each story's claims and quotes as `show --json` prints them."""
    cli = Cli(db)
    return {story["id"]: {key: cli.json("show", story["id"], "--json")[key] for key in ("claims", "quotes")}
            for story in cli.json("stories", "--json")}


def same_partition(a: dict[str, str], b: dict[str, str]) -> float:
    assert set(a) == set(b)
    return cluster_scores(a, b)["b3_f1"]


def dev_records(tmp_path: Path) -> list:
    """The records of a few ECB+ dev topics, as `storyline ingest` reads them."""
    if not ECBPLUS.exists():
        pytest.skip(f"{ECBPLUS} not found (set STORYLINE_SHARED)")
    rows = [json.loads(line) for line in ECBPLUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    subset = tmp_path / "dev-topics.jsonl"
    subset.write_text("".join(json.dumps(r) + "\n" for r in rows if r["split"] == "dev" and r["topic"] in DEV_TOPICS),
                      encoding="utf-8")
    return list(read_inputs([str(subset)], Settings()))


def ingest_into(db: Path, items: list, settings: Settings, engine, **kwargs):
    with open_store(db, create=True) as store:
        return ingest(items, store, settings, engine=engine, **kwargs)


def test_ecbplus_dev_topics_same_stories_in_process_and_on_two_workers(tmp_path, client):
    # Small chunks, so that several are in flight on both workers and may finish out of order.
    items = dev_records(tmp_path)
    settings = Settings(batch_size=8, analyze=False)
    local = ingest_into(tmp_path / "local.db", items, settings, InProcessEngine())
    dask = ingest_into(tmp_path / "dask.db", items, settings, DaskEngine(client))
    assert local.ingested == dask.ingested == len(items) == 74
    assert dask.seconds["embed"] > 0 and dask.seconds["wait"] > 0  # the work was the workers'
    local_stories, dask_stories = story_of(tmp_path / "local.db"), story_of(tmp_path / "dask.db")
    assert same_partition(local_stories, dask_stories) == 1.0
    assert local_stories == dask_stories  # story ids too: the same article started each story
    gold = {local.article_of[origin]: label for origin, label in local.gold_of.items()}
    assert cluster_scores(dask_stories, gold)["b3_f1"] == cluster_scores(local_stories, gold)["b3_f1"] >= 0.8


def test_cli_ingest_on_two_local_workers_gives_the_demo_stories_claims_and_quotes(tmp_path, demo_db):
    db = tmp_path / "dask.db"
    result = run_storyline("ingest", str(DEMO_ARTICLES), "--db", str(db), "--engine", "dask", "--workers", "2")
    assert result.returncode == 0, result.stderr.decode()
    assert b"ingested 67, duplicates 0, rejected 0" in result.stdout
    in_process = story_of(demo_db)
    assert same_partition(in_process, story_of(db)) == 1.0
    assert briefs(db) == briefs(demo_db)

    check_contract(db)


def test_cli_ingest_on_a_running_scheduler(tmp_path, client):
    cli = Cli(tmp_path / "s.db")
    address = client.scheduler.address
    first = cli("ingest", str(DEMO_ARTICLES / "harbor-post"), "--engine", "dask", "--scheduler", address)
    assert "ingested 8, duplicates 0" in first.stdout
    again = cli("ingest", str(DEMO_ARTICLES / "harbor-post"), "--engine", "dask", "--scheduler", address)
    assert "ingested 0, duplicates 8" in again.stdout


def test_cli_engine_errors_are_one_line(tmp_path):
    unreachable = Cli(tmp_path / "u.db")("ingest", str(DEMO_ARTICLES / "harbor-post"), "--engine", "dask", "--scheduler",
                      "tcp://127.0.0.1:9", expect=1)
    assert unreachable.stderr.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert not (tmp_path / "u.db").exists()  # nothing created for a run that could not start
    no_engine = Cli(tmp_path / "e.db")("ingest", str(DEMO_ARTICLES / "harbor-post"), "--workers", "2", expect=1)
    assert no_engine.stderr.strip() == "error: --scheduler and --workers need --engine dask"
    assert not (tmp_path / "e.db").exists()  # refused before anything was read or stored


def test_a_worker_killed_mid_ingest_loses_and_doubles_nothing(tmp_path, client):
    items = list(read_inputs([str(DEMO_ARTICLES)], Settings()))
    settings = Settings(batch_size=4, analyze=False)  # 17 chunks: most are still to come at the kill
    before = client.run(os.getpid)
    killed: list[int] = []

    def kill_a_busy_worker(done: int) -> None:
        if killed:
            return
        busy = [address for address, keys in client.processing().items() if keys]
        assert busy, "no chunk in flight after the first commit"
        killed.append(before[busy[0]])
        os.kill(killed[0], signal.SIGKILL)

    report = ingest_into(tmp_path / "kill.db", items, settings, DaskEngine(client), progress=kill_a_busy_worker)
    assert killed
    client.wait_for_workers(2)
    assert killed[0] not in client.run(os.getpid).values()  # it really died (its nanny started another)

    assert report.ingested == len(items) == 67 and not report.rejected
    stories = story_of(tmp_path / "kill.db")
    assert len(stories) == 67  # every article once
    with open_store(tmp_path / "kill.db") as store:
        members = Counter(article.id for row in store.stories() for article, _ in store.story_articles(row.id))
    assert set(members) == set(stories) and set(members.values()) == {1}  # each in exactly one story
    gold = json.loads((DEMO / "gold.json").read_text(encoding="utf-8"))["articles"]
    path_of = {origin.split("examples/demo/articles/")[-1]: aid for origin, aid in report.article_of.items()}
    truth = {path_of[path]: entry["story"] for path, entry in gold.items()}
    assert cluster_scores(stories, truth)["b3_f1"] >= 0.95

    rerun = ingest_into(tmp_path / "kill.db", items, settings, DaskEngine(client))
    assert rerun.ingested == 0 and rerun.duplicates == 67
