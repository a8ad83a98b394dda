"""What a noun phrase is as a speaker (Subject): a name, a pronoun, a role ("the minister"), an anonymous
source ("an official", "officials"), a body, or nothing; and whether a mention is a person's name, one the
model took for a place or body included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.analyze.article_text import ArticleText
from storyline.analyze.entities import ORG_WORDS
from storyline.analyze.person_names import could_be_name, person_beside, role_word
from storyline.analyze.places import is_country
from storyline.lang.en import (
    ANONYMOUS,
    DEFINITE,
    GROUP_HEADS,
    HONORIFICS,
    INDEFINITE,
    NEAR_TO,
    OTHER_PRONOUNS,
    PERSON_ROLES,
    PHRASE_LINKS,
    PREPOSITIONAL,
    PRONOUNS,
    UNNAMED,
    WORDLIKE,
)
from storyline.lang.en_demonyms import COUNTRY_DEMONYMS
from storyline.model import Mention


@dataclass
class Subject:
    kind: str  # name | pronoun | role | anonymous | org | none
    start: int
    end: int
    surface: str
    mention: Mention | None = None


def person_like(article: ArticleText, mention: Mention) -> bool:
    """A person, or a name the model took for a body or a place that reads as a person's ("Paul D’Souza"): two
    capitalised words or more, no body's word, not read so elsewhere, no country, and no "the" right before it
    ("The Care Quality Inspectorate said": a body, whatever its words)."""
    if mention.label == "PERSON":
        return True
    words = mention.text.split()
    elsewhere = article.other_starts.get(mention.text, set())
    return mention.label in ("GPE", "ORG") and len(words) >= 2 and all(w[:1].isupper() for w in words) and \
        not set(words) & ORG_WORDS and not (len(elsewhere) > 1 or (elsewhere and mention.start not in elsewhere)) \
        and not is_country(mention.text) and could_be_name(words) \
        and not (mention.title is None and _A_BODYS_THE.search(article.text, max(0, mention.start - 5), mention.start))


def named_person(article: ArticleText, mention: Mention) -> bool:
    """A person, or a name the model took for a place or body that has no word of one ("Paul D’Souza", not
    "Texas Tech University" or "New York")."""
    return mention.label == "PERSON" or (person_like(article, mention) and mention.label != "GPE"
                                         and not set(mention.text.split()) & ORG_WORDS)


def subject_from_mention(article: ArticleText, mention: Mention) -> Subject:
    """A name's subject: a person's or a body's; a role where "the" goes before one word the model took for a
    name ("the Scot was brief", "the Texan said") or a people it took a place into ("the Mississippi Republican"):
    what someone is, whom the story named otherwise."""
    the = _THE_BEFORE.search(article.text, max(0, mention.start - 5), mention.start)
    if the is not None and mention.title is None and (" " not in mention.text or mention.label == "NORP") \
            and _one_of_a_people(mention):  # "the Scot", "the Mississippi Republican"
        return Subject("role", the.start(), mention.end, article.text[the.start():mention.end])
    kind = "name" if person_like(article, mention) else "org"
    return Subject(kind, mention.start, mention.end, mention.text, mention)


_THE_BEFORE = re.compile(r"(?<![\w’'])the\s+$")
_A_BODYS_THE = re.compile(r"(?<![\w’'])[Tt]he\s+$")


def _one_of_a_people(mention: Mention) -> bool:
    """Whether one word after "the" says what a person is, not which body speaks: a word the model took for a
    name ("the Scot"), one of a nationality, party or faith in the singular ("the Argentine", "the Republican";
    not "the Democrats"), or a word of a nationality it took for a body ("the Spaniard", "the Portuguese"; not
    "the Pentagon", "the Guardian")."""
    if mention.label == "PERSON":
        return True
    if mention.label == "NORP":
        return not mention.text.endswith("s") or mention.text.endswith("ss")
    return mention.label in ("ORG", "GPE") and (mention.text.lower() in COUNTRY_DEMONYMS
                                                or mention.text.endswith(_NATIONALITY_ENDINGS))


_NATIONALITY_ENDINGS = ("ard", "ese")
# Words that leave who is meant unnamed ("a diplomat said") but name one office with "top" or "chief" before them
# ("the top US diplomat", "Finland's chief diplomat"): the office's titles, by which roles.role_antecedent finds
# its holder in the story.
CHIEF_TITLES = {"diplomat": ("secretary of state", "foreign minister", "foreign secretary", "minister of foreign affairs",
                             "foreign affairs minister")}


def joins_a_name(article: ArticleText, i: int, lo: int) -> bool:
    """Whether token i is the "and" or "&" inside a capitalised name the model did not find ("Procter and Gamble",
    "Marks & Spencer"): a capitalised word on either side, neither a name the model found."""
    if article.word(i) not in ("and", "&") or i < 1 or i + 1 >= len(article.tokens) or article.tokens[i - 1].start < lo:
        return False
    before, after = article.tokens[i - 1], article.tokens[i + 1]
    return before.text[:1].isupper() and after.text[:1].isupper() and before.text.isalpha() \
        and article.mention_by_end.get(before.end) is None and article.first_mention_from(after.start, after.end) is None


def classify_phrase(article: ArticleText, k: int, j: int) -> Subject:
    """A noun phrase without a name: anonymous ("an official", "the company"), a role ("the minister") or nothing."""
    start, end = article.tokens[k].start, article.tokens[j].end
    surface = article.text[start:end]
    first = article.word(k)
    head_index = j
    for x in range(k, j + 1):  # the head comes before any "of"/"near" ("the head of American diplomacy")
        if article.word(x) in PHRASE_LINKS or article.word(x) == "to" and x > k and article.word(x - 1) in NEAR_TO:
            head_index = x - 1
            break
    if head_index > k and article.word(head_index) in NEAR_TO:
        head_index -= 1  # "sources close to the mayor", "people familiar with the talks": the sources, the people
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
    chief = head in CHIEF_TITLES and any(article.word(x) in ("top", "chief") for x in range(k, head_index))
    if first in INDEFINITE or (head in ANONYMOUS and not chief) or head in GROUP_HEADS or plural:
        return Subject("anonymous", start, end, surface)
    if first in DEFINITE or article.tokens[k].text.lower().endswith(("’s", "'s")):
        return Subject("role", start, end, surface)
    run = j  # a name the model missed: the phrase ends in two or more capitalised words ("fire chief Dolores Whitlock")
    while run - 1 >= k and (article.tokens[run - 1].text[:1].isupper() and article.tokens[run - 1].tag in ("NNP", "")
                            and article.word(run - 1) not in DEFINITE
                            or joins_a_name(article, run - 1, start)):  # "Procter and Gamble"
        run -= 1
    if run - 1 >= k and article.word(run - 1) == "of" and j - run >= 2:
        run += 1  # "Secretary of State Gail Reinholt": the office's own word before the name
    while j - run >= 2 and role_word(article.tokens[run].text, article.written_in_lower_case):
        run += 1  # "Minister for Health Rhiannon Pallister", "Trustee Harjit Sandhu": a role before the name
    names = [article.tokens[x].text for x in range(run, j + 1)]
    joined = any(w in ("and", "&") for w in names)  # two names joined: a body's name ("Marks and Spencer")
    if j - run >= 1 and all(w[:1].isupper() or w in ("and", "&") for w in names) and article.tokens[j].tag in ("NNP", ""):
        start_name = article.tokens[run].start
        if not joined and could_be_name(names) and not set(names) & ORG_WORDS:
            return Subject("name", start_name, end, article.text[start_name:end])
        beside = person_beside(article.text, article.people, start_name, end)  # "Pennsylvania Gov. and … Ed Rendell"
        if beside is not None:
            return subject_from_mention(article, beside)
        if names[-1].rstrip(".").lower() in PERSON_ROLES:  # "Springfield Police Chief said": an office, its holder
            return Subject("role", start_name, end, article.text[start_name:end])
        # a body the model did not tag ("Human Rights Watch said in a report:"): it speaks, not the last one named
        return Subject("org", start_name, end, article.text[start_name:end])
    if head.isalpha() and not head_tok.text[:1].isupper() and head not in PREPOSITIONAL:  # not "along with"
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
