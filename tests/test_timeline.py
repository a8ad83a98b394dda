"""Timelines: dated entries from the articles' own dates, one entry per event however many outlets."""


from conftest import FIXTURES


def test_the_interview_timeline_dates_the_calls_two_days_earlier(cli):
    cli("ingest", *map(str, sorted((FIXTURES / "interview").glob("*.txt"))))
    [story] = cli.json("stories", "--json")
    timeline = cli.json("show", story["id"], "--json")["timeline"]
    by_date = {entry["date"]: entry for entry in timeline}
    # "Two days earlier" in one outlet and "On Wednesday" in the other: 12 February, one entry.
    calls = by_date["2025-02-12"]
    assert calls["granularity"] == "day"
    assert sorted(calls["sources"]) == ["eastern-review", "lakeside-courier"]
    assert by_date["2025-02-14"]["sources"]
    assert [e["date"] for e in timeline] == sorted(e["date"] for e in timeline)
    ids = {a["id"] for a in story["articles"]}
    assert all(span["article"] in ids and span["start"] < span["end"] for e in timeline for span in e["evidence"])


def test_a_year_stays_a_year(cli, tmp_path):
    (tmp_path / "a.txt").write_text("date 2025-02-10\nQuake hits coast\n\nA strong earthquake struck the coast on Monday. "
                                    "The region was last hit by a deadly quake in 2007, when hundreds died.\n")
    cli("ingest", str(tmp_path / "a.txt"))
    [story] = cli.json("stories", "--json")
    timeline = cli.json("show", story["id"], "--json")["timeline"]
    assert {"date": "2007", "granularity": "year"}.items() <= next(e for e in timeline if e["date"].startswith("2007")).items()
    assert any(e["date"] == "2025-02-10" for e in timeline)



def test_a_sentence_is_dated_by_what_it_reports_not_a_year_it_mentions_in_passing(cli, tmp_path):
    (tmp_path / "a.txt").write_text("date 2025-03-04\nTalks in Geneva\n\nNegotiators from both countries met in "
                                    "Geneva today for the first direct talks since the border war of 2019.\n\n"
                                    "A second round is planned for April, officials said.\n")
    cli("ingest", str(tmp_path / "a.txt"))
    [story] = cli.json("stories", "--json")
    timeline = cli.json("show", story["id"], "--json")["timeline"]
    assert not any(e["date"].startswith("2019") for e in timeline)
    assert any(e["date"] == "2025-03-04" and "Geneva today" in e["text"] for e in timeline)


def test_a_dateline_dates_the_report_and_is_no_entry_of_its_own(cli, tmp_path):
    """"VARNHOLM, June 4, 2025 — About 1,200 …": the report is of 4 June; its Tuesday is 3 June; the dateline says no
    event of its own, and a stamp above the report is none either."""
    (tmp_path / "a.txt").write_text("Port strike\nUpdated: June 5, 2025\n\nVARNHOLM, June 4, 2025 — About 1,200 dockworkers "
                                    "walked off the job on Tuesday over pay, the union said.\n\nShips waited outside.\n")
    cli("ingest", str(tmp_path / "a.txt"))
    [story] = cli.json("stories", "--json")
    assert story["articles"][0]["published"] == "2025-06-04"
    timeline = cli.json("show", story["id"], "--json")["timeline"]
    assert [(e["date"], e["text"][:20]) for e in timeline] == [("2025-06-03", "About 1,200 dockwork")]
