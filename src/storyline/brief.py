"""What a reader sees of a story, as data: the JSON of `show --json`, and its Markdown rendering.

Only what the stages extracted appears here; a part whose analysis is not built yet is an empty
list, never filler."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from storyline.analyze import canonical_entities, entity_of
from storyline.model import Analysis, Article, Entity
from storyline.sources.dates import format_published
from storyline.store import SQLiteStore, StoryRow
from storyline.timeline import build_timeline

VERSION = "brief/1"
PARTS = ("entities", "quotes", "claims", "timeline", "summary")


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
    """The brief of a story as stored: its articles, and the parts the analysis stages computed."""
    brief = story_brief(story, store.story_articles(story.id))
    parts = store.brief(story.id) or {}
    brief.update({key: parts[key] for key in PARTS if key in parts})
    return brief


def entity_entries(entities: list[Entity]) -> list[dict[str, Any]]:
    return [{"name": e.name, "type": e.type, "aliases": [a for a in e.aliases if a != e.name],
             "mentions": len(e.mentions), **({"ambiguous": True} if e.ambiguous else {})} for e in entities]


def quote_entries(members: list[tuple[Article, str | None]], analyses: dict[str, Analysis],
                  entities: list[Entity]) -> list[dict[str, Any]]:
    """Each quote of the story's articles with its speaker's canonical name, in article order."""
    entries = []
    for article, _ in members:
        analysis = analyses.get(article.id)
        for quote in analysis.quotes if analysis else ():
            speaker = quote.speaker
            if quote.speaker_span:
                entity = entity_of(entities, article.id, *quote.speaker_span)
                speaker = entity.name if entity else speaker
            variant = {"article": article.id, "source": article.source, "text": quote.text,
                       "start": quote.start, "end": quote.end}
            entries.append({"speaker": speaker, "text": quote.text, "sources": [article.source],
                            "direct": quote.direct, "venue": quote.venue, "variants": [variant]})
    return entries


def story_parts(members: list[tuple[Article, str | None]], analyses: dict[str, Analysis],
                embed: Callable[[list[str]], np.ndarray]) -> dict[str, Any]:
    """The derived parts of a story's brief from its articles (with duplicate groups) and their analyses."""
    texts = {article.id: article.text for article, _ in members}
    entities = canonical_entities({aid: analysis.mentions for aid, analysis in analyses.items()}, texts)
    return {"entities": entity_entries(entities), "quotes": quote_entries(members, analyses, entities),
            "claims": [], "timeline": build_timeline(members, analyses, embed), "summary": []}


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
