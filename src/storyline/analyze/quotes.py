"""Who said what in one article: direct quotes, reported speech, their speakers and where it was said.

Three steps, each its own module: quote_marks (the scanner), statements (direct and reported
speech with their cues and subjects), speakers (who the subject is, venue, addressee); a transcript's
turns ("TAPPER: …") are their labels' speakers' words (transcripts). In another
language (find_quotes_in_language) the quotes come from their marks and the language's cue verbs.

Quote marks are paired by context, not by character: an opening mark follows a space or a bracket
and precedes a word, a closing one follows a word; so apostrophes inside words (don’t, Zelenskyy's,
O’Rourke) never open or close a quote, and “…”, "…", „…“, «…», »…«, ‘…’ all pair. Speakers come
from rules over the cue ("said", "told", "according to") and its subject, read from tags and named
entities rather than a parse (see analyze.nlp for why); the rules for who the subject is
(pronouns, roles, quotations without a cue of their own, venues) are written down once, in
speakers.py.
"""

from __future__ import annotations

import re
from typing import Sequence

from storyline.analyze.article_text import ArticleText
from storyline.analyze.entities import extract_mentions
from storyline.analyze.fragments import report_fragments
from storyline.analyze.nested import nested_statements
from storyline.analyze.nlp import Parsed, simple_tokens
from storyline.analyze.occasions import inherit_venues, read_context
from storyline.analyze.quote_marks import scan_quote_marks
from storyline.analyze.reported import reported_statements
from storyline.analyze.speakers import resolve_speakers
from storyline.analyze.speakers_in_language import attribute_in_language, fullest_name
from storyline.analyze.statements import Statement, direct_statements
from storyline.analyze.transcripts import transcript_turns
from storyline.lang import cue_pattern
from storyline.model import Mention, Quote
from storyline.text import sentence_at, split_sentences


def find_quotes(text: str, mentions: Sequence[Mention] | None = None, parsed: Parsed | None = None) -> list[Quote]:
    """Direct and reported statements of one article with their speakers, in text order.

    mentions (from extract_mentions) name the people; without them they are taken from parsed (what
    the pipeline found in text, nlp.parse), and without it capitalised words stand in. Spans index
    text exactly."""
    tokens = parsed.tokens if parsed is not None else simple_tokens(text)
    if mentions is None:
        mentions = extract_mentions(parsed) if parsed is not None else _capitalised_names(text)
    article = ArticleText(text, tokens, list(mentions))
    marks = scan_quote_marks(text)
    article.quoted = sorted((m.open, m.close) for m in marks)
    statements = direct_statements(article, marks)
    used_cues = {s.cue for s in statements if s.cue}
    statements += reported_statements(article, used_cues)
    statements.sort(key=lambda s: s.position)
    resolve_speakers(article, statements)
    statements = transcript_turns(article, statements)
    statements = sorted(statements + nested_statements(article, statements), key=lambda s: s.position)
    for statement in statements:
        read_context(article, statement)
    inherit_venues(statements)
    return _to_quotes(article, report_fragments(article, statements))


def _capitalised_names(text: str) -> list[Mention]:
    """Stand-in mentions when no NER ran: runs of two to four capitalised words, taken as people."""
    found = []
    word = r"[A-Z][a-z\u00e0-\u024f’'\-]+"
    for match in re.finditer(rf"(?<![\w’']){word}(?:\s+(?:{word}|bin|de|van|von)){{1,3}}", text):
        found.append(Mention(text=match.group(), start=match.start(), end=match.end(), label="PERSON"))
    return found


def _to_quotes(article: ArticleText, statements: list[Statement]) -> list[Quote]:
    quotes: list[Quote] = []
    text = article.text
    for group, s in enumerate(statements):
        cue = text[s.cue[0]:s.cue[1]] if s.cue else None
        if cue and cue.lower() == "according":
            cue = "according to"
        unnamed = s.unnamed if s.speaker is None else None  # a source given unnamed, where no one is named
        for part, (a, b) in enumerate(s.parts):
            sentence = (min(s.sentence[0], a), max(s.sentence[1], b))
            quotes.append(Quote(text=text[a:b], start=a, end=b, speaker=s.speaker, speaker_span=s.speaker_span,
                                cue=cue, cue_span=s.cue, direct=s.direct, sentence=sentence,
                                venue=s.venue[0] if s.venue else None, venue_text=s.venue[1] if s.venue else None,
                                addressee=s.addressee, group=group, part=part,
                                unnamed_source=text[unnamed[0]:unnamed[1]] if unnamed else None,
                                unnamed_span=unnamed))
    return quotes


def find_quotes_in_language(text: str, language: str, mentions: Sequence[Mention],
                            sentences: Sequence[tuple[int, int]] | None = None) -> list[Quote]:
    """Direct quotes of the text with their speakers, by the language's quote marks and cue verbs."""
    sentences = list(sentences or split_sentences(text))
    cues = cue_pattern(language)
    people = sorted(mentions, key=lambda m: m.start)
    quotes: list[Quote] = []
    previous: tuple[str, tuple[int, int]] | None = None
    for n, marks in enumerate(scan_quote_marks(text)):
        words = text[marks.start:marks.end].split()
        sentence = sentence_at(sentences, marks.open)
        cue, speaker = attribute_in_language(text, marks.open, marks.close, sentence, cues, people)
        if cue is None and len(words) < 4:
            continue  # a quoted term or title, not a statement
        if cue is not None and speaker is None and previous is not None:
            speaker = previous[1]  # "», — заявив президент": the article's previous speaker
        name = None
        if speaker is not None:
            name = fullest_name(text[speaker[0]:speaker[1]], people, text)
            previous = (name, speaker)
        quotes.append(Quote(text=text[marks.start:marks.end], start=marks.start, end=marks.end, speaker=name,
                            speaker_span=speaker, cue=cue.text if cue else None,
                            cue_span=(cue.start, cue.end) if cue else None, direct=True, sentence=sentence,
                            group=n))
    return quotes
