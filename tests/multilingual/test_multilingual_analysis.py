"""Analysis of French, German, Spanish, Ukrainian and Russian reports (tests/fixtures/multilingual):
quotes with their speakers and dates resolved against the publication day, scored per language."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze import analyze_articles, analyze_in_language, analyze_in_languages
from storyline.lang import number_value
from storyline.evaluate.analysis import read_demo, score_demo
from storyline.model import Record
from storyline.settings import Settings
from storyline.sources.files import read_inputs
from storyline.text import normalize_text

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "multilingual"
ARTICLES = FIXTURE / "articles"


@lru_cache(maxsize=1)
def scores() -> dict:
    return score_demo(FIXTURE)


def article(name: str) -> tuple[str, date]:
    record = next(r for r in read_inputs([str(ARTICLES / name)], Settings()) if isinstance(r, Record))
    return normalize_text(record.text), record.published.date()


@pytest.mark.parametrize("language", ["fr", "de", "es", "uk", "ru"])
def test_each_language_finds_its_quotes_and_resolves_its_dates(language):
    figures = scores()["by_language"][language]
    assert figures["quote_gold"] >= 4 and figures["date_gold"] >= 4
    assert figures["quote_recall"] >= 0.8, figures
    assert figures["date_recall"] >= 0.8 and figures["date_accuracy"] >= 0.9, figures
    assert figures["speaker_accuracy"] >= 0.75, figures


def test_the_detected_language_of_every_fixture_is_its_gold_language():
    gold, articles = read_demo(FIXTURE)
    wrong = {k: (v[2], gold["articles"][k]["language"]) for k, v in articles.items()
             if v[2] != gold["articles"][k]["language"]}
    assert not wrong


def test_german_weekday_compounds_and_dates_without_a_year():
    text, published = article("rheinblick/erdbeben-malatya-nachbeben.txt")
    times = {t.text: (t.date, t.granularity) for t in analyze_in_language(text, published, "de").times}
    assert times["Donnerstagmorgen"] == ("2025-02-13", "day")  # "am frühen Donnerstagmorgen": the publication day
    assert times["vom Mittwoch"] == ("2025-02-12", "day")
    assert times["21. Februar"] == ("2025-02-21", "day")
    assert times["Februar 2023"] == ("2023-02", "month")


def test_a_weekday_in_a_future_clause_is_the_next_one():
    # "Le mouvement a commencé lundi … et doit prendre fin jeudi", published on Tuesday 18 February
    text, published = article("le-courrier-du-lac/greve-larkhaven-deuxieme-jour.txt")
    times = {t.text.split()[-1]: t.date for t in analyze_in_language(text, published, "fr").times}
    assert times["lundi"] == "2025-02-17" and times["jeudi"] == "2025-02-20"
    # "La huelga terminará el jueves": a future verb
    text, published = article("la-voz-del-puerto/huelga-estibadores-puerto-albarda.txt")
    times = {t.text: t.date for t in analyze_in_language(text, published, "es").times}
    assert times["el jueves"] == "2025-02-20" and times["diciembre"] == "2024-12"


def test_a_number_is_not_a_year_unless_a_preposition_makes_it_one():
    text, published = article("rheinblick/hafenstreik-larkhaven.txt")  # "Rund 1900 Hafenarbeiter … seit 2019"
    years = [t.text for t in analyze_in_language(text, published, "de").times if t.granularity == "year"]
    assert years == ["2019"]


def test_speakers_named_after_the_cue_or_carried_from_the_previous_quote():
    text, published = article("kyivskyi-visnyk/zelenskyi-miunkhen-armiia-yevropy.txt")
    quotes = analyze_in_language(text, published, "uk").quotes
    assert len(quotes) == 3
    # «…», — сказав Зеленський; «…», — заявив президент (no name: the previous speaker)
    assert {q.speaker for q in quotes} == {"Володимир Зеленський"}
    assert [q.cue for q in quotes] == ["сказав", "заявив", "сказав"]
    text, published = article("rheinblick/erdbeben-malatya-nachbeben.txt")
    speakers = [q.speaker for q in analyze_in_language(text, published, "de").quotes]
    assert speakers == ["Murat Kocabaş", "Elif Şahin"]  # not "der Gouverneur von Malatya"


def test_french_names_come_from_the_french_model():
    text, published = article("le-courrier-du-lac/seisme-malatya-turquie.txt")
    analysis = analyze_in_language(text, published, "fr")
    assert "Okan Demirtaş" in {m.text for m in analysis.mentions}
    assert [q.speaker for q in analysis.quotes] == ["Okan Demirtaş", "Ayşe Koç"]


def test_number_words_read_as_values():
    assert number_value("zwölf", "de") == 12
    assert number_value("Vingt-deux", "fr") == 22
    assert number_value("seiscientos", "es") == 600
    assert number_value("шесть", "ru") == 6
    assert number_value("Montag", "de") is None


def test_english_articles_go_through_the_english_rules_unchanged():
    _, articles = read_demo(FIXTURE)
    english = [(text, published) for text, published, language in articles.values() if language == "en"][:4]
    routed = analyze_in_languages([(text, published, "en") for text, published in english])
    assert routed == list(analyze_articles(english))


def test_a_language_without_a_row_still_gets_its_dates():
    text = "Il terremoto ha colpito la provincia lunedì 10 febbraio 2025, e le scuole restano chiuse fino a venerdì."
    times = {t.text: t.date for t in analyze_in_language(text, date(2025, 2, 11), "it").times}
    assert times["10 febbraio 2025"] == "2025-02-10"


_WORDS = ["«", "»", "„", "“", "”", '"', ",", ".", "—", ":", "a déclaré", "sagte", "dijo", "заявив", "сказал",
          "Okan", "Demirtaş", "Зеленський", "31. Februar", "lundi", "el jueves", "у п'ятницю", "6 лютого 2023",
          "seit 2019", "zwölf", "Donnerstagmorgen", "\n\n", "mai", "1er", "a-t-elle", "der", "Gouverneur"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=8), max_size=40),
       st.sampled_from(["fr", "de", "es", "uk", "ru", "it", "xx"]))
def test_any_text_in_any_language_analyses_without_error_and_spans_index_it(words, language):
    text = " ".join(words)
    analysis = analyze_in_language(text, date(2025, 2, 14), language)
    for item in (*analysis.mentions, *analysis.quotes, *analysis.times):
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start:item.end] == item.text
