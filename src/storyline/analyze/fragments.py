"""Quoted fragments: words in quotation marks that are only part of a sentence the writer words.

"Khalif said Trump is a “racist bigot” who won't win votes", "Trump's plan may be “strategic,” said Ann
Lee", "Obama said “it gets me mad” every time …": the marks show which words are the speaker's, but the
sentence is the writer's report of what was said, so a reader takes it as reported speech, not as a
quotation the speaker spoke whole. Such a statement keeps its speaker and cue and becomes reported
(``direct`` false), its words the reported clause with the quoted fragment in it, marks and all. A
quotation stays direct where nothing but its cue and the cue's punctuation comes before its mark in its
sentence ("Ruiz said, “…”", "“…,” Ruiz said") or the cue right before it ("she says “we worked hard”"),
unless the writer's sentence goes on past its closing mark and, with nothing before the mark, the quoted words
open in lower case ("“We are happy” about the vote, said …" opens a sentence of the speaker's); after a word of
crying out ("chanting", "to chants of"), whatever goes on around it. Quoted words opening in lower case after a
comma that ends a clause of the writer's ("said that whatever voters choose, “they should …”") go on that clause
and are a fragment of it. A quotation also stays direct where the words before it are a headline's
run into the text it heads: all in capitals, or all capitalised with the quotation's cue after it (a quotation
in a title-case headline's own clause, "Hollande Says Trump ‘Makes You Want To Retch’", is a fragment of
it); and inside another quotation. A quotation with no cue of its own, or after a verb of
naming (NAMING_CUES), is a fragment only where the word right before its mark binds it into the writer's
clause ("the plan was “a disaster”", "called it “a disaster”", "the board’s “…”", BINDING_WORDS and
BINDING_ENDINGS; "and" where the word before it is the writer's: "cut two crossings and “…”"), or, after a verb of
naming, where the quoted words open in lower case ("called the deal “a first step”": no sentence of the
speaker's, but the name the writer's sentence gives the deal), unless the writer names the thing by the
speaker's words ("what Gilbert called “a perception problem”"); with no cue, also where the writer's
sentence goes on past the closing mark ("heard “more than a few” in the crowd shout"; in a title-case headline,
with a capitalised word: "Mayor: ‘Not Yet’ Time To Close The Quay") or where a name of the sentence, in the
quotation's line, stands right before it as its subject ("found that Ortiz “never read the file”"); after a verb or a
noun, with no verb of naming, the quoted words stand whole, what someone said ("welcomed “…”"), as
PolNeAR's annotators mostly take them (docs/attribution.md has the measure). Quoted words that open in lower case
with a word no sentence of the speaker's opens with, going on a clause the writer began outside the marks (an
auxiliary, a relative or subordinating word, a preposition: 'the delegates “should vote …”', 'candidates “who
embody …”', 'a campaign “of hatred …”'), are a fragment whatever stands before them, unless they stand right by
their cue ("he said, “is like …”"), where the speaker's words go on. Quoted words opening in lower case right after
a verb of thinking ("she believes “the ferry will run …”", THINKING_VERBS) are the thought the writer reports. A
quotation after its cue's "that" and a phrase of the writer's closed by a comma finishes that clause, whatever its case
("said that once the levy is gone, “I will …”").
"""

from __future__ import annotations

import heapq
import re
from dataclasses import replace

from storyline.analyze.article_text import ArticleText
from storyline.analyze.cue_words import is_cue, names_something
from storyline.analyze.quote_marks import QUOTE_CHARS, QUOTE_TOKENS, trim_quoted
from storyline.analyze.statements import Statement
from storyline.lang.en import (
    BINDING_ENDINGS,
    BINDING_WORDS,
    CONTINUING_WORDS,
    CRIES,
    CUE_WORDS,
    JOINING_WORDS,
    SPOKEN_TO_CUES,
    THINKING_VERBS,
    TITLE_SMALL_WORDS,
)
from storyline.lang.en_naming import NAMING_CUES

# words after a closing mark that go on with the cue or another quotation, not with the writer's sentence
_JOINING = {"he", "she", "they", "it", "we", "i", "you", "the", "and", "or", "but", "as"}
_WORD = re.compile(r"[^\W_][\w’'-]*")  # a word as the fragment rules count them
_DOUBLE_MARKS = re.compile(r"[\"“”]|''")


def report_fragments(article: ArticleText, statements: list[Statement]) -> list[Statement]:
    """The statements with every quoted fragment of a reported sentence made reported speech; a quotation that
    lies in such a clause ("a “disaster” and “a joke to everyone”") is already in it, so is dropped."""
    seen: set[tuple[int, int]] = set()
    reaching: list[tuple[int, int]] = []  # a heap of the clauses by end, those ending before a statement gone
    in_order = all(a.position <= b.position for a, b in zip(statements, statements[1:]))
    out = []
    for n, statement in enumerate(statements):
        if statement.direct and _in_clause(statement.position, statement.parts[-1][1], reaching, seen, in_order):
            continue  # "said the levy was “a tax” and “a gift to the ferry company”": the second is in the clause
        if not (statement.direct and quoted_fragment(article, statement)):
            out.append(statement)
            continue
        rest = statement.parts[1:]
        clause = _reported_clause(article, statement, statement.parts[0] if rest else statement.parts[-1])
        following = statements[n + 1] if n + 1 < len(statements) else None
        if following is not None and following.cue not in (None, statement.cue) and clause[0] < following.position < clause[1]:
            # "A told the paper there was “…” while B said “…”": the clause ends where the next statement's begins
            subject = following.subject
            stop = subject.start if subject is not None and clause[0] < subject.start < following.position \
                else following.position
            cut = re.search(r"[,;]?\s*(?:and|but|while|whereas)?\s*$", article.text[clause[0]:stop])
            clause = trim_quoted(article.text, clause[0], clause[0] + cut.start() if cut else stop)
        if rest:  # "Remarking on her “empathy,” Starr said, “Leave aside …”": the quotation after the cue stays whole
            out.append(replace(statement, parts=rest, position=_opening(article, rest[0])))
        if clause not in seen:
            seen.add(clause)
            heapq.heappush(reaching, (clause[1], clause[0]))
            statement.parts = [clause]
            statement.direct = False
            out.append(statement)
    return sorted(out, key=lambda s: s.position)


def _in_clause(position: int, end: int, reaching: list[tuple[int, int]], seen: set[tuple[int, int]],
               in_order: bool) -> bool:
    """Whether a quotation opening at position and closing at end lies in a clause already reported. With the
    statements in order (as find_quotes gives them), a clause that ends before one opens holds none after it
    and leaves the heap (reaching, by end): a look at the clauses still open, not a scan of every clause of
    the article, which a long article made cost quotations x clauses."""
    if not in_order or end < position:  # no quotation closes before it opens; were one to, every clause is asked
        return any(a <= position and end <= b for a, b in seen)
    while reaching and reaching[0][0] < position:
        heapq.heappop(reaching)
    return any(a <= position and end <= b for b, a in reaching)


def quoted_fragment(article: ArticleText, statement: Statement) -> bool:
    """Whether a direct statement's quotation opens inside the writer's sentence.

    With a cue of its own: a word of the sentence right before its opening mark, that word no cue of its own
    and the sentence no headline. With no cue: only where the word right before the mark binds the quoted
    words into the writer's clause (BINDING_WORDS: "the plan was “a disaster”"), or where the sentence goes on
    past the closing mark with a word of its own; after a verb or a noun they otherwise stand whole, as what
    someone said ("welcomed “…”"). After a verb of naming, also: where the word before binds
    ("called it “a disaster”") or the quoted words open in lower case ("called the plan “a disaster”"), not
    where they open a sentence of their own ("called the plan “A fantasy for tourists”"). With or without a cue,
    where the quoted words go on the writer's clause (_goes_on_writers_clause)."""
    text = article.text
    opening = statement.position
    paragraph = article.paragraphs[article.paragraph_of(opening)][0]
    if any(a < opening < b for a, b in article.quoted_near(opening, opening + 1)) or \
            len(_DOUBLE_MARKS.findall(text, paragraph, opening)) % 2:
        return False  # a quotation inside a quotation ("“… what they call ‘a flight to quality’”") is the outer one's
    lo = article.sentences[article.sentence_of(opening)][0]
    before = text[lo:opening].rstrip()
    while before[-1:] in QUOTE_CHARS:  # NYT's '' is two marks
        before = before[:-1].rstrip()
    j = article.token_at(opening) - 1
    while j >= 0 and article.tokens[j].text in QUOTE_TOKENS:
        j -= 1
    if _cried(article, j, lo):
        return False  # "to chants of “Marco! Marco!”", "chanting “no contract, no peace” after …": the cry, whole
    if j >= 0 and article.tokens[j].start >= lo and article.word(j) in THINKING_VERBS and text[statement.parts[0][0]].islower():
        return True  # "she believed “we need to focus …”": a thought the writer reports, in the speaker's words
    if _goes_on_writers_clause(article, statement, before, j):
        return True  # "the delegates “should vote for …”", "a campaign “of hatred …”": the rest of the writer's clause
    cue = statement.cue
    naming = cue is not None and cue[0] < opening and names_something(article, article.token_at(cue[0]))
    if cue is None or naming:
        # what someone calls a thing, in lower case, is words of the writer's sentence ("called the plan “a disaster”"),
        # past the commas of an aside too ("calling him, among other things, “a failed candidate”")
        lower = naming and text[statement.parts[0][0]].islower() and not _what_named(text, lo, cue)
        if not before[-1:].isalnum():
            return lower and before.endswith(",")
        if not (_binds(article, j) or lower
                or (cue is None and (_sentence_goes_on(article, statement)  # "he heard “more than a few” in the crowd hurl …"
                                     or _after_name(article, j, lo, opening)))):  # "the report says Ortiz “never read the file.”"
            return False
    elif not before[-1:].isalnum():
        # "tweeted, “Thank you Indiana!” on Friday": after the cue's comma, words opening in capitals are a sentence of the
        # speaker's, whole, though the writer's sentence goes on with a word of its own
        a, b = statement.parts[0]
        if _completes_that_clause(article, statement, lo):
            return True  # "said that once the vote is in, “I will …”": the quoted words finish the clause "that" opened
        if _after_writers_clause(article, statement, lo):
            return True  # "said that whatever voters choose, “they should not …”": the cue's clause goes on in the marks
        return _sentence_goes_on(article, statement) and not (text[a].isupper() and not _headline_line(text, a, b))
    elif is_cue(article, j) and article.word(j) not in NAMING_CUES:
        return _sentence_goes_on(article, statement)  # "she says “we worked hard …”": the words open after their cue
    words = re.findall(r"[^\W\d_][\w’'-]*", before)
    # a headline run into the first sentence's quotation, its cue after it ("… In Norrvik “We worked …,” the steward
    # said"), not a sentence's subject ("Instead, Dena Grayson “is …”"); a quotation inside the headline's own clause,
    # with no cue or its cue before it, is a fragment of it as of any sentence ("Hollande Says Trump ‘Makes You …’")
    headline = len(words) >= 4 and all(w[:1].isupper() for w in words)
    # an all-capitals heading runs into the text it heads ("… IN VIRTUAL REALITY “VR provides …”"), whatever its words
    return not headline or not all(w.isupper() for w in words) and (cue is None or cue[0] < opening)


def _goes_on_writers_clause(article: ArticleText, statement: Statement, before: str, j: int) -> bool:
    """Whether quoted words with two words or more of the writer's sentence before them open in lower case with a
    word that goes on a clause begun outside the marks (CONTINUING_WORDS: 'the delegates “should vote …”',
    'candidates “who embody …”', 'accused him of running a campaign “of hatred …”'): they finish the writer's
    sentence, whatever word stands before them. Not where they stand right by their cue ("Stevens said, “is like
    …”", "“was caught …,” Mr. Trump said", "saying “of course”"): there the speaker's own words go on, as the second
    piece of an interrupted quotation does. Token j is the last before the opening mark."""
    text = article.text
    first = re.match(r"[^\W\d_][\w’'-]*", text[statement.parts[0][0]:statement.parts[0][0] + 30])  # not "that’s"
    if first is None or first.group() not in CONTINUING_WORDS or len(_WORD.findall(before)) < 2:
        return False  # "Now, “within the business community …”": one opening word is no clause of the writer's
    while j >= 0 and (article.tokens[j].text in (",", ":") or article.tokens[j].text in QUOTE_TOKENS):
        j -= 1
    return not (j >= 0 and is_cue(article, j)) and not _beside_cue(article, statement)


def _beside_cue(article: ArticleText, statement: Statement) -> bool:
    """Whether only the cue's subject and punctuation stand between a statement's quotation and its cue, before the
    opening mark ("explained Rosenberg, “…”") or after the closing one ("“…,” Mr. Trump said")."""
    cue, subject = statement.cue, statement.subject
    if cue is None:
        return False
    lo, hi = (cue[1], statement.position) if cue[1] <= statement.position else (statement.parts[-1][1], cue[0])
    between = article.text[lo:hi]
    if subject is not None:
        start = subject.mention.title_start if subject.mention is not None and subject.mention.title_start is not None \
            else subject.start
        if lo <= start and subject.end <= hi:
            between = article.text[lo:start] + article.text[subject.end:hi]
    return not re.sub(r"[\s,:.—–-]", "", between.translate(_NO_MARKS))


_NO_MARKS = str.maketrans("", "", "".join(QUOTE_CHARS))


def _after_writers_clause(article: ArticleText, statement: Statement, lo: int) -> bool:
    """Whether a quotation opening in lower case after a comma goes on a clause of the writer's, three words or more
    of the sentence (from lo) before it, after its cue where the cue comes first: "Bolton said that whatever choice
    voters make, “they should not …”", "In past campaigns, “we felt that …,” he said". Not the second piece of an
    interrupted quotation ("“…,” Ruiz said, “and win big.”"), whose sentence holds a quotation before it, nor the
    words right after a cue ("Ruiz said, “we will see”") or after whom a cue speaks to ("told the mayors who met in
    Velmar, “no one …”")."""
    text, opening = article.text, statement.position
    a = statement.parts[0][0]
    before = text[lo:opening].rstrip().rstrip("'`").rstrip()  # NYT’s '' is two marks, the first left before opening
    if len(statement.parts) > 1 or not text[a].islower() or not before.endswith(",") \
            or any(lo <= o < opening for o, _ in article.quoted_near(lo, opening)):
        return False  # a quotation before it in its sentence, not an apostrophe ("it’s")
    cue = statement.cue
    start = cue[1] if cue is not None and lo <= cue[1] <= opening else lo
    words = _WORD.findall(text[start:opening])
    if cue is not None and start > lo and article.word(article.token_at(cue[0])) in SPOKEN_TO_CUES and "that" not in words:
        return False  # "she told the mayors who gathered in Indianapolis, “no one should …”": whom it was said to
    return len(words) >= 3


def _completes_that_clause(article: ArticleText, statement: Statement, lo: int) -> bool:
    """Whether a quotation, whatever its case, follows its cue's "that" and a phrase or clause of the writer's closed by a
    comma (sentence start lo): "said that once the vote is in, “I will …”", "told the crews that if the levy stays, “we
    …”". The "that" opened a reported clause and the quoted words are its main clause, the speaker's words in the
    writer's report; with nothing between "that" and the marks ("said that “…”") the other rules decide."""
    cue, opening = statement.cue, statement.position
    if cue is None or not lo <= cue[1] <= opening:
        return False
    between = article.text[cue[1]:opening].rstrip().rstrip("'`").rstrip()
    if not between.endswith(",") or any(cue[1] <= o < opening for o, _ in article.quoted_near(cue[1], opening)):
        return False
    found = re.match(r"\W*(?:[\w’'.-]+\s+){0,3}?that\s+(.*),$", between, re.S)  # "tells audiences that …,"
    return found is not None and len(_WORD.findall(found.group(1))) >= 2


def _cried(article: ArticleText, j: int, lo: int) -> bool:
    """Whether token j, right before a quotation mark, ends a word of crying out (CRIES) and what may stand between
    it and the mark ("chanting", "chants of", "shouted,"): the quoted words are what was cried, however the writer's
    sentence goes on around them."""
    while j >= 0 and article.tokens[j].start >= lo and article.word(j) in (",", ":", "of"):
        j -= 1
    return j >= 0 and article.tokens[j].start >= lo and article.word(j) in CRIES


def _what_named(text: str, lo: int, cue: tuple[int, int] | None) -> bool:
    """Whether a verb of naming is the writer's "what X called" ("shedding what Gilbert called “a perception
    problem”"): the quoted words are then X's own name for a thing, quoted whole."""
    return cue is not None and re.search(r"\bwhat(?:\s+\S+){1,5}\s+$", text[lo:cue[0]]) is not None


def _binds(article: ArticleText, j: int) -> bool:
    """Whether token j, right before a quotation mark, binds the quoted words into the writer's clause
    (BINDING_WORDS, or a possessive or a shortened auxiliary: BINDING_ENDINGS); not the "as" of "such as", which
    gives examples quoted whole. "and" and "or" join the quoted words to the word before them (JOINING_WORDS),
    so bind them where that word is the writer's own ("donations from Wall Street and “there's nothing wrong with
    that”"), not where it closes another quotation."""
    word = article.word(j)
    if word in JOINING_WORDS:
        return j > 0 and article.tokens[j - 1].text not in QUOTE_TOKENS and article.word(j - 1).isalnum()
    return word in BINDING_WORDS and not (word == "as" and article.word(j - 1) == "such") or word.endswith(BINDING_ENDINGS)


def _after_name(article: ArticleText, j: int, lo: int, opening: int) -> bool:
    """Whether token j, right before a quotation with no cue opening at opening, is a name inside the writer's
    sentence (sentence start lo) and in the quotation's line: a capitalised word, not one in capitals (a
    heading's), after other words of the sentence. With no verb of saying between them, the name is the subject
    of the writer's clause and the quoted words the rest of it ("the report says Ortiz “never read the file”",
    "Ortiz: Velmar ‘Not Ready For A Second Ferry’"); a name that ends the line before signs the quotation above
    it ("“…” ― Ana Ortiz"), not the one below."""
    token = article.tokens[j] if j >= 0 else None
    if token is None or not token.text[:1].isupper() or token.text.isupper() or token.start <= lo \
            or "\n" in article.text[token.end:opening]:
        return False
    return article.tokens[j - 1].text not in (".", "!", "?", "…")  # not a sentence the splitter left joined


def _sentence_goes_on(article: ArticleText, statement: Statement) -> bool:
    """Whether the writer's sentence goes on past the closing mark with a word of its own ("“…” every time
    he thinks about it", "“…” despite his loss"): quoted words with no punctuation of their own at the end,
    then a lower-case word that neither opens the cue ("“…” he said") nor joins another quotation ("and"); in a
    headline, whose every word is capitalised, a capitalised one ("Mayor: ‘Not Yet’ Time To Close The Quay")."""
    text = article.text
    a, b = statement.parts[-1]
    if len(statement.parts) > 1 or text[a:b].rstrip()[-1:] in ",.!?;:…":
        return False
    after = re.match(r"[\"”’']+ ([^\W\d_][\w’'-]*)", text[b:b + 40])
    if after is None or after.group(1).lower() in CUE_WORDS | _JOINING:
        return False
    return after.group(1).islower() or _headline_line(text, a, b)


def _headline_line(text: str, a: int, b: int) -> bool:
    """Whether the line around the quoted words text[a:b] is a headline: three words or more outside the quotation
    marks, all of them capitalised but the short words a title leaves in lower case."""
    lo, hi = text.rfind("\n", 0, a) + 1, text.find("\n", b)
    outside = text[lo:a] + " " + text[b:len(text) if hi < 0 else hi]
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", outside) if w.lower() not in TITLE_SMALL_WORDS]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _opening(article: ArticleText, part: tuple[int, int]) -> int:
    """Where the quotation marks around a part of a statement open."""
    return min((a for a, b in article.quoted_near(part[0], part[1]) if a < part[0] <= b), default=part[0])


def _reported_clause(article: ArticleText, statement: Statement, last: tuple[int, int]) -> tuple[int, int]:
    """The words a fragment's sentence reports: after the cue (and its "that") to the sentence's end where the
    cue comes first; from the sentence's start to the closing mark where it comes after."""
    text = article.text
    opening = statement.position
    s_lo, s_hi = article.sentences[article.sentence_of(opening)]
    close = max((b for a, b in article.quoted_near(last[0], last[1]) if a < last[0] <= b), default=last[1])
    while close < len(text) and text[close] in QUOTE_CHARS:
        close += 1
    cue = statement.cue
    if cue is not None and cue[1] <= opening:
        start = cue[1]
        that = re.search(r"\bthat\b", text[start:opening])
        if that is not None:
            start += that.end()
        subject = statement.subject
        if subject is not None and subject.kind != "inherit" and start < subject.start < subject.end < opening \
                and _BY_AGENT.fullmatch(text, start, subject.start):
            start = subject.end  # "described by the magazine as “…”": the agent speaks, and is none of the words
        while start < opening and text[start] in " ,;:—–-":  # "…, Trump said, the foundation's gift made him a “…”"
            start += 1
        return trim_quoted(text, start, _sentence_end(text, close, s_hi))
    if cue is None:  # "the plan was “a disaster” for the port": the writer's whole sentence
        return trim_quoted(text, s_lo, _sentence_end(text, close, s_hi))
    end = close
    if _sentence_goes_on(article, statement):  # "“…” against it in the meetings, he said."
        end = max(close, text.rfind(",", close, cue[0]))
    return trim_quoted(text, s_lo, end)


_BY_AGENT = re.compile(r"\s*by\s+(?:[\w.’'-]+\s+){0,3}")  # "by", "by Mayor", "by the", before the agent's name
_NEXT_QUOTATION = re.compile(r"(?<=[.?!])[”’\"']*\s+(?=''|``|[“\"‘])")


def _sentence_end(text: str, close: int, sentence_end: int) -> int:
    """Where the sentence of a fragment that closes at close ends: its end, or before a quotation that opens
    a sentence of its own after it ("… the ''crooked'' process. ''The answer is no.''", which the sentence
    splitter keeps as one)."""
    if sentence_end <= close:
        return close
    after = _NEXT_QUOTATION.search(text, close, sentence_end)
    return after.start() if after is not None else sentence_end
