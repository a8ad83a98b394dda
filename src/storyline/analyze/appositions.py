"""The speaker of a quotation whose name and cue a long apposition keeps apart.

"“…,” Ana Ortiz, the chairwoman for the harbour district's board, said", "“…,” his best friend at college,
Piet Varga, said", "Ortiz, 35, the daughter of the former mayor, said on the radio on Monday, in reply to a
caller, “…”": the cue is in the quotation's own sentence, and the one person named outside a quotation
between the quotation and the cue (or opening the sentence, before a cue ahead of the quotation) is its
speaker, however many words describe them. Only a quotation left with no speaker at all is read so: an
anonymous source ("a spokesman for Ortiz said") is not, and a name after a preposition ("a spokesman for
Ana Ortiz", "a friend of Piet Varga") is never the speaker. A description set beside the name by a dash typed
as a hyphen ("Jonathan Wright-director of wholesale products at Interoute-told the BBC") is the name's too.
"""

from __future__ import annotations

from storyline.analyze.article_text import ArticleText
from storyline.analyze.cue_subjects import preposition_before
from storyline.analyze.cue_words import is_cue
from storyline.analyze.person_names import dash_after_name
from storyline.analyze.speaker_kinds import Subject, person_like, subject_from_mention
from storyline.analyze.statements import Statement
from storyline.analyze.subjects import subject_like
from storyline.lang.en import OBJECT_PREPOSITIONS, PERSON_OF, PREPOSITIONS
from storyline.model import Mention

_CLAUSE_LINKS = {"and", "but", "or", "while", "whereas", "who", "which", "that", "as", "than"}
_GOVERNING = PREPOSITIONS | OBJECT_PREPOSITIONS | PERSON_OF
_MAX_APPOSITION = 30  # tokens from the name to its cue: "X, then senior pastor at a church in a town, said"


def speaker_across_apposition(article: ArticleText, statement: Statement) -> Subject | None:
    """The person a quotation with no speaker goes to through a cue in its own sentence that an apposition
    parts from the name; None where there is no such cue or not exactly one person to name."""
    if not statement.direct or statement.speaker is not None:
        return None
    if statement.subject is not None and statement.subject.kind not in ("none", "role"):
        return None
    lo, hi = statement.sentence
    start, end = statement.parts[0][0], statement.parts[-1][1]
    opening = article.text[lo:start].rstrip(" \"'“‘`")
    if opening and not opening.endswith((",", ":")) or not article.text[start:start + 1].isupper():
        return None  # a fragment inside reported speech ("said the plan would “…”") is no quotation of its own
    closing = end
    while closing < len(article.text) and article.text[closing] in " ,.?!'\"”’":
        closing += 1  # "“… Loudoun?” Will Estrada, …, said": the splitter ends a sentence at the question
    after = _named_before_cue(article, end + 1, max(hi, article.sentences[article.sentence_of(closing)][1]))
    if after is not None:
        return subject_from_mention(article, after)
    if not opening:
        return None
    first = article.first_mention_from(lo, start)
    if first is not None and person_like(article, first) and subject_like(article, first) \
            and article.text[first.end:first.end + 1] == "," and not article.quoted_near(lo, first.start) \
            and _cue_between(article, first.end, start):
        return subject_from_mention(article, first)
    return None


def _named_before_cue(article: ArticleText, lo: int, hi: int) -> Mention | None:
    """The one person named, outside quotations, after lo and before a cue in text[lo:hi], with no
    preposition before the name; None where there are more or none."""
    first = article.token_at(lo)
    cue = next((i for i in range(first, min(len(article.tokens), first + _MAX_APPOSITION))
                if article.tokens[i].start < hi and not article.in_quote(article.tokens[i].start)
                and is_cue(article, i)), None)
    if cue is None:
        return None
    people = [m for m in article.mentions_within(lo, article.tokens[cue].start)
              if person_like(article, m) and not article.in_quote(m.start)]
    if len(people) != 1:
        return None
    person = people[0]
    between = range(first, article.token_at(person.start))
    if any(article.word(i) in _CLAUSE_LINKS or article.tokens[i].tag.startswith("VB") for i in between):
        return None  # "“…,” and Varga, who says …": the cue is another clause's
    named = person.title_start if person.title_start is not None else person.start
    if preposition_before(article, named, article.tokens[first].start, _GOVERNING, adjacent=False) is not None:
        return None  # "a spokesman for Ana Ortiz", not "his friend at college, Piet Varga,"
    if article.text[person.end:article.tokens[cue].start].strip() and article.text[person.end:person.end + 1] != ",":
        return None  # "Ortiz, the chair, said" or "… Piet Varga, said", not "Ortiz urged the board and said"
    return person


def _cue_between(article: ArticleText, lo: int, hi: int) -> bool:
    return any(is_cue(article, i) and not article.in_quote(article.tokens[i].start)
               for i in range(article.token_at(lo), min(len(article.tokens), article.token_at(hi))))


def named_before_dash(article: ArticleText, subject: Subject) -> Subject | None:
    """The person a cue's phrase opens with where a dash typed as a hyphen sets the description beside the name
    ("Jonathan Wright-director of wholesale products at Interoute-told the BBC that …"); None for any other
    phrase, and for a name that qualifies the rest ("a Trump-backed slate")."""
    if subject.kind not in ("role", "anonymous", "none"):
        return None
    first = article.first_mention_from(subject.start, subject.start + 1)
    if first is None or not person_like(article, first) or not dash_after_name(article.text, first.end):
        return None
    return subject_from_mention(article, first)
