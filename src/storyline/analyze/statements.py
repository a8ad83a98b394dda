"""Statements in one article: direct quotes (from their marks), each with its cue and the subject of
its cue, read from tags and named entities rather than a parse (see analyze.nlp for why); the cues and
noun phrases that reported speech (reported.py) shares. The article's reading is article_text.py's; who
the subject is, is speakers.py's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.analyze.article_text import ArticleText
from storyline.analyze.entities import ORG_WORDS
from storyline.analyze.participles import hangs_from_clause
from storyline.analyze.person_names import could_be_name, given_name_as_verb, person_beside
from storyline.analyze.places import is_country
from storyline.analyze.quote_marks import QUOTE_TOKENS, QuoteMarks
from storyline.analyze.titles import exclaimed, names_something, titled_in_sentence
from storyline.lang.en import (
    ADDRESSED_PASSIVES,
    ADDRESSING_CUES,
    ADVERBIALS,
    ANONYMOUS,
    ASKED_CLAUSE_OPENERS,
    BEFORE_PLURAL_NOUN,
    CONTRASTING,
    CUE_WORDS,
    DEFINITE,
    FINITE_AUXILIARIES,
    GOVERNING,
    GROUP_HEADS,
    HEAD_FOLLOWERS,
    HONORIFICS,
    INDEFINITE,
    KIN,
    MESSAGE_NOUNS,
    NAME_SUFFIXES,
    NAMING_CUES,
    NP_STOP,
    OTHER_PRONOUNS,
    PARTICIPLE_CUES,
    PASSIVE_AUXILIARIES,
    PERSON_OF,
    PERSON_ROLES,
    PHRASAL_CUES,
    PHRASE_LINKS,
    PLACE_PREPOSITIONS,
    PRONOUNS,
    SAYING_BEFORE_TO,
    UNNAMED,
    VERB_FORMS,
    WORDLIKE,
)
from storyline.model import Mention


@dataclass
class Subject:
    kind: str  # name | pronoun | role | anonymous | org | none
    start: int
    end: int
    surface: str
    mention: Mention | None = None


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
    for mark in (m for m in marks if not names_something(text, m)):  # a title or a term is nobody's statement
        if groups and groups[-1][-1].paragraph == mark.paragraph or (groups and groups[-1][-1].runs_on):
            previous = groups[-1][-1]
            between = text[previous.close + 1:mark.open]
            if previous.runs_on and not between.strip():
                groups[-1].append(mark)
                continue
            raw_end = text[previous.start:previous.close].rstrip()
            continues = (raw_end.endswith(",") or raw_end[-1:].isalnum()) and between.strip().endswith(",")
            if continues and len(between) < 150 and _first_cue(article, previous.close + 1, mark.open) is not None \
                    and not article.sentence_ends_between(previous.close + 1, mark.open):
                groups[-1].append(mark)
                continue
        groups.append([mark])
    statements = []
    for group in groups:
        first, last = group[0], group[-1]
        statement = Statement(position=first.open, direct=True, parts=[(m.start, m.end) for m in group],
                               paragraph=first.paragraph)
        cue, subject = None, None
        if len(group) > 1:
            cue = _first_cue(article, group[0].close + 1, group[1].open)
            if cue is not None:
                subject = _subject_near(article, cue, group[0].close + 1, group[1].open)
        if cue is None:
            cue, subject = _cue_after(article, last)
        if cue is None or subject is None or subject.kind == "none":
            before = _cue_before(article, first)
            if before[0] is not None and (cue is None or before[1] is not None):
                cue, subject = before
        if cue is not None:
            tok = article.tokens[cue]
            statement.cue = (tok.start, tok.end)
            statement.subject = subject
        words = sum(len(text[a:b].split()) for a, b in statement.parts)
        short = words < 4 and not exclaimed(text, *statement.parts[-1])  # "chants of “Lock her up!”" is said
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


def _first_cue(article: ArticleText, lo: int, hi: int) -> int | None:
    """The first cue word (or "according" of "according to") in text[lo:hi] outside quotes."""
    i = article.token_at(lo)
    while i < len(article.tokens) and article.tokens[i].start < hi:
        if is_cue(article, i) and not article.in_quote(article.tokens[i].start):
            return i
        i += 1
    return None


def is_cue(article: ArticleText, i: int) -> bool:
    word = article.word(i)
    if word == "according":
        return article.word(i + 1) == "to"
    if word in PHRASAL_CUES:  # "as Ridge put it", "Ruiz went on", "Varga shot back"
        return article.word(i + 1) == PHRASAL_CUES[word]
    if word == "read":  # "“…,” the email read", "read the statement", "it read:": a text's words, not a reader's act
        return (article.word(i - 1) in MESSAGE_NOUNS or article.word(i - 1) in ("it", "one")
                or article.word(i + 1) in DEFINITE and article.word(i + 2) in MESSAGE_NOUNS) \
            and (not article.tokens[i].tag or article.tokens[i].tag.startswith("VB"))
    if word not in CUE_WORDS:
        return False
    if article.word(i - 1) == "to" and article.word(i - 2) not in SAYING_BEFORE_TO:
        return False  # "declined to say", not "was prompted to say"
    if article.word(i - 1) in ("not", "n't", "never") or word.endswith("s") and \
            (article.word(i - 1) in BEFORE_PLURAL_NOUN or article.word(i - 1).isdigit()):
        return False  # "have not said"; "the eastern states that …", "50 states"
    tok = article.tokens[i]
    if tok.text[:1].isupper() and (named := article.mention_by_end.get(tok.end)) is not None \
            and named.start < tok.start and named.label != "PERSON":
        return False  # the last word of a name ("the United States", "Fox News Reports"), not a verb
    return not tok.tag or tok.tag.startswith("VB")


def _cue_after(article: ArticleText, mark: QuoteMarks) -> tuple[int | None, Subject | None]:
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
    if first < limit and article.word(first) in CONTRASTING:
        return None, None  # "X told the paper “…” while Y said “…”": the cue after opens another speaker's clause
    for j in range(i, limit):
        tok = article.tokens[j]
        if tok.start >= hi or tok.text in (".", "!", "?", ";"):
            break
        if is_cue(article, j) and article.word(j) not in PARTICIPLE_CUES and not _asked_clause(article, j):
            return j, _subject_near(article, j, mark.close + 1, hi)
    if ending in ",?!" or article.text[mark.close + 1:mark.close + 2] == ",":
        return _speaker_and_verb_after(article, i, min(limit, i + 8), mark.close + 1, hi)
    return None, None


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


def _asked_clause(article: ArticleText, j: int) -> bool:
    """Whether cue j is a passive clause of the speaker's ("“We'll see,” when asked whether …", "after being
    pressed"): it says when the words were said, not who said them."""
    return article.word(j) in ADDRESSED_PASSIVES and article.word(j - 1) in ASKED_CLAUSE_OPENERS


def _past_marks(article: ArticleText, i: int, limit: int) -> int:
    """The first token from i on (before limit) that is no comma, dash or quotation mark."""
    while i < limit and (article.tokens[i].text in (",", "-", "—", "–") or article.tokens[i].text in QUOTE_TOKENS):
        i += 1
    return i


def _finite_verb(article: ArticleText, j: int) -> bool:
    """A lowercase finite verb of the past or present ("fumed", "cracks"), auxiliaries left out. Without
    tags (the tagger is off by default), by its form: a past in -ed, or a present in -s that ends its
    clause ("says.", "writes,")."""
    tok = article.tokens[j]
    word = tok.text
    if not (word.isalpha() and word.islower()) or word in FINITE_AUXILIARIES:
        return False
    if tok.tag:
        return tok.tag in ("VBD", "VBZ")
    if word.endswith("ed") and len(word) > 4:
        return True
    return word.endswith("s") and not word.endswith("ss") and j + 1 < len(article.tokens) and \
        article.tokens[j + 1].text in (".", ",", ";", ":")


def verb_like(article: ArticleText, j: int) -> bool:
    """Whether token j reads as a finite verb: its tag when tagged, else a common verb's form ("took", "is") or
    a past in -ed."""
    tok = article.tokens[j]
    if tok.tag:
        return tok.tag in ("VBD", "VBZ", "VBP", "MD")
    return tok.text in VERB_FORMS or _finite_verb(article, j)


def _speaker_and_verb_after(article: ArticleText, i: int, limit: int, lo: int, hi: int) -> tuple[int | None, Subject | None]:
    """“…,” Toomey fumed / “…,” remembered Roy Verley: a quotation that runs on into its sentence, then
    only a named speaker (or he, she) and one finite verb. Whatever the verb means ("fumed", "cracked",
    "gloated"), the words right after a quotation name who said it; the lexicon of cues need not know it."""
    i = _past_marks(article, i, limit)
    if i >= limit:
        return None, None
    if _finite_verb(article, i):  # inverted: the verb, then the speaker
        after = noun_phrase_after(article, i + 1, hi)
        return (i, after) if after is not None and after.kind == "name" else (None, None)
    for j in range(i + 1, limit):
        if article.tokens[j].start >= hi or article.tokens[j].text in (".", ";", "!", "?", ":"):
            break
        if _finite_verb(article, j):
            before = noun_phrase_before(article, j, lo)
            starts_here = before is not None and not article.text[lo:before.start].strip(" ,-—–\n")
            return (j, before) if starts_here and before is not None and before.kind in ("name", "pronoun") else (None, None)
    return None, None


def _cue_before(article: ArticleText, mark: QuoteMarks) -> tuple[int | None, Subject | None]:
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
        if subject is not None and subject.kind in ("name", "pronoun") and not _governed(article, subject, lo):
            return j, subject
    if j >= 1 and article.tokens[j].text in (":", ",") and article.tokens[j - 1].start >= lo and _finite_verb(article, j - 1):
        # "Mr. Christie gloated: ‘…’", "Hillary Clinton cracked, ‘…’": a speaker and any finite verb right before.
        subject = _passive_speaker(article, j - 1, mark.open) or noun_phrase_before(article, j - 1, lo)
        if subject is not None and _governed(article, subject, lo):
            subject = _apposed_speaker(article, j - 1, lo)  # "Mr. Frum, a former aide to Ruiz, wrote: “…”"
        if subject is not None and subject.kind in ("name", "pronoun"):
            return j - 1, subject
    steps, asked = 0, None
    while j >= 0 and article.tokens[j].start >= lo and steps < 14:
        if article.tokens[j].text in (".", "!", "?"):
            break
        if is_cue(article, j) and _asked_clause(article, j) and asked is None:
            asked = j  # "Lynch told Congress when asked about it: “…”": the cue before the clause says who speaks
        elif is_cue(article, j) or _naming(article, j):
            return j, _subject_near(article, j, lo, mark.open)
        j -= 1
        steps += 1
    return (asked, _subject_near(article, asked, lo, mark.open)) if asked is not None else (None, None)


def _naming(article: ArticleText, i: int) -> bool:
    """A verb that gives the quotation after it as what its subject calls something ("Ruiz considers the
    deal “a first step”"), not a passive ("was called") nor "so-called"."""
    return article.word(i) in NAMING_CUES and article.word(i - 1) not in PASSIVE_AUXILIARIES | {"so", "-", "so-"}


def _apposed_speaker(article: ArticleText, cue: int, lo: int) -> Subject | None:
    """“…,” Cecelia Marsh, 67, a retired clerk in Allentown, Pa., said / Nate Ruiz, the pollster who
    founded the site, tweeted: a person opening the clause (or after its opening phrase), a comma, then an
    apposition of any shape up to the cue, where no other person heads a clause. The apposition's places,
    bodies and people after a preposition ("a former adviser to Scott Walker") do not speak."""
    cue_start = article.tokens[cue].start
    # the clause may follow an opening phrase: "In a post on Sunday, Mr. Frum, a former aide, wrote:"
    m = None
    first_comma = article.text.find(", ", lo, cue_start)
    for start in [lo] if first_comma < 0 else [lo, first_comma + 2]:
        m = article.first_mention_from(start, cue_start)
        lead = article.text[start:m.start if m.title_start is None else m.title_start].strip(" ,\n\"'“”‘’-—–") \
            if m is not None else ""
        if m is not None and m.label == "PERSON" and (not lead or lead.lower() in ("as", "when", "while")) \
                and not any(x.label == "PERSON" for x in article.mentions_within(lo, start)):
            break
        m = None
    if m is None:
        return None
    i = article.token_at(m.end)
    if i >= cue or cue - i > 30 or article.tokens[i].text != "," or article.tokens[i].start != m.end:
        return None
    if any(x.label == "PERSON" and not _governed(article, subject_from_mention(article, x), m.end)
           and not after_place(article, article.token_at(x.start) - 1, x)
           for x in article.mentions_within(m.end, cue_start)):
        return None  # another person heads a clause there; one after "to", "for", "under" is the apposition's
    return subject_from_mention(article, m)


# a clause opening with a role ("One pastor supporting Mr. Ruiz,", "His longtime friend,") up to its first comma
_ROLE_BEFORE_NAME = re.compile(r"(?:One|A|An|Another|The|His|Her|Their)\s+(?:[\w-]+\s+){0,2}?(?:%s)\b[^,]*,$"
                               % "|".join(sorted(PERSON_ROLES | KIN)))


def preposition_before(article: ArticleText, start: int, lo: int, prepositions: set[str] | frozenset[str],
                       adjacent: bool = True) -> int | None:
    """The token of the preposition whose object the name starting at start is ("a spokesman for Ann Lee",
    "said of Mr. Rubio", "the wife of the late Piet Varga"), within text[lo:start]; None where there is none.

    The one home of the rule that a name after a preposition does not speak. With adjacent, only the word
    right before the name counts (articles passed over); else any word back to a comma ("his friend at
    college, Piet Varga" is no object of "at")."""
    k = article.token_at(start) - 1
    while k >= 0 and article.tokens[k].start >= lo:
        word = article.word(k)
        if word in prepositions:
            return k
        if word == "," or adjacent and word not in ("the", "a", "an"):
            return None
        k -= 1
    return None


def _governed(article: ArticleText, subject: Subject, lo: int) -> bool:
    """Whether a noun phrase is the object of a preposition or of a cue ("said of Mr. Rubio:", "said on
    Twitter:"), not the one who speaks."""
    titled = subject.mention.title_start if subject.mention is not None else None
    if preposition_before(article, subject.start if titled is None else titled, lo, GOVERNING) is not None:
        return True
    k = _word_before(article, subject, lo)
    return k is not None and is_cue(article, k)


def _word_before(article: ArticleText, subject: Subject, lo: int) -> int | None:
    """The token before a noun phrase (its title included) and any article before it, within the text
    from lo; None at lo."""
    titled = subject.mention.title_start if subject.mention is not None else None
    k = article.token_at(subject.start if titled is None else titled) - 1
    while k >= 0 and article.tokens[k].start >= lo and article.word(k) in ("the", "a", "an"):
        k -= 1
    return k if k >= 0 and article.tokens[k].start >= lo else None


def _passive_speaker(article: ArticleText, cue: int, hi: int) -> Subject | None:
    """The speaker of a passive cue: the agent after "by" ("Larsen was asked by host Ann Lee, “…”"), or nobody
    named where the one addressed is the subject ("Trump was asked, “…”"); None when the cue is not passive."""
    if article.word(cue - 1) not in PASSIVE_AUXILIARIES:
        return None
    if article.word(cue + 1) == "by":
        agent = noun_phrase_after(article, cue + 2, hi)
        if agent is not None and agent.kind in ("name", "pronoun", "role"):
            return agent
    if article.word(cue) in ADDRESSED_PASSIVES:
        tok = article.tokens[cue]
        return Subject("anonymous", tok.start, tok.end, tok.text)
    return None


def speaker_before(article: ArticleText, cue: int, lo: int) -> Subject | None:
    """The subject that stands before a cue: the noun phrase right before it, unless that is no person of
    its own (a body, a description, a name after "for" or "to") and a person opens the clause with an
    apposition that runs to the cue ("Chris Covert, state director for Ruiz, said"): then that person."""
    before = noun_phrase_before(article, cue, lo)
    if before is not None and before.kind == "name" and _RELATIVE.match(article.text, before.end, article.tokens[cue].start):
        return before  # "the loss was steep for Mr. Sanders, who said …": the relative clause is his, governed or not
    if before is None or before.kind in ("none", "org", "anonymous", "role") or _governed(article, before, lo) or \
            (before.mention is not None and before.mention.label != "PERSON"):
        apposed = _apposed_speaker(article, cue, lo)
        if apposed is not None:
            return apposed
        if before is not None and before.kind in ("name", "org") and _object_of_a_noun(article, before, lo):
            # "a spokesman for Lena Okafor said", "a source speaking to Fox News said": the one who speaks is the
            # phrase the name ends, not the name
            return Subject("anonymous", before.start, before.end, before.surface)
    return before


def _object_of_a_noun(article: ArticleText, subject: Subject, lo: int) -> bool:
    """Whether a name is the object of a noun's preposition ("a spokesman for Lena Okafor", "an aide to
    Okafor", "a friend of the senator's", "a source speaking to Fox News"), as against a clause's subject after a conjunction ("after Mr.
    Trump had said")."""
    titled = subject.mention.title_start if subject.mention is not None else None
    k = preposition_before(article, subject.start if titled is None else titled, lo, _NOUN_PREPOSITIONS)
    if k is None or k < 1 or article.tokens[k - 1].start < lo:
        return False
    noun = article.tokens[k - 1]
    if noun.tag == "VBG" and k >= 2 and article.tokens[k - 2].start >= lo:
        noun = article.tokens[k - 2]  # "a source speaking to Fox News": the noun the participle follows
        return noun.text.isalpha() and noun.text.islower() and noun.tag in ("NN", "NNS")
    return noun.text.isalpha() and noun.text.islower() and noun.tag in ("NN", "NNS", "") \
        and not verb_like(article, k - 1)


_NOUN_PREPOSITIONS = frozenset({"for", "to", "of"})


def _subject_near(article: ArticleText, cue: int, lo: int, hi: int) -> Subject | None:
    """The subject of a cue: the noun phrase before it, or after it when inverted ("said the minister")."""
    if article.word(cue) == "according":
        return noun_phrase_after(article, cue + 2, hi)
    passive = _passive_speaker(article, cue, hi)
    if passive is not None:
        return passive
    if hangs_from_clause(article, cue):
        return Subject("inherit", article.tokens[cue].start, article.tokens[cue].end, "")
    if cue >= 2 and article.word(cue - 1) == "to" and article.word(cue - 2) in SAYING_BEFORE_TO:
        cue -= 2  # "Mr. Trump was prompted to say": the one prompted says it
    before = speaker_before(article, cue, lo)
    if before is not None and participle_object(article, cue, before, lo):
        return Subject("inherit", before.start, before.end, "")  # "issued a statement saying": the sentence subject's
    if before is not None and before.kind != "none":
        return before
    if article.word(cue).endswith("ing") or article.word(cue) in ADDRESSING_CUES:
        return before  # "…, telling reporters", "but told his supporters": whom a cue addresses never speaks
    particle = PHRASAL_CUES.get(article.word(cue)) == article.word(cue + 1)  # "put it", "went on": no one after it
    after = noun_phrase_after(article, cue + 1 + particle, hi)
    if after is not None and after.kind != "none":
        return after
    return before or after


def participle_object(article: ArticleText, cue: int, phrase: Subject, lo: int) -> bool:
    """Whether the noun phrase before a participle cue is the object of a verb ("emailed supporters saying",
    "issued a statement saying"), so that the cue speaks for the sentence's subject; without tags the phrase
    may have run back over that verb, so a verb inside it counts too."""
    if phrase.kind not in ("anonymous", "org") or not article.word(cue).endswith("ing"):
        return False
    last = article.token_at(phrase.end) - 1
    first = article.token_at(phrase.start) - 1
    return any(verb_like(article, k) for k in range(max(first, 0), last) if article.tokens[k].start >= lo)


def np_token(article: ArticleText, i: int, prepositions: bool = False) -> bool:
    """Whether token i can be part of a subject noun phrase; prepositions ("residents of streets near …") optionally."""
    tok = article.tokens[i]
    word = tok.text.lower()
    if word in NP_STOP and not (word == "of" or prepositions and word in PHRASE_LINKS):
        return False
    if given_name_as_verb(article.tokens, i):
        return True
    if tok.tag:
        if tok.tag == "IN":
            return word == "of" or prepositions and word in PHRASE_LINKS
        return tok.tag in ("DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$", "CD", "HYPH", "VBN",
                           "VBG", "NNPS")
    return bool(WORDLIKE.match(word)) and word not in VERB_FORMS


def noun_phrase_before(article: ArticleText, cue: int, lo: int) -> Subject | None:
    j = cue - 1
    while j >= 0 and article.tokens[j].start >= lo and (article.word(j) in ADVERBIALS or article.word(j).endswith("ly")
                                                         and article.tokens[j].tag in ("RB", "")
                                                         and article.tokens[j].text.islower()):  # not "Kelly"
        j -= 1
    if j < 0 or article.tokens[j].start < lo:
        return None
    j = _before_brackets(article, j, lo)  # "Sen. Marco Rubio (R-Fla.) said": a party and a state in brackets
    if article.word(j) == "who":
        antecedent = _relative_antecedent(article, j, lo)
        if antecedent is not None:
            return antecedent
    if article.word(j) in ("and", "but", "then") and article.tokens[j - 1].text != ",":
        tok = article.tokens[j]  # "… met Vance on Friday but said afterwards …": the sentence's subject
        return Subject("inherit", tok.start, tok.end, "")
    if article.tokens[j].text == ",":  # "Rosa Huamán, head of the civil defence office, told …"
        k = j - 1
        while k >= 0 and article.tokens[k].start >= lo and article.tokens[k].text not in _APPOSITION_END:
            k -= 1  # not at a full stop: "a former director of the A.F.L.-C.I.O., wrote"
        if k < 0 or article.tokens[k].start < lo or article.tokens[k].text != ",":
            return None
        # "The trust’s chief executive, Paul D’Souza, said": the apposition is the name.
        # "Seth McKee, a political scientist at Texas Tech University, told": the name before it.
        appositive = article.mention_by_end.get(article.tokens[j - 1].end)
        if appositive is not None and appositive.start > article.tokens[k].start and _named_person(article, appositive) \
                and _opens_apposition(article, k, appositive):
            return subject_from_mention(article, appositive)
        # "One pastor backing Mr. Ruiz, Dan Oduya of Grace Church, said": the clause opens with a role, the name
        # set beside it speaks, not a name the role's phrase governs
        named = article.first_mention_from(article.tokens[k].end, article.tokens[j].start)
        if named is not None and _named_person(article, named) and _opens_apposition(article, k, named) \
                and _ROLE_BEFORE_NAME.match(article.text, lo, article.tokens[k].end):
            return subject_from_mention(article, named)
        j = _before_brackets(article, k - 1, lo)  # "Rep. Sander M. Levin (Mich.), a superdelegate …, said"
        if j < 0 or article.tokens[j].start < lo:
            return None
    return _classify_ending_at(article, j, lo)


_RELATIVE = re.compile(r",?\s*who\b")


def _relative_antecedent(article: ArticleText, who: int, lo: int) -> Subject | None:
    """The person a "who" before a cue stands for: the name right before it, a comma between or not ("the radio
    host Charlie Sykes, who lamented …", "a tweet from Ann Lee who wrote"); None where no person's name ends
    there ("a gynecologist from Englewood, New Jersey, who said")."""
    k = who - 1
    if k >= 0 and article.tokens[k].text == ",":
        k -= 1
    mention = article.mention_by_end.get(article.tokens[k].end) if k >= 0 and article.tokens[k].start >= lo else None
    if mention is None or not _named_person(article, mention) or mention.label == "GPE":
        return None
    comma = article.token_at(mention.start) - 1
    if comma > 1 and article.tokens[comma].text == "," and (after_place(article, comma, mention)
                                                            or article.word(comma - 2) in PLACE_PREPOSITIONS):
        return None  # "a gynecologist from Englewood, New Jersey, who said": a place's state
    return subject_from_mention(article, mention)


def _before_brackets(article: ArticleText, j: int, lo: int) -> int:
    """The token before a short bracket that token j closes ("Sen. Marco Rubio (R-Fla.)"), else j."""
    if j < 0 or article.tokens[j].text != ")":
        return j
    k = j - 1
    while k > 0 and j - k < 8 and article.tokens[k].start >= lo and article.tokens[k].text != "(":
        k -= 1
    return k - 1 if k > 0 and article.tokens[k].text == "(" and article.tokens[k - 1].start >= lo else j


def after_place(article: ArticleText, comma: int, mention: Mention) -> bool:
    """Whether a mention after the comma at token comma is the state or country of a place before it
    ("Monsey, New York"): a place by its label or by the label of its other mentions, whatever the model
    labelled it here; not "In Iowa, Trump …"."""
    place = article.mention_by_end.get(article.tokens[comma - 1].end) if comma > 0 else None
    return place is not None and place.label in ("GPE", "LOC") and (
        mention.label in ("GPE", "LOC") or any(m.text == mention.text and m.label in ("GPE", "LOC") for m in article.mentions))


def _opens_apposition(article: ArticleText, comma: int, mention: Mention) -> bool:
    """Whether a name after a comma is the whole apposition ("The trust’s chief executive, Paul D’Souza,"),
    titles and capitalised words before it allowed, not the end of a longer one ("…, a superdelegate
    supporting Clinton,", "…, a philanthropist from Monsey, New York,")."""
    if after_place(article, comma, mention):
        return False  # "from Monsey, New York,": a town and its state
    start = mention.title_start if mention.title_start is not None else mention.start
    between = article.text[article.tokens[comma].end:start].split()
    return all(w[:1].isupper() or w in ("former", "the") for w in between)


_APPOSITION_END = {","} | QUOTE_TOKENS - {"'", "’"}


def _classify_ending_at(article: ArticleText, j: int, lo: int) -> Subject | None:
    if article.word(j) in NAME_SUFFIXES and j > 0 and article.tokens[j - 1].start >= lo:
        j -= 2 if article.word(j - 1) == "," else 1  # "James B. Comey Jr.", "John Doe, Jr."
    tok = article.tokens[j]
    word = tok.text.lower()
    if word in PRONOUNS or word in OTHER_PRONOUNS:
        return Subject("pronoun" if word in PRONOUNS else "anonymous", tok.start, tok.end, tok.text)
    mention = article.mention_by_end.get(tok.end)
    if mention is not None and mention.start >= lo:
        mention = _person_of_place(article, mention, lo) or mention
        subject = subject_from_mention(article, mention)
        if subject.kind == "name" or not _modified(article, mention, lo):
            return subject
    if not np_token(article, j):
        return Subject("none", tok.start, tok.end, tok.text)
    k = j
    while k - 1 >= 0 and article.tokens[k - 1].start >= lo and j - k < 11 and np_token(article, k - 1, True):
        k -= 1
    # "even a top aide", not the "Will" of "Will Estrada"
    while k < j and (article.word(k) in PHRASE_LINKS or article.word(k) in ADVERBIALS and not given_name_as_verb(article.tokens, k)):
        k += 1
    return classify_phrase(article, k, j)


def _person_of_place(article: ArticleText, mention: Mention, lo: int) -> Mention | None:
    """"Senator Jane Roe of Ohio", "Piet Varga from the Norrvik delegation", "Ana Ortiz of the Council of
    Lima": the person the place or body follows with of/from, not the place, across a chain of bodies and
    places each joined by of/from (a person's name does not run on over "of <body>")."""
    if mention.label == "PERSON":
        return None
    i = article.token_at(mention.start) - 1
    for _ in range(4):
        if article.word(i) == "the":
            i -= 1
        if i < 1 or article.word(i) not in PERSON_OF or article.tokens[i - 1].start < lo:
            return None
        # the model can take the "of" into the body before it ("Armenian Patriarchate of")
        before = article.mention_by_end.get(article.tokens[i].end) or article.mention_by_end.get(article.tokens[i - 1].end)
        if before is None or before.start < lo:
            return None
        if before.label == "PERSON":
            return before
        i = article.token_at(before.start) - 1
    return None


def _modified(article: ArticleText, mention: Mention, lo: int) -> bool:
    """An organisation named inside a longer phrase ("the county fire service", "workers at the Port") is not
    the speaker itself."""
    i = article.token_at(mention.start) - 1
    if i >= 0 and article.word(i) == "the":
        i -= 1
    if i < 0 or article.tokens[i].start < lo:
        return False
    return article.word(i) != "," and (np_token(article, i) or article.tokens[i].tag == "IN"
                                       or article.word(i) in PHRASE_LINKS)


def noun_phrase_after(article: ArticleText, i: int, hi: int) -> Subject | None:
    if i >= len(article.tokens) or article.tokens[i].start >= hi:
        return None
    word = article.word(i)
    if word in PRONOUNS:
        tok = article.tokens[i]
        return Subject("pronoun", tok.start, tok.end, tok.text)
    titled = _titled_person_after(article, i, hi)
    if titled is not None:
        return titled
    person = article.first_mention_from(article.tokens[i].start, article.tokens[i].end)
    if person is not None and person.label == "PERSON":
        # "said Will Doyle, a professor": a name whose first word reads as a verb ("Will", "May") is the
        # name, where the phrase ends with it ("said Cruz constituent Dan Golvach" goes on to its head)
        after = article.token_at(person.end)
        if after >= len(article.tokens) or article.tokens[after].start >= hi or not np_token(article, after):
            return subject_from_mention(article, person)
    j = i
    while j + 1 < len(article.tokens) and article.tokens[j + 1].start < hi and j - i < 9 and np_token(article, j + 1):
        j += 1
    if not np_token(article, i):
        return None
    # The mention ending last in the phrase, a person first ("the Governor of the bank Adrian Orr").
    inside = article.mentions_within(article.tokens[i].start, article.tokens[j].end)
    people = [m for m in inside if m.label == "PERSON"] or [m for m in inside if _named_person(article, m)]
    # A name that only qualifies the phrase's noun ("one Trump confidant", "the Clinton campaign") is
    # not the one speaking: the phrase is, and it names no one.
    heads = [m for m in people if m.end == article.tokens[j].end or article.text[m.end:m.end + 1] in (",", "(")
             or article.word(article.token_at(m.end)) in HEAD_FOLLOWERS
             or _finite_verb(article, article.token_at(m.end))]  # "from Commissioner Ann Lee appeared": read past the verb
    if heads:
        return subject_from_mention(article, heads[-1])
    if people and not article.tokens[j].text[:1].islower():
        return subject_from_mention(article, people[-1])
    # "said the regional organiser of the union, Adaeze Okafor": the name in apposition, a short phrase of place
    # between allowed ("said his best friend at college, Bruce Tan")
    k = j
    if not inside and article.word(j + 1) in PHRASE_LINKS:
        k = j + 1
        while k + 1 < len(article.tokens) and k - j < 5 and article.tokens[k + 1].start < hi and np_token(article, k + 1):
            k += 1
    if k + 2 < len(article.tokens) and article.tokens[k + 1].text == ",":
        after = article.tokens[k + 2].start
        appositive = article.first_mention_from(after, after + 1)
        if appositive is not None and person_like(article, appositive):
            return subject_from_mention(article, appositive)
    if len(inside) == 1 and inside[0].start <= article.tokens[i].start + 4 and inside[0].end == article.tokens[j].end:
        return subject_from_mention(article, inside[0])
    return classify_phrase(article, i, j)


def _titled_person_after(article: ArticleText, i: int, hi: int) -> Subject | None:
    """"said Rev. Kyev Tatum, then senior pastor …", "said retired Army Lt. Gen. Mick Bednarek, who …", "said
    Oversight ranking Democrat Elijah Cummings (D-Md.)": a person named within a few words after the cue, titles
    with full stops and qualifiers before the name, the name ending the phrase (a comma, a bracket, the end)."""
    lo = article.tokens[i].start
    reach = article.tokens[min(i + 5, len(article.tokens) - 1)].end
    for m in article.mentions_within(lo, min(hi, reach + 40)):
        start = m.title_start if m.title_start is not None else m.start
        if m.label != "PERSON" or start > reach or m.end > hi:
            continue
        between = article.text[lo:start]
        if any(c in between for c in ",;:“”\"") or article.text[m.end:m.end + 2].strip()[:1] not in (",", "(", ".", "") \
                or any(w.lower() in GOVERNING or w.lower() in INDEFINITE for w in between.split()):
            return None  # not "said a longtime adviser to Trump": the adviser speaks, unnamed
        return subject_from_mention(article, m)
    return None


def person_like(article: ArticleText, mention: Mention) -> bool:
    if mention.label == "PERSON":
        return True
    words = mention.text.split()
    elsewhere = article.other_starts.get(mention.text, set())
    return mention.label in ("GPE", "ORG") and len(words) >= 2 and all(w[:1].isupper() for w in words) and \
        not set(words) & ORG_WORDS and not (len(elsewhere) > 1 or (elsewhere and mention.start not in elsewhere)) \
        and not is_country(mention.text) and could_be_name(words)


def _named_person(article: ArticleText, mention: Mention) -> bool:
    """A person, or a name the model took for a place or body that has no word of one ("Paul D’Souza", not
    "Texas Tech University" or "New York")."""
    return mention.label == "PERSON" or (person_like(article, mention) and mention.label != "GPE"
                                         and not set(mention.text.split()) & ORG_WORDS)


def subject_from_mention(article: ArticleText, mention: Mention) -> Subject:
    kind = "name" if person_like(article, mention) else "org"
    return Subject(kind, mention.start, mention.end, mention.text, mention)


def classify_phrase(article: ArticleText, k: int, j: int) -> Subject:
    """A noun phrase without a name: anonymous ("an official", "the company"), a role ("the minister") or nothing."""
    start, end = article.tokens[k].start, article.tokens[j].end
    surface = article.text[start:end]
    first = article.word(k)
    head_index = j
    for x in range(k, j + 1):  # the head comes before any "of"/"near" ("the head of American diplomacy")
        if article.word(x) in PHRASE_LINKS:
            head_index = x - 1
            break
    while head_index > k and (article.tokens[head_index].tag in ("VBN", "VBG", "POS", "CD")
                              or article.word(head_index) in ("’s", "'s")):
        head_index -= 1
    head_tok = article.tokens[head_index]
    head = head_tok.text.lower()
    titled = j == k + 1 and article.word(k).rstrip(".") in HONORIFICS  # "Dr. Ward stated:"
    known = article.surnames.get(head_tok.text) if k == j or titled else None
    if known is not None and known.start < start:
        return Subject("name", start, end, surface, known)
    if (k == j or titled) and bare_name(article, j):
        return Subject("name", start, end, surface)
    plural = head_tok.tag in ("NNS", "NNPS") or (not head_tok.tag and head.endswith("s") and not head.endswith("ss"))
    if first in INDEFINITE or head in ANONYMOUS or head in GROUP_HEADS or plural:
        return Subject("anonymous", start, end, surface)
    if first in DEFINITE or article.tokens[k].text.lower().endswith(("’s", "'s")):
        return Subject("role", start, end, surface)
    run = j  # a name the model missed: the phrase ends in two or more capitalised words ("fire chief Dolores Whitlock")
    while run - 1 >= k and article.tokens[run - 1].text[:1].isupper() and article.tokens[run - 1].tag in ("NNP", "") \
            and article.word(run - 1) not in DEFINITE:
        run -= 1
    names = [article.tokens[x].text for x in range(run, j + 1)]
    if j - run >= 1 and all(w[:1].isupper() for w in names) and not set(names) & ORG_WORDS and \
            article.tokens[j].tag in ("NNP", ""):
        start_name = article.tokens[run].start
        if could_be_name(names):
            return Subject("name", start_name, end, article.text[start_name:end])
        beside = person_beside(article.text, article.people, start_name, end)  # "Pennsylvania Gov. and … Ed Rendell"
        return subject_from_mention(article, beside) if beside is not None else Subject("none", start, end, surface)
    if head.isalpha() and not head_tok.text[:1].isupper():
        return Subject("role", start, end, surface)
    return Subject("none", start, end, surface)


def bare_name(article: ArticleText, i: int) -> bool:
    """A lone capitalised word before a cue that the model did not take for anyone ("“…,” O’Fallon said",
    "Varnholt added,", "Dr. Varnholt stated:"): a name when it stands alone (after a mark, an honorific or
    opening its sentence, not "his Twitter followers"), the article never writes it in lower case, and it
    is no word of a group, a pronoun or a plural ("Officials", "Others", "Everyone", "Democrats")."""
    tok = article.tokens[i]
    word = tok.text.lower()
    before = article.tokens[i - 1] if i > 0 else None
    if before is not None and any(ch.isalnum() for ch in before.text) and "\n" not in article.text[before.end:tok.start] \
            and before.text.lower().rstrip(".") not in HONORIFICS:
        return False
    if not tok.text[:1].isupper() or tok.tag not in ("NNP", "") or not WORDLIKE.match(word) or len(word) < 3:
        return False
    if word in ANONYMOUS or word in GROUP_HEADS or word in INDEFINITE or word in DEFINITE or word in PRONOUNS \
            or word in OTHER_PRONOUNS or word in UNNAMED or tok.text in ORG_WORDS or word.endswith("s"):
        return False
    if article.mentions_within(tok.start, tok.end):
        return False  # a place or body the model named
    return re.search(rf"(?<![\w’']){re.escape(word)}(?![\w’'])", article.text) is None
