"""What a reader sees of a story, as data: the JSON of `show --json`, and its Markdown rendering.

Only what the stages extracted appears here; a part whose analysis is not built yet is an empty
list, never filler."""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable, NotRequired, TypedDict, cast

import numpy as np

from storyline.analyze import canonical_entities
from storyline.compare import StoryArticle, compare_story
from storyline.compare.claims import settled
from storyline.model import (
    Analysis,
    Article,
    ArticleEntry,
    Brief,
    ClaimRecord,
    Entity,
    EntityEntry,
    QuoteRecord,
    Storyline,
    StorylineStory,
    SummaryLine,
    TimelineEntry,
)
from storyline.safety import markdown_link, markdown_text
from storyline.sources.dates import format_published
from storyline.store import Store, StoryRow
from storyline.timeline import build_timeline
from storyline.voices import independent_reports

VERSION = "brief/17"  # bump when a rule changes what a brief holds (`storyline check --repair` makes them again)


def article_entry(article: Article, group: str | None) -> ArticleEntry:
    return ArticleEntry(id=article.id, external_id=article.external_id, source=article.source, title=article.title,
                        title_generated=article.title_generated, published=format_published(article.published),
                        url=article.url, language=article.language,
                        duplicate_of=group if group and group != article.id else None)


def story_brief(story: StoryRow, members: list[tuple[Article, str | None]]) -> Brief:
    """The brief of one story from its row and its articles (oldest first, with duplicate groups)."""
    outlets = sorted({article.source for article, _ in members})
    return Brief(id=story.id, title=story.title, title_generated=story.title_generated, first_seen=story.first_seen,
                 last_seen=story.last_seen, outlets=outlets, independent_reports=independent_reports(members),
                 articles=[article_entry(article, group) for article, group in members],
                 entities=[], quotes=[], claims=[], timeline=[], summary=[])


class StoryParts(TypedDict):
    """What the analysis stages derive of a story and the store keeps (story_briefs): the brief less
    what the story's row and articles give."""

    entities: list[EntityEntry]
    quotes: list[QuoteRecord]
    claims: list[ClaimRecord]
    timeline: list[TimelineEntry]
    summary: list[SummaryLine]
    brief_from: NotRequired[int]  # made from only the story's newest so many articles (Brief.brief_from)


PARTS = tuple(StoryParts.__annotations__)  # entities, quotes, claims, timeline, summary, brief_from


def load_brief(store: Store, story: StoryRow) -> Brief:
    """The brief of a story as stored: its articles, and the parts the analysis stages computed."""
    brief = story_brief(story, store.story_articles(story.id))
    parts = store.brief(story.id) or {}
    # The stored parts are what story_parts returned, written as JSON (a brief of an older version is
    # recomputed, never read: briefing.refresh_briefs).
    brief.update(cast(Brief, {key: parts[key] for key in PARTS if key in parts}))
    return brief


def entity_entry(entity: Entity) -> EntityEntry:
    entry = EntityEntry(name=entity.name, type=entity.type, aliases=[a for a in entity.aliases if a != entity.name],
                        mentions=len(entity.mentions))
    if entity.ambiguous:
        entry["ambiguous"] = True
    return entry


def story_parts(members: list[tuple[Article, str | None]], analyses: dict[str, Analysis],
                embed: Callable[[list[str]], np.ndarray]) -> StoryParts:
    """The derived parts of a story's brief from its articles (with duplicate groups) and their analyses."""
    texts = {article.id: article.text for article, _ in members}
    embed = embedding_once(embed)  # the comparison and the timeline embed many of the same sentences
    entities = canonical_entities({aid: analysis.mentions for aid, analysis in analyses.items()}, texts)
    compared = compare_story([StoryArticle(id=article.id, source=article.source, group=group or article.id,
                                           text=article.text, published=article.published,
                                           analysis=analyses.get(article.id) or Analysis((), (), ()),
                                           language=article.language)
                              for article, group in members], entities, embed)
    return StoryParts(entities=[entity_entry(e) for e in entities], quotes=compared.quotes, claims=compared.claims,
                      timeline=build_timeline(members, analyses, embed), summary=compared.summary)


def embedding_once(embed: Callable[[list[str]], np.ndarray], limit: int | None = None) -> Callable[[list[str]], np.ndarray]:
    """embed, each distinct text embedded once however often it is asked for (a text's vector does not
    depend on what it is embedded beside), the vectors of the last `limit` texts remembered (all: None)."""
    seen: OrderedDict[str, np.ndarray] = OrderedDict()

    def embed_once(texts: list[str]) -> np.ndarray:
        new = [t for t in dict.fromkeys(texts) if t not in seen]
        if new:
            seen.update(zip(new, np.asarray(embed(new))))
        found = np.stack([seen[t] for t in texts]) if texts else np.asarray(embed(texts))
        for t in texts:
            seen.move_to_end(t)
        while limit is not None and len(seen) > limit:
            seen.popitem(last=False)
        return found

    return embed_once


UNNAMED_SOURCES = "No person named"
UNATTRIBUTED = "Unattributed"


def said_by(speaker: str | None, unnamed_source: str | None) -> str:
    """Whom a quotation is given to, as a reader is shown it: the speaker; else the source as the article
    gives it without a person's name ("a campaign aide", "the health ministry", "the disaster agency
    AFAD": its words say whether anyone is named, so nothing is added to them); else "Unattributed"."""
    return speaker or unnamed_source or UNATTRIBUTED


def speaker_heading(quote: QuoteRecord) -> str:
    """The heading a quotation stands under in "Who said what": its speaker; quotations whose article
    gives their source without a person's name all under one "No person named" (two outlets' "an official" need
    not be one person, so their phrases are no one's name to group by; each line gives its own); the
    rest under "Unattributed"."""
    if quote["speaker"]:
        return quote["speaker"]
    return UNNAMED_SOURCES if quote.get("unnamed_source") else UNATTRIBUTED


def brief_markdown(brief: Brief) -> str:
    """The brief for people, as Markdown: conflicts first, then what outlets agree on, what each adds,
    who said what, the timeline and the articles. Every line names the outlets behind it.

    Every piece of data is escaped on one line (markdown_text): a title or a quote cannot open a
    heading, a link or raw HTML, and only http(s) URLs become links."""
    md = markdown_text

    def label(value: object) -> list[str]:
        # A blank line after it: a list item of empty text ("- ") must not underline it into a heading.
        return [f"**{md(value).strip() or '(unnamed)'}**", ""]

    def outlets(sources: list[str]) -> str:
        return ", ".join(md(source) for source in sources)

    span = brief["first_seen"] or "undated"
    if brief["last_seen"] and brief["last_seen"] != brief["first_seen"]:
        span += f" to {brief['last_seen']}"
    lines = [f"# {md(brief['title'])}", "",
             f"{md(span)} · {len(brief['articles'])} articles from {len(brief['outlets'])} outlets "
             f"({brief['independent_reports']} independent reports) · story `{md(brief['id'])}`"
             + (" · headline made from the lead" if brief.get("title_generated") else ""), ""]
    if "brief_from" in brief:
        lines += [f"*This brief reads the newest {brief['brief_from']:,} of the story's {len(brief['articles']):,} "
                  "articles: the older ones are listed below, but what they alone report is not in it.*", ""]
    claims = brief["claims"]
    conflicts = [c["conflict"] for c in claims if c["status"] == "conflict" and c["conflict"]]
    if conflicts:
        lines += ["## Where outlets disagree", ""]
        for conflict in conflicts:
            values = "; ".join(f"{md(v['source'])}: {md(v['value'])}" for v in conflict["values"])
            minor = " (minor: the values are close, or bounds that could both hold)" if conflict.get("minor") else ""
            lines.append(f"- **{md(conflict['about'])}** — {values}{minor}")
        lines.append("")
    updates = [c for c in claims if c.get("update")]
    if updates:
        lines += ["## What changed between reports", ""]
        for claim in updates:
            steps = " → ".join(f"{md(v['value'])} ({md(v['source'])}, {md(v.get('published') or 'undated')})"
                               for v in claim["update"]["values"])
            lines.append(f"- **{md(claim['update'].get('subject') or claim['update']['about'])}** — {steps}")
        lines.append("")
    if brief["summary"]:
        lines += ["## In brief", ""] + [f"- {md(line['text'])} ({outlets(line['sources'])})"
                                        for line in brief["summary"]]
        lines.append("")
    agreed = sorted((c for c in claims if c["status"] == "corroborated" and settled(c)), key=lambda c: -len(c["sources"]))
    if agreed:
        lines += ["## What several outlets report", ""]
        lines += [f"- {md(c['text'])} — {len(c['sources'])} outlets: {outlets(c['sources'])}" for c in agreed]
        lines.append("")
    singles: dict[str, list[str]] = {}
    for claim in claims:
        if claim["status"] == "single" and settled(claim):
            singles.setdefault(claim["sources"][0], []).append(claim["text"])
    if singles:
        lines += ["## What only one outlet reports", ""]
        for outlet, texts in sorted(singles.items()):
            lines += label(outlet)
            lines += [f"- {md(text)}" for text in texts]
            lines.append("")
    if brief["quotes"]:
        lines += ["## Who said what", ""]
        by_speaker: dict[str, list[QuoteRecord]] = {}
        for quote in brief["quotes"]:
            by_speaker.setdefault(speaker_heading(quote), []).append(quote)
        for speaker, quotes in by_speaker.items():
            lines += label(speaker)
            for quote in quotes:
                mark = "“{}”" if quote.get("direct", True) else "{} (reported)"
                unnamed = quote.get("unnamed_source") if not quote["speaker"] else None
                given = f"{md(said_by(None, unnamed))} · " if unnamed else ""
                lines.append(f"- {mark.format(md(quote['text']))} — {given}{outlets(quote['sources'])}")
                for variant in quote["variants"][1:]:
                    lines.append(f"  - {md(variant.get('source', variant['article']))}: “{md(variant['text'])}”")
            lines.append("")
    if brief["timeline"]:
        lines += ["## Timeline", ""]
        lines += [f"- {md(entry['date'])} — {md(entry['text'])} ({outlets(entry['sources'])})"
                  for entry in brief["timeline"]]
        lines.append("")
    lines += ["## Articles", ""]
    for article in brief["articles"]:
        link = markdown_link(article["title"] or "(untitled)", article["url"])
        if article.get("title_generated"):
            link = f"*{link}*"
        copy = f" — copy of `{md(article['duplicate_of'])}`" if article["duplicate_of"] else ""
        lines.append(f"- {md(article['published'] or 'undated')} · **{md(article['source'])}** · {link}{copy}")
    return "\n".join(lines) + "\n"


def load_storylines(store: Store) -> list[Storyline]:
    """Every storyline, newest first: its stories oldest first and one merged timeline."""
    from storyline.storylines import storyline_id, threads

    return [thread_of(store, storyline_id(ids), ids) for ids in threads(store.story_links(), store.first_seen_days())]


def thread_of(store: Store, name: str, ids: list[str]) -> Storyline:
    """The storyline of these stories (oldest first): its stories and one merged timeline."""
    briefs = [load_brief(store, row) for row in (store.story(i) for i in ids) if row is not None]
    timeline = sorted((TimelineEntry({**entry, "story": b["id"]}) for b in briefs for entry in b["timeline"]),
                      key=lambda e: (e["date"], e.get("story", "")))
    return Storyline(
        id=name, title=briefs[-1]["title"],
        first_seen=min((b["first_seen"] for b in briefs if b["first_seen"]), default=None),
        last_seen=max((b["last_seen"] for b in briefs if b["last_seen"]), default=None),
        stories=[StorylineStory(id=b["id"], title=b["title"], first_seen=b["first_seen"], last_seen=b["last_seen"],
                                outlets=b["outlets"]) for b in briefs],
        timeline=timeline)


def load_storyline(store: Store, storyline_id: str) -> Storyline | None:
    """One storyline by its exact id, as load_storylines names it."""
    return next((thread for thread in load_storylines(store) if thread["id"] == storyline_id), None)
