"""Direct statements in one article: the quoted passages, from their marks, grouped into statements (a quote
split around its cue is one), each with its cue and the subject of its cue; quoted words with no cue that
are a scare-quoted word or a title are left out. Read from tags and named entities rather than a parse (see
analyze.nlp for why). Where the cue is, is quotation_cues.py's; who the subject is, speakers.py's.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.analyze.article_text import ArticleText
from storyline.analyze.cue_subjects import subject_near
from storyline.analyze.cue_words import is_cue
from storyline.analyze.quotation_cues import cue_after, cue_before, first_cue
from storyline.analyze.quote_marks import QUOTE_TOKENS, QuoteMarks
from storyline.analyze.speaker_kinds import Subject
from storyline.analyze.titles import announced, exclaimed, names_something, sentence_of_its_own, titled_in_sentence


@dataclass
class Statement:
    position: int
    direct: bool
    parts: list[tuple[int, int]]  # spans of the words said
    paragraph: int
    cue: tuple[int, int] | None = None
    subject: Subject | None = None
    frame: tuple[int, int] = (0, 0)  # where venue and addressee are looked for
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None
    resolved: bool = False
    venue: tuple[str, str] | None = None
    addressee: str | None = None
    sentence: tuple[int, int] = (0, 0)
    unnamed: tuple[int, int] | None = None  # the source given without a name ("a campaign aide"; unnamed.py)


def direct_statements(article: ArticleText, marks: list[QuoteMarks]) -> list[Statement]:
    """Quoted passages grouped into statements (a quote split around its cue is one), each with its cue."""
    text = article.text
    groups: list[list[QuoteMarks]] = []
    cut: set[int] = set()  # the groups a cue before them gives, whose cue after them opens the next group
    for mark in (m for m in marks if not names_something(text, m)):  # a title or a term is nobody's statement
        if groups and groups[-1][-1].paragraph == mark.paragraph or (groups and groups[-1][-1].runs_on):
            previous = groups[-1][-1]
            between = text[previous.close + 1:mark.open]
            if previous.runs_on and not between.strip():
                groups[-1].append(mark)
                continue
            raw_end = text[previous.start:previous.close].rstrip()
            continues = (raw_end.endswith(",") or raw_end[-1:].isalnum()) and between.strip().endswith(",")
            if continues and len(between) < 150 and first_cue(article, previous.close + 1, mark.open) is not None \
                    and not article.sentence_ends_between(previous.close + 1, mark.open):
                if len(groups[-1]) == 1 and _cued_before(article, previous):
                    cut.add(len(groups) - 1)  # "When a man shouted, “Cruz,” Beck joked, “Amen!”": two speakers
                else:
                    groups[-1].append(mark)
                    continue
        groups.append([mark])
    statements = []
    for n, group in enumerate(groups):
        first, last = group[0], group[-1]
        statement = Statement(position=first.open, direct=True, parts=[(m.start, m.end) for m in group],
                               paragraph=first.paragraph)
        cue, subject = None, None
        if len(group) > 1:
            cue = first_cue(article, group[0].close + 1, group[1].open)
            if cue is not None:
                subject = subject_near(article, cue, group[0].close + 1, group[1].open)
        if n in cut:
            cue, subject = cue_before(article, first)
        if cue is None:
            cue, subject = cue_after(article, last)
            if cue is not None and n + 1 < len(groups) and _cued_before(article, first) \
                    and article.tokens[cue].start < groups[n + 1][0].open \
                    and not article.sentence_ends_between(article.tokens[cue].start, groups[n + 1][0].open):
                # "He said, “…” - at which point the crowd chanted “…”": the cue after opens the next quotation
                cue, subject = cue_before(article, first)
        if cue is None or subject is None or subject.kind in ("none", "inherit"):
            # "… called the charge “…” and said …": the cue after goes on the sentence's first verb, the quotation's
            before = cue_before(article, first)
            if before[0] is not None and (cue is None or before[1] is not None):
                cue, subject = before
        if cue is not None:
            tok = article.tokens[cue]
            statement.cue = (tok.start, tok.end)
            statement.subject = subject
        words = sum(len(text[a:b].split()) for a, b in statement.parts)
        short = words < 4 and not exclaimed(text, *statement.parts[-1]) \
            and not (len(group) == 1 and sentence_of_its_own(text, first))  # "chants of “Lock her up!”", “Good.” are said
        if short and len(group) == 1 and announced(text, first):
            # "had one message: “Dump Trump.”" is said; the name of a person the article names is a name ("could not bring
            # himself to utter: “Ana Ortiz.”")
            short = any(p.text == text[first.start:first.end] and not first.open < p.start < first.close for p in article.people)
        if statement.cue is None and (short or len(group) == 1 and titled_in_sentence(text, first)):
            continue  # a scare-quoted word or a title, not a statement
        lo = article.sentences[article.sentence_of(first.open)][0]
        hi_pos = max(last.close, statement.cue[1] if statement.cue else last.close)
        hi = article.sentences[article.sentence_of(min(hi_pos, len(text) - 1))][1]
        if statement.cue and statement.cue[0] < first.open:
            lo = min(lo, article.sentences[article.sentence_of(statement.cue[0])][0])
        statement.frame = (lo, hi)
        statement.sentence = (lo, hi)
        statements.append(statement)
    return statements


def _cued_before(article: ArticleText, mark: QuoteMarks) -> bool:
    """Whether a cue and a comma or colon stand right before the quotation ("When a man shouted, “Cruz,” Beck joked,
    “Amen!”"): it has its speaker, so a cue after it that goes on to another quotation opens that one, not a
    quotation split around its cue; where none follows, the cue after it speaks (`As the crowd chanted, “…,” Ruiz
    said`)."""
    j = article.token_at(mark.open) - 1
    while j >= 0 and article.tokens[j].text in QUOTE_TOKENS and article.tokens[j].end > mark.open - 1:
        j -= 1
    return j >= 1 and article.tokens[j].text in (",", ":") and is_cue(article, j - 1) \
        and not article.sentence_ends_between(article.tokens[j - 1].start, mark.open)
