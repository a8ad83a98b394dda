"""The analysis stage: entities, quotes with their speakers, and resolved dates, per article.

analyze_article runs spaCy once over an article and hands what it found (nlp.Parsed) to each extractor; the
per-story step, canonical_entities, merges the mentions of a story's articles into entities. All
are pure functions over text and dataclasses: the pipeline stores what they return."""

from __future__ import annotations

import multiprocessing
from datetime import date, datetime
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from storyline.analyze.dates import resolve_dates
from storyline.analyze.entities import canonical_entities, entity_of, extract_mentions
from storyline.analyze.known_people import speakers_as_people
from storyline.analyze.multilingual import analyze_in_language
from storyline.analyze.nlp import Parsed, load_nlp, parse, pipe_parsed, text_pieces
from storyline.analyze.pool import BATCH as POOL_BATCH
from storyline.analyze.pool import start_english_analyses
from storyline.analyze.quotes import find_quotes
from storyline.model import Analysis

if TYPE_CHECKING:
    from spacy.language import Language

VERSION = "analyze-26"  # recorded beside every derived row; bump when a rule changes what comes out
# (`storyline check --repair` analyses again what another version analysed)

__all__ = ["VERSION", "Analysis", "Parsed", "analyze_article", "analyze_articles", "analyze_in_language",
           "analyze_in_languages", "analyze_parsed", "canonical_entities", "entity_of", "extract_mentions",
           "find_quotes", "is_english", "load_nlp", "parse", "resolve_dates", "start_analyses"]


def analyze_parsed(parsed: Parsed, published: date | datetime | None) -> Analysis:
    """Mentions, quotes and dates of one article already run through the pipeline (parsed.text is the body)."""
    text = parsed.text
    mentions = extract_mentions(parsed)
    quotes = find_quotes(text, mentions, parsed)
    mentions = speakers_as_people(text, mentions, quotes)
    times = resolve_dates(text, published, parsed)
    return Analysis(mentions=tuple(mentions), quotes=tuple(quotes), times=tuple(times))


def analyze_article(article_text: str, published: date | datetime | None, nlp: "Language | None" = None) -> Analysis:
    """Mentions, quotes and dates of one article's (normalised) body text, with one spaCy pass.

    published resolves relative dates ("yesterday", "on Wednesday"); without it only dates that
    carry their year resolve. Every span in the result indexes article_text."""
    return analyze_parsed(next(pipe_parsed(nlp or load_nlp(), [article_text])), published)


def analyze_articles(items: Iterable[tuple[str, date | datetime | None]], nlp: "Language | None" = None,
                     batch_size: int = 16, processes: int = 1) -> Iterator[Analysis]:
    """analyze_article over many (text, published) pairs, batched through spaCy; results in input order.

    With processes > 1, spaCy's NER runs in that many forked processes (the rules stay in this one, on
    the docs as they come back, in order): the same docs, on more cores. Too few texts to pay for the
    forks (a long text counts as its pieces), or a daemonic process (a Dask worker), which may not
    start any, run here alone."""
    pipeline = nlp or load_nlp()
    pending = list(items)
    processes = spacy_processes(processes, sum(len(text_pieces(text)) for text, _ in pending), batch_size)
    parsed = pipe_parsed(pipeline, (text for text, _ in pending), batch_size=batch_size, n_process=processes)
    for (_, published), one in zip(pending, parsed, strict=True):
        yield analyze_parsed(one, published)


def analyze_batch(items: list[tuple[str, date | datetime | None]]) -> list[Analysis]:
    """In a pool worker: one batch through spaCy and the rules, as analyze_articles does in one process;
    a task of more than POOL_BATCH articles (short ones: analyze.pool.tasks) is one batch of spaCy's."""
    return list(analyze_articles(items, batch_size=max(POOL_BATCH, len(items))))


MIN_BATCHES_PER_PROCESS = 2  # fewer, and forking and shipping docs back cost more than they save


def spacy_processes(wanted: int, texts: int, batch_size: int) -> int:
    """How many processes spaCy's pipe may use for this many texts: 1 where more would not pay or not start."""
    if wanted <= 1 or multiprocessing.current_process().daemon:
        return 1
    return max(1, min(wanted, texts // (batch_size * MIN_BATCHES_PER_PROCESS)))


def is_english(language: str | None) -> bool:
    """Whether an article goes through the English rules: English, or a language nobody could tell."""
    return language in (None, "", "en")


def analyze_in_languages(items: Iterable[tuple[str, date | datetime | None, str | None]],
                         nlp: Language | None = None, processes: int = 1) -> list[Analysis]:
    """Analyses of (text, published, language) triples in input order: English (or undetected) ones
    through spaCy (on `processes` processes, see start_analyses), the others by their language's rules."""
    return start_analyses(items, nlp, processes)()


def start_analyses(items: Iterable[tuple[str, date | datetime | None, str | None]], nlp: Language | None = None,
                   processes: int = 1, also_load: Callable[[], object] | None = None) -> Callable[[], list[Analysis]]:
    """Begin analysing (text, published, language) triples; the function returned waits for the
    analyses and gives them in input order.

    With processes > 1 and more than one batch of English texts, these go to the worker pool
    (analyze.pool) at once and are analysed there while the caller goes on (it embeds meanwhile);
    otherwise, and for other languages, the work is done in this process when the function is called,
    the English batched through spaCy as analyze_articles does. also_load: what the pool's workers
    are to share besides spaCy, where it starts here (analyze.pool.start_english_analyses)."""
    pending = list(items)
    english = [i for i, (_, _, language) in enumerate(pending) if is_english(language)]
    texts = [pending[i][:2] for i in english]
    on_pool = (start_english_analyses(texts, processes, analyze_batch, also_load)
               if nlp is None and len(texts) > POOL_BATCH else None)

    def wait() -> list[Analysis]:
        results: list[Analysis | None] = [None] * len(pending)
        found = on_pool() if on_pool else analyze_articles(texts, nlp, processes=processes)
        for i, analysis in zip(english, found, strict=True):
            results[i] = analysis
        for i, (text, published, language) in enumerate(pending):
            if results[i] is None:
                results[i] = analyze_in_language(text, published, str(language))
        return [r for r in results if r is not None]

    return wait
