"""How the outlets of one story compare: claims aligned across articles, quotes with each outlet's
wording, and a brief whose every line is an extracted sentence with its provenance.

compare_story(articles, entities, embed) takes the articles of one story (body text, outlet,
near-duplicate group, analysis) and returns claims, quotes and summary lines as the records of the
`show --json` contract (model.ClaimRecord, QuoteRecord, SummaryLine). Nothing is generated: a
claim's text is one of its sentences, a summary line is a claim's text, and every one carries the
article ids and character spans it came from (evidence[].text == article text[start:end]).

What is surprising:
- Units are sentences (text.split_sentences), joined where a quotation runs across a sentence
  boundary and cut where a semicolon or ", and" joins two facts outside reported speech. Sentences
  that quote someone stay units: in an interview story most of what outlets share is what the
  speaker said, and those facts are claims as much as quotes.
- Two units state one fact when their pair score passes PAIR_THRESHOLD: static-embedding cosine,
  IDF-weighted word overlap (figures included), shared entities, figures and dates. Candidates come
  from a nearest-neighbour search over distinct sentences (exact up to 2,048, usearch beyond), a fixed
  number per sentence, so the work grows as n·log n in sentences; wire copies are searched once.
  Groups are merged best pair first, never holding two units of one article, never two values of
  one thing (12 and 15 injured, Wednesday and Thursday), and only while the group's mean cosine
  stays high. Two units quoting statements the quote alignment tells apart are never one claim.
- Copies of one report (one near-duplicate group) and the articles of one outlet are one voice,
  credited to the outlet that published first; the other outlets that ran a copy are listed in
  `republished_by`. A claim only one voice carries is `single`, however many copies carry it.
- Counts of a named thing and the day or year of a happening are also matched across the whole
  story (conflicts/number.py, date.py), since real outlets state one fact in different sentences.
  A count that grows as news comes in and differs between reports of different days is an update
  (a claim with `update`: each report's value and day, earliest first), not a conflict; one that a
  later day's report gives lower, with no word that it was brought down, is a conflict.
- A conflict needs two voices giving two values of one thing: a figure of the same counted thing,
  the day of one happening, the medium of one statement (radio show or briefing), a person's
  office, the speaker or the words (a negation, a figure) of one quotation, the place of one
  happening. It is its own claim (status "conflict", with each outlet's value and evidence) beside
  the claims of each side, which are marked `disputed`. When in doubt there is no conflict: a
  running count ("has burned", "by dawn") read on two days, a postponed date, "today" in reports of
  two days, a kind of figure an article gives twice with nothing to tell which is which.
- Speakers are canonical entity names (entity_of over the quote's speaker span), so spellings
  across outlets meet; a quotation whose outlet names no speaker takes the speaker its words point
  to unmistakably (statements.lent_speakers); quote variants of one statement carry a word diff
  against the first where the two share most words.

The thresholds were set on examples/demo and the train split of tests/fixtures/real (storyline.evaluate
reports the figures; docs/quality.md has them).
"""


from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storyline.analyze.numbers import find_numbers
from storyline.analyze.venues import venue_kind
from storyline.compare.align import (
    Embed,
    align_units,
    candidate_pairs,
    language_views,
    nearest_neighbours,
    story_idf,
    with_cross_pairs,
)
from storyline.compare.claims import build_claims, readability, summarize
from storyline.compare.conflicts import find_conflicts
from storyline.compare.statements import (
    align_quotes,
    quote_group_of_units,
    quote_records,
    speaker_pairs,
    statements_of,
)
from storyline.compare.thresholds import NEIGHBOURS
from storyline.compare.units import StoryArticle, StoryView, Unit, annotate_units, article_units
from storyline.model import ClaimRecord, Entity, QuoteRecord, SummaryLine
from storyline.words import content_stems

VERSION = "compare-1"

__all__ = ["VERSION", "Comparison", "Embed", "StoryArticle", "compare_story", "content_stems", "find_numbers",
           "nearest_neighbours", "venue_kind"]


@dataclass(frozen=True)
class Comparison:
    """Claims, quotes and summary lines of one story, as the records of `show --json`."""

    claims: list[ClaimRecord]
    quotes: list[QuoteRecord]
    summary: list[SummaryLine]


def compare_story(articles: list[StoryArticle], entities: list[Entity], embed: Embed,
                  cross_embed: Embed | None = None) -> Comparison:
    """Claims (corroborated, single, in conflict), quotes with each outlet's wording, and a brief, for one story.

    embed turns texts into unit vectors (storyline.embed.load_static_embedder().embed is meant: the
    comparison embeds every sentence of the story). entities are the story's canonical entities
    (analyze.canonical_entities), so that speakers and names compare across spellings.

    Only where the story's articles are in more than one language does cross_embed (default: the
    multilingual encoder, storyline.embed.load_multilingual_embedder) embed the sentences again, and
    only sentences of two languages are compared through it: a story in one language is compared as
    it always was. Nothing is translated; a translated quotation is a variant of the original."""
    story = StoryView(articles, entities)
    units: list[Unit] = []
    for pos, article in enumerate(story.articles):
        units.extend(article_units(pos, article, len(units)))
    annotate_units(story, units)
    statements = statements_of(story)
    # a statement's vector only finds the same statement in another article: one article's are never read
    quoted = [s.text for s in statements] if len(story.articles) > 1 else []
    texts = [u.text for u in units] + quoted
    all_vectors = np.asarray(embed(texts), dtype=np.float32) if texts else np.zeros((0, 1), dtype=np.float32)
    vectors = all_vectors[:len(units)]
    quote_vectors = all_vectors[len(units):] if quoted else np.zeros((len(statements), all_vectors.shape[1]),
                                                                     dtype=np.float32)
    unit_cross, quote_cross = language_views(story, units, [s.article for s in statements], texts, cross_embed)

    quote_pairs = candidate_pairs(statements, quote_vectors, lambda i: statements[i].article, NEIGHBOURS, floor=0.5)
    quote_pairs = with_cross_pairs(quote_pairs, quote_cross, lambda i: statements[i].article, NEIGHBOURS)
    anchored = speaker_pairs(statements, quote_cross)
    quote_pairs = {**anchored, **quote_pairs}
    quote_groups = align_quotes(story, statements, quote_vectors, quote_pairs, quote_cross, set(anchored))
    pairs = candidate_pairs(units, vectors, lambda i: units[i].article, NEIGHBOURS, floor=0.45)
    pairs = with_cross_pairs(pairs, unit_cross, lambda i: units[i].article, NEIGHBOURS)
    # the weight of each stem in the story's sentences, read by the alignment and the story-wide conflicts
    idf = story_idf(units) if len(story.articles) > 1 else None
    groups, aligned = align_units(units, vectors, quote_group_of_units(units, statements, quote_groups), pairs, unit_cross,
                                  idf)
    group_of = {i: g for g, members in enumerate(groups) for i in members}

    conflicts = find_conflicts(story, units, statements, aligned, pairs, quote_pairs, quote_groups, unit_cross, idf)
    claims = build_claims(story, units, vectors, groups, conflicts, group_of)
    quotes = quote_records(story, statements, quote_groups)
    readable = {c["id"]: readability(c["text"]) for c in claims}
    summary = summarize(claims, readable)
    return Comparison(claims=claims, quotes=quotes, summary=summary)
