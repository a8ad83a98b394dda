"""The English analysis on several processes gives what it gives on one: the same analyses, in input order."""

from __future__ import annotations

from datetime import date

from conftest import DEMO_ARTICLES

from storyline.analyze import analyze_articles, spacy_processes
from storyline.settings import settings_from_env


def demo_bodies() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(DEMO_ARTICLES.rglob("*.txt"))[:8]]


def test_two_processes_give_the_same_analyses_in_order() -> None:
    items = [(text, date(2025, 2, 14)) for text in demo_bodies()]
    assert spacy_processes(2, len(items), batch_size=2) == 2  # the forked path does run here
    one = list(analyze_articles(items, batch_size=2, processes=1))
    two = list(analyze_articles(items, batch_size=2, processes=2))
    assert two == one
    assert any(analysis.quotes for analysis in one)


def test_few_texts_stay_in_this_process() -> None:
    assert spacy_processes(2, 31, batch_size=16) == 1  # under two batches a process: forking costs more
    assert spacy_processes(2, 64, batch_size=16) == 2
    assert spacy_processes(1, 1000, batch_size=16) == 1


def test_the_setting_comes_from_the_environment() -> None:
    assert settings_from_env({}).analysis_processes == 2
    assert settings_from_env({"STORYLINE_ANALYSIS_PROCESSES": "1"}).analysis_processes == 1
    assert settings_from_env({"STORYLINE_ANALYSIS_PROCESSES": "2"}).analysis_processes == 2
