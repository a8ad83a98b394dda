"""Reported (indirect) speech in one article: "X said (that) …", "…, X said", "according to X, …",
"…, adding that …": a cue and the clause it reports, found from tags and named entities as direct
quotations are (cue_words.py, speaker_phrases.py and cue_subjects.py hold the cues and the subjects both use).
"""

from __future__ import annotations

import re

from storyline.analyze.article_text import ArticleText
from storyline.analyze.cue_subjects import speaker_before
from storyline.analyze.cue_words import is_cue, passive_before, verb_like
from storyline.analyze.quote_marks import QUOTE_CHARS, QUOTE_TOKENS, trim_quoted
from storyline.analyze.roles import names_a_person
from storyline.analyze.speaker_kinds import Subject
from storyline.analyze.speaker_phrases import noun_phrase_after, np_token
from storyline.analyze.statements import Statement
from storyline.lang.en import (
    ADVERBIAL_START,
    BARE_CLAUSE_CUES,
    CLAUSE_CUT,
    CUE_WORDS,
    FINITE_AUXILIARIES,
    NP_STOP,
    PARTICIPLE_CUES,
    PREPOSITIONS,
    REPORTING_CUES,
    SKIPPED_ADVERBS,
    SPOKEN_TO_CUES,
    TELLING,
    TIME_WORDS,
    VERB_FORMS,
)
from storyline.lang.en_numbers import NUMBER_WORDS


def reported_statements(article: ArticleText, used_cues: set[tuple[int, int]]) -> list[Statement]:
    """Indirect speech: "X said (that) …", "…, X said", "according to X, …", "…, adding that …"."""
    text = article.text
    statements: list[Statement] = []
    for s_start, s_end in article.sentences:
        in_sentence: list[Statement] = []
        i = article.token_at(s_start)
        while i < len(article.tokens) and article.tokens[i].start < s_end:
            tok = article.tokens[i]
            if (tok.start, tok.end) in used_cues or article.in_quote(tok.start) or not is_cue(article, i) or \
                    (article.word(i) not in REPORTING_CUES and article.word(i) != "according"):
                i += 1
                continue
            found = _reported_clause(article, i, s_start, s_end)
            if found is not None:
                spans, subject = found
                parts = [part for part in (trim_quoted(text, a, b) for a, b in spans) if part[1] > part[0]]
                said = " ".join(text[a:b] for a, b in parts)
                quoted = any(ch in QUOTE_CHARS - {"'", "’"} for ch in said) or "''" in said
                if parts and len(said.split()) >= 3 and not quoted:
                    in_sentence.append(Statement(position=tok.start, direct=False, parts=parts,
                                                  paragraph=article.paragraph_of(tok.start), cue=(tok.start, tok.end),
                                                  subject=subject, frame=(s_start, s_end), sentence=(s_start, s_end)))
            i += 1
        # "A said X, and B said Y": the first clause stops where the second statement's subject begins.
        for n, statement in enumerate(in_sentence[:-1]):
            a, b = statement.parts[-1]
            nxt = in_sentence[n + 1]
            stop = min(nxt.subject.start if nxt.subject and nxt.subject.kind != "inherit" else nxt.cue[0],
                       nxt.cue[0])
            if a < stop < b:
                statement.parts[-1] = trim_quoted(text, a, a + _before_next_speaker(text[a:stop]))
        statements.extend(st for st in in_sentence if st.parts[-1][1] > st.parts[-1][0]
                          and len(" ".join(text[a:b] for a, b in st.parts).split()) >= 3)
    return statements


# The joint before another statement's speaker: "…, but", "; and", " while". What lies between it and
# the next cue is that speaker's phrase, which the subject found may not cover whole: "but six in 10
# said", "compared with four in 10 who said".
_NEXT_SPEAKER_JOINT = re.compile(r"(?:[,;]\s*(?:and|but|while|whereas|yet)?|\s(?:and|but|while|whereas))\s+")
_SPEAKER_PHRASE_WORDS = 6


def _before_next_speaker(clause: str) -> int:
    """Where a reported clause that runs into another statement's speaker ends: at the last joint
    with at most a speaker's phrase after it, else where that speaker's subject begins (the end)."""
    joints = [m for m in _NEXT_SPEAKER_JOINT.finditer(clause) if len(clause[m.end():].split()) <= _SPEAKER_PHRASE_WORDS]
    return joints[-1].start() if joints else len(clause.rstrip())


# The reported words a cue can stand inside: a subject or an opening phrase of at most this many words before it
# ("At one point, she said, …") and a time, place or manner of at most this many after it ("she said on Friday, …").
_SUBJECT_WORDS = 10
_CIRCUMSTANCE_WORDS = 4


def _reported_clause(article: ArticleText, i: int, s_start: int,
                     s_end: int) -> tuple[list[tuple[int, int]], Subject | None] | None:
    """The spans of the reported words (two where the cue stands inside them: "At one point, she said, she was
    considering …") and the subject of the cue at token i, or None when it reports nothing."""
    text = article.text
    word = article.word(i)
    tok = article.tokens[i]
    if word == "according":  # "According to X, …" / "…, according to X."
        subject = noun_phrase_after(article, i + 2, s_end)
        if subject is None:
            return None
        comma = text.find(",", subject.end, s_end)
        if tok.start - s_start < 3 and comma != -1:
            return [(comma + 1, _clause_end(text, comma + 1, s_end))], subject
        if text[s_start:tok.start].rstrip().endswith(","):
            return [(s_start, text.rindex(",", s_start, tok.start))], subject
        return None
    if word in PARTICIPLE_CUES:  # "…, adding that …": the sentence's subject said it
        if not text[s_start:tok.start].rstrip().endswith(","):
            return None
        start = _clause_start(article, i, s_end)
        if start is None:
            return None
        return [(start, _clause_end(text, start, s_end))], Subject("inherit", tok.start, tok.end, "")
    if word in SPOKEN_TO_CUES and passive_before(article, i) \
            and not any(is_cue(article, k) for k in range(article.token_at(s_start), i - 1)):
        # "Price was told that his contract …", "Parents were warned that …": the one told only heard the words;
        # they are the teller's where "by" names one, else no one's the sentence names ("were later told" too). Not where the telling is
        # itself reported ("Price said he was told that …": his account), nor where the clause is another verb's
        # ("was told of the decision and said that …")
        start = _clause_start(article, i, s_end)
        if start is None:
            return None
        if re.search(r"\b(?:and|but)\b", text[tok.end:start]) \
                or any(is_cue(article, k) for k in range(i + 1, article.token_at(start))):
            return None
        agent = noun_phrase_after(article, i + 2, s_end) if article.word(i + 1) == "by" else None
        if agent is None or agent.kind == "none":
            agent = Subject("anonymous", tok.start, tok.end, tok.text)
        return [(start, _clause_end(text, start, s_end))], agent
    subject = speaker_before(article, i, s_start)
    inverted = False
    if subject is None or subject.kind == "none":
        after = noun_phrase_after(article, i + 1, s_end)
        if after is not None and after.kind != "none" and text[s_start:tok.start].rstrip().endswith(","):
            subject, inverted = after, True
        elif subject is None:
            return None
    # "…, the State Department said (today)." / "…, said the minister at a briefing.": the clause came first.
    head = tok.start if inverted else _phrase_start(article, subject, s_start)
    before = text[s_start:head].rstrip()
    rest_start = subject.end if inverted else tok.end
    if before.endswith(",") and subject.kind != "inherit" \
            and not _apposed_before(article, s_start, head, subject, tok.start, s_end):
        first = (s_start, s_start + len(before) - 1)
        resumed = None if inverted or len(before.split()) > _SUBJECT_WORDS else _resumed_after(article, rest_start, s_end)
        if resumed is not None:  # "At one point, she said, she was considering …": both sides of the cue
            return [first, (resumed, _clause_end(text, resumed, s_end))], subject
        comma = re.search(r",\s+(?:saying|adding|telling|warning)\b", text[rest_start:s_end])
        rest_end = rest_start + comma.start() if comma else s_end
        nxt = article.token_at(rest_start)
        starts_adverbial = nxt >= len(article.tokens) or article.tokens[nxt].start >= rest_end or \
            article.word(nxt) in ADVERBIAL_START
        reported_first = inverted or starts_adverbial and not _that_follows(article, i, s_end) or \
            _only_adverbials(article, rest_start, rest_end)
        within = not inverted and any(is_cue(article, k) and not any(article.tokens[c].text == "," for c in range(k, i))
                                      for k in range(article.token_at(subject.end), i))  # not "Holt, who told …, said"
        if reported_first and not _opening_phrase(article, s_start, first[1]) and not within:
            return [first], subject  # not "The chairman, Kelly Armstrong, said the request was denied.": another cue's words
    if inverted:
        return None
    start = _clause_start(article, i, s_end)
    if start is None:
        return None
    return [(start, _clause_end(text, start, s_end))], subject


def _apposed_before(article: ArticleText, s_start: int, head: int, subject: Subject, cue: int, s_end: int) -> bool:
    """Whether the words before a speaker set off by commas on both sides are the speaker's description, not
    words reported: "The study's senior author, Arne Vik, said …", "One victim, Joan Meadows, said …"; a noun
    phrase with no verb that ends in a word for a person (roles.names_a_person), where the cue goes on to what was
    said; not "The plan is late, Ruiz said", "Not a single penny more, Ana Cole, the finance minister, said", nor
    "Every nurse, Ann Hill, the union leader, said, would vote to strike"."""
    if not article.text[subject.end:cue].lstrip().startswith(","):
        return False  # the name closes its description with a comma, whichever cue follows
    rest = article.tokens[article.token_at(cue)].end
    after = [k for k in range(article.token_at(rest), article.token_at(s_end)) if article.word(k).isalpha()]
    clause = any(verb_like(article, k) for k in after) or len(after) >= 3 and article.word(after[0]) not in \
        ADVERBIAL_START | PREPOSITIONS  # "said she no longer felt safe", not "said on Tuesday at a briefing"
    if not clause or article.text[rest:s_end].lstrip().startswith(","):
        return False  # "Not one more soldier, Ana Cole, …, said.", "Every nurse, Ann Hill, …, said, would vote …"
    first, last = article.token_at(s_start), article.token_at(head)
    words = [article.word(k) for k in range(first, last) if article.word(k).isalpha()]
    words = words[:next((n for n, w in enumerate(words) if n and w in PREPOSITIONS | {"of"}), len(words))]  # "envoy for Sudan"
    return 0 < last - first <= _SUBJECT_WORDS and bool(words) and names_a_person(words[-1]) and all(
        not verb_like(article, k) and article.word(k) not in FINITE_AUXILIARIES for k in range(first, last))


def _clause_end(text: str, start: int, s_end: int) -> int:
    cut = CLAUSE_CUT.search(text, start, s_end)
    return cut.start() if cut else s_end


def _phrase_start(article: ArticleText, subject: Subject, lo: int) -> int:
    """Where the noun phrase around a subject begins: "farm leader Ruth Okonkwo", "Secretary of State Elena Marsh"."""
    start = subject.start
    if subject.mention is not None and subject.mention.title_start is not None:
        start = min(start, subject.mention.title_start)
    i = article.token_at(start) - 1
    while i >= 0 and article.tokens[i].start >= lo and np_token(article, i) and article.word(i) != "of":
        start = article.tokens[i].start
        i -= 1
    return start


def _resumed_after(article: ArticleText, rest_start: int, s_end: int) -> int | None:
    """Where the reported words go on after a cue set inside them between commas ("Her countrymen, she said,
    should not listen"; "This campaign, he says, is different"): after the comma that closes the cue's phrase,
    when at most a short time, place or manner comes before it ("she said on Friday,") and words of a clause
    come after, not a participle or a clause of its own ("…, French officials said, before being shot")."""
    text = article.text
    comma = re.compile(r",\s").search(text, rest_start, s_end)
    if comma is None or len(text[rest_start:comma.start()].split()) > _CIRCUMSTANCE_WORDS or \
            not _only_adverbials(article, rest_start, comma.start()):
        return None
    after = comma.end()
    first = text[after:s_end].split(maxsplit=1)[0].lower() if text[after:s_end].strip() else ""
    if first in _NOT_RESUMING or re.fullmatch(r"[a-z]+ing", first):
        return None  # "…, compared with 23 percent who said", "…, killing 12", "…, before the driver was shot"
    return after if len(text[after:_clause_end(text, after, s_end)].split()) >= 2 else None


_NOT_RESUMING = {"according", "before", "after", "while", "who", "which", "as", "and", "but", "whereas", "compared"}


def _opening_phrase(article: ArticleText, s_start: int, comma: int) -> bool:
    """Whether the words before a speaker, up to the comma at offset comma, are one phrase of circumstance, not a
    clause the speaker reported: "In a statement, the ministry said …", "After the vote, she said …", "In an
    interview with the paper, Ortiz said …"; not "In 2015 the economy grew 3 percent, the minister said", whose
    phrase runs into a clause (a verb, or a determiner no preposition governs: a subject of its own)."""
    first = article.token_at(s_start)
    last = article.token_at(comma)
    if first >= last or article.word(first) not in _OPENING_PREPOSITIONS:
        return False
    for k in range(first + 1, last):
        word = article.word(k)
        if article.tokens[k].text in (",", ";", ":") or verb_like(article, k) or word in FINITE_AUXILIARIES:
            return False
        if word in _DETERMINERS and k > first + 1 and article.word(k - 1) not in PREPOSITIONS | {"of"}:
            return False  # "In 2015 the economy …": a subject of its own
    return True


# Prepositions that open a phrase of circumstance; not adverbs ("Then the roof collapsed, witnesses said").
_OPENING_PREPOSITIONS = {"in", "on", "at", "during", "after", "before", "following", "via", "through", "over", "with",
                         "without", "from", "for", "by", "about", "ahead", "amid", "despite", "under", "within"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"}


def _that_follows(article: ArticleText, cue: int, s_end: int) -> bool:
    return _clause_start(article, cue, s_end, that_only=True) is not None


def _only_adverbials(article: ArticleText, a: int, b: int) -> bool:
    """Nothing but place, time and manner after a cue ("said at a briefing for journalists today."); not a clause
    with a verb of saying, an auxiliary or a subject pronoun of its own ("said he needed to speak to the candidate
    first")."""
    i = article.token_at(a)
    first = i
    while first < len(article.tokens) and article.word(first) in _BEFORE_A_CLAUSE:
        first += 1  # "said Tuesday he needed …"
    if first < len(article.tokens) and article.tokens[first].start < b and article.word(first) in _SUBJECT_PRONOUNS:
        return False  # not "said as he left": only a pronoun opening what follows is a clause's subject
    while i < len(article.tokens) and article.tokens[i].start < b:
        tok = article.tokens[i]
        word = tok.text.lower()
        if word == "that" or tok.text in QUOTE_TOKENS or tok.text in (":", ";"):
            return False
        if tok.tag.startswith("VB") and tok.tag not in ("VBN", "VBG"):
            return False
        if not tok.tag and word in _CLAUSE_VERBS:
            return False
        i += 1
    return True


_SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i"}
_BEFORE_A_CLAUSE = TIME_WORDS | SKIPPED_ADVERBS  # "said Tuesday he …", "said later she …"
_CLAUSE_VERBS = CUE_WORDS | FINITE_AUXILIARIES  # untagged, the words that make what follows a cue a clause


def _clause_start(article: ArticleText, cue: int, s_end: int, that_only: bool = False) -> int | None:
    """Where the reported clause after the cue at token cue begins: right after it ("said the talks failed"), or
    after "that" when only an addressee, a time or a place comes between ("said on Tuesday that …")."""
    i = cue + 1
    if i >= len(article.tokens) or article.tokens[i].start >= s_end:
        return None
    if article.tokens[i].text in (":", ",", ".", ";") or article.tokens[i].text in QUOTE_TOKENS:
        return None
    telling = article.word(cue) in TELLING
    j = i
    while j < len(article.tokens) and (article.word(j) in SKIPPED_ADVERBS or _is_time_word(article, j)):
        j += 1
    if j >= len(article.tokens) or article.tokens[j].start >= s_end:
        return None
    if article.word(j) == "that":
        return article.tokens[j].end
    if not telling and not that_only and _starts_clause(article, j):
        bare = article.word(cue) in BARE_CLAUSE_CUES and not (article.word(cue) in _ALSO_INCREASE
                                                             and _counts_added(article, j, s_end))
        return article.tokens[j].start if bare else None
    for k in range(j, min(len(article.tokens), j + 12)):
        tok = article.tokens[k]
        if tok.start >= s_end or tok.text in (",", ";", ":", ".") or tok.text in QUOTE_TOKENS:
            break
        if article.word(k) == "that":
            return tok.end
        if tok.tag in ("VBD", "VBZ", "VBP", "MD") or (not tok.tag and article.word(k) in FINITE_AUXILIARIES):
            break
    return None


# cues that also mean "increased by": "added three field goals", "adding 101 yards on the ground"
_ALSO_INCREASE = {"added", "adds", "adding"}
# words that end what a figure counts ("three field goals for …", "18 points to lead", "40 officers and …")
_COUNT_ENDS = {"to", "and", "or", "than", "as", "this", "last", "per", "a", "an", "the"}
# where the clause's own words end and an aside's begin ("101 yards for the Chiefs, who had 352 yards rushing")
_ASIDE_OPENERS = {",", "(", "who", "which", "whose", "–", "—"}


def _counts_added(article: ArticleText, j: int, s_end: int) -> bool:
    """Whether the words after "added" from token j count what was added: a figure opening them and no verb of theirs
    before an aside ("added three field goals for the Hawks", "added 101 yards, who had …"), not a clause ("added 12
    people were hurt", "added the driver, who was taken to hospital, had been drinking")."""
    if article.word(j) not in NUMBER_WORDS and not article.word(j)[:1].isdigit():
        return False
    end = _clause_end(article.text, article.tokens[j].start, s_end)
    k = j + 1
    while k < len(article.tokens) and article.tokens[k].start < end and article.word(k) not in _ASIDE_OPENERS:
        word = article.word(k)  # a past or an auxiliary: a plural noun in -s reads as a verb untagged ("goals")
        if word in FINITE_AUXILIARIES or word in VERB_FORMS or word.endswith("ed") and len(word) > 3:
            return False
        if word in PREPOSITIONS or word in _COUNT_ENDS or not word[:1].isalnum():
            return True  # "101 yards on the ground", "three field goals for the Hawks", "three field goals."
        if k - j > 2:
            return False  # a third word after the figure's noun, no preposition: a verb ("12 people remain missing")
        k += 1
    return True


def _is_time_word(article: ArticleText, i: int) -> bool:
    word = article.word(i)
    if word in TIME_WORDS:
        return True
    return word in ("this", "last", "next", "on") and article.word(i + 1) in TIME_WORDS


def _starts_clause(article: ArticleText, i: int) -> bool:
    """Whether token i can open a reported clause: a subject, not a preposition or an adverb."""
    tok = article.tokens[i]
    word = tok.text.lower()
    if word in NP_STOP or word in PREPOSITIONS:
        return False
    if tok.tag:
        return tok.tag in ("DT", "PDT", "JJ", "JJS", "JJR", "CD", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "EX")
    return True
