"""Reports in other languages join the English stories of the same event, and reports of another
event of the same kind in the same week stay apart, whatever language they are in."""

from __future__ import annotations

from conftest import DEMO_ARTICLES, FIXTURES, Cli

ARTICLES = FIXTURES / "multilingual" / "articles"
GOLD = FIXTURES / "multilingual" / "gold.json"


def test_reports_in_five_languages_join_their_english_stories_and_same_kind_events_stay_apart(tmp_path):
    scores = Cli(tmp_path / "unused.db").json("eval", "clusters", str(ARTICLES), "--gold", str(GOLD), "--json")
    assert scores["items"] == 30
    assert scores["b3_f1"] >= 0.9, scores
    assert scores["b3_precision"] >= 0.95, scores  # the Santorini quake and the other strikes stay apart


def test_an_english_only_run_never_loads_the_multilingual_encoder(tmp_path):
    """The English path is the same with or without other languages in the world: nothing about them
    runs until an article in another language arrives."""
    import storyline.embed as embed

    embed.load_multilingual_embedder.cache_clear()
    Cli(tmp_path / "english.db")("ingest", str(DEMO_ARTICLES / "coastline-news"))
    assert embed.load_multilingual_embedder.cache_info().currsize == 0
