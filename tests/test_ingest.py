"""Ingest as a user runs it: formats, idempotence, stdin, and bad input that loses nothing."""

import json
import sqlite3

from conftest import FIXTURES, Cli, run_storyline, write_article


def test_two_outlets_reporting_one_interview_make_one_story(cli):
    files = sorted((FIXTURES / "interview").glob("*.txt"))
    cli("ingest", *map(str, files))
    [story] = cli.json("stories", "--json")
    assert len(story["articles"]) == 2
    assert sorted(a["source"] for a in story["articles"]) == ["eastern-review", "lakeside-courier"]


def test_two_earthquakes_in_one_week_stay_two_stories(cli):
    cli("ingest", str(FIXTURES / "earthquakes"))
    stories = cli.json("stories", "--json")
    assert len(stories) == 2
    assert [s["first_seen"] for s in stories] == ["2025-02-13", "2025-02-11"]  # newest first


def test_reingesting_a_folder_adds_nothing_and_says_so(cli):
    cli("ingest", str(FIXTURES / "interview"), str(FIXTURES / "earthquakes"))
    before = cli.json("stories", "--json")
    result = cli("ingest", str(FIXTURES / "interview"), str(FIXTURES / "earthquakes"))
    assert result.stdout.startswith("ingested 0, duplicates 4, rejected 0")
    assert cli.json("stories", "--json") == before


def test_same_text_under_another_name_or_spacing_is_one_record(cli, tmp_path):
    write_article(tmp_path / "a", "one.txt", "2025-02-10", "Headline", "Dock workers  walked out on Monday.")
    write_article(tmp_path / "b", "two.txt", "2025-02-10", "Headline", "Dock workers walked out on Monday.")
    result = cli("ingest", str(tmp_path / "a"), str(tmp_path / "b"))
    assert "ingested 1, duplicates 1" in result.stdout


def test_same_url_is_one_record_and_new_text_updates_it(cli, tmp_path):
    first = {"text": "First version of the report on the ferry.", "url": "https://news.example/a?utm_source=x"}
    (tmp_path / "r.jsonl").write_text(json.dumps(first) + "\n" + json.dumps({**first, "url": "https://news.example/a"}))
    assert "ingested 1, duplicates 1" in cli("ingest", str(tmp_path / "r.jsonl")).stdout
    (tmp_path / "u.jsonl").write_text(json.dumps({"text": "Corrected report on the ferry.", "url": "https://news.example/a"}))
    assert "ingested 0, updated 1, duplicates 0" in cli("ingest", str(tmp_path / "u.jsonl")).stdout
    [line] = [json.loads(l) for l in cli("export").stdout.splitlines() if '"type": "article"' in l]
    assert line["text"] == "Corrected report on the ferry."
    with sqlite3.connect(cli.db) as conn:
        hits = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Corrected'").fetchone()[0]
        assert hits == 1


def test_an_updated_article_is_analysed_again_and_its_story_shows_the_new_text(cli, tmp_path):
    url = "https://news.example/ferry"
    first = {"url": url, "date": "2025-02-10", "source": "Harbour Post", "title": "Ferry suspended",
             "text": 'The island ferry was suspended on Monday. "We will not sail until the pier is safe," '
                     "said Mara Quint, the harbour master."}
    (tmp_path / "a.jsonl").write_text(json.dumps(first) + "\n")
    cli("ingest", str(tmp_path / "a.jsonl"))
    [story] = cli.json("stories", "--json")
    assert [q["speaker"] for q in cli.json("show", story["id"], "--json")["quotes"]] == ["Mara Quint"]

    corrected = {**first, "text": 'The island ferry was suspended on Monday. "Repairs will take a week," '
                                  "said Tomas Rell, the port engineer."}
    (tmp_path / "b.jsonl").write_text(json.dumps(corrected) + "\n")
    assert "updated 1" in cli("ingest", str(tmp_path / "b.jsonl")).stdout
    shown = cli.json("show", story["id"], "--json")
    [quote] = shown["quotes"]
    assert quote["speaker"] == "Tomas Rell" and "Repairs will take a week" in quote["text"]
    article_text = corrected["text"]
    assert quote["variants"]
    for variant in quote["variants"]:  # the span points into the text as it now reads
        assert article_text[variant["start"]:variant["end"]] == variant["text"]
    assert cli("check").exit_code == 0


def test_bad_input_is_named_and_the_rest_of_the_batch_is_stored(cli, tmp_path):
    cli("ingest", str(FIXTURES / "interview"))
    before = cli.json("stories", "--json")
    good = write_article(tmp_path, "good.txt", "2025-02-20", "Ferry service resumes",
                         "The ferry between the two islands resumed service on Thursday after the storm.")
    (tmp_path / "nodate.txt").write_text("date 14 Februar 2025x\nHead\n\nBody.\n")
    (tmp_path / "latin1.txt").write_bytes(b"date 2025-02-20\nHead\n\nCaf\xe9 owners protest.\n")
    (tmp_path / "rows.jsonl").write_text(json.dumps({"title": "empty"}) + "\n" +
                                         json.dumps({"text": "Valid line from the wire.", "date": "2025-02-20"}) + "\n")
    with open(tmp_path / "huge.jsonl", "wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    result = cli("ingest", str(tmp_path), expect=1)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    named = " ".join(errors)
    for where in ("nodate.txt:1", "latin1.txt:4", "rows.jsonl:1", "huge.jsonl"):
        assert where in named, named
    assert result.stdout.startswith("ingested 2,")
    stories = cli.json("stories", "--json")
    assert {a["id"] for s in before for a in s["articles"]} <= {a["id"] for s in stories for a in s["articles"]}
    assert good.exists()
    with sqlite3.connect(cli.db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_stdin_in_its_own_process(tmp_path):
    db = tmp_path / "s.db"
    data = b"date 2025-02-10\nFlood closes river road\n\nThe river road was closed on Monday after heavy rain.\n"
    result = run_storyline("ingest", "-", "--source", "piped", "--db", str(db), input=data)
    assert result.returncode == 0, result.stderr
    assert b"ingested 1, duplicates 0, rejected 0" in result.stdout
    shown = json.loads(run_storyline("stories", "--json", "--db", str(db)).stdout)
    assert shown[0]["articles"][0]["source"] == "piped"
    assert shown[0]["title"] == "Flood closes river road"


def test_the_database_may_be_named_before_the_command_too(tmp_path):
    db = tmp_path / "before.db"
    data = b" date June 2, 2025 Ferry crews in Norrvik walked out on Monday over rosters, the operator said.\n"
    result = run_storyline("--db", str(db), "ingest", "-", "--source", "piped", input=data)
    assert result.returncode == 0, result.stderr
    assert db.exists()
    [story] = json.loads(run_storyline("--db", str(db), "stories", "--json").stdout)
    assert story["first_seen"] == "2025-06-02" and story["articles"][0]["source"] == "piped"
    other = tmp_path / "other.db"  # a command's own --db wins over the one before it
    assert run_storyline("--db", str(db), "ingest", "-", "--db", str(other), input=data).returncode == 0
    assert json.loads(run_storyline("stories", "--json", "--db", str(other)).stdout)[0]["first_seen"] == "2025-06-02"


def test_csv_and_json_and_jsonl_formats(cli, tmp_path):
    (tmp_path / "a.csv").write_text('id,title,date,source,text\nc1,Rail strike starts,2025-02-12,paper,'
                                    '"Rail workers in Lyon began a strike on Wednesday over pay."\n')
    (tmp_path / "b.json").write_text(json.dumps([{"id": "j1", "title": "Bank holds rates", "date": "2025-02-12",
                                                  "text": "The central bank kept its main rate at 4 percent."}]))
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "l1", "title": "Probe lands", "published": "2025-02-12T08:00:00Z",
                                                  "body": "A lunar probe touched down near the south pole."}))
    cli("ingest", str(tmp_path))
    lines = [json.loads(line) for line in cli("export", "--format", "jsonl").stdout.splitlines()]
    articles = {line["external_id"]: line for line in lines if line["type"] == "article"}
    assert set(articles) == {"c1", "j1", "l1"}
    assert articles["l1"]["published"] == "2025-02-12T08:00:00+00:00"
    assert articles["c1"]["source"] == "paper"
    assert all(line["story"] for line in articles.values())


def test_database_is_wal_with_fts_and_foreign_keys(cli):
    cli("ingest", str(FIXTURES / "earthquakes"))
    with sqlite3.connect(cli.db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        hits = conn.execute("SELECT a.source_id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
                            "WHERE articles_fts MATCH 'Arequipa'").fetchall()
        assert len(hits) == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1


def test_language_is_detected_unless_the_record_gives_it(cli, tmp_path):
    rows = [{"id": "fr", "text": "Le ministre a déclaré lundi que les négociations reprendraient la semaine prochaine à Genève."},
            {"id": "uk", "text": "Міністр заявив у понеділок, що переговори відновляться наступного тижня в Женеві."},
            {"id": "en", "text": "The minister said on Monday that talks would resume in Geneva next week."},
            {"id": "given", "language": "de", "text": "A record whose own language field is trusted over detection."}]
    (tmp_path / "l.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    cli("ingest", str(tmp_path / "l.jsonl"))
    lines = [json.loads(l) for l in cli("export").stdout.splitlines() if '"type": "article"' in l]
    assert {line["external_id"]: line["language"] for line in lines} == {"fr": "fr", "uk": "uk", "en": "en", "given": "de"}


def test_short_items_from_one_template_are_not_copies_but_a_credited_copy_is(cli, tmp_path):
    """Two briefs written to one pattern share most of their wording and none of their facts; a wire
    item republished with a credit line keeps its facts and is a copy."""
    tail = (" Pay has not kept up with inflation since the last agreement, the union said on Tuesday, and talks"
            " with the management broke down late on Monday night.")
    rail = "Rail workers in Kaitouia are on strike for an 11% raise." + tail
    records = [
        {"id": "rail", "date": "2025-03-04", "source": "Wire One", "text": rail},
        {"id": "postal", "date": "2025-03-04", "source": "Harbour Post",
         "text": "Postal workers in Dreasaipol are on strike for a 9% raise." + tail},
        {"id": "rail-copy", "date": "2025-03-04", "source": "Valley Times", "text": rail + " (Reporting by Ana Belkin)"},
    ]
    (tmp_path / "briefs.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    assert "ingested 3, duplicates 0" in cli("ingest", str(tmp_path / "briefs.jsonl")).stdout
    articles = {}
    for story in cli.json("stories", "--json"):
        for article in cli.json("show", story["id"], "--json")["articles"]:
            articles[article["source"]] = article
    assert articles["Harbour Post"]["duplicate_of"] is None
    assert articles["Valley Times"]["duplicate_of"] == articles["Wire One"]["id"]


def test_articles_are_placed_with_blas_on_one_thread_and_its_threads_come_back_after():
    from threadpoolctl import threadpool_info

    from storyline.pipeline import one_blas_thread

    before = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    with one_blas_thread():
        assert all(lib["num_threads"] == 1 for lib in threadpool_info() if lib["user_api"] == "blas")
    assert [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"] == before


def test_a_copy_within_the_duplicate_window_is_a_copy_and_one_after_it_a_report_of_its_own(cli, tmp_path, monkeypatch):
    """An article can have copies for STORYLINE_DUPLICATE_DAYS days (30 unless set): a wire item
    republished a week later is a copy; republished 40 days later, once the ingest has met a newer
    article, it is a report of its own, in one run or over several; with `all`, a copy still."""
    wire = ("Ferry crews in Norrvik walked out on Monday over new rosters, the operator said. Union steward"
            " Jonas Ekdal said crews had worked double shifts since April and would not sail until Friday.")
    records = [{"id": "wire", "date": "2025-03-03", "source": "Wire One", "text": wire},
               {"id": "week", "date": "2025-03-10", "source": "Valley Times", "text": wire + " (Wire One)"},
               {"id": "other", "date": "2025-04-11", "source": "Harbour Post",
                "text": "A new bridge opened in Marlowe Bay on Tuesday, the council said."},
               {"id": "late", "date": "2025-04-12", "source": "Lakeside Courier", "text": wire + " (Archive)"}]
    for record in records:
        (tmp_path / f"{record['id']}.jsonl").write_text(json.dumps(record) + "\n")

    def copy_of(db: Cli) -> dict[str, str | None]:
        articles = {a["source"]: a for story in db.json("stories", "--json") for a in story["articles"]}
        ids = {article["id"]: source for source, article in articles.items()}
        return {source: ids.get(article["duplicate_of"]) for source, article in articles.items()}

    cli("ingest", *(str(tmp_path / f"{record['id']}.jsonl") for record in records))  # one run
    separate = Cli(tmp_path / "separate.db")
    for record in records:  # a run each: a later run reads the originals of its window alone
        separate("ingest", str(tmp_path / f"{record['id']}.jsonl"))
    expected = {"Wire One": None, "Valley Times": "Wire One", "Harbour Post": None, "Lakeside Courier": None}
    assert copy_of(cli) == copy_of(separate) == expected
    monkeypatch.setenv("STORYLINE_DUPLICATE_DAYS", "all")
    kept = Cli(tmp_path / "kept.db")
    for record in records:
        kept("ingest", str(tmp_path / f"{record['id']}.jsonl"))
    assert copy_of(kept) == {**expected, "Lakeside Courier": "Wire One"}


def test_an_ingest_lets_go_of_each_record_once_read_and_of_each_chunks_articles_once_stored(tmp_path):
    """Memory bounded by the chunk, not the corpus: a run over many long articles holds the text of
    the chunks in flight, not of every record and article it was given (spool.py keeps the text of
    those waiting for their chunk)."""
    import dataclasses
    import gc
    import weakref

    from conftest import DEMO_ARTICLES
    from storyline.engine import InProcessEngine
    from storyline.model import Article, Record
    from storyline.pipeline import ingest
    from storyline.settings import Settings
    from storyline.sources import read_inputs
    from storyline.store import open_store

    settings = Settings(db=str(tmp_path / "s.db"), batch_size=4, analyze=False)
    mark = "Filed for the chunk test."  # this run's articles apart from any other test's in the process
    records: list[weakref.ref] = []

    def read():  # as `storyline ingest` reads its files: as the run takes them in
        for item in read_inputs([str(DEMO_ARTICLES)], settings):
            if isinstance(item, Record):
                item = dataclasses.replace(item, text=f"{item.text}\n\n{mark}")
                records.append(weakref.ref(item))
            yield item

    chunks: list[list[weakref.ref]] = []
    texts: list[int] = []  # at each chunk, the articles alive with their text
    alive: list[tuple[int, int, int]] = []  # at each chunk: its number, the earlier chunks' articles alive, records alive

    class Watching(InProcessEngine):
        def map(self, fn, chunks_in, *args):
            def seen():
                for chunk in chunks_in:
                    chunks.append([weakref.ref(article) for article in chunk])
                    yield chunk

            for done, result in enumerate(super().map(fn, seen(), *args)):
                gc.collect()
                # the articles waiting for their chunk keep no text: only those of the chunks in flight do
                texts.append(sum(1 for o in gc.get_objects() if type(o) is Article and o.text.endswith(mark)))
                # chunk done is the driver's now, the one after it is being prepared
                alive.append((done, sum(ref() is not None for refs in chunks[:max(0, done - 1)] for ref in refs),
                              sum(ref() is not None for ref in records)))
                yield result

    with open_store(tmp_path / "s.db", create=True) as store:
        report = ingest(read(), store, settings, engine=Watching())
    assert report.ingested == len(records) > 5 * settings.batch_size
    assert len(chunks) == len(alive) > 5
    # the chunk before this one is still the driver's while it waits; none before it is held
    assert all(articles == 0 for _, articles, _ in alive), [a for a in alive if a[1]]
    assert all(held == 0 for _, _, held in alive), alive
    # the driver's chunk; the next one as prepared, and as handed to prepare; the one after it, handed over
    assert 0 < max(texts) <= 4 * settings.batch_size < report.ingested // 2, texts
