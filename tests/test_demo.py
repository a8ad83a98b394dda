"""The bundled demo corpus, as `make demo` ingests it: stories match the gold, the contract holds."""

import json

import pytest

from conftest import DEMO, DEMO_ARTICLES, SHARED, Cli, check_contract


def gold():
    return json.loads((DEMO / "gold.json").read_text(encoding="utf-8"))


def test_demo_stories_match_the_gold_labels(tmp_path):
    result = Cli(tmp_path / "unused.db")("eval", "clusters", str(DEMO_ARTICLES), "--gold", str(DEMO / "gold.json"), "--json")
    scores = json.loads(result.stdout)
    assert scores["items"] == len(gold()["articles"])
    assert scores["b3_f1"] >= 0.95, scores
    assert not (tmp_path / "unused.db").exists()  # eval works in a temporary database


def predicted_story_by_path(db):
    cli = Cli(db)
    exported = [json.loads(line) for line in cli("export").stdout.splitlines()]
    return {line["origin"].split("examples/demo/articles/")[-1]: line["story"]
            for line in exported if line["type"] == "article"}


def merged_pairs(db):
    """Pairs of different gold stories that share a predicted story."""
    labels = {path: entry["story"] for path, entry in gold()["articles"].items()}
    predicted = predicted_story_by_path(db)
    return {(labels[a], labels[b]) for a in predicted for b in predicted
            if labels[a] < labels[b] and predicted[a] == predicted[b]}


def test_demo_keeps_same_kind_events_apart(demo_db):
    merged = merged_pairs(demo_db)
    for pair in [("peru-earthquake", "turkey-earthquake"), ("brennick-nurses-strike", "larkhaven-dock-strike"),
                 ("munich-conference", "rubio-interview"), ("malatya-hospital-opens", "turkey-earthquake")]:
        assert pair not in merged


def test_demo_two_rate_cuts_a_day_apart_stay_apart(demo_db):
    # Each report names the other central bank; only the calibrated score keeps them apart.
    assert ("rba-rate-cut", "rbnz-rate-cut") not in merged_pairs(demo_db)


def test_demo_syndicated_copies_are_one_voice(demo_db):
    groups = gold()["duplicates"]
    assert groups
    exported = [json.loads(line) for line in Cli(demo_db)("export").stdout.splitlines()]
    lines = {line["origin"].split("examples/demo/articles/")[-1]: line for line in exported if line["type"] == "article"}
    for group in groups:
        roots = {lines[path]["duplicate_of"] or lines[path]["id"] for path in group}
        assert len(roots) == 1, group


def test_demo_passes_the_contract_check(demo_db):
    check_contract(demo_db)


def test_show_prints_json_and_markdown(demo_db):
    cli = Cli(demo_db)
    story = cli.json("stories", "--json")[0]
    shown = cli.json("show", story["id"], "--json")
    assert shown["id"] == story["id"] and shown["articles"] == story["articles"]
    for key in ("entities", "quotes", "claims", "timeline", "summary"):
        assert isinstance(shown[key], list)
    markdown = cli("show", story["id"][:6], "--markdown").stdout
    assert markdown.startswith(f"# {story['title']}")
    assert all(article["source"] in markdown for article in story["articles"])


def test_stories_are_newest_first(demo_db):
    stories = Cli(demo_db).json("stories", "--json")
    days = [s["last_seen"] for s in stories]
    assert days == sorted(days, reverse=True)


def test_ecbplus_dev_events_are_told_apart(tmp_path):
    """Real reports of two events of one kind per topic (ECB+ dev): the figure in docs/quality.md."""
    data = SHARED / "data" / "ecbplus" / "ecbplus_train_dev.jsonl"
    if not data.exists():
        pytest.skip(f"{data} not found (set STORYLINE_SHARED)")
    result = Cli(tmp_path / "unused.db")("eval", "clusters", str(data), "--split", "dev", "--json")
    scores = json.loads(result.stdout)
    assert scores["items"] == 197 and scores["gold_clusters"] == 16
    assert scores["b3_f1"] >= 0.92, scores
    assert scores["before_revision"]["b3_f1"] < scores["b3_f1"], scores  # revision joins what placement split


def test_demo_timelines_and_storylines_meet_their_floors(tmp_path):
    scores = json.loads(Cli(tmp_path / "unused.db")("eval", "timeline", str(DEMO), "--json").stdout)
    assert scores["date_f1"] >= 0.8, scores
    assert scores["link_precision"] >= 0.9 and scores["link_recall"] >= 0.8, scores


def test_demo_analysis_meets_its_floors(tmp_path):
    scores = json.loads(Cli(tmp_path / "unused.db")("eval", "analysis", str(DEMO), "--json").stdout)
    assert scores["entity_pairwise_f1"] >= 0.9 and scores["quote_recall"] >= 0.9, scores
    assert scores["speaker_accuracy"] >= 0.9 and scores["date_accuracy"] >= 0.9, scores


def test_the_ukraine_thread_is_one_storyline(demo_db):
    cli = Cli(demo_db)
    threads = cli.json("storylines", "--json")
    ukraine = next(t for t in threads if any("Rubio" in s["title"] for s in t["stories"]))
    titles = " | ".join(s["title"] for s in ukraine["stories"])
    assert "Munich" in titles or "Europe" in titles and "Riyadh" in titles
    assert not any("Earthquake" in s["title"] or "Quake" in s["title"] for s in ukraine["stories"])
    dates = [entry["date"] for entry in ukraine["timeline"]]
    assert dates == sorted(dates) and "2025-02-12" in dates
    shown = cli.json("storyline", ukraine["stories"][0]["id"], "--json")
    assert shown["id"] == ukraine["id"]


def test_an_entity_page_gathers_quotes_across_stories_and_spellings(demo_db):
    page = Cli(demo_db).json("entity", "Zelenskyy", "--json")
    assert page["name"].endswith(("Zelensky", "Zelenskyy"))
    assert len(page["stories"]) >= 2
    assert page["quotes"] and all(q["speaker"] == page["name"] for q in page["quotes"])


def test_the_static_embedder_clusters_the_demo_and_a_database_keeps_its_embedder(tmp_path, monkeypatch):
    """STORYLINE_EMBEDDER=static trades a little quality for speed; a database placed with one kind of
    vector refuses another, in one line, and keeps what it holds."""
    cli = Cli(tmp_path / "static.db")
    monkeypatch.setenv("STORYLINE_EMBEDDER", "static")
    scores = json.loads(cli("eval", "clusters", str(DEMO_ARTICLES), "--gold", str(DEMO / "gold.json"), "--json").stdout)
    assert scores["b3_f1"] >= 0.9, scores
    one_outlet, another = sorted(DEMO_ARTICLES.iterdir())[:2]
    cli("ingest", str(one_outlet))
    stored = cli.json("stories", "--json")
    monkeypatch.setenv("STORYLINE_EMBEDDER", "minilm")
    refused = cli("ingest", str(another), expect=1)
    message = refused.stderr.strip()
    assert "static.db" in message and "static:" in message and "STORYLINE_EMBEDDER" in message and "\n" not in message
    assert cli.json("stories", "--json") == stored
