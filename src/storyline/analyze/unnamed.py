"""The source an article gives a statement without naming anyone: "a campaign aide said", "officials told
reporters", "the Trump campaign said in a statement", "according to two people familiar with the talks".

Such a source names no person, so the speaker stays None (never a guessed name); but the article does
attribute the words, and a reader is shown whom it gives them to: the cue's subject as the article writes
it, trimmed to its noun phrase ("a senior administration official", "two people familiar with the
talks"), with its span. A name, a pronoun, or a role the story resolves to a person is no unnamed source
(speakers.py gives those their person); a pronoun left unresolved ("they said") is no phrase to show.
"The company" or "the ministry" is the one organisation named around it, where only one is (named_body);
"police" the one force the article names.
"""

from __future__ import annotations

import re

from storyline.analyze.article_text import ArticleText
from storyline.analyze.cue_words import is_cue
from storyline.analyze.described import message_from
from storyline.analyze.speaker_kinds import Subject
from storyline.analyze.speaker_phrases import np_token
from storyline.analyze.subjects import sentence_subject, subject_like
from storyline.lang.en import (
    ADVERBIALS,
    BODY_NOUNS,
    COMPANY_NOUNS,
    DEFINITE,
    GENERIC_BODY_NOUNS,
    INDEFINITE,
    OTHER_PRONOUNS,
    PHRASE_LINKS,
    PREPOSITIONS,
    PRESS_KINDS,
    PRONOUNS,
    SUBORDINATORS,
    TIME_WORDS,
    VERB_FORMS,
    WEEKDAYS,
)
from storyline.model import Mention

# the kinds of subject that name no person: "an official", "the Trump campaign" (a description or a body)
UNNAMED_KINDS = ("anonymous", "role", "org")
# after these, "to" goes on with the phrase ("sources close to the campaign", "a person familiar with it")
_NEAR_WORDS = {"close", "closest", "familiar", "loyal", "near", "related", "opposed", "linked", "allied"}
_WH = {"what", "how", "which", "who", "whom", "where", "when", "why", "whose"}
# heads that say when or how much, not who: "This week", "21 percent"
_NO_ONE = TIME_WORDS | {"weeks", "months", "years", "days", "time", "percent", "share", "majority", "minority"}
# a quantifier standing alone for some of the people there ("Some chanted", "Others shouted", "tweeted
# another"): the article gives the words to them, unnamed, as it gives them to "a protester"
_SOME_PEOPLE = {"some", "others", "another", "several", "many", "most", "few", "one"}
_LONGEST = 12  # words: a longer run is a clause, not a noun phrase


def unnamed_source(article: ArticleText, subject: Subject, cue: tuple[int, int] | None) -> tuple[int, int] | None:
    """The span of the noun phrase that gives a statement's source without a name, or None where the
    subject is a name, a pronoun or no noun phrase at all (a passive's "was asked")."""
    if subject.kind not in UNNAMED_KINDS or subject.end <= subject.start:
        return None
    if cue is not None and subject.start < cue[1] and cue[0] < subject.end:
        return None  # the cue itself stands for a speaker no one names ("Trump was asked, “…”")
    first = article.token_at(subject.start)
    last = article.token_at(subject.end) - 1
    if first > last or last >= len(article.tokens):
        return None
    lo, hi = article.sentences[article.sentence_of(subject.start)]
    first = _noun_a_name_follows(article, _whole_word(article, first, lo), lo)
    if cue is not None and subject.start >= cue[1]:
        last = _post_modifiers(article, last, hi)
    while first < last and (article.word(first) in ADVERBIALS or article.word(first) in PHRASE_LINKS
                            or article.word(first) in _WH or article.word(first) in SUBORDINATORS
                            or article.word(first) in ("and", "but", "or", "-", "—", "–")):
        first += 1
    while last > first and _trailing(article.word(last)):
        last -= 1
    words = [article.word(k) for k in range(first, last + 1)]
    counted = sum(any(c.isalnum() for c in w) for w in words)  # words, not the commas of a body's name
    if not any(w.isalpha() for w in words) or counted > _LONGEST or not _reads_as_noun_phrase(article, first, last):
        return None
    if len(words) == 1 and (words[0] in PRONOUNS or words[0] in OTHER_PRONOUNS or words[0] in DEFINITE
                            or words[0] in INDEFINITE and words[0] not in _SOME_PEOPLE or is_cue(article, first)):
        return None  # "they said", "this said", a passive's "was asked": nothing to show
    return article.tokens[first].start, article.tokens[last].end


def _reads_as_noun_phrase(article: ArticleText, first: int, last: int) -> bool:
    """Whether tokens first..last read as a noun phrase naming who speaks, not a clause or an adverbial the
    rules ran over ("The spokesman refused", "carrying signs", "Outside the sports arena", "This week",
    "enthusiastically", "point the crowd"): no lower-case opening word of a verb, an adverb or a
    preposition, nor one a verb stands before; no lower-case verb or adverb at its end; a head that is
    no time or share; no article inside it after anything but a preposition ("a spokesman for the
    campaign", not "the bank cut its rate"); and no "by", nor "to" before a verb, right after a
    lower-case last word ("The company plans to fly")."""
    opening, head = article.tokens[first].text, article.word(last)
    lowered = opening.lower()
    if opening.islower() and (lowered.endswith(("ly", "ing")) or lowered in PREPOSITIONS or lowered in ("out", "up", "outside")
                              or (lowered not in DEFINITE and lowered not in INDEFINITE
                                  and (_verb(article, first, False) or article.word(first - 1) in VERB_FORMS))):
        return False  # "was strongest in the eastern …": a predicate, not who speaks
    if article.tokens[last].text.islower() and (head.endswith("ly") or _verb(article, last, True)) and last > first:
        return False
    if head in _NO_ONE or head in WEEKDAYS:
        return False
    after = article.tokens[last + 2].text if last + 2 < len(article.tokens) else ""
    if article.tokens[last].text.islower() and (article.word(last + 1) == "by" or article.word(last + 1) == "to" and after.islower()
                                                 and after not in DEFINITE | INDEFINITE | {"both", "all"}):
        return False  # "The company plans to fly", "The bank cut by …": a verb, not a head ("an aide to Ruiz" is one)
    return not any((article.word(k) in DEFINITE or article.word(k) in ("a", "an"))
                   and article.word(k - 1) not in PHRASE_LINKS | {"to", "of"} for k in range(first + 1, last + 1))


def _verb(article: ArticleText, k: int, past_by_form: bool) -> bool:
    """Whether token k is a finite verb: by its tag where tagged, else a common verb's form ("took", "is")
    or, with past_by_form, a past in -ed ("refused"; not at a phrase's start: "retired officials")."""
    tok = article.tokens[k]
    if tok.tag:
        return tok.tag in ("VBD", "VBZ", "VBP", "MD")
    word = tok.text.lower()
    return word in VERB_FORMS or past_by_form and word.endswith("ed") and len(word) > 4


def _goes_on_to(article: ArticleText, k: int) -> bool:
    """Whether a phrase ending at token k goes on over the "to" after it: after a word of closeness ("close
    to the campaign") or before a name or an article ("an adviser to Ruiz", "an aide to the mayor"), not
    before whom the words were said to ("an official told reporters")."""
    after = article.tokens[k + 2].text if k + 2 < len(article.tokens) else ""
    return article.word(k) in _NEAR_WORDS or after[:1].isupper() or after.lower() in DEFINITE | INDEFINITE


def _trailing(word: str) -> bool:
    """A word a noun phrase does not end with: a preposition, an article, a day, a mark, an adjective
    that wants its object ("An official familiar")."""
    return word in PHRASE_LINKS or word in DEFINITE or word in INDEFINITE or word in WEEKDAYS or word in _NEAR_WORDS \
        or word in ("to", "'s", "’s") or not any(c.isalnum() for c in word)


def _whole_word(article: ArticleText, first: int, lo: int) -> int:
    """The phrase's first token with the rest of a hyphenated word it ends and its article taken in ("the
    46-year-old", not "year-old")."""
    start = first
    while start > 0 and article.tokens[start - 1].start >= lo and article.tokens[start - 1].end == article.tokens[start].start \
            and (article.tokens[start - 1].text in ("-", "–") or article.tokens[start].text in ("-", "–")):
        start -= 1
    if start < first and start > 0 and article.tokens[start - 1].start >= lo and article.word(start - 1) in DEFINITE | INDEFINITE:
        start -= 1
    return start


def _noun_a_name_follows(article: ArticleText, first: int, lo: int) -> int:
    """Where the phrase starts when the subject found is the name a noun's preposition governs ("a
    spokesman for Lena Okafor", "an aide to the governor"): the noun phrase before the preposition;
    else first."""
    k = first - 1
    while k >= 0 and article.tokens[k].start >= lo and article.word(k) in ("the", "a", "an"):
        k -= 1
    if k < 1 or article.tokens[k - 1].start < lo or article.word(k) not in ("for", "to", "of"):
        return first
    noun = article.tokens[k - 1]
    if not (noun.text.isalpha() and noun.text.islower()) or is_cue(article, k - 1):
        return first
    start = k - 1
    while start - 1 >= 0 and article.tokens[start - 1].start >= lo and k - start < 6 and np_token(article, start - 1):
        start -= 1
    return start


def _post_modifiers(article: ArticleText, last: int, hi: int) -> int:
    """Where a phrase after its cue ends, its words of place and relation included ("said a senior official
    in the administration", "according to two people familiar with the talks"), up to the next quotation,
    clause or cue, a few words at most."""
    k = last
    end = article.next_quote_open(article.tokens[last].end)
    while k + 1 < len(article.tokens) and k - last < 7:
        tok = article.tokens[k + 1]
        if tok.start >= min(hi, end) or is_cue(article, k + 1) or article.word(k + 1) in ADVERBIALS \
                or article.word(k + 1) in WEEKDAYS:
            break  # "said an aide on Tuesday", "an aide Tuesday": when, not who
        if not np_token(article, k + 1, True) and not (article.word(k + 1) == "to" and _goes_on_to(article, k)):
            break
        k += 1
        named = article.first_mention_from(tok.start, tok.end)
        if named is not None and named.start == tok.start and named.end <= min(hi, end):
            k = article.token_at(named.end) - 1  # a body's name whole: "a spokeswoman for Immigration and Customs Enforcement"
    return k


def named_body(article: ArticleText, subject: Subject) -> Mention | None:
    """The organisation "the company", "the club" or "the ministry" stands for ("it": `_body_before`): "the" and a
    body's noun alone, where the article names one organisation in its paragraph and the one before (outside
    quotations) whose name holds that noun ("The Civil Aviation Directorate said … “…,” the directorate said",
    whatever airline was named before), or, for a noun any body is, one organisation alone ("Corvane Foods said …
    “…,” the company said in a statement"; so does a company's description, "the carmaker", "the US
    software giant"), and makes it a sentence's subject there; None where two such bodies
    are named there ("The Football Association charged Harlow Town … the club said": which one is meant, the noun
    does not say)."""
    words = subject.surface.split()
    if [w.lower() for w in words] == ["it"]:
        return _body_before(article, subject)
    if [w.lower() for w in words if w.lower() != "the"] == ["police"]:
        return _police_force(article)
    noun = words[-1].lower()
    described = noun in COMPANY_NOUNS and 2 <= len(words) <= 4 and all(_describes(w) for w in words[1:-1])
    if words[0].lower() == "the" and 3 <= len(words) <= 4 and noun in BODY_NOUNS and not described:
        return _named_again(article, subject)
    if not described and (len(words) != 2 or noun not in BODY_NOUNS) or words[0].lower() != "the":
        return None
    since = article.paragraphs_back(subject.start)
    named = [m for m in article.mentions_within(since, subject.start) if not article.in_quote(m.start)]
    bodies = [m for m in named if m.label == "ORG"]
    if noun not in GENERIC_BODY_NOUNS and not described:
        # a paper the story introduced as one is a body, whatever the model took its name for ("daily Kathimerini"),
        # where no other body speaks after it ("The Daily Courier, citing ministry sources, said …": another paper)
        introduced = [m for m in named if _introduced_as(article, noun, m)]
        papers = {m.text for m in introduced}
        if introduced and any(m.label == "ORG" and m.start > introduced[-1].start and m.text not in papers
                              and (subject_like(article, m) or _addressed(article, m)) for m in bodies):
            return None  # another body that speaks or is spoken to, named since
        bodies = [m for m in bodies if _named_as(noun, m.text)] + introduced
        if _another_unnamed(article, since, subject, noun, bodies):
            return None  # "The Office for National Statistics said … The mayor's office said … the office said"
    whole = _whole_names(bodies)
    if len(whole) > 1 and described:
        return _introduced_with(article, noun, subject.start)
    if len(whole) != 1 or not any(subject_like(article, m) or _described_subject(article, m) for m in bodies):
        return None
    return next(m for m in reversed(bodies) if m.text in whole)


def _police_force(article: ArticleText) -> Mention | None:
    """The force "police" stands for: the one police force the article names outside quotations, by a name ending in
    "Police" ("Surrey Police", "the Vancouver Police Department", "Devon and Cornwall Police"), wherever it names it
    ("… contact Surrey Police" below "the fire is being treated by police as …"); None where it names none, or two
    ("Troy police" and "the Michigan State Police"), or police of another place ("French police said", "Police in
    Tijuana said"), or names the force only as a former officer's ("a retired Surrey Police detective", whose
    death abroad other police investigate). Not a body of police that is no force ("the Police Federation")."""
    forces: dict[str, Mention] = {}
    places: set[str] = set()
    for found in _FORCE.finditer(article.text):
        if article.in_quote(found.start()) or _FORMER.search(article.text, max(0, found.start() - 12), found.start()):
            continue
        name = found.group(1)
        forces.setdefault(_force_key(name), Mention(name, found.start(1), found.end(1), "ORG"))
        places |= set(name.split()[:-1])
    others = {w for found in _PLACE_POLICE.finditer(article.text) if not article.in_quote(found.start())
              for w in (found.group(1) or found.group(2) or "").split()}
    if len(forces) != 1 or others - places - {"The", "A", "An"}:
        return None
    return next(iter(forces.values()))


_FORCE = re.compile(r"\b((?:(?!(?:Police|The|A|An)\b)(?:[A-Z][\w'’-]*|St\.|Ft\.|Mt\.) (?:and )?){1,4}"
                    r"Police(?: (?:Department|Service|Force))?)"
                    r"(?!\s+(?:and\s+Crime|Federation|Union|Association|Foundation|Academy|College|Authority|Commission|Board)\b)")
_FORMER = re.compile(r"\b(?:former|retired|ex-)\s*(?:[a-z]+\s+)?$")
# police of a place written in lower case or after "in": "French police", "Tijuana police", "Police in Tijuana"
_PLACE_POLICE = re.compile(r"\b((?:[A-Z][a-z]+\s+){1,3})police\b|\b[Pp]olice\s+(?:in|of)\s+((?:[A-Z][a-z]+\s*){1,3})")


def _force_key(name: str) -> str:
    """A force's name without the words its full name adds ("the San Diego Police Department" is "San Diego Police")."""
    return re.sub(r"\s+(?:Department|Service|Force)$", "", name)


def _named_again(article: ArticleText, subject: Subject) -> Mention | None:
    """The body a description of three or four words names again in words of its name ("the weather service" the
    National Weather Service, "the sheriff's office" the Marlow County Sheriff's Office, "the debt office" the
    National Debt Office): the one body named in this paragraph or the one before, outside quotations, whose name
    holds every word, where no other body of the noun's kind is told of there unnamed ("In Eastfield, the city's own
    health department reported …"); None where none or two do, or where the description holds a name's capital or
    a word that sets another body apart ("the new agency", "the state department", "the Harlow office")."""
    words = subject.surface.split()[1:]
    if any(not w.islower() or w in _SETS_APART for w in words):
        return None
    wanted = {re.sub(r"['’]s$", "", w) for w in words}
    since = article.paragraphs_back(subject.start)
    found = [m for m in article.mentions_within(since, subject.start) if m.label == "ORG" and not article.in_quote(m.start)
             and wanted <= {re.sub(r"['’]s$", "", w.lower()) for w in m.text.split()}]
    whole = _whole_names(found)
    if len(whole) != 1 or found[-1].text not in whole or _another_unnamed(article, since, subject, words[-1].lower(), found):
        return None
    return found[-1]


def _whole_names(bodies: list[Mention]) -> set[str]:
    """The bodies' names, each named in full and in part counted once, in full ("Eastfield" of "the Eastfield Police
    Department")."""
    names = {m.text for m in bodies}
    return {name for name in names if not any(set(name.split()) < set(other.split()) for other in names)}


# words of a description that set its body apart from one named before ("the new agency", "the state department")
_SETS_APART = {"new", "old", "local", "state", "federal", "own", "other", "same", "former", "national", "regional"}


def _introduced_with(article: ArticleText, noun: str, before: int) -> Mention | None:
    """The one body the article introduced before `before` with the noun right before its name ("Japanese carmaker
    Hoshida Motor", "The aircraft's manufacturer, Aerion Aeronautics,"): what "the carmaker" stands for wherever other
    bodies were named since; None where none or two were."""
    introducing = re.compile(rf"\b{re.escape(noun)},?\s+(?:the\s+)?$", re.IGNORECASE)
    found = [m for m in article.mentions_within(0, before) if m.label == "ORG" and not article.in_quote(m.start)
             and introducing.search(article.text, max(0, m.start - 40), m.start)]
    return found[-1] if len({m.text for m in found}) == 1 else None


def _describes(word: str) -> bool:
    """Whether a word before a company's noun describes it ("software", "US", "Seattle-based"), not a name nor a
    word that ties the phrase to something else ("of", "'s")."""
    return (word.islower() and word.replace("-", "").isalpha()) or (word.isupper() and len(word) <= 3) \
        or (word[:1].isupper() and word.endswith(("-based", "ese", "ian", "ish", "an")) and word.replace("-", "").isalpha())


def _named_as(noun: str, name: str) -> bool:
    """Whether a body's name says it is what the noun says: the noun itself ("the Harbour Trust" a trust), or a
    word bodies of that kind are named with ("Skyvale Airways" an airline, "Sterling Bancorp" a bank)."""
    words = set(name.lower().split())
    return noun in words or bool(words & _NAMED_WITH.get(noun, set()))


def _introduced_as(article: ArticleText, noun: str, mention: Mention) -> bool:
    """Whether the article sets a word of the noun's press kind (PRESS_KINDS) among the three words right before the
    body's name ("daily Kathimerini", "the official news agency Petra") or right after it ("Kathimerini, a daily,")."""
    kind = next((k for k in PRESS_KINDS if noun in k), None)
    if kind is None:
        return False
    before = re.findall(r"[a-z]+", article.text[max(0, mention.start - 40):mention.start].lower())[-3:]
    after = re.match(r",\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}([a-z]+)", article.text[mention.end:mention.end + 50])
    return bool(kind & set(before)) or (after is not None and after.group(1) in kind)


def _addressed(article: ArticleText, mention: Mention) -> bool:
    """Whether a body is whom someone told or spoke to ("told the Linden Gazette", "said in an interview with the Post")."""
    return re.search(r"\b(?:told|to|with|tells)\s+(?:the\s+)?$", article.text[max(0, mention.start - 12):mention.start]) \
        is not None


def _described_subject(article: ArticleText, mention: Mention) -> bool:
    """Whether a name set after its description opens its clause and a cue follows it: the subject of a verb of saying
    ("Centre-left daily Kathimerini warned …", "…, Iran's official news agency IRNA said")."""
    lo = article.sentences[article.sentence_of(mention.start)][0]
    clause = article.text[lo:mention.start].rsplit(",", 1)[-1]
    j = article.token_at(mention.end)
    return len(clause.split()) <= 5 and j < len(article.tokens) and is_cue(article, j)


# The words of a body's name that say what kind of body it is, where its noun is not among them.
_NAMED_WITH = {"airline": {"airways", "airlines", "air"}, "bank": {"bancorp", "bankcorp"},
               "university": {"college", "institute"}, "party": {"democrats", "republicans", "labour", "conservatives"},
               "charity": {"foundation", "trust"}, "club": {"fc", "united", "rovers", "athletic", "wanderers"}}


def _another_unnamed(article: ArticleText, since: int, subject: Subject, noun: str, bodies: list[Mention]) -> bool:
    """Whether the paragraphs before "the office said" speak of another office than the ones they name ("the
    mayor's office", "a court in his home country"): the noun outside those bodies' names."""
    for found in re.finditer(rf"\b{re.escape(noun)}\b", article.text[since:subject.start], re.IGNORECASE):
        at = since + found.start()
        if article.text[max(0, at - 4):at].lower() == "the ":
            continue  # "The directorate added": the named body again
        introduces = any(0 <= m.start - (at + len(noun)) <= 2 for m in bodies)  # "news agency Petra": that body
        if not any(m.start <= at < m.end for m in bodies) and not introduces and not article.in_quote(at):
            return True
    return False


def _body_before(article: ArticleText, subject: Subject) -> Mention | None:
    """The body "it" stands for: the organisation or country the sentence before opens with, as its subject
    ("Meridian Logistics cut its forecast. It said …", "Iran rejected the findings. It said …"), or the one its
    opening "the company", "the carmaker" stands for (`named_body`); None where that
    sentence is about something else ("The review was published on Monday. It said …": the review speaks, no one
    named) or a person."""
    n = article.sentence_of(subject.start) - 1
    while n >= 0 and article.word(article.token_at(article.sentences[n][0])) == "it":
        n -= 1  # "Meridian … cut its forecast. It said … “…,” it said.": the body the last "It" stood for
    if n < 0:
        return None
    lo, hi = article.sentences[n]
    if article.paragraph_of(lo) < article.paragraph_of(subject.start) - 1:
        return None
    opening = sentence_subject(article, (lo, hi))
    if opening is not None and opening.kind in ("role", "anonymous") and opening.start < subject.start \
            and opening.surface.split()[0].lower() == "the":
        return named_body(article, opening)  # "The carmaker said dealers would replace the part. “…,” it said"
    for m in article.mentions_within(lo, hi):
        if m.label in _ACTORS and not article.in_quote(m.start) and (subject_like(article, m) or _introduced_by_kind(article, m)
                                                                     or message_from(article, lo, m.start)):
            return m if m.label in ("ORG", "GPE") else None  # "A statement from Waitrose said …. It added …"
    return None


def _introduced_by_kind(article: ArticleText, mention: Mention) -> bool:
    """Whether a body opens its sentence after words of what kind of body it is, with no word that ties it to
    another ("Credit rating agency Stellar Ratings said …"; not "A hospital in Harlow said", "A study funded by charity
    Heart Aid said", whose subject is the hospital or the study), and a cue follows it."""
    lo = article.sentences[article.sentence_of(mention.start)][0]
    words = article.text[lo:mention.start].split()
    return 0 < len(words) <= 4 and all(w.isalpha() and w.lower() not in _TYING for w in words) \
        and _described_subject(article, mention)


_TYING = {"a", "an", "the", "in", "at", "of", "for", "by", "from", "with", "to", "on", "near", "and", "or", "said", "says"}
_ACTORS = {"PERSON", "ORG", "GPE", "NORP"}  # what may stand as a sentence's subject that speaks
