"""Reports that quote one passage alike are one story, however differently they tell the rest."""

import json
from datetime import date

from conftest import FIXTURES, Cli

from storyline.quoted_runs import QUOTE_WORDS, QuotationIndex, quoted_runs

ARTICLES = FIXTURES / "quoted_runs" / "articles.jsonl"
QUOTED = "\"We cannot keep every crane running through the night while the big ships are not coming,\" she said."
PARAPHRASED = "She said the cranes could not keep running through the night while the big ships stayed away."


def test_two_reports_of_one_statement_quoting_it_alike_are_one_story_and_other_events_stay_apart(tmp_path):
    scores = Cli(tmp_path / "unused.db").json("eval", "clusters", str(ARTICLES), "--json")
    # placement leaves the dockers' report apart: its headline and lead tell the union's side
    assert scores["before_revision"]["clusters"] == 4
    # the director's words, quoted alike, join it to the port's report; the collision in the same bay
    # (which shares a short stock phrase with the port's report) and the other port's dues stay apart
    assert scores["clusters"] == 3 and scores["b3_f1"] == 1.0


def test_without_the_quotation_the_reports_stay_apart(tmp_path):
    rows = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        assert row["id"] != "ledger-dockers-ballot" or QUOTED in row["text"]
        row["text"] = row["text"].replace(QUOTED, PARAPHRASED)
    paraphrased = tmp_path / "paraphrased.jsonl"
    paraphrased.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    scores = Cli(tmp_path / "unused.db").json("eval", "clusters", str(paraphrased), "--json")
    assert scores["clusters"] == 4


def test_a_run_counts_only_at_its_full_length_inside_quote_marks_and_a_few_days_apart():
    words = "we cannot keep every crane running through the night while the big ships are not coming".split()
    quote = " ".join(words[:QUOTE_WORDS])
    assert quoted_runs(f'He said: "{quote}."') == quoted_runs(f"She said: “{quote.capitalize()}.”")
    assert not quoted_runs(f'He said: "{" ".join(words[:QUOTE_WORDS - 1])}."')
    assert not quoted_runs(f"He said {quote}.")  # not quoted: a reporter's own words
    index = QuotationIndex()
    runs = quoted_runs(f'"{quote}," she said.')
    for article_id, day in (("a", date(2025, 4, 8)), ("b", date(2025, 4, 11)), ("c", date(2025, 4, 12)), ("u", None)):
        index.add(article_id, day, runs)
    assert index.sharing("a", date(2025, 4, 8), runs) == {"b", "u"}
    assert index.sharing("c", date(2025, 4, 12), runs) == {"b", "u"}
    index.forget_before(date(2025, 4, 9))
    assert index.sharing("c", date(2025, 4, 12), runs) == {"b", "u"} and "a" not in index.runs


def test_a_report_ingested_in_a_later_run_joins_the_story_of_the_one_it_quotes_alike(tmp_path):
    rows = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in rows if r["id"] != "ledger-dockers-ballot"), encoding="utf-8")
    later.write_text("".join(json.dumps(r) + "\n" for r in rows if r["id"] == "ledger-dockers-ballot"), encoding="utf-8")
    cli = Cli(tmp_path / "runs.db")
    cli("ingest", str(first))
    cli("ingest", str(later))
    stories = cli.json("stories", "--json")
    assert len(stories) == 3
    together = next(s for s in stories if len(s["articles"]) == 2)
    assert {a["source"] for a in together["articles"]} == {"harbour-courier", "eastern-ledger"}
