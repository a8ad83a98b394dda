"""What a reader sees of a story, as data: the JSON of `show --json`, and its Markdown rendering.

Only what the stages extracted appears here; a part whose analysis is not built yet is an empty
list, never filler."""

from __future__ import annotations

from typing import Any

from storyline.model import Article
from storyline.sources.dates import format_published
from storyline.store import SQLiteStore, StoryRow


def article_entry(article: Article, group: str | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "external_id": article.external_id,
        "source": article.source,
        "title": article.title,
        "published": format_published(article.published),
        "url": article.url,
        "language": article.language,
        "duplicate_of": group if group and group != article.id else None,
    }


def story_brief(story: StoryRow, members: list[tuple[Article, str | None]]) -> dict[str, Any]:
    """The brief of one story from its row and its articles (oldest first, with duplicate groups)."""
    outlets = sorted({article.source for article, _ in members})
    # Copies of one report are one voice: count outlets over duplicate groups.
    voices = {group or article.id for article, group in members}
    return {
        "id": story.id,
        "title": story.title,
        "first_seen": story.first_seen,
        "last_seen": story.last_seen,
        "outlets": outlets,
        "independent_reports": len(voices),
        "articles": [article_entry(article, group) for article, group in members],
        "entities": [],
        "quotes": [],
        "claims": [],
        "timeline": [],
        "summary": [],
    }


def load_brief(store: SQLiteStore, story: StoryRow) -> dict[str, Any]:
    return story_brief(story, store.story_articles(story.id))


def brief_markdown(brief: dict[str, Any]) -> str:
    """The brief for people, as Markdown."""
    span = brief["first_seen"] or "undated"
    if brief["last_seen"] and brief["last_seen"] != brief["first_seen"]:
        span += f" to {brief['last_seen']}"
    lines = [f"# {brief['title']}", "",
             f"{span} · {len(brief['articles'])} articles from {len(brief['outlets'])} outlets "
             f"({brief['independent_reports']} independent reports) · story `{brief['id']}`", "", "## Articles", ""]
    for article in brief["articles"]:
        title = article["title"] or "(untitled)"
        link = f"[{title}]({article['url']})" if article["url"] else title
        copy = f" — copy of `{article['duplicate_of']}`" if article["duplicate_of"] else ""
        lines.append(f"- {article['published'] or 'undated'} · **{article['source']}** · {link}{copy}")
    return "\n".join(lines) + "\n"
