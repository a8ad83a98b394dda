"""Reports whose whole texts share their rare words, a day apart at most, are one story, however
differently their headlines and leads angle it; reports of another event of the same kind stay apart."""

import json
from datetime import date

from conftest import FIXTURES, Cli

from storyline import shared_words
from storyline.shared_words import MIN_DOCUMENTS, WORDS_COSINE, WordIndex, article_words
from storyline.store import open_store


def test_an_articles_words_are_its_english_content_words_folded_with_their_counts():
    words = article_words("Fire at Kessel’s depot", "The fire at the Kessel depot in Mirow spread. Firefighters "
                          "didn't reach Mirow until 4 am.", "en")
    assert words == {"fire": 2, "kessel": 2, "depot": 2, "mirow": 2, "spread": 1, "firefighters": 1,
                     "reach": 1}
    assert article_words(None, "Le feu a pris au dépôt de Mirow.", "fr") == {}
    assert article_words(None, "Café Zürich reopened.", None) == {"cafe": 1, "zurich": 1, "reopened": 1}


ARTICLES = FIXTURES / "shared_words" / "articles.jsonl"
# Three events told by three outlets each, whose headlines and leads share no name or figure: two
# warehouse fires of the same days in two countries and a court ruling; 44 other reports of those days,
# each its own event: two small fires elsewhere, two earthquakes, two plants' layoffs among them.
EVENTS = 47
TARGETS = {"kessmoor-warehouse-fire", "tallowin-cold-store-fire", "halcyon-ridge-tailings-ruling"}


def _rows() -> list[dict]:
    return [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]


def _stories(cli: Cli) -> list[set[str]]:
    return [{article["id"] for article in story["articles"]} for story in cli.json("stories", "--json", "--limit", "100")]


def test_reports_of_one_event_angled_differently_are_one_story_and_other_fires_of_those_days_stay_apart(tmp_path):
    scores = Cli(tmp_path / "unused.db").json("eval", "clusters", str(ARTICLES), "--json")
    assert scores["before_revision"]["clusters"] > EVENTS  # placement reads the leads, which tell other angles
    assert scores["clusters"] == EVENTS and scores["b3_f1"] == 1.0


def test_without_the_words_they_share_the_reports_stay_apart(tmp_path, monkeypatch):
    monkeypatch.setattr(shared_words, "WORDS_COSINE", 2.0)  # no cosine reaches it
    scores = Cli(tmp_path / "unused.db").json("eval", "clusters", str(ARTICLES), "--json")
    assert scores["clusters"] > EVENTS and scores["b3_precision"] == 1.0


def test_a_report_ingested_in_a_later_run_joins_the_story_whose_reports_share_its_words(tmp_path):
    rows = _rows()
    later = next(row for row in rows if row["gold"] == "kessmoor-warehouse-fire" and row["date"] == "2026-03-11")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(json.dumps(row) + "\n" for row in rows if row is not later), encoding="utf-8")
    second.write_text(json.dumps(later) + "\n", encoding="utf-8")
    cli = Cli(tmp_path / "runs.db")
    cli("ingest", str(first))
    cli("ingest", str(second))
    gold = {row["id"]: row["gold"] for row in rows}
    ids = {story["id"]: {gold[a["external_id"]] for a in story["articles"]} for story in cli.json("stories", "--json")}
    assert len(ids) == EVENTS and all(len(events) == 1 for events in ids.values())


def test_a_store_of_too_few_articles_weighs_no_words(tmp_path):
    few = tmp_path / "few.jsonl"
    few.write_text("".join(json.dumps(row) + "\n" for row in _rows() if row["gold"] in TARGETS), encoding="utf-8")
    assert len(few.read_text().splitlines()) < MIN_DOCUMENTS
    scores = Cli(tmp_path / "unused.db").json("eval", "clusters", str(few), "--json")
    assert scores["clusters"] == scores["before_revision"]["clusters"] > 3  # as placement left them


def _index(texts: dict[str, tuple[date, str]]) -> tuple[WordIndex, dict[str, int]]:
    index, frequency = WordIndex(), {}
    for article_id, (day, text) in texts.items():
        words = article_words(None, text, "en")
        index.add(article_id, day, words)
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1
    return index, frequency


MARCH_10, MARCH_11, MARCH_13 = date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 13)
DEPOT = "A fire tore through the Kessel logistics depot on Harrow Lane in Mirow overnight, chief Anke Vold said."
DEPOT_AGAIN = "Anke Vold, Mirow's fire chief, said the Kessel depot on Harrow Lane burned for six hours overnight."
OTHERS = ["The council voted on the budget for schools and roads.", "The bank kept its rate at four percent.",
          "The team won the final after a late goal.", "A study found that sleep helps memory in mice.",
          "The museum opened a hall of maps and globes.", "Rain is forecast for the weekend across the north."]


def test_two_reports_sharing_rare_words_pair_only_a_day_apart_at_most_and_once_enough_articles_are_counted():
    texts = {"depot": (MARCH_10, DEPOT), "again": (MARCH_11, DEPOT_AGAIN), "late": (MARCH_13, DEPOT_AGAIN)}
    texts |= {f"o{i}": (MARCH_10, text) for i, text in enumerate(OTHERS * 8)}
    index, frequency = _index(texts)
    documents = len(texts)
    assert documents >= MIN_DOCUMENTS
    frequencies = lambda words: {word: frequency[word] for word in words if word in frequency}  # noqa: E731
    # the later report pairs with the earlier one (a pair of two new reports once, from the later);
    # the report two days later is too far from both
    assert index.sharing(["depot", "again", "late"], documents, frequencies) == [("again", "depot")]
    # a store that has counted too few articles weighs no words, so pairs none
    assert index.sharing(["again"], MIN_DOCUMENTS - 1, frequencies) == []
    index.forget_before(MARCH_11)
    assert "depot" not in index.words and index.sharing(["again"], documents, frequencies) == []
    assert 0 < WORDS_COSINE < 1


def test_the_store_counts_the_articles_carrying_each_word_and_uncounts_them(tmp_path):
    with open_store(tmp_path / "w.db") as store, store.transaction():
        store.count_words([{"mirow": 2, "fire": 1}, {"fire": 3}, {}])
        assert store.words_counted() == 2 and store.word_documents(["fire", "mirow", "dunmore"]) == {"fire": 2, "mirow": 1}
        store.count_words([{"fire": 3}], -1)
        assert store.words_counted() == 1 and store.word_documents(["fire", "mirow"]) == {"fire": 1, "mirow": 1}
    assert shared_words.window_start([MARCH_11, MARCH_13]) == MARCH_10
