"""The subject of a cue: the noun phrase before it, or after it when inverted ("said the minister"); the agent
of a passive ("was asked by host Ann Lee"); a person opening the clause with an apposition that runs to
the cue ("Chris Covert, state director for Ruiz, said"). A noun phrase a preposition or a cue governs ("said
of Mr. Rubio", "a spokesman for Lena Okafor") does not speak; a participle's object ("issued a statement
saying") speaks for the sentence's subject.
"""

from __future__ import annotations

import re

from storyline.analyze.article_text import ArticleText
from storyline.analyze.cue_words import (
    agent_names,
    is_cue,
    names_something,
    naming_cue,
    passive_before,
    quoted_as_saying,
    verb_like,
)
from storyline.analyze.participles import hangs_from_clause, perceived_from
from storyline.analyze.speaker_kinds import Subject, subject_from_mention
from storyline.analyze.speaker_phrases import after_place, noun_phrase_after, noun_phrase_before
from storyline.lang.en import (
    ADDRESSED_PASSIVES,
    ADDRESSING_CUES,
    ASKING,
    FINITE_AUXILIARIES,
    GOVERNING,
    OBJECT_PREPOSITIONS,
    PASSIVE_AUXILIARIES,
    PHRASAL_CUES,
    SAYING_BEFORE_TO,
    SKIPPED_ADVERBS,
    SUBORDINATE_LINKS,
)


def apposed_speaker(article: ArticleText, cue: int, lo: int) -> Subject | None:
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
    if not any(article.word(k) in _RELATIVES for k in range(i, cue)) and \
            any(article.tokens[k].text == "," and _predicate_after(article, k + 1, cue) for k in range(i, cue)):
        return None  # "Hamdy, a mother of three, was also headed to Cairo, her friend said": the person's own clause
    if any(x.label == "PERSON" and not governed(article, subject_from_mention(article, x), m.end)
           and not after_place(article, article.token_at(x.start) - 1, x)
           for x in article.mentions_within(m.end, cue_start)):
        return None  # another person heads a clause there; one after "to", "for", "under" is the apposition's
    return subject_from_mention(article, m)


# Words opening a relative clause, which may hold commas and verbs of its own ("Marco Rubio, whose hometown, Miami,
# is projected to be underwater, argues").
_RELATIVES = {"who", "whose", "whom", "which", "where", "when"}


def _predicate_after(article: ArticleText, k: int, cue: int) -> bool:
    """Whether an auxiliary opens what follows a comma before the cue, adverbs passed over: the apposition has
    closed and its person's predicate begins and closes before the speaker's phrase ("…, was also headed to Cairo,
    her friend said", "…, had logged 2,766 flying hours, the airline said"), so the apposition is no speaker's; not
    a participle's phrase ("…, dressed in his old uniform, said"), nor an auxiliary an aside follows ("…, has, for
    months, said"), nor where the apposition holds a relative clause (`_RELATIVES`), whose verbs are its own."""
    while k < cue and article.word(k) in SKIPPED_ADVERBS:
        k += 1
    return k + 1 < cue and article.word(k) in FINITE_AUXILIARIES and article.tokens[k + 1].text != "," \
        and any(article.tokens[j].text == "," for j in range(k + 1, cue))


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


def governed(article: ArticleText, subject: Subject, lo: int) -> bool:
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


def passive_speaker(article: ArticleText, cue: int, hi: int) -> Subject | None:
    """The speaker of a passive cue: the agent after "by" ("Larsen was asked by host Ann Lee, “…”", a body or
    someone unnamed where the cue names something: "treated by police as “potentially suspicious”"), or nobody
    named where the one addressed is the subject ("Trump was asked, “…”"); None when the cue is not passive. A
    participle of naming with "by" after it is passive on its own ("the man described by the magazine as “…”")."""
    naming_by = names_something(article, cue) and agent_names(article, cue)
    if not passive_before(article, cue) and not naming_by:  # "Trump was later asked, “…”"
        return None
    if article.word(cue + 1) == "by":
        agent = noun_phrase_after(article, cue + 2, hi)
        if agent is not None and (agent.kind in ("name", "pronoun", "role")
                                  or agent.kind in ("org", "anonymous") and naming_by):
            return agent
    if article.word(cue) in ADDRESSED_PASSIVES:
        tok = article.tokens[cue]
        return Subject("anonymous", tok.start, tok.end, tok.text)
    return None


_RELATIVE = re.compile(r",?\s*who\b[^,;:]*")


def speaker_before(article: ArticleText, cue: int, lo: int) -> Subject | None:
    """The subject that stands before a cue: the noun phrase right before it, unless that is no person of
    its own (a body, a description, a name after "for" or "to") and a person opens the clause with an
    apposition that runs to the cue ("Chris Covert, state director for Ruiz, said"): then that person."""
    before = noun_phrase_before(article, cue, lo)
    if before is not None and before.kind == "name" and _RELATIVE.fullmatch(article.text, before.end, article.tokens[cue].start):
        return before  # "the loss was steep for Mr. Sanders, who said …": the relative clause is his, governed or not;
    # not where the clause closes before the cue ("A senior adviser to Whitfield, who spoke on condition of
    # anonymity, said"): the cue is the phrase's, which governs the name
    before = _relative_clause_head(article, before, lo) or before
    if before is None or before.kind in ("none", "org", "anonymous", "role") or governed(article, before, lo) or \
            (before.mention is not None and before.mention.label != "PERSON"):
        apposed = apposed_speaker(article, cue, lo)
        if apposed is not None:
            return apposed
        if before is not None and before.kind in ("name", "org") and _object_of_a_noun(article, before, lo):
            # "a spokesman for Lena Okafor said", "a source speaking to Fox News said": the one who speaks is the
            # phrase the name ends, not the name
            return Subject("anonymous", before.start, before.end, before.surface)
    return before


def _relative_clause_head(article: ArticleText, phrase: Subject | None, lo: int) -> Subject | None:
    """The unnamed person a restrictive relative clause ends on before a cue ("A neighbor who saw the fire from her
    window said", "One inspector who visited the site, speaking on condition of anonymity, said"): the phrase before
    "who", not the clause's own object ("her window", "the site"), nor a name it governs ("A neighbor who saw Ann Lee
    said"). Not across a comma or a conjunction ("A man who robbed a bank was arrested, and Chief Ann Lee said"),
    nor a "who" of a question ("want to know who started the fire")."""
    if phrase is None:
        return None
    start = phrase.mention.title_start if phrase.mention is not None and phrase.mention.title_start is not None \
        else phrase.start
    k = article.token_at(start) - 1
    if k < 1 or not article.tokens[k].text.islower() or not article.tokens[k].text.isalpha() \
            or article.word(k) in _CLAUSE_JOINS:
        return None  # "…, Bolton said", "… and Chief Ann Lee said": the phrase opens the clause of the cue
    while k > 0 and article.tokens[k].start >= lo:
        word = article.word(k)
        if word in _CLAUSE_JOINS or not word.isalnum() or is_cue(article, k) or word in SUBORDINATE_LINKS - {"who"}:
            return None
        if word == "who":
            before = article.tokens[k - 1]
            if not before.text.isalpha() or verb_like(article, k - 1) or article.word(k - 1) in OBJECT_PREPOSITIONS \
                    or article.word(k - 1) in _ASKING_ABOUT:
                return None  # ", who …" (an apposition), "know who", "of who": no head noun before it
            head = noun_phrase_before(article, k, lo)
            return head if head is not None and head.kind in ("anonymous", "role") else None
        k -= 1
    return None


_CLAUSE_JOINS = {"and", "or", "but", "nor", "yet"}
_ASKING_ABOUT = ASKING | {"know", "knows", "knew", "wonder", "wonders", "wondered", "determine", "decide", "see", "said",
                          "says", "explain", "explained", "question", "unclear", "clear", "about"}


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


def subject_near(article: ArticleText, cue: int, lo: int, hi: int) -> Subject | None:
    """The subject of a cue: the noun phrase before it, or after it when inverted ("said the minister")."""
    if article.word(cue) == "according":
        return noun_phrase_after(article, cue + 2, hi)
    perceived = perceived_from(article, cue)
    if perceived is not None:  # "“…?” a reporter can be heard asking": the one heard
        return speaker_before(article, perceived, lo)
    if article.word(cue - 1) == "as":  # "Reuters quoted Chief Tom Reed as saying, “…”": the cue is "quoted"
        cue = next((k for k in range(cue - 2, max(cue - 14, -1), -1)
                    if article.word(k) == "quoted" and quoted_as_saying(article, k) == cue - 1), cue)
    quoted = quoted_as_saying(article, cue) if article.word(cue) == "quoted" else None
    if quoted is not None:  # the one quoted: the object ("quoted witness Ann Lee as saying"), else the subject
        if quoted > cue + 1:
            return noun_phrase_after(article, cue + 1, article.tokens[quoted].start)
        while cue > 0 and article.word(cue - 1) in PASSIVE_AUXILIARIES | {"has", "have", "had"}:
            cue -= 1  # "Mehdi Irannejad was quoted as saying", "has been quoted as saying"
        return speaker_before(article, cue, lo)
    passive = passive_speaker(article, cue, hi)
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
    if naming_cue(article, cue):
        return before  # "which once dismissed Ms. Ortiz as “…”": what a cue names is never who speaks
    opener = _relative_opener(article, cue)
    if opener is not None:
        return opener  # "Rep. Ann Lee, who leads the bloc colleagues call the “Lee Nine,” said the bill …": hers
    particle = PHRASAL_CUES.get(article.word(cue)) == article.word(cue + 1)  # "put it", "went on": no one after it
    after = noun_phrase_after(article, cue + 1 + particle, hi)
    if after is not None and after.kind != "none":
        return after
    return before or after


_WHO_AFTER = re.compile(r"(?:\s*\([^()\n]{1,40}\))?,\s+who\b")
_COMMA_BEFORE_CUE = re.compile(r",[”\"’']?\s*$")


def _relative_opener(article: ArticleText, cue: int) -> Subject | None:
    """The person who opens a cue's sentence with a relative clause running up to a comma before the cue ("Rep.
    Boyd Tatum (R-Okla.), who leads the bloc that colleagues call the “Tatum Nine,” said"): the cue's subject, not
    a phrase after it read as an inverted speaker ("said the bill"), whatever the clause's own quotation marks."""
    tok = article.tokens[cue]
    lo = article.sentences[article.sentence_of(tok.start)][0]
    m = article.first_mention_from(lo, tok.start)
    who = _WHO_AFTER.match(article.text, m.end) if m is not None else None
    if m is None or who is None or m.label != "PERSON" \
            or article.text[lo:m.start if m.title_start is None else m.title_start].strip() \
            or not _COMMA_BEFORE_CUE.search(article.text, m.end, tok.start):
        return None
    # the clause runs up to the cue: no comma of the writer's closes it before ("Dana Whitfield, who was arrested on
    # Tuesday, is “a danger”, said prosecutor Tom Reyes": the clause closed, and the cue is the prosecutor's)
    clause = article.text[who.end():tok.start].rstrip()
    if re.search(r",(?![”\"’'])(?=.)", clause[:-1]):
        return None
    return subject_from_mention(article, m)


def participle_object(article: ArticleText, cue: int, phrase: Subject, lo: int) -> bool:
    """Whether the noun phrase before a participle cue is the object of a verb ("emailed supporters saying",
    "issued a statement saying"), so that the cue speaks for the sentence's subject; without tags the phrase
    may have run back over that verb, so a verb inside it counts too."""
    if phrase.kind not in ("anonymous", "org") or not article.word(cue).endswith("ing"):
        return False
    last = article.token_at(phrase.end) - 1
    first = article.token_at(phrase.start) - 1
    return any(verb_like(article, k) for k in range(max(first, 0), last) if article.tokens[k].start >= lo)
