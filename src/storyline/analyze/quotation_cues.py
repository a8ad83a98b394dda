"""The cue of a quotation and its subject, in the words after it ("“…,” said X", "“…,” X said", "“…,” X fumed")
or before it in its sentence ("X said: “…”", "X gloated: “…”", "Kasich: “…”"), or between the parts of a
quotation split around its cue.
"""

from __future__ import annotations

import re

from storyline.analyze.article_text import ArticleText
from storyline.analyze.cue_subjects import apposed_speaker, governed, passive_speaker, subject_near
from storyline.analyze.cue_words import asked_clause, finite_verb, is_cue, naming_cue
from storyline.analyze.participles import perceived_from
from storyline.analyze.person_names import could_be_name
from storyline.analyze.quote_marks import QUOTE_TOKENS, QuoteMarks
from storyline.analyze.speaker_kinds import Subject
from storyline.analyze.speaker_phrases import noun_phrase_after, noun_phrase_before
from storyline.lang.en import (
    CONTRASTING,
    CRIES,
    CUE_WORDS,
    FINITE_AUXILIARIES,
    PARTICIPLE_CUES,
    VERB_FORMS,
)
from storyline.text import ABBREVIATIONS


def first_cue(article: ArticleText, lo: int, hi: int) -> int | None:
    """The first cue word (or "according" of "according to") in text[lo:hi] outside quotes."""
    i = article.token_at(lo)
    while i < len(article.tokens) and article.tokens[i].start < hi:
        if is_cue(article, i) and not article.in_quote(article.tokens[i].start):
            return i
        i += 1
    return None


def cue_after(article: ArticleText, mark: QuoteMarks) -> tuple[int | None, Subject | None]:
    """“…,” said X / “…,” X said / “…,” according to X: a cue in the words right after the quote."""
    k = article.sentence_of(mark.close)
    sentence_end = article.sentences[k][1]
    i = article.token_at(mark.close + 1)
    limit = min(len(article.tokens), i + 30)  # a speaker's apposition can be long ("X, a former director of …, said")
    ending = article.text[mark.start:mark.close].rstrip().rstrip("'’\"”")[-1:]  # "…win it?’”": a nested question
    if ending in ".!?" and not article.text[mark.close + 1:sentence_end].strip("'’”\""):
        # A quote that ends its own sentence ("….” He said …) is not attributed by the next sentence; a
        # question or an exclamation is ("“Why now?” Mr. Trump asked."), where the splitter cut after it.
        if ending == "." or k + 1 >= len(article.sentences) or "\n" in article.text[mark.close:article.sentences[k + 1][0]]:
            return None, None
        # the cue is within a few words, or after the apposition of a name that opens the next sentence
        # ("“…?” Ana Ortiz, the chair of the county's party, said")
        sentence_end, limit = article.sentences[k + 1][1], limit if _name_then_comma(article, i) else min(limit, i + 6)
    next_quote = article.next_quote_open(mark.close)
    hi = min(next_quote, max(sentence_end, mark.close + 1))
    first = _past_marks(article, i, limit)
    if first < limit and (article.word(first) in CONTRASTING or _and_another_subject(article, mark, first, limit)):
        return None, None  # "X told the paper “…” while Y said “…”", "Lee said the tour was “a costume drama,” and
        # the congresswoman fired back": the cue after opens another speaker's clause
    broken = ending in _BROKEN_OFF
    runs_on = ending in ",?!" or broken or article.text[mark.close + 1:mark.close + 2] == ","
    for j in range(i, limit):
        tok = article.tokens[j]
        if tok.start >= hi or tok.text in (".", "!", "?", ";") and not _shortening(article, j):
            break
        if not runs_on and article.word(j) in _SUBORDINATING and _cued_before(article, mark):
            return None, None  # "White said he was “blindsided” by it because Heller had agreed …": another clause's cue
        if is_cue(article, j) and (article.word(j) not in PARTICIPLE_CUES or perceived_from(article, j) is not None) \
                and not asked_clause(article, j):
            if runs_on and any(article.tokens[k].text == "," for k in range(first, j)):
                # "“…,” he pleaded at one point, as the pair continued to …": the speaker and verb right after the
                # quotation, before a clause whose cue is someone else's
                verb, subject = _speaker_and_verb_after(article, i, min(limit, i + 8), mark.close + 1, hi, broken)
                if verb is not None and verb < j:
                    return verb, subject
            return j, subject_near(article, j, mark.close + 1, hi)
    if runs_on and not _cued_before(article, mark):  # not "… said Monday that “putting aside the mental stuff,”
        # Gigante had suffered from …": words of the cue before, the verb after another clause's
        return _speaker_and_verb_after(article, i, min(limit, i + 8), mark.close + 1, hi, broken)
    return None, None


_SUBORDINATING = {"because", "although", "though", "since", "after", "before", "when", "while", "whereas", "unless"}


def _cued_before(article: ArticleText, mark: QuoteMarks) -> bool:
    """Whether a cue stands before the quotation in its own sentence ("White said he was “…”")."""
    lo = article.sentences[article.sentence_of(mark.start)][0]
    return first_cue(article, lo, mark.start) is not None


def _shortening(article: ArticleText, j: int) -> bool:
    """Whether the full stop at token j shortens a title or an initial before a name ("“…,” Lt. Ann Lee said"),
    ending no clause (not "the world No. 3 said", whose cue a reader finds by the paragraph)."""
    before = article.word(j - 1) if j > 0 else ""
    after = article.tokens[j + 1].text if j + 1 < len(article.tokens) else ""
    return article.tokens[j].text == "." and article.tokens[j].start == article.tokens[j - 1].end \
        and (before in ABBREVIATIONS or len(before) == 1 and before.isalpha()) and after[:1].isupper()


_SUBJECT_OPENERS = frozenset({"the", "a", "an", "he", "she", "they", "his", "her", "their", "its"})


def _and_another_subject(article: ArticleText, mark: QuoteMarks, at: int, limit: int) -> bool:
    """Whether a quoted fragment inside the writer's sentence is followed by "and" and a clause of another subject
    whose verb follows with no comma between ("Lee said the tour was “a costume drama,” and the congresswoman fired
    back"); not "“unworkable” and will cost jobs, the chamber said", where the writer's clause goes on to its cue,
    nor "“…,” and added", nor a quotation that opens its sentence ("“We will win,” and Lee said it twice")."""
    if article.word(at) != "and" or at + 1 >= limit:
        return False
    nxt = article.tokens[at + 1].text
    if nxt.lower() not in _SUBJECT_OPENERS and not (nxt[:1].isupper() and nxt.isalpha()):
        return False
    if not article.text[article.sentences[article.sentence_of(mark.open)][0]:mark.open].strip():
        return False
    for j in range(at + 1, limit):
        if article.tokens[j].text in (",", ".", ";", ":", "!", "?"):
            return False
        if is_cue(article, j) or finite_verb(article, j):
            return True
    return False


# Common verbs' own forms, auxiliaries left out, read as the verb after a quotation's speaker like a past in -ed
# ("“…,” Ms Gallagher began").
_COMMON_VERBS = VERB_FORMS - FINITE_AUXILIARIES
# The ends of words cut off mid-sentence ("“Let me just answer the point—” Ms Gallagher began."), and the verbs
# by which their speaker goes on after them: any other verb may be the one who cut them off ("Mr Mensah talked
# over her").
_BROKEN_OFF = ("—", "–", "-", "…")
_BREAKING_OFF = CUE_WORDS | {"began", "begins", "started", "starts", "ventured", "tried", "trailed", "stopped"}


def _name_then_comma(article: ArticleText, i: int) -> bool:
    """Whether the words from token i on (past quotation marks) open with a person's name, one the model found
    or two or three capitalised words it missed ("Will Estrada"), and a comma."""
    i = _past_marks(article, i, len(article.tokens))
    if i >= len(article.tokens):
        return False
    start = article.tokens[i].start
    named = article.first_mention_from(start, start + 1)
    if named is not None:
        return named.label == "PERSON" and article.text.startswith(",", named.end)
    run = _CAPITALISED_RUN.match(article.text, start)
    return run is not None and could_be_name(run.group(1).split())


_CAPITALISED_RUN = re.compile(r"((?:[A-Z][\w’'.-]*\s+){1,2}[A-Z][\w’'.-]*),")


def _past_marks(article: ArticleText, i: int, limit: int) -> int:
    """The first token from i on (before limit) that is no comma, dash or quotation mark."""
    while i < limit and (article.tokens[i].text in (",", "-", "—", "–") or article.tokens[i].text in QUOTE_TOKENS):
        i += 1
    return i


def _speaker_and_verb_after(article: ArticleText, i: int, limit: int, lo: int, hi: int,
                            broken: bool = False) -> tuple[int | None, Subject | None]:
    """“…,” Toomey fumed / “…,” remembered Roy Verley: a quotation that runs on into its sentence, then
    only a named speaker (or he, she; or a crier a noun names with a verb of crying out, "“No!” the crowd cried out")
    and one finite verb. Whatever the verb means ("fumed", "cracked",
    "gloated"), the words right after a quotation name who said it; the lexicon of cues need not know it."""
    i = _past_marks(article, i, limit)
    if i >= limit:
        return None, None
    if finite_verb(article, i):  # inverted: the verb, then the speaker
        after = noun_phrase_after(article, i + 1, hi)
        return (i, after) if after is not None and after.kind == "name" else (None, None)
    for j in range(i + 1, limit):
        if article.tokens[j].start >= hi or article.tokens[j].text in (".", ";", "!", "?", ":"):
            break
        if finite_verb(article, j) or article.tokens[j].text in _COMMON_VERBS:
            if broken and article.word(j) not in _BREAKING_OFF:
                return None, None
            before = noun_phrase_before(article, j, lo)  # past an adverb: "Mr Mensah eventually offered"
            titled = before.mention.title_start if before is not None and before.mention is not None else None
            starts_here = before is not None and not article.text[lo:before.start if titled is None else titled].strip(" ,-—–\n")
            crier = before is not None and before.kind in ("anonymous", "role") and article.word(j) in CRIES  # "the crowd cried"
            return (j, before) if starts_here and before is not None and (before.kind in ("name", "pronoun") or crier) \
                else (None, None)
    return None, None


def cue_before(article: ArticleText, mark: QuoteMarks) -> tuple[int | None, Subject | None]:
    """NAME said: “…” / Bullock said “…”: the last cue before the quote in its sentence, close to it."""
    lo = article.sentences[article.sentence_of(mark.open)][0]
    previous_close = article.last_quote_close(mark.open)
    lo = max(lo, previous_close + 1)
    j = article.token_at(mark.open) - 1
    while j >= 0 and article.tokens[j].end > mark.open - 1 and article.tokens[j].text in QUOTE_TOKENS:
        j -= 1  # the mark's own token: NYT's '' is one token that ends after the offset the words open at
    if j >= 0 and article.tokens[j].text == ":" and article.tokens[j].start >= lo:
        # "Kasich: ‘We are going all the way’", "… doesn't surprise pollster Daron Shaw: “…”": a person, a colon, the words.
        subject = noun_phrase_before(article, j, lo)
        if subject is not None and subject.kind in ("name", "pronoun") and not governed(article, subject, lo):
            return j, subject
    if j >= 1 and article.tokens[j].text in (":", ",") and article.tokens[j - 1].start >= lo and finite_verb(article, j - 1):
        # "Mr. Christie gloated: ‘…’", "Hillary Clinton cracked, ‘…’": a speaker and any finite verb right before.
        subject = passive_speaker(article, j - 1, mark.open) or noun_phrase_before(article, j - 1, lo)
        if subject is not None and governed(article, subject, lo):
            subject = apposed_speaker(article, j - 1, lo)  # "Mr. Frum, a former aide to Ruiz, wrote: “…”"
        if subject is not None and subject.kind in ("name", "pronoun"):
            return j - 1, subject
    steps, asked = 0, None
    while j >= 0 and article.tokens[j].start >= lo and steps < 14:
        if article.tokens[j].text in (".", "!", "?"):
            break
        if is_cue(article, j) and asked_clause(article, j) and asked is None:
            asked = j  # "Lynch told Congress when asked about it: “…”": the cue before the clause says who speaks
        elif is_cue(article, j) or naming_cue(article, j):
            return j, subject_near(article, j, lo, mark.open)
        j -= 1
        steps += 1
    if asked is not None:
        return asked, subject_near(article, asked, lo, mark.open)
    if len(article.text[mark.start:mark.end].split()) < _THAT_CLAUSE_WORDS:
        return None, None  # "wrote … that he had been named the most honest student in a class, “Perceptions 301”": a title
    that_cue = _cue_of_that_clause(article, min(j + 1, article.token_at(mark.open) - 1), lo)
    return (that_cue, subject_near(article, that_cue, lo, mark.open)) if that_cue is not None else (None, None)


_THAT_CLAUSE_WORDS = 3  # the fewest words a quotation takes a far cue's "that" clause for


def _cue_of_that_clause(article: ArticleText, j: int, lo: int) -> int | None:
    """The cue whose "that" clause the quotation lies in, further back than a cue is looked for beside it
    ("Meridian said in a statement that its final offer included a 14 percent raise over four years and was
    “generous …”"): a cue a few words before a "that" between the sentence's start and token j, with no sentence
    end between; None where there is none."""
    while j >= 0 and article.tokens[j].start >= lo and article.tokens[j].text not in (".", "!", "?"):
        if article.word(j) == "that":
            for k in range(j - 1, max(j - 6, -1), -1):
                if article.tokens[k].start < lo or article.tokens[k].text in (",", ";", ":"):
                    break
                if is_cue(article, k):
                    return k
        j -= 1
    return None
