"""One mapping from a stored row to an Article: every read of an article gives the same record."""

from __future__ import annotations

from dataclasses import replace

from conftest import FIXTURES
from storyline.model import Article
from storyline.store import open_store
from storyline.store.rows import article_from_row


def test_a_row_with_every_column_gives_every_field() -> None:
    row = {"id": "a1", "source": "Lakeside Courier", "text": "Body.", "text_hash": "h", "title": "T",
           "published": "2025-02-14T09:00:00+00:00", "url": "https://x.test/a", "canonical_url": "https://x.test/a",
           "external_id": "e1", "language": "en", "origin": "a.txt"}
    article = article_from_row(row)
    assert article == Article(id="a1", source="Lakeside Courier", text="Body.", text_hash="h", title="T",
                              published=article.published, url="https://x.test/a", canonical_url="https://x.test/a",
                              external_id="e1", language="en", origin="a.txt")
    assert article.published is not None and article.published.isoformat() == "2025-02-14T09:00:00+00:00"


def test_a_listing_without_the_text_gives_an_empty_text() -> None:
    article = article_from_row({"id": "a1", "source": "S", "title": None, "published": None, "url": None,
                                "external_id": None, "language": None})
    assert (article.text, article.text_hash, article.origin, article.published) == ("", "", None, None)


def test_a_page_of_stories_reads_the_articles_its_stories_hold(cli) -> None:  # type: ignore[no-untyped-def]
    cli("ingest", str(FIXTURES / "interview"))
    store = open_store(cli.db)
    try:
        (story,) = store.stories()
        listed = [(replace(article, text="", text_hash=""), group) for article, group in store.story_articles(story.id)]
        assert store.members_of([story.id])[story.id] == listed
        assert all(article.origin for article, _ in listed)  # a listing used to drop it
    finally:
        store.close()
