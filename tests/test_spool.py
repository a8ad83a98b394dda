"""The spool of an ingest's waiting articles gives each its text back as it was, once."""

from datetime import datetime, timezone

from storyline.model import Article
from storyline.spool import ArticleSpool


def article(n: int, text: str) -> Article:
    return Article(id=f"a{n}", source="Harbour Post", text=text, text_hash=f"h{n}", title=f"Title {n}",
                   published=datetime(2026, 3, n, tzinfo=timezone.utc))


def test_spooled_articles_wait_without_their_text_and_get_it_back_whole_in_any_order():
    texts = ["The port reopened on Monday.", "Le maire a dit « c’est lent » — 😀 ‘quoted’", "Ж" * 5_000, ""]
    with ArticleSpool() as spool:
        waiting = [spool.put(article(n + 1, text)) for n, text in enumerate(texts)]
        assert [a.text for a in waiting] == ["", "", "", ""]
        assert [a.title for a in waiting] == ["Title 1", "Title 2", "Title 3", "Title 4"]  # all but the text kept
        back = spool.whole(waiting[2:]) + spool.whole(waiting[:2])
        assert [a.text for a in back] == texts[2:] + texts[:2]
        assert [a.id for a in back] == ["a3", "a4", "a1", "a2"]
        # an article the spool did not keep, or gave back already, is as it is
        assert spool.whole([waiting[0], article(9, "kept in memory")])[1].text == "kept in memory"
        assert spool.whole([waiting[0]])[0].text == ""
