"""Titles of works on real news (PolNeAR train, read at test time, referred to by id and span): a book, film
or TV show named in quotation marks is nobody's statement, so it is no quote under "who said what"; a short
question someone asks is one."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.evaluate.quotes import offset_map, predict_quotes, read_gold
from storyline.settings import settings_from_env

TRAIN = Path(__file__).parents[2] / ".." / "shared" / "data" / "polnear" / "train.jsonl"

# (article id, [start, end) of the quoted words in the record's text)
TITLES = [
    ("nyt_2015-12-18_rubio-and-cruz-diverge-on-approa", 4285, 4300),  # a 2012 book, NYT's doubled mark, a full stop
    ("nyt_2015-12-18_rubio-and-cruz-diverge-on-approa", 7848, 7864),  # "In his autobiography, ''…,''"
    ("nyt_2015-11-10_netanyahu-and-obama-a-tortured-r", 4743, 4760),  # "In his new book, ''…,''"
    ("nyt_2016-05-17_a-big-bet-on-nostalgia", 237, 257),  # "''…,'' an HBO series"
    ("wash-post_2016-01-16_ex-cia-chief-in-benghazi-breaks-", 2117, 2158),  # "The movie, "13 …,""
    ("huff-post_2016-08-29_anthony-weiner-reportedly-caught", 1593, 1617),  # "the Syfy movie “…!”"
]
QUESTION = ("breitbart_2015-11-19_exclusive-excerpt-dinesh-d-souza", 3506, 3520)  # a judge's one-word question


@pytest.fixture(scope="module")
def analysed() -> tuple[dict[str, dict], dict[str, dict]]:
    wanted = {key for key, _, _ in TITLES} | {QUESTION[0]}
    records = [r for r in read_gold(TRAIN) if r["id"] in wanted]
    return {r["id"]: r for r in records}, predict_quotes(TRAIN, records, settings_from_env())


def _quotes_over(records: dict[str, dict], predictions: dict[str, dict], key: str, start: int, end: int) -> list[dict]:
    mapping = offset_map(records[key]["text"], predictions[key]["text"])
    a, b = mapping[start], mapping[end]
    return [q for q in predictions[key]["quotes"] if q["start"] < b and a < q["end"]]


@pytest.mark.skipif(not TRAIN.exists(), reason="needs ../shared/data/polnear")
@pytest.mark.parametrize("key, start, end", TITLES)
def test_a_title_of_a_work_is_no_quote(analysed, key, start, end):
    records, predictions = analysed
    assert not [q for q in _quotes_over(records, predictions, key, start, end) if q["direct"]]


@pytest.mark.skipif(not TRAIN.exists(), reason="needs ../shared/data/polnear")
def test_a_short_question_is_a_quote(analysed):
    records, predictions = analysed
    assert [q for q in _quotes_over(records, predictions, *QUESTION) if q["direct"]]
