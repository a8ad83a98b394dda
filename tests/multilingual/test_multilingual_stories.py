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


def test_names_are_heard_across_scripts_and_case_endings():
    """What cross-lingual placement compares: the Ukrainian report's names as the English story's."""
    from storyline.cluster import article_terms, heard_as, sound
    from storyline.pipeline import make_article
    from storyline.settings import Settings
    from storyline.sources.files import read_inputs

    path = FIXTURES / "multilingual" / "motivating" / "kyivskyi-visnyk.txt"
    article = make_article(next(read_inputs([str(path)], Settings())))
    assert article.language == "uk"
    terms = article_terms(article)
    # words a Ukrainian sentence merely starts with are not names ("Державний секретар", "Після цього")
    assert {"derzhavniy", "pislya", "garantii"}.isdisjoint(terms)
    english = {sound(name.casefold()) for name in ("Marco", "Rubio", "Donald", "Trump", "Vladimir", "Putin", "Bev", "Harlan",
                                        "Tom", "Ostrowski", "Volodymyr", "Zelensky")}
    assert heard_as({sound(term) for term in terms}, english) >= english


def test_the_cross_lingual_scorer_keeps_only_the_stories_still_live():
    """A long run in several languages: stories leave the live index two windows after they last grew,
    and the cross-lingual scorer lets go of their vectors, languages and days with them."""
    from datetime import date, timedelta

    from storyline.cluster import CrossLingual, StoryIndex, load_params
    from storyline.embed import load_multilingual_embedder

    encoder = load_multilingual_embedder()
    index = StoryIndex([], load_params())
    texts: dict[str, list] = {}
    index.crosslingual = CrossLingual(index, encoder.encode, lambda story_id: texts.get(story_id, []))
    towns = ["Arlen", "Brisk", "Corvo", "Dunmar", "Elsby", "Fennick", "Galt", "Harrow", "Istra", "Jorvik"]
    start = date(2025, 3, 1)
    for n in range(40):
        day = start + timedelta(days=n)
        town = f"{towns[n % 10]}{n}"
        language, text = (("en", f"Floods cut the road to {town} on day {n}.") if n % 2 else
                          ("fr", f"Des inondations coupent la route de {town} le jour {n}."))
        vector = encoder.encode([text])[0]  # the same space stands in for MiniLM here
        placed = index.place(f"s{n}", vector, {town.casefold(), str(n)}, day, language=language, mvector=vector)
        texts.setdefault(placed.story.id, []).append((language, text, day))
    live = set(index.stories)
    assert len(live) < 20  # 40 days of stories, of which two windows' worth are live
    for kept in (index.crosslingual.vectors, index.crosslingual.languages, index.crosslingual.days):
        assert set(kept) <= live
