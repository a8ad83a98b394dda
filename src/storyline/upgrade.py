"""What another version of storyline left in a store that this one would make differently, and
bringing it up to date (`storyline check`, `storyline check --repair`)."""

from __future__ import annotations

from storyline import analyze, storylines
from storyline.brief import VERSION as BRIEF_VERSION
from storyline.briefing import refresh_briefs, relink_stories, sentence_vectors
from storyline.pipeline import analyze_chunk
from storyline.progressions import refresh_progressions, stale_progressions
from storyline.store import Store


def outdated(store: Store) -> list[str]:
    """What another version of storyline left in the store that this one would make differently:
    articles its analysis rules analysed, stories whose brief its brief rules made, storyline links its
    linking rules made (`storyline check`)."""
    found = []
    analysed = len(store.analysed_by_another_version(analyze.VERSION))
    if analysed:
        found.append(f"{analysed} articles analysed by another version of the analysis (not {analyze.VERSION})")
    briefs = len(store.briefs_of_another_version(BRIEF_VERSION))
    if briefs:
        found.append(f"{briefs} stories whose brief another version made (not {BRIEF_VERSION})")
    links = len(store.links_of_another_version(storylines.VERSION))
    if links:
        found.append(f"{links} stories whose storyline links another version made (not {storylines.VERSION})")
    stale, _ = stale_progressions(store)
    if stale:
        found.append(f"{len(stale)} storylines whose progressions are not yet computed for their stories as they are")
    return found


def bring_up_to_date(store: Store, processes: int = 1, batch: int = 64) -> tuple[int, int, int, int]:
    """Analyse again every article another version of the analysis rules analysed (its names, quotes
    and dates replaced, its story's brief dropped), then make again every brief missing, stale or made
    by another version of the brief's rules, the storyline links of every story holding one another
    version of the linking rules made, and the progressions of the storylines whose stories that
    changed (or that have none). Returns (articles analysed, briefs made, stories relinked, storylines'
    progressions made)."""
    ids = store.analysed_by_another_version(analyze.VERSION)
    for start in range(0, len(ids), batch):
        articles = store.articles_by_id(ids[start:start + batch])
        analyses = analyze_chunk(articles, processes)
        analysed = [(article.id, analysis) for article, analysis in zip(articles, analyses, strict=True)
                    if analysis is not None]
        with store.transaction():
            store.insert_analyses(analysed, analyze.VERSION)
            for article_id, _ in analysed:
                if story_id := store.article_story(article_id):
                    store.forget_brief(story_id)
    made = refresh_briefs(store, store.stale_briefs(BRIEF_VERSION), processes)
    relinked = store.links_of_another_version(storylines.VERSION)
    relink_stories(store, relinked)
    return len(ids), made, len(relinked), refresh_progressions(store, sentence_vectors, processes, every=True)
