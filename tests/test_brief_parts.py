"""A brief's parts share one embedding of each sentence: the comparison and the timeline ask for many
of the same, and a text's vector does not depend on what it is embedded beside."""

import numpy as np

from storyline.brief import embedding_once
from storyline.embed import load_static_embedder


def test_each_distinct_text_is_embedded_once_and_gets_the_vector_it_would_alone():
    model = load_static_embedder().embed
    asked: list[str] = []

    def counting(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return np.asarray(model(texts))

    embed = embedding_once(counting)
    first = ["The ferry sank off the cape.", "Two crew were rescued.", "The ferry sank off the cape."]
    second = ["Two crew were rescued.", "Divers searched the wreck on Friday."]
    got_first, got_second = embed(first), embed(second)
    assert sorted(asked) == sorted(set(first + second))
    assert np.array_equal(got_first, np.asarray(model(first)))
    assert np.array_equal(got_second, np.asarray(model(second)))
    assert embed([]).shape[0] == 0


def test_a_process_remembers_only_the_last_sentences_it_was_asked_for():
    asked: list[str] = []

    def counting(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return np.asarray(load_static_embedder().embed(texts))

    embed = embedding_once(counting, limit=2)
    embed(["one", "two", "three"])  # only "two" and "three" stay
    embed(["three", "one"])
    assert asked == ["one", "two", "three", "one"]



def _demo_article(path: str):  # type: ignore[no-untyped-def]
    from storyline.analyze import analyze_article
    from storyline.compare import StoryArticle
    from storyline.pipeline import make_article
    from storyline.settings import Settings
    from storyline.sources.files import read_inputs

    from conftest import DEMO_ARTICLES

    file = DEMO_ARTICLES / path
    article = make_article(next(read_inputs([str(file)], Settings(), source=file.parent.name)))
    analysis = analyze_article(article.text, article.published)
    return StoryArticle(id=article.id, source=article.source, group=article.id, text=article.text,
                        published=article.published, analysis=analysis)


def test_a_one_article_story_embeds_only_its_sentences_and_two_articles_their_quotations_too():
    """A quotation's vector only finds the same statement in another article: a story of one article
    (most stories an ingest makes) does not embed its quotations, and a story of two does."""
    from storyline.analyze import canonical_entities
    from storyline.compare import compare_story
    from storyline.compare.statements import statements_of
    from storyline.compare.units import StoryView

    model = load_static_embedder().embed
    briefing = _demo_article("capital-dispatch/rubio-briefing-ukraine.txt")
    interview = _demo_article("northern-ledger/rubio-radio-interview.txt")
    for story in ([briefing], [briefing, interview]):
        asked: list[str] = []

        def counting(texts: list[str]) -> np.ndarray:
            asked.extend(texts)
            return np.asarray(model(texts))

        entities = canonical_entities({a.id: a.analysis.mentions for a in story}, {a.id: a.text for a in story})
        compared = compare_story(story, entities, counting)
        quotations = {s.text for s in statements_of(StoryView(story, entities))} - {c["text"] for c in compared.claims}
        assert quotations and compared.quotes  # the briefing quotes its speaker
        assert bool(quotations & set(asked)) == (len(story) > 1)
