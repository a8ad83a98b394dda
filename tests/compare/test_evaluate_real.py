"""The yardstick on real reports: `storyline eval compare FOLDER` over an annotated set in the shape of
tests/fixtures/real (conflicts, look-alikes, updates and claim groups, by document, span and value).

tests/fixtures/real_small is our own: six short reports of two events (a ferry strike, a mill fire)
in documents.jsonl, annotated like the real set. The scorer is checked on predictions written by hand
against it, where every figure is known; the CLI is run over it and over two ECB+ events."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import SHARED, Cli

from storyline.errors import InputError
from storyline.evaluate.detokenize import detokenize
from storyline.evaluate.quote_pairs import PredictedQuote, quote_pair_rows, score_quote_pairs
from storyline.evaluate.real import (
    SHARED_DAY,
    DocSpan,
    PredictedClaim,
    PredictedValue,
    Prediction,
    claims_of_brief,
    document_days,
    load_real_set,
    publication_days,
    score_real,
    stored_to_given,
    value_key,
)
from storyline.text import normalize_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SMALL = FIXTURES / "real_small"
REAL = FIXTURES / "real"
ECBPLUS = SHARED / "data" / "ecbplus" / "ecbplus_train_dev.jsonl"
TEXTS = {json.loads(line)["id"]: json.loads(line)["text"]
         for line in (SMALL / "documents.jsonl").read_text(encoding="utf-8").splitlines()}


def words(doc: str, text: str) -> DocSpan:
    start = TEXTS[doc].index(text)
    return DocSpan(doc, start, start + len(text))


def sentence(doc: str, text: str) -> DocSpan:
    """The whole line of a document that holds text: what a claim's evidence cites."""
    start = TEXTS[doc].index(text)
    first = TEXTS[doc].rfind("\n", 0, start) + 1
    last = TEXTS[doc].find("\n", start)
    return DocSpan(doc, first, len(TEXTS[doc]) if last < 0 else last)


def value(doc: str, text: str, normalized: str | None = None) -> PredictedValue:
    return PredictedValue((doc,), text, normalized, (words(doc, text),))


def conflict(first: tuple[str, str], second: tuple[str, str], kind: str = "conflict",
             normalized: tuple[str | None, str | None] = (None, None)) -> PredictedClaim:
    return PredictedClaim("ferry", "s1", kind, "number", "", (sentence(*first), sentence(*second)),
                          (value(*first, normalized[0]), value(*second, normalized[1])))


def statement(*spans: tuple[str, str]) -> PredictedClaim:
    return PredictedClaim("ferry", "s1", "claim", None, "", tuple(sentence(*s) for s in spans))


FERRY_STORIES = {"ferry_1": "s1", "ferry_2": "s1", "ferry_3": "s1", "ferry_4": "s1"}
TWELVE, NINETEEN = ("ferry_1", "Twelve ferries"), ("ferry_2", "Nineteen ferries")


def predictions(*claims: PredictedClaim) -> dict[str, Prediction]:
    return {"ferry": Prediction(dict(FERRY_STORIES), list(claims), 1),
            "mill": Prediction({"mill_1": "m1", "mill_2": "m2"}, [], 2)}


def test_the_scorer_counts_every_figure_by_its_rule():
    real = load_real_set(SMALL)
    scores = score_real(real, predictions(
        conflict(TWELVE, NINETEEN),  # c-001, values named
        conflict(("ferry_1", "about 300"), ("ferry_2", "nearly 300"), normalized=("300", "290")),  # l-001: false
        conflict(("ferry_3", "Union steward"), ("ferry_1", "The operator said talks")),  # on no annotated pair
        conflict(("ferry_4", "Three people"), ("ferry_3", "had risen to five")),  # u-001, in order
        statement(("ferry_1", "double shifts"), ("ferry_2", "double shifts"), ("ferry_3", "would stay out")),
        statement(("ferry_4", "Twelve ferries"), ("ferry_2", "Nineteen ferries")),  # c-002 stated as agreement
    ))
    assert (scores["conflicts_predicted"], scores["conflicts_right"], scores["conflicts_wrong"],
            scores["conflicts_unjudged"]) == (4, 1, 2, 1)
    assert scores["conflict_precision"] == pytest.approx(1 / 3, abs=1e-3)
    assert scores["conflict_precision_lower_bound"] == 0.25
    assert (scores["conflicts_found"], scores["conflicts_found_with_values"], scores["conflict_recall"]) == (1, 1, 0.5)
    assert scores["conflict_misses"] == [{"id": "c-002", "kind": "number", "minor": False,
                                          "about": "ferries cancelled on the first day",
                                          "why": "sides in one claim, no conflict"}]
    assert sorted(w["why"] for w in scores["conflict_false"]) == [["compatible approximation"], ["update"]]
    assert [u["docs"] for u in scores["conflict_unjudged"]] == [["ferry_3", "ferry_1"]]  # for the annotator
    assert scores["lookalikes_flagged"] == ["l-001"] and scores["lookalike_left_alone_rate"] == 0.5
    assert scores["lookalikes_split"] == ["l-002"]  # a ferry strike and a mill fire: two stories
    assert scores["lookalike_left_alone_rate_in_one_story"] == 0.0 and scores["conflict_recall_in_one_story"] == 0.5
    assert scores["updates_as_conflict"] == ["u-001"] and scores["update_found_rate"] == 1.0
    assert (scores["claim_pairs_together"], scores["claim_pairs_together_same"]) == (2, 1)
    assert scores["claim_pairs_wrongly_together"] == ["g-002"]
    assert scores["claim_group_precision"] == 0.5 and scores["claim_group_recall"] == 0.5
    assert scores["claim_pairs_split"] == ["g-003"]
    assert (scores["items_split"], scores["items"]) == (2, 8)


def test_a_conflict_is_judged_by_its_values_not_by_every_figure_of_its_sentences():
    # the twelve/nineteen dispute cites the sentences that also say "about 300" and "nearly 300"
    scores = score_real(load_real_set(SMALL), predictions(conflict(TWELVE, NINETEEN)))
    assert scores["lookalikes_flagged"] == [] and scores["conflicts_wrong"] == 0
    named = PredictedClaim("ferry", "s1", "conflict", "number", "", (sentence(*TWELVE), sentence(*NINETEEN)),
                           (PredictedValue(("ferry_1",), "12", "12", ()), PredictedValue(("ferry_2",), "19", "19", ())))
    scores = score_real(load_real_set(SMALL), predictions(named))  # no value spans: the sentences, and the values
    assert scores["conflicts_found_with_values"] == 1
    other = PredictedClaim("ferry", "s1", "conflict", "number", "", named.spans,
                           (PredictedValue(("ferry_1",), "300", "300", ()), PredictedValue(("ferry_2",), "299", "299", ())))
    scores = score_real(load_real_set(SMALL), predictions(other))
    assert scores["conflicts_found"] == 1 and scores["conflicts_found_with_values"] == 0


def test_outlets_that_agree_inside_a_wider_conflict_are_not_disputed():
    # three outlets: about 300 / nearly 300 / 120; the first two agree, so l-001 is left alone
    three = PredictedClaim("ferry", "s1", "conflict", "number", "", (), (
        PredictedValue(("ferry_1",), "about 300", "300", (words("ferry_1", "about 300"),)),
        PredictedValue(("ferry_2",), "nearly 300", "300", (words("ferry_2", "nearly 300"),)),
        PredictedValue(("ferry_3",), "120", "120", (words("ferry_3", "second day"),))))
    scores = score_real(load_real_set(SMALL), predictions(three))
    assert scores["lookalikes_flagged"] == [] and scores["conflicts_unjudged"] == 1
    apart = PredictedClaim("ferry", "s1", "conflict", "number", "", (), (
        PredictedValue(("ferry_1",), "about 300", "300", (words("ferry_1", "about 300"),)),
        PredictedValue(("ferry_2",), "nearly 300", "290", (words("ferry_2", "nearly 300"),))))
    assert score_real(load_real_set(SMALL), predictions(apart))["lookalikes_flagged"] == ["l-001"]


def test_an_update_counts_in_its_order_and_as_a_progression_first():
    real = load_real_set(SMALL)
    backwards = conflict(("ferry_3", "had risen to five"), ("ferry_4", "Three people"))
    assert score_real(real, predictions(backwards))["updates_found"] == 0
    progression = conflict(("ferry_4", "Three people"), ("ferry_3", "had risen to five"), kind="update")
    scores = score_real(real, predictions(progression))
    assert scores["updates_as_progression"] == ["u-001"] and scores["conflicts_predicted"] == 0
    # updates are read from the dated run where there is one
    scores = score_real(real, predictions(), {"ferry": predictions(progression)["ferry"]})
    assert scores["updates_as_progression"] == ["u-001"]


def test_an_update_whose_sides_are_in_two_stories_counts_when_a_storylines_progression_holds_both():
    real = load_real_set(SMALL)
    apart = {"ferry": Prediction({**FERRY_STORIES, "ferry_3": "s2"}, [], 2)}
    assert score_real(real, apart)["updates_split"] == ["u-001"]
    step = conflict(("ferry_4", "Three people"), ("ferry_3", "had risen to five"), kind="update")
    across = PredictedClaim("ferry", "l1", "update", "number", "", step.spans, step.values, across_stories=True)
    apart["ferry"].claims.append(across)
    scores = score_real(real, apart)
    assert scores["updates_as_progression"] == scores["updates_across_stories"] == ["u-001"]
    assert scores["update_found_rate"] == 1.0 and scores["conflicts_predicted"] == 0


def test_a_storylines_progression_is_judged_by_the_subject_it_shows_and_the_spans_it_cites():
    from storyline.evaluate.progression_judgements import score_progressions

    step = conflict(("ferry_4", "Three people"), ("ferry_3", "had risen to five"), kind="update")

    def shown(subject: str) -> PredictedClaim:
        return PredictedClaim("ferry", "l1", "update", "number", subject, step.spans, step.values, across_stories=True)

    sides = [{"doc": s.doc, "start": s.start, "end": s.end} for s in (words("ferry_4", "Three people"),
                                                                     words("ferry_3", "had risen to five"))]
    judged = [{"id": "p-001", "subject": "injured", "about": "number", "verdict": "right", "sides": sides},
              {"id": "p-002", "subject": "Ana Ruiz", "about": "number", "verdict": "wrong", "sides": sides}]
    scores = score_progressions(judged, [shown("injured"), shown("Ana Ruiz"), shown("crew"), step])
    assert (scores["progressions_right"], scores["progressions_wrong"]) == (1, 1)
    assert scores["progression_precision"] == 0.5
    assert scores["progressions_unjudged"] == ["number: crew"]  # a story's own update is no progression
    assert score_progressions(judged, [shown("injured")])["progression_judgements_gone"] == ["p-002"]


def test_a_missed_conflict_says_where_it_was_lost():
    real = load_real_set(SMALL, events=["ferry"])
    split = predictions()
    split["ferry"].story_of["ferry_2"] = "s2"
    assert {m["why"] for m in score_real(real, split)["conflict_misses"]} == {"sides in different stories"}
    assert {m["why"] for m in score_real(real, predictions())["conflict_misses"]} == {"sides not aligned"}
    other = conflict(("ferry_1", "Twelve ferries"), ("ferry_2", "nearly 300"))
    assert "a conflict on these sentences, over another value" in {
        m["why"] for m in score_real(real, predictions(other))["conflict_misses"]}


def test_the_split_and_events_choose_the_items():
    assert [i["id"] for i in load_real_set(SMALL, "train").conflicts] == ["c-001"]
    assert [i["id"] for i in load_real_set(SMALL, "dev").conflicts] == ["c-002"]
    only_mill = load_real_set(SMALL, events=["mill"])
    assert [i["id"] for i in only_mill.items()] == ["l-002", "g-003"]
    assert only_mill.events() == ["ferry", "mill"]  # l-002 spans both events: both are ingested


def test_spans_of_normalised_text_map_back_to_the_text_as_given():
    given = "  Crews  walked out .\r\n\r\n\r\nTwelve\tferries were cancelled .\x07"
    stored = normalize_text(given)
    start = stored.index("Twelve")
    brief = {"claims": [{"status": "conflict", "text": "x", "evidence": [{"article": "a", "start": start, "end": len(stored)}],
                         "conflict": {"about": "number", "values": [
                             {"value": "Twelve", "article": "a", "evidence": [{"article": "a", "start": start,
                                                                              "end": start + 6}]}]}}]}
    claim, = claims_of_brief("e", "s", brief, {"a": ["d"]}, {("a", "d"): stored_to_given(given, stored)})
    first = claim.values[0].spans[0]
    assert given[first.start:first.end] == "Twelve"
    assert given[claim.spans[0].start:claim.spans[0].end] == "Twelve\tferries were cancelled ."
    assert stored_to_given("same", "same") is None


def test_update_order_dates_the_documents_and_a_contradiction_is_dropped():
    updates = [{"sides": [{"doc": "a"}, {"doc": "b"}]}, {"sides": [{"doc": "b"}, {"doc": "c"}]},
               {"sides": [{"doc": "c"}, {"doc": "a"}]}]
    days = document_days(updates, ["a", "b", "c", "d"])
    assert {doc: (day - SHARED_DAY).days for doc, day in days.items()} == {"a": 0, "b": 1, "c": 2, "d": 0}
    assert document_days([], ["a"]) == {"a": SHARED_DAY}


def test_documents_are_dated_as_published_and_an_unknown_day_stays_unknown(tmp_path):
    days = publication_days(SMALL)
    # the strike's Monday, placed in the shared day's week, and the report of its second day
    assert days["ferry_4"].strftime("%A") == "Monday" and (days["ferry_3"] - days["ferry_4"]).days == 1
    assert days["mill_1"].strftime("%A") == "Saturday" and days["mill_1"] >= SHARED_DAY
    (tmp_path / "published.json").write_text(json.dumps([{"doc": "a", "day": "2005-11-28"}, {"doc": "b", "day": None}]))
    assert publication_days(tmp_path) == {"a": date(2005, 11, 28), "b": None}
    assert publication_days(tmp_path / "nowhere") == {}
    (tmp_path / "published.json").write_text(json.dumps([{"doc": "a", "day": "Caturday+1"}]))
    with pytest.raises(InputError, match="publication days"):
        publication_days(tmp_path)


def test_values_compare_as_numbers_whatever_the_tokenisation():
    assert value_key("120 , 000") == value_key(120000) == "120000"
    assert value_key("6 . 1") == value_key(6.1)
    assert value_key("five people") == value_key(5) != value_key("six people")
    assert value_key("Friday") == "friday"
    assert value_key("2024-01-05") != value_key("2024-01-04")  # two days of one year
    assert value_key("03:30") == value_key("~3:30") != value_key("3:33")


@pytest.fixture(scope="module")
def small_scores(tmp_path_factory) -> dict:
    cli = Cli(tmp_path_factory.mktemp("eval") / "unused.db")
    return json.loads(cli("eval", "compare", str(SMALL), "--json").stdout)


def test_the_cli_scores_our_own_reports(small_scores):
    scores = small_scores
    assert (scores["events"], scores["documents"]) == (2, 6)
    assert (scores["conflicts_gold"], scores["lookalikes_gold"], scores["updates_gold"], scores["claim_pairs_gold"]) \
        == (2, 2, 1, 3)
    # the plainest dispute there is: twelve against nineteen ferries, same day, same words
    assert scores["conflicts_found"] >= 1 and "c-001" not in {m["id"] for m in scores["conflict_misses"]}
    assert "l-002" in scores["lookalikes_split"] and "l-002" not in scores["lookalikes_flagged"]
    assert scores["conflict_recall"] == scores["conflicts_found"] / 2


def test_the_cli_table_names_counts_and_targets(tmp_path):
    cli = Cli(tmp_path / "unused.db")
    result = cli("eval", "compare", str(SMALL), "--split", "train", "--events", "ferry", "--per-event")
    assert "conflicts: recall" in result.stdout and "of 1 found" in result.stdout and ">= 0.75" in result.stdout
    assert not (tmp_path / "unused.db").exists()  # the user's database is never touched
    failed = cli("eval", "compare", str(SMALL), "--events", "harbour", expect=1)
    assert "no annotated item" in failed.stderr


def test_the_cli_dates_the_documents_as_published(tmp_path):
    cli = Cli(tmp_path / "unused.db")
    # a folder with a published.json is dated by it unless told otherwise, as a user's feed dates its articles
    scores = json.loads(cli("eval", "compare", str(SMALL), "--events", "ferry", "--json").stdout)
    assert scores["days_from"] == "published" and scores["documents_undated"] == []
    assert scores["documents"] == 6 and scores["updates_gold"] == 1  # l-002 pairs a report of each event
    # dated by publication, one database scores everything; on one shared day, updates need a second, ordered one
    shared = json.loads(cli("eval", "compare", str(SMALL), "--events", "ferry", "--days", "updates", "--json").stdout)
    assert shared["days_from"] == "updates" and (shared["documents"], shared["updates_gold"]) == (6, 1)
    failed = cli("eval", "compare", str(SMALL), "--days", "guessed", expect=1)
    assert "--days 'guessed'" in failed.stderr
    undated = tmp_path / "undated"
    shutil.copytree(SMALL, undated)
    (undated / "published.json").unlink()
    failed = cli("eval", "compare", str(undated), "--days", "published", expect=1)
    assert "published.json not found" in failed.stderr


@pytest.mark.skipif(not ECBPLUS.is_file(), reason="the ECB+ data is not in ../shared/data")
def test_the_cli_scores_two_real_events(tmp_path):
    cli = Cli(tmp_path / "unused.db")
    events = ["20_ecb", "20_ecbplus"]
    scores = json.loads(cli("eval", "compare", str(REAL), "--events", ",".join(events), "--split", "train",
                            "--json").stdout)
    gold = [item for item in json.loads((REAL / "conflicts.json").read_text(encoding="utf-8"))
            if item["gold"] in events and item["split"] == "train"]
    documents = [line for line in ECBPLUS.read_text(encoding="utf-8").splitlines()
                 if json.loads(line)["gold"] in events]
    assert (scores["events"], scores["documents"], scores["conflicts_gold"]) == (2, len(documents), len(gold))
    assert scores["conflicts_found"] + len(scores["conflict_misses"]) == len(gold)
    assert {m["id"] for m in scores["conflict_misses"]} <= {item["id"] for item in gold}
    assert scores["conflicts_right"] + scores["conflicts_wrong"] + scores["conflicts_unjudged"] \
        == scores["conflicts_predicted"]
    for key in ("conflict_recall", "lookalike_left_alone_rate", "update_found_rate", "claim_group_recall"):
        assert 0.0 <= scores[key] <= 1.0


def test_quote_pairs_are_scored_by_the_variants_that_hold_their_sides():
    def side(doc: str, start: int, end: int) -> dict:
        return {"doc": doc, "start": start, "end": end}

    items = [{"id": "q-1", "label": "same", "kind": "verbatim", "sides": [side("a", 0, 10), side("b", 0, 10)]},
             {"id": "q-2", "label": "same", "kind": "unattributed", "sides": [side("a", 20, 30), side("c", 5, 15)]},
             {"id": "q-3", "label": "different", "kind": "lookalike", "sides": [side("a", 20, 30), side("b", 40, 50)]},
             {"id": "q-4", "label": "different", "kind": "lookalike", "sides": [side("a", 0, 10), side("b", 60, 70)]}]
    quotes = [PredictedQuote("r", "s1", "Ines Falkenrath", ((DocSpan("a", 0, 12),), (DocSpan("b", 2, 8),))),
              PredictedQuote("r", "s1", "Ines Falkenrath", ((DocSpan("a", 20, 30),), (DocSpan("b", 40, 50),))),
              PredictedQuote("r", "s1", None, ((DocSpan("b", 60, 70),),))]
    scores = score_quote_pairs(items, quotes, lambda item: False)
    assert (scores["quote_pairs_together"], scores["quote_pairs_together_same"]) == (2, 1)  # q-1 and q-3
    assert (scores["quote_pair_precision"], scores["quote_pair_recall"]) == (0.5, 0.5)
    assert scores["quote_pair_recall_by_kind"] == {"verbatim": 1.0, "reworded": None, "unattributed": 0.0}
    assert scores["quote_pairs_missed"] == [{"id": "q-2", "kind": "unattributed", "why": "a side not read as a quotation"}]
    assert (scores["quote_pairs_read"], scores["quote_pair_recall_read"]) == (1, 1.0)
    assert scores["quote_pairs_wrongly_together"] == ["q-3"] and scores["quote_lookalike_apart_rate"] == 0.5
    rows = {row[0]: row for row in quote_pair_rows(scores)}
    assert rows["quote variants: precision"][1] == "0.500"
    assert quote_pair_rows(score_quote_pairs([], quotes, lambda item: False)) == []  # a set without quote pairs


@pytest.mark.skipif(not ECBPLUS.is_file(), reason="the ECB+ data is not in ../shared/data")
def test_the_cli_reports_quote_pairs_of_a_real_event(tmp_path):
    cli = Cli(tmp_path / "unused.db")
    scores = json.loads(cli("eval", "compare", str(REAL), "--events", "27_ecb", "--split", "train", "--json").stdout)
    gold = [item for item in json.loads((REAL / "quote_pairs.json").read_text(encoding="utf-8"))
            if item["gold"] == "27_ecb" and item["split"] == "train"]
    same = [item for item in gold if item["label"] == "same"]
    assert (scores["quote_pairs_gold"], scores["quote_pairs_same"]) == (len(gold), len(same))
    assert scores["quote_pairs_together_same"] + len(scores["quote_pairs_missed"]) == len(same)
    # the patch story: one researcher's sentences in five reports, some with his name a sentence away;
    # alone in a database the event splits into several stories, and a pair split so is said to be
    missed = {m["id"]: m["why"] for m in scores["quote_pairs_missed"]}
    split = set(scores["quote_pairs_split"])
    assert all(why == "sides in different stories" for pair, why in missed.items() if pair in split)
    in_one_story = [item["id"] for item in same if item["id"] not in split and item["kind"] != "reworded"]
    assert in_one_story and not set(in_one_story) & set(missed)
    assert scores["quote_pairs_wrongly_together"] == [] and scores["quote_lookalike_apart_rate"] == 1.0
    table = cli("eval", "compare", str(REAL), "--events", "27_ecb", "--split", "train").stdout
    assert "quote variants: recall" in table and "quote look-alikes kept apart" in table


def test_tokenised_text_reads_as_news_text_and_spans_map_back():
    given = ("The 6 . 1 - magnitude quake struck at 8 : 30 p . m . , home to 120 , 000 people "
             "( 700 miles ) . `` We would n't stay , '' she said .")
    read = detokenize(given)
    assert read.text == ("The 6.1-magnitude quake struck at 8:30 p.m., home to 120,000 people "
                         "(700 miles). “We wouldn't stay,” she said.")
    start = read.text.index("120,000 people")
    s, e = read.given_span(start, start + len("120,000 people"))
    assert given[s:e] == "120 , 000 people"
    start = read.text.index("“We")
    end = read.text.index("”") + 1
    s, e = read.given_span(start, end)
    assert given[s:e] == "`` We would n't stay , ''"


def test_quotation_marks_of_web_documents_close_on_their_words():
    given = '"The ferry will run , " she said . “ It ’ s late , ” he said . He called it "a storm . "'
    read = detokenize(given)
    assert read.text == '"The ferry will run," she said. “It’s late,” he said. He called it "a storm."'
    start = read.text.index('"a storm')
    s, e = read.given_span(start, len(read.text))
    assert given[s:e] == '"a storm . "'


def test_a_leading_point_after_a_word_that_ends_no_sentence_belongs_to_its_figure():
    assert detokenize("he pointed a . 357 caliber revolver at 8 a . m . 5 days later").text == \
        "he pointed a .357 caliber revolver at 8 a.m. 5 days later"


def test_a_date_and_a_time_stay_apart():
    assert detokenize("28 November 2005 , 02 : 24 GMT").text == "28 November 2005, 02:24 GMT"


def test_a_conflict_wrong_only_by_the_sets_made_up_day_is_counted_apart():
    real = load_real_set(SMALL)
    real.lookalikes[0] = {**real.lookalikes[0], "why": "date artefact"}
    scores = score_real(real, predictions(
        conflict(TWELVE, NINETEEN),  # right
        conflict(("ferry_1", "about 300"), ("ferry_2", "nearly 300"), normalized=("300", "290")),  # l-001
        conflict(("ferry_4", "Three people"), ("ferry_3", "had risen to five"))))  # u-001: wrong
    assert (scores["conflicts_right"], scores["conflicts_wrong"], scores["conflicts_date_artefacts"]) == (1, 2, 1)
    assert scores["conflict_precision"] == pytest.approx(1 / 3, abs=1e-3)
    assert scores["conflict_precision_apart_from_artefacts"] == 0.5


@pytest.mark.skipif(not ECBPLUS.is_file(), reason="the ECB+ data is not in ../shared/data")
def test_the_real_train_split_holds_its_figures(tmp_path):
    """The whole train split in one database, every report on one shared day (`--days updates`), as
    docs/quality.md measures it beside the days of publication: 575 reports of 50 events, where placement
    builds stories of two events that revision splits, then moves and merges into the parts in the same
    round. Its figures may rise, and must not fall below what the page reports."""
    scores = json.loads(Cli(tmp_path / "unused.db")("eval", "compare", str(REAL), "--split", "train",
                                                    "--days", "updates", "--json").stdout)
    assert (scores["events"], scores["documents"]) == (50, 575)
    # Regrouping (storyline.regroup) parts one event's reports that gave a found conflict (c-011), and
    # puts two Athens reports in one story whose running counts of riot days (five, eight: look-alike
    # l-251, an update) are no dispute, as counts of days a happening has lasted so far. The ten events
    # read for precision add 8 conflicts, one found. The last four events read (6_ecb, 6_ecbplus, 9_ecb,
    # 10_ecbplus) add 5 conflicts (one found), 2 updates (one found: the film's takings) and 7 predictions, 1 right: topics
    # 9 and 10 each put their two events in one story, whose values of two events are no dispute (5 of
    # the 6 wrong). A figure in a sentence that names nothing, compared across the story, and a count of
    # people read by what happened to them find c-110 and c-027, and one more conflict, judged (c-114).
    # A turnout and takings are running totals (rising_counts.py). A sum's hyphened scale (`$ 137-million`)
    # finds c-115. People seized read as arrested (`99 alleged Sicilian Mafia members seized`) find c-102.
    # A name read as a person's (Heydar Alishbandi, missed_people.py) regroups topic 20's sentences: the
    # 2005 quake's villages (c-091) fall in with the other quake's. 22_3ecbplus's quotations read right (a
    # straight mark is not closed by the curly one of a quotation inside it) put two facts about one victim
    # together (g-174). A share said to have since improved, an offer said raised, a repair's expected then
    # actual end are updates (u-004, u-024, u-006). The day of one person's killing is compared whatever places
    # its sentences name (c-022). A quake's magnitude read however it is written finds c-116 (the USGS's
    # figure given two ways). The day and time of the story's own happening in its reports' leads find c-019,
    # and a conference call as a medium c-117. Measured: precision 0.907 (49 of 54 judged), recall 0.543 (50 of
    # 92), look-alikes 0.979, updates 0.700 (14 of 20), claim groups 0.925 (37 of 40).
    assert scores["conflict_precision"] >= 0.86 and scores["conflict_recall"] >= 0.53
    assert scores["lookalike_left_alone_rate"] >= 0.96 and scores["claim_group_precision"] >= 0.92
    assert scores["update_found_rate"] >= 0.7


@pytest.mark.skipif(not ECBPLUS.is_file(), reason="the ECB+ data is not in ../shared/data")
def test_the_real_train_split_dated_as_published_holds_its_figures(tmp_path):
    """The train split with every report on the day it was published (published.json, the default), as a user's
    feed dates them. Reports days apart fall into more stories (gap_days), so fewer items have both sides in
    one story, and an update needs its sides on two days of one story or of one storyline's stories: the
    count on Sunday and Monday of one quake is in one story, a suspect at large and arrested a month later in
    one storyline, a charge and a trial two years apart in neither."""
    scores = json.loads(Cli(tmp_path / "unused.db")("eval", "compare", str(REAL), "--split", "train",
                                                    "--json").stdout)
    assert (scores["days_from"], scores["events"], scores["documents"]) == ("published", 50, 575)
    # A topic's two events arrive years apart and share no story, so the values of topics 9's and 10's two
    # events are not disputed. A later day's lower count is a dispute, not an update (c-102, c-110), and the day
    # of one person's killing is compared whatever places its sentences name (c-022). Measured: precision 0.941
    # (48 of 51), recall 0.533 (49 of 92), look-alikes 0.987, claim groups 0.946 (35 of 37),
    # updates 0.850 (17 of 20; 9 with sides in two stories, 7 of them found as a storyline's progression:
    # progressions.py, and stories of a person's case months apart linked, storylines.py): reports
    # of one day are put in order by their own words and a case's stages (compare/report_order.py), so a
    # turnout "as of 4:00 p.m." then "reached", roads closed then reopened, arson considered then suspected;
    # a share said to have since improved comes before another report's (u-004), a restored share before
    # "running at full capacity again" (u-005), a repair's expected span before the day it ended (u-006), a
    # person's rehab clinics in turn (u-021, compare/whereabouts.py), an offer before its raise (u-024) and a
    # service restored to business customers, then to all (u-007).
    assert scores["conflict_precision"] >= 0.9 and scores["conflict_recall"] >= 0.51
    assert scores["lookalike_left_alone_rate"] >= 0.97 and scores["claim_group_precision"] >= 0.92
    assert scores["update_found_rate"] >= 0.85 and len(scores["updates_across_stories"]) >= 7


@pytest.mark.skipif(not ECBPLUS.is_file(), reason="the ECB+ data is not in ../shared/data")
def test_an_obituarys_dated_interviews_and_its_hour_of_death_are_no_conflicts(tmp_path):
    """4_ecb (a pin-up model's death): one report quotes her telling the Los Angeles Times in 2006, another telling
    Playboy in 1998, two interviews; one says she "passed away at 6:41pm", an hour, not an age against the other's 85."""
    cli = Cli(tmp_path / "unused.db")
    scores = json.loads(cli("eval", "compare", str(REAL), "--events", "4_ecb", "--split", "train", "--json").stdout)
    assert scores["conflicts_predicted"] > 0
    assert scores["conflict_false"] == [] and scores["conflict_unjudged"] == []
