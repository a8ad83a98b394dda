"""The real set's speakers (tests/fixtures/real/quote_speakers.json) read as attributions and scored by `eval quotes`."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from storyline.evaluate.detokenize import detokenize
from storyline.evaluate.quotes import score_quotes
from storyline.evaluate.real_speakers import speaker_records

from conftest import FIXTURES, SHARED

REAL = FIXTURES / "real"
ECBPLUS = SHARED / "data" / "ecbplus" / "ecbplus_train_dev.jsonl"
ROWS = json.loads((REAL / "quote_speakers.json").read_text(encoding="utf-8"))
needs_ecbplus = pytest.mark.skipif(not ECBPLUS.is_file(), reason="the ECB+ data is not in ../shared/data")


def _plain(text: str) -> str:
    """The words without spaces, nor the quotation marks at either end (a span may end inside a tokenised ''),
    nor the tokens tokenisation made of them."""
    return "".join(text.replace("``", "").replace("''", "").split()).strip("'\"“”‘’")


@needs_ecbplus
def test_the_annotation_holds_against_the_documents() -> None:
    """tools/check_spans.py: every quotation and said_by phrase as the document has it, and every quotation
    mark of an annotated document inside an annotated quotation."""
    checked = subprocess.run([sys.executable, str(REAL / "tools" / "check_spans.py")], capture_output=True, text=True,
                             env={"STORYLINE_ECBPLUS": str(ECBPLUS)}, check=False)
    assert checked.returncode == 0, checked.stdout[-2000:]
    assert "quote_speakers.json" in checked.stdout


@needs_ecbplus
def test_each_quotation_is_carried_onto_the_text_as_the_reporter_wrote_it() -> None:
    records = {r["id"]: r for r in speaker_records(REAL, "all")}
    speech = [row for row in ROWS if row["speaker"] != "not speech"]
    assert sum(len(r["attributions"]) for r in records.values()) == len(speech)
    by_doc: dict[str, list[dict]] = {}
    for row in speech:
        by_doc.setdefault(row["doc"], []).append(row)
    for doc, rows in by_doc.items():
        text = records[doc]["text"]
        for row, attribution in zip(rows, records[doc]["attributions"], strict=True):
            (start, end), = attribution["content"]
            assert _plain(text[start:end]) == _plain(detokenize(row["span_text"]).text), (doc, row["id"])
            assert attribution["direct"]


@needs_ecbplus
def test_each_kind_of_answer_becomes_its_kind_of_source() -> None:
    records = speaker_records(REAL, "train")
    attributions = [a for r in records for a in r["attributions"]]
    kinds = Counter(a.get("source_kind") or "none" for a in attributions)
    train = [row for row in ROWS if row["split"] == "train"]
    assert kinds["anonymous"] == sum(row["speaker"] == "anonymous" for row in train)
    assert kinds["none"] == sum(row["speaker"] == "unknown" for row in train)
    named = [a for a in attributions if a.get("source_kind") == "name"]
    assert len(named) == sum(row["speaker"] not in ("anonymous", "unknown", "not speech") for row in train)
    assert {a["form"] for a in named} == {"name", "pronoun", "description", "none"}
    assert all(a["source_text"] not in ("anonymous", "unknown") for a in named)
    # a quotation inside the writer's sentence is a fragment; one after its cue's comma or opening a line is not
    assert 0 < sum(a["fragment"] for a in attributions) < len(attributions) / 2


@needs_ecbplus
def test_a_split_holds_only_its_documents() -> None:
    dev = {r["id"] for r in speaker_records(REAL, "dev")}
    train = {r["id"] for r in speaker_records(REAL, "train")}
    assert dev and train and not dev & train
    assert dev | train == {r["id"] for r in speaker_records(REAL, "all")}


@needs_ecbplus
def test_speakers_are_scored_by_the_person_not_by_the_cue_words() -> None:
    """A prediction that names the resolved speaker is right whatever the cue said ("he", "the actress's rep");
    one that names someone else, or no one, is wrong; an anonymous source is right only unnamed."""
    record = next(r for r in speaker_records(REAL, "train") if len(r["attributions"]) >= 3
                  and any(a.get("source_kind") == "anonymous" for a in r["attributions"])
                  and sum(a.get("source_kind") == "name" for a in r["attributions"]) >= 2)
    right = [{"start": a["content"][0][0], "end": a["content"][0][1], "direct": True,
              "speaker": a["source_text"] if a.get("source_kind") == "name" else None} for a in record["attributions"]]
    scores = score_quotes([record], {record["id"]: {"text": record["text"], "quotes": right}})
    assert scores["speaker_named_accuracy"] == 1.0 and scores["speaker_anonymous_accuracy"] == 1.0
    assert scores["direct_recall"] == 1.0 and scores["direct_precision"] == 1.0
    wrong = [dict(q, speaker="Nobody Atall") for q in right]
    scores = score_quotes([record], {record["id"]: {"text": record["text"], "quotes": wrong}})
    assert scores["speaker_named_right"] == 0 and scores["speaker_anonymous_right"] == 0


@needs_ecbplus
def test_the_cli_scores_the_real_speakers(cli) -> None:
    scores = cli.json("eval", "quotes", str(REAL), "--split", "dev", "--limit", "4", "--json")
    records = speaker_records(REAL, "dev")[:4]
    attributions = [a for r in records for a in r["attributions"]]
    assert scores["articles"] == scores["articles_analysed"] == 4
    assert scores["direct_gold"] == len(attributions)
    assert scores["fragment_gold"] == sum(a["fragment"] for a in attributions)
    named = [a for a in attributions if a.get("source_kind") == "name"]
    formed = sum(scores.get(f"speaker_{form}_form_total", 0) for form in ("name", "pronoun", "description", "none"))
    assert formed == scores["speaker_named"] <= len(named)
    table = cli("eval", "quotes", str(REAL), "--split", "dev", "--limit", "4").stdout
    assert "speaker, the cue's" in table


def test_a_folder_without_speakers_is_refused(cli, tmp_path: Path) -> None:
    failed = cli("eval", "quotes", str(tmp_path), expect=1)
    assert "quote_speakers.json" in failed.stderr and "Traceback" not in failed.stderr


def test_every_named_speaker_has_words_a_name_is_scored_by() -> None:
    """A body named only by a description ("the Egyptian ministry") is annotated anonymous: no name could match it."""
    from storyline.evaluate.gold_sources import name_words

    named = [row for row in ROWS if row["speaker"] not in ("anonymous", "not speech", "unknown")]
    assert named and all(name_words(row["speaker"]) for row in named), \
        [row["speaker"] for row in named if not name_words(row["speaker"])]


def test_a_split_is_for_the_folder_and_a_broken_row_is_named(cli, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": "Hello.", "attributions": []}) + "\n", encoding="utf-8")
    failed = cli("eval", "quotes", str(gold), "--split", "dev", expect=1)
    assert "--split" in failed.stderr and "Traceback" not in failed.stderr
    (tmp_path / "quote_speakers.json").write_text(json.dumps([{"id": "s-001", "doc": "1_1ecb", "speaker": "Ann Lee"}]),
                                                  encoding="utf-8")
    failed = cli("eval", "quotes", str(tmp_path), expect=1)
    assert "quotation 1 (s-001) has no split, start, end" in failed.stderr and "Traceback" not in failed.stderr
