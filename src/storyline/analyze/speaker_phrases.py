"""The noun phrase right before a cue ("Rosa Huamán, head of the civil defence office, told", "Sen. Marco
Rubio (R-Fla.) said", "the radio host Charlie Sykes, who lamented") or right after it ("said Rev. Kyev
Tatum, then senior pastor", "said the regional organiser of the union, Adaeze Okafor"): its extent, past
brackets, appositions and relative clauses, and the person it names, if any (speaker_kinds.py says what
kind of speaker the phrase is).
"""

from __future__ import annotations

import re

from storyline.analyze.article_text import ArticleText
from storyline.analyze.cue_words import finite_verb, is_cue
from storyline.analyze.entities import PLACE_LABELS
from storyline.analyze.person_names import given_name_as_verb
from storyline.analyze.quote_marks import QUOTE_TOKENS
from storyline.analyze.speaker_kinds import (
    Subject,
    classify_phrase,
    joins_a_name,
    named_person,
    person_like,
    subject_from_mention,
)
from storyline.lang.en import (
    ADVERBIALS,
    BODY_NOUNS,
    COMPANY_NOUNS,
    DEFINITE,
    GOVERNING,
    HEAD_FOLLOWERS,
    INDEFINITE,
    KIN,
    NAME_SUFFIXES,
    NEAR_TO,
    NP_STOP,
    OTHER_PRONOUNS,
    PERSON_OF,
    PERSON_ROLES,
    PHRASE_LINKS,
    PLACE_PREPOSITIONS,
    POST_NOMINALS,
    PREPOSITIONAL,
    PRESS_KINDS,
    PRONOUNS,
    VERB_FORMS,
    WORDLIKE,
)
from storyline.model import Mention

# a clause opening with a role ("One pastor supporting Mr. Ruiz,", "His longtime friend,") up to its first comma
_ROLE_BEFORE_NAME = re.compile(r"(?:(?:One|A|An|Another|The|His|Her|Their)\s+(?:[\w-]+\s+){0,2}?(?:%s)\b[^,]*"
                               r"|(?:One|An?|Another)(?:\s+[a-z][\w-]*){1,3}),$"  # "Another expert, Dr. Lars Engqvist of …,"
                               % "|".join(sorted(PERSON_ROLES | KIN)))

# a clause opening with "the" and a body's noun ("The company, Northfield Energy,", "The US carmaker, Hoshida Motor,")
_BODY_BEFORE_NAME = re.compile(r"(?:The|the)\s+(?:[\w-]+\s+){0,2}?(?:%s)"
                               % "|".join(sorted(BODY_NOUNS | COMPANY_NOUNS | {"group"})))

_OF_A_NUMBER = {"-", "percent", "%", "per"}
_OBJECT_PRONOUNS = {"him", "her", "them"}
_DETERMINERS = DEFINITE | INDEFINITE
_NO_ONE_AFTER = {"there", "here", "that", "this", "it"}  # words after a cue that open its clause, never its speaker
_GOVERNING_OBJECT = PREPOSITIONAL - {"of"}  # "beside her", not "most of them"
# the words of a stretch of time before "ago" ("less than two weeks ago")
_SPAN_OF_TIME = {"a", "an", "one", "two", "three", "four", "five", "six", "few", "several", "many", "less", "more", "than",
                 "about", "just", "only", "some", "nearly", "almost", "minutes", "minute", "hours", "hour", "days", "day",
                 "weeks", "week", "months", "month", "years", "year", "decades", "decade", "moments", "moment"}
_APPOSITION_OPENERS = {"a", "an", "the", "his", "her", "their"}
_CLAUSE_OPENERS = {"and", "but", "or", "while", "because", "although", "though", "so"}
_BEGAN = {"began", "begins", "started", "starts", "kept", "keeps"}
# nouns in -ly, not adverbs, before a cue: the phrase's head ("one Lee ally said", "the family said")
_LY_NOUNS = {"ally", "family", "assembly", "rally", "supply", "reply", "bully", "tally", "monopoly", "anomaly"}


def np_token(article: ArticleText, i: int, prepositions: bool = False) -> bool:
    """Whether token i can be part of a subject noun phrase; prepositions ("residents of streets near …") optionally."""
    tok = article.tokens[i]
    word = tok.text.lower()
    near = prepositions and word == "to" and i > 0 and article.word(i - 1) in NEAR_TO  # "a source close to the mayor"
    if word in NP_STOP and not (word == "of" or prepositions and word in PHRASE_LINKS or near):
        return False
    if given_name_as_verb(article.tokens, i):
        return True
    if tok.tag:
        if tok.tag in ("IN", "TO"):
            return word == "of" or prepositions and word in PHRASE_LINKS or near
        return tok.tag in ("DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$", "CD", "HYPH", "VBN",
                           "VBG", "NNPS")
    if word.replace(",", "").isdigit():  # "the 52-year-old", "52 percent of registered voters"; not "in 2008"
        return i + 1 < len(article.tokens) and article.word(i + 1) in _OF_A_NUMBER
    return bool(WORDLIKE.match(word)) and word not in VERB_FORMS


def noun_phrase_before(article: ArticleText, cue: int, lo: int) -> Subject | None:
    j = cue - 1
    if article.word(cue).endswith("ing") and article.word(j) in _BEGAN and _opens_quotation(article, cue + 1):
        j -= 1  # "a section near the back began chanting “…”": the phrase before the verb it goes on
    while j >= 0 and article.tokens[j].start >= lo and (article.word(j) in ADVERBIALS or article.word(j).endswith("ly")
                                                         and article.tokens[j].tag in ("RB", "")
                                                         and article.tokens[j].text.islower()  # not "Kelly"
                                                         and article.word(j) not in _LY_NOUNS):  # "one Lee ally said"
        j -= 1
    if article.word(j) in _INTENSIFIERS and j > 0 and article.tokens[j - 1].start >= lo \
            and article.mention_by_end.get(article.tokens[j - 1].end) is not None:
        j -= 1  # "Saka himself posted": the name the reflexive stresses
    if article.word(j) == "ago":  # "The State Department less than two weeks ago said": the time, not the subject
        j -= 1
        while j >= 0 and article.tokens[j].start >= lo and (article.word(j) in _SPAN_OF_TIME or article.word(j).isdigit()):
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
        if article.word(k + 1) in _CLAUSE_OPENERS:
            return None  # "… the Middle East, and there is no timeframe …, said Sanjeev Gaur": a clause, no apposition
        # "The trust’s chief executive, Paul D’Souza, said": the apposition is the name.
        # "Seth McKee, a political scientist at Texas Tech University, told": the name before it.
        appositive = article.mention_by_end.get(article.tokens[j - 1].end)
        if appositive is not None and appositive.start > article.tokens[k].start and named_person(article, appositive) \
                and _opens_apposition(article, k, appositive):
            return subject_from_mention(article, appositive)
        if appositive is not None and appositive.label == "ORG" and appositive.start > article.tokens[k].start \
                and _BODY_BEFORE_NAME.fullmatch(article.text, lo, article.tokens[k].start) \
                and article.text[article.tokens[k].end:appositive.start].strip() in ("", "the"):
            return subject_from_mention(article, appositive)  # "The company, Northfield Energy, said": the body named
        # "One pastor backing Mr. Ruiz, Dan Oduya of Grace Church, said": the clause opens with a role, the name
        # set beside it speaks, not a name the role's phrase governs
        named = article.first_mention_from(article.tokens[k].end, article.tokens[j].start)
        if named is not None and named_person(article, named) and _opens_apposition(article, k, named) \
                and _ROLE_BEFORE_NAME.match(article.text, lo, article.tokens[k].end):
            return subject_from_mention(article, named)
        j = _before_brackets(article, k - 1, lo)  # "Rep. Sander M. Levin (Mich.), a superdelegate …, said"
        if j < 0 or article.tokens[j].start < lo:
            return None
    return _classify_ending_at(article, j, lo)


_INTENSIFIERS = {"himself", "herself", "itself", "themselves"}


def _opens_quotation(article: ArticleText, i: int) -> bool:
    """Whether token i, or the comma or colon at i and the token after it, opens a quotation."""
    if i < len(article.tokens) and article.tokens[i].text in (",", ":"):
        i += 1
    return i < len(article.tokens) and article.tokens[i].text in QUOTE_TOKENS


def _relative_antecedent(article: ArticleText, who: int, lo: int) -> Subject | None:
    """The person a "who" before a cue stands for: the name right before it, a comma between or not ("the radio
    host Charlie Sykes, who lamented …", "a tweet from Ann Lee who wrote"), or before a description set beside it
    ("Dana Whitlock, the anchor of the evening show, who asked"); None where no person's name ends there ("a
    gynecologist from Englewood, New Jersey, who said")."""
    k = who - 1
    if k >= 0 and article.tokens[k].text == ",":
        k -= 1
    mention = article.mention_by_end.get(article.tokens[k].end) if k >= 0 and article.tokens[k].start >= lo else None
    if (mention is None or not named_person(article, mention)) and article.word(who - 1) == ",":
        # "the moderator Dana Whitlock, the anchor of …, who asked", "Sen. Ann Lee, the ranking Democrat on the Senate
        # Intelligence Committee, who said": the name before the description, not a body or place ending it
        comma = next((c for c in range(who - 2, max(who - 16, -1), -1) if article.tokens[c].text == ","), None)
        if comma is not None and comma > 0 and article.tokens[comma - 1].start >= lo \
                and article.word(comma + 1) in _APPOSITION_OPENERS:
            mention = article.mention_by_end.get(article.tokens[comma - 1].end) or mention
    if mention is not None and not named_person(article, mention):
        mention = _person_of_place(article, mention, lo) or mention  # "Sen. Ann Lee of California, who said"
    if mention is None and k >= 0 and article.tokens[k].start >= lo and article.word(k).isalpha():
        described = _classify_ending_at(article, k, lo)  # "deferred to the governor, who conceded"
        words = described.surface.lower().split() if described is not None else []
        return described if described is not None and described.kind == "role" and 1 < len(words) <= 3 \
            and words[0] == "the" and words[-1] in PERSON_ROLES else None
    if mention is None or not named_person(article, mention) or mention.label == "GPE":
        return None
    comma = article.token_at(mention.start) - 1
    if comma > 1 and article.tokens[comma].text == "," and (after_place(article, comma, mention)
                                                            or article.word(comma - 2) in PLACE_PREPOSITIONS):
        return None  # "a gynecologist from Englewood, New Jersey, who said": a place's state
    return subject_from_mention(article, mention)


def _person_of_place(article: ArticleText, place: Mention, lo: int) -> Mention | None:
    """The person a place or body names the home of, right after "of" or "from" ("Sen. Ann Lee of California",
    "Dan Oduya from Grace Church")."""
    k = article.token_at(place.start) - 1
    if k < 1 or article.word(k) not in ("of", "from") or article.tokens[k - 1].start < lo:
        return None
    person = article.mention_by_end.get(article.tokens[k - 1].end)
    return person if person is not None and person.label == "PERSON" else None


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
    if all(w[:1].isupper() or w in ("former", "the") for w in between):
        return True
    # "Her mentor, the late restaurateur Hugo Farrant,", "the candidate, regional bureaucrat Resulberdy Mammedov,": a
    # few words of what the person is, none governing the name (the name ending the apposition: not "the woman Tom
    # Reyes married in 2010,", "…, supporting Clinton,")
    if not 0 < len(between) <= 4 or article.text[mention.end:mention.end + 1] != "," \
            or not all(w.isalpha() and w.lower() not in _NOT_DESCRIBING for w in between):
        return False
    if between[0] == "the":
        return len(between) > 1
    # with no article, words that name no action ("regional bureaucrat", "prop"): not "…, backing Smith,"
    return len(between) <= 3 and all(w.islower() and not w.endswith("ing") and w not in VERB_FORMS for w in between)


_NOT_DESCRIBING = {"of", "to", "for", "from", "with", "by", "at", "in", "on", "about", "under", "behind", "beside", "near",
                   "against", "like", "and", "or", "who", "whom", "whose", "which", "that", "than"}


_APPOSITION_END = {","} | QUOTE_TOKENS - {"'", "’"}


def _classify_ending_at(article: ArticleText, j: int, lo: int) -> Subject | None:
    if (article.word(j) in NAME_SUFFIXES or article.tokens[j].text in POST_NOMINALS) and j > 0 \
            and article.tokens[j - 1].start >= lo:
        j -= 2 if article.word(j - 1) == "," else 1  # "James B. Comey Jr.", "John Doe, Jr.", "Rosalind Achterberg KC"
    tok = article.tokens[j]
    word = tok.text.lower()
    if word in _OBJECT_PRONOUNS and j >= 2 and article.tokens[j - 2].start >= lo and article.word(j - 1) in _GOVERNING_OBJECT:
        return _classify_ending_at(article, j - 2, lo)  # "An older woman … beside her, who …, said": not "her"
    if word in PRONOUNS or word in OTHER_PRONOUNS:
        return Subject("pronoun" if word in PRONOUNS else "anonymous", tok.start, tok.end, tok.text)
    mention = article.mention_by_end.get(tok.end)
    if mention is not None and mention.start >= lo:
        mention = _person_of_place(article, mention, lo) or mention
        subject = subject_from_mention(article, mention)
        first = _first_conjunct(article, mention, lo)
        if first is not mention and _of_a_noun(article, first, lo):
            mention = first  # "a spokesman for Ford and General Motors", "a lawyer for Anna Berg and Tom Reyes": theirs
        elif subject.kind == "name" or not _modified(article, mention, lo):
            return subject
        if mention.label == "ORG" and (whole := _name_cut_short(article, mention, lo)) is not None:
            return whole  # "Prairie Gold Foods said", the model's body "Gold Foods"
    if not np_token(article, j):
        return Subject("none", tok.start, tok.end, tok.text)
    # a body's name is one word of the phrase, whatever it holds ("a spokesman for Kent Fire and Rescue Service")
    k = article.token_at(mention.start) if mention is not None and mention.start >= lo else j
    while k - 1 >= 0 and article.tokens[k - 1].start >= lo and j - k < 11 and (np_token(article, k - 1, True)
                                                                            or joins_a_name(article, k - 1, lo)):
        k -= 1
    # "even a top aide", not the "Will" of "Will Estrada"
    while k < j and (article.word(k) in PHRASE_LINKS or article.word(k) in ADVERBIALS and not given_name_as_verb(article.tokens, k)):
        k += 1
    person = _person_opening(article, k, j)
    if person is not None:  # "Judge Harriet Adeyemi of the district court said": the judge, not the court
        return subject_from_mention(article, person)
    return classify_phrase(article, k, j)


def _first_conjunct(article: ArticleText, mention: Mention, lo: int) -> Mention:
    """The first of the names of one kind joined to a mention by "and" or "or", and commas before that ("Ford" of "Ford
    and General Motors", "Barclays" of "Barclays, HSBC and Lloyds"); the mention itself where none is (not "Georgia" of
    "Johnny Isakson of Georgia and John Boozman", nor "CNN" of "In an interview with CNN, Trump said")."""
    first = mention
    i = article.token_at(first.start) - 1
    links = ("and", "or", "&")
    while i >= 1 and article.tokens[i - 1].start >= lo and article.word(i) in links:
        before = article.mention_by_end.get(article.tokens[i - 1].end)
        if before is None or before.start < lo or before.label != mention.label:
            break
        first, links = before, (",",)
        i = article.token_at(first.start) - 1
    return first


def _of_a_noun(article: ArticleText, mention: Mention, lo: int) -> bool:
    """Whether a name is the object of a noun's preposition ("a spokesman for Ford", "a lawyer for the Bergs"), not of
    a phrase of another kind ("More from Blumenthal")."""
    k = article.token_at(mention.start) - 1
    if k >= 0 and article.word(k) == "the":
        k -= 1
    return k >= 1 and article.tokens[k - 1].start >= lo and article.word(k) in ("for", "to", "of", "at", "with") \
        and article.tokens[k - 1].text.isalpha() and article.tokens[k - 1].text.islower() and not is_cue(article, k - 1)


def _person_opening(article: ArticleText, k: int, j: int) -> Mention | None:
    """The person whose name opens the phrase of tokens k..j and goes on with "of" or "from" ("Judge Harriet Adeyemi
    of the district court", "Tom Lee from the county's health department"): whose the phrase is; None where the
    phrase opens with no person's name so followed, or does not open its clause ("Investors in the fund run by Ana
    Ruiz of the bank said": the investors)."""
    if k > 0 and article.sentence_of(article.tokens[k - 1].start) == article.sentence_of(article.tokens[k].start) \
            and article.tokens[k - 1].text not in (",", ";", ":", "—", "–"):
        return None
    of = next((i for i in range(k + 1, j) if article.word(i) in ("of", "from")), None)
    before = article.mention_by_end.get(article.tokens[of - 1].end) if of is not None else None
    if before is None or before.label != "PERSON" or not person_like(article, before):
        return None
    named = before.start if before.title_start is None else before.title_start
    return before if named <= article.tokens[k].start <= before.start else None


def _person_of_place(article: ArticleText, mention: Mention, lo: int) -> Mention | None:
    """"Senator Jane Roe of Ohio", "Piet Varga from the Norrvik delegation", "Ana Ortiz of the Council of
    Lima", "Rob Enderle of Enderle Group in Silicon Valley": the person the place or body follows with of/from
    (a place with in/at as well), not the place, across a chain of bodies and places so joined (a person's
    name does not run on over "of <body>")."""
    if mention.label == "PERSON" and not _one_word_of_a_person(article, mention):
        return None
    i = article.token_at(mention.start) - 1
    label = mention.label
    placed = False  # whether the chain went on over "in" or "at"
    for _ in range(4):
        if article.word(i) == "the":
            i -= 1
        # "Rob Enderle of Enderle Group in Silicon Valley": a place goes on the chain with "in" or "at" too
        placed = placed or article.word(i) in ("in", "at")
        linked = article.word(i) in PERSON_OF or label in PLACE_LABELS and article.word(i) in ("in", "at")
        if i < 1 or not linked or article.tokens[i - 1].start < lo:
            return None
        # the model can take the "of" into the body before it ("Armenian Patriarchate of")
        before = article.mention_by_end.get(article.tokens[i].end) or article.mention_by_end.get(article.tokens[i - 1].end)
        if before is None:  # a body the model did not tag ("of Brightline Research in …"): its capitalised words
            k = i - 1
            while k >= 0 and article.tokens[k].start >= lo and article.tokens[k].text[:1].isupper() \
                    and article.mention_by_end.get(article.tokens[k].end) is None:
                k -= 1
            if k == i - 1 or k < 0 or article.word(k) not in PERSON_OF:
                return None
            i, label = k, "ORG"
            continue
        if before.start < lo:
            return None
        if before.label == "PERSON":
            named = before.title_start if before.title_start is not None else before.start
            if placed and article.word(article.token_at(named) - 1) in GOVERNING:
                return None  # "a spokesman for Mayor Tom Reed in Springfield said": the spokesman speaks, unnamed
            return before
        i = article.token_at(before.start) - 1
        label = before.label
    return None



def _one_word_of_a_person(article: ArticleText, mention: Mention) -> bool:
    """Whether one word the model took for a person follows a person's name with "of" or "from" ("Mayor Oleksiy
    Hrytsenko of Pivdenne told"): the place or body the person is of, whatever the model took it for."""
    i = article.token_at(mention.start) - 1
    if " " in mention.text or i < 1 or article.word(i) not in PERSON_OF:
        return False
    before = article.mention_by_end.get(article.tokens[i - 1].end)
    return before is not None and before.label == "PERSON" and " " in before.text


def _name_cut_short(article: ArticleText, mention: Mention, lo: int) -> Subject | None:
    """A body's name the model cut short: capitalised words run on before the body it found, opening the clause
    ("Prairie Gold Foods said" read as "Gold Foods"); None where a lower-case word or "The" opens the phrase, or it
    is no clause's start."""
    i = article.token_at(mention.start) - 1
    while i >= 0 and article.tokens[i].start >= lo and article.tokens[i].text[:1].isupper() \
            and article.tokens[i].text.isalpha() and article.word(i) not in _DETERMINERS:
        i -= 1
    first = i + 1
    if first == article.token_at(mention.start) or (i >= 0 and article.tokens[i].start >= lo
                                                     and article.word(i) not in (",", ";", ":")):
        return None
    start = article.tokens[first].start
    return Subject("org", start, mention.end, article.text[start:mention.end])


def _modified(article: ArticleText, mention: Mention, lo: int) -> bool:
    """An organisation named inside a longer phrase ("the county fire service", "workers at the Port") is not
    the speaker itself."""
    i = article.token_at(mention.start) - 1
    if i >= 0 and article.word(i) == "the":
        i -= 1
    if i < 0 or article.tokens[i].start < lo:
        return False
    if any(article.word(i) in kind for kind in PRESS_KINDS):
        return False  # "the official news agency Petra said", "daily Kathimerini warned": the paper, described
    return article.word(i) != "," and (np_token(article, i) or article.tokens[i].tag == "IN"
                                       or article.word(i) in PHRASE_LINKS)


def noun_phrase_after(article: ArticleText, i: int, hi: int) -> Subject | None:
    if i >= len(article.tokens) or article.tokens[i].start >= hi:
        return None
    word = article.word(i)
    if word in PRONOUNS:
        tok = article.tokens[i]
        return Subject("pronoun", tok.start, tok.end, tok.text)
    if word in PREPOSITIONAL or word in _NO_ONE_AFTER:
        return None  # "warned of “…”", "conceded there had been “…”": no inverted subject
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
    people = [m for m in inside if m.label == "PERSON"] or [m for m in inside if named_person(article, m)]
    # A name that only qualifies the phrase's noun ("one Trump confidant", "the Clinton campaign") is
    # not the one speaking: the phrase is, and it names no one.
    heads = [m for m in people if m.end == article.tokens[j].end or article.text[m.end:m.end + 1] in (",", "(")
             or article.word(article.token_at(m.end)) in HEAD_FOLLOWERS
             or finite_verb(article, article.token_at(m.end))]  # "from Commissioner Ann Lee appeared": read past the verb
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


_OF_A_BODY = re.compile(r" (?:of|from) (?:the )?[A-Z]")


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
        ends = article.text[m.end:m.end + 2].strip()[:1] in (",", "(", ".", "") \
            or _OF_A_BODY.match(article.text, m.end) is not None  # "said Lt. Gregg Hastings of the Oregon State Police"
        if any(c in between for c in ",;:“”\"") or not ends \
                or any(w.lower() in GOVERNING or w.lower() in INDEFINITE for w in between.split()):
            return None  # not "said a longtime adviser to Trump": the adviser speaks, unnamed
        return subject_from_mention(article, m)
    return None
