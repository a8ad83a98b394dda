"""Who a sentence is about: the subject it opens with, and whether a mention stands as a subject.

Without the model's parser (analysis runs the NER alone), the subject is told by the words before a
mention: a name opening its sentence or clause, titles, roles and "the" before it allowed, is a subject;
one after a participle, a preposition of object or a verb is not. An opening phrase ("Eight years ago,",
"When he returned,") is passed over to the he, she or person after its comma.
"""

from __future__ import annotations

import re

from storyline.analyze.article_text import ArticleText
from storyline.analyze.cue_subjects import participle_object
from storyline.analyze.cue_words import is_cue, passive_after, verb_like
from storyline.analyze.participles import hangs_from_clause
from storyline.analyze.person_names import dash_after_name
from storyline.analyze.quote_marks import QUOTE_TOKENS
from storyline.analyze.speaker_kinds import Subject, classify_phrase, person_like, subject_from_mention
from storyline.analyze.speaker_phrases import after_place, noun_phrase_before, np_token
from storyline.lang.en import (
    ADDRESSED_PASSIVES,
    ANONYMOUS,
    DEFINITE,
    FINITE_AUXILIARIES,
    GOVERNING,
    GROUP_HEADS,
    ING_NOUNS,
    KIN,
    NP_STOP,
    OBJECT_PREPOSITIONS,
    PARTICIPLE_CUES,
    PASSIVE_AUXILIARIES,
    PERSON_ROLES,
    PRONOUNS,
    SENTENCE_OPENERS,
    SUBORDINATORS,
    VERB_FORMS,
)
from storyline.model import Mention


def sentence_subject(article: ArticleText, sentence: tuple[int, int]) -> Subject | None:
    """The noun phrase a sentence opens with, after an introductory clause ("Asked about X, Trump said")
    or a conjunction ("And Mr. Christie gloated:")."""
    i = article.token_at(sentence[0])
    while i + 1 < len(article.tokens) and article.word(i) in ("and", "but", "or", "so", "yet", "then", ","):
        i += 1
    for j in range(i, min(len(article.tokens), i + 25)):
        tok = article.tokens[j]
        if tok.start >= sentence[1]:
            break
        if is_cue(article, j) and j == i:
            continue  # "Asked whether he would …, the 56-year-old said": an opening participle, no one's cue
        if is_cue(article, j):
            subject = None if hangs_from_clause(article, j) else noun_phrase_before(article, j, sentence[0])
            if subject is not None and subject.kind not in ("none", "inherit") \
                    and not (subject.mention is not None and _qualifies_by_hyphen(article, subject.mention)) \
                    and not participle_object(article, j, subject, sentence[0]):
                return subject  # not "… and said" nor "emailed members saying": the one this sentence opens with
            break
    if i >= len(article.tokens):
        return None
    if article.word(i) in PRONOUNS:
        tok = article.tokens[i]
        return Subject("pronoun", tok.start, tok.end, tok.text)
    j = i
    while j + 1 < len(article.tokens) and article.tokens[j + 1].start < sentence[1] and np_token(article, j + 1) \
            and j - i < 8:
        j += 1
    leading = article.mentions_within(article.tokens[i].start, article.tokens[j].end)
    people = [m for m in leading if person_like(article, m) and not _qualifies_by_hyphen(article, m)]
    if people:
        return subject_from_mention(article, _apposed_to_possessor(article, people[-1]) or people[-1])
    missed = missed_surname(article, i, alone=True)  # opening the sentence before a verb, it is the subject
    if missed is not None and i + 1 < len(article.tokens) and (verb_like(article, i + 1) or is_cue(article, i + 1)):
        return Subject("name", missed.start, missed.end, missed.text)  # "Trump gestured …, then boomed: “…”"
    opened = _after_opening_phrase(article, i, sentence)
    if opened is not None:
        return opened
    first = article.first_mention_from(sentence[0], sentence[1])
    if first is not None and subject_like(article, first) and person_like(article, first):
        return subject_from_mention(article, first)
    j = i
    while j + 1 < len(article.tokens) and article.tokens[j + 1].start < sentence[1] and np_token(article, j + 1) \
            and j - i < 8:
        j += 1
    if np_token(article, i):
        phrase = classify_phrase(article, i, j)
        if phrase.kind in ("anonymous", "role"):
            return phrase
    return None


def missed_surname(article: ArticleText, i: int, alone: bool = False) -> Mention | None:
    """Token i as a person's surname where the model named no one ("Trump gestured …", the model having read
    Donald Trump elsewhere in the article): a surname of a person found with a first name (or alone, where alone
    says so: the model's one-word "persons" are often a body's or a place's name), never written in lower case, not
    shared by two people, not beside another capitalised word, outside quotations; else None."""
    tok = article.tokens[i]
    if tok.text not in article.surnames or tok.text in article.shared_surnames or article.in_quote(tok.start) \
            or not _full_name_ending(article, tok.text, alone) or i > 0 and article.tokens[i - 1].text[:1].isupper() \
            or i + 1 < len(article.tokens) and article.tokens[i + 1].text[:1].isupper() \
            or article.written_in_lower_case(tok.text) \
            or any(m.start <= tok.start and tok.end <= m.end for m in article.mentions_within(tok.start - 40, tok.end + 40)):
        return None
    return Mention(tok.text, tok.start, tok.end, "PERSON")


def _full_name_ending(article: ArticleText, surname: str, alone: bool) -> bool:
    """Whether a person the model found elsewhere has a first name and this surname ("Donald Trump"), or, where
    alone allows, is this surname alone ("Trump"); not a run it took for a person ("Murdoch In", "Clinton White")."""
    return any(m.text == surname and alone or len(m.text.split()) == 2 and m.text.split()[-1] == surname
               and m.text.split()[0].isalpha() and m.text.split()[0][:1].isupper() and m.text.split()[0][1:].islower()
               for m in article.people if m.text.endswith(surname))


_POSSESSED_NOUN = re.compile(r"['’]s\s+([a-z]+),\s+")


def _apposed_to_possessor(article: ArticleText, possessor: Mention) -> Mention | None:
    """The person named in apposition to a noun of the possessor's ("Varga's son, Tomas, wrote", "Ruiz's
    spokeswoman, Ana Ortiz, said"): the sentence's subject, not the possessor."""
    match = _POSSESSED_NOUN.match(article.text, possessor.end)
    named = article.first_mention_from(match.end(), match.end() + 1) if match else None
    if named is None or named.label != "PERSON" or not article.text.startswith(",", named.end):
        return None
    return named


def _after_opening_phrase(article: ArticleText, i: int, sentence: tuple[int, int]) -> Subject | None:
    """The he, she or person right after the commas of a sentence's opening phrase ("Eight years ago, he
    supported …", "Here in Columbia, Sanders stepped up …", "When he returned, he began by saying", the comma
    left out between a clause's verb and the he or she opening the main clause: "When he returned he began"); a
    finite verb before the comma, outside a clause opened by "when", "after" …, means no opening phrase."""
    subordinate = article.word(i) in SUBORDINATORS
    for k in range(i, min(len(article.tokens) - 1, i + 25)):
        tok = article.tokens[k]
        if tok.start >= sentence[1] or tok.text in QUOTE_TOKENS or tok.text in (";", ":"):
            return None
        if verb_like(article, k) and not subordinate:
            return None
        if subordinate and k > i + 1 and article.word(k) in ("he", "she") and verb_like(article, k - 1) \
                and verb_like(article, k + 1):  # "When he returned he began by saying": no comma to end the clause
            return Subject("pronoun", tok.start, tok.end, tok.text)
        if tok.text != ",":
            continue
        nxt = article.tokens[k + 1]
        if article.word(k + 1) in ("he", "she"):
            return Subject("pronoun", nxt.start, nxt.end, nxt.text)
        missed = missed_surname(article, k + 1, alone=True)
        if missed is not None and k + 2 < len(article.tokens) and verb_like(article, k + 2):
            return Subject("name", missed.start, missed.end, missed.text)  # "At the debate, Sanders compared …"
        mention = next((m for m in article.mentions_within(nxt.start, sentence[1]) if person_like(article, m)), None)
        lead = article.text[nxt.start:mention.start].split() if mention is not None else []
        if mention is not None and len(lead) < 4 and all(w[:1].isupper() for w in lead) \
                and person_like(article, mention) and subject_like(article, mention):
            return subject_from_mention(article, mention)
        # past one comma, a finite verb is the main clause's, unless another clause opens there ("In June,
        # after Ruiz fell ill, Ortiz wrote …")
        subordinate = article.word(k + 1) in SUBORDINATORS
    return None


# what follows a name in a list of places that a plural place noun closes: "Wayne" in "in Lenoir, Wayne and Craven
# counties", "Polk" in "Polk, Story and Linn counties", "Craven" before "counties"
_NAMES = r"(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*"
_LIST_OF_PLACES = re.compile(r"(?:(?:,\s*" + _NAMES + r")*,?\s+(?:and|or)\s+" + _NAMES + r")?\s+(?:counties|cities|towns|"
                             r"states|provinces|districts|parishes|boroughs|regions|villages|islands|suburbs"
                             r"|neighborhoods|neighbourhoods)\b")


def subject_like(article: ArticleText, mention: Mention) -> bool:
    """A mention that opens its sentence or clause (titles and roles before it allowed): a subject; not a name
    that qualifies a word joined to it by a hyphen (`_qualifies_by_hyphen`)."""
    if _qualifies_by_hyphen(article, mention) or _LIST_OF_PLACES.match(article.text, mention.end):
        return False  # ... nor a name in a list of places ("in Lenoir, Wayne and Craven counties")
    sentence = article.sentences[article.sentence_of(mention.start)]
    start = mention.title_start if mention.title_start is not None else mention.start
    view = _VIEW_OPENING.match(article.text, sentence[0], sentence[1])
    if view is not None and start >= view.end() and any(m.label == "PERSON" and not _PLACE_WORDS.search(view.group())
                                                        for m in article.mentions_within(view.start(), view.end())):
        return False  # "For Ann Lee, Mayor Ruiz is wrong": Ruiz is in Lee's view, Lee is whom the sentence is about
    j = article.token_at(mention.end)
    asked = passive_after(article, j)
    if asked is not None and article.word(asked) in ADDRESSED_PASSIVES:
        return True  # "… so blatant that Mr. Trump was (later) asked about it.": the one asked answers next
    i = article.token_at(start) - 1
    if i > 0 and article.word(i) == "as" and article.tokens[i - 1].text == "," and j < len(article.tokens) \
            and is_cue(article, j) and article.tokens[j].text.islower():
        return True  # "…, as Mr. Ruiz suggested at the meeting.": the subject of the clause that gives his view
    if i >= 0 and article.word(i) == "what" and j < len(article.tokens) and is_cue(article, j) \
            and article.tokens[j].text.islower():
        return True  # "conflicted with what Ana Ruiz told the paper": the one whose words the sentence is about
    if i >= 0 and article.word(i) == "whether" and j < len(article.tokens) \
            and (article.word(j) in FINITE_AUXILIARIES or article.word(j) == ",") \
            and not any(article.word(k) in PRONOUNS for k in range(article.token_at(sentence[0]), i)) \
            and not any(sentence[0] <= m.start < article.tokens[i].start for m in article.people) \
            and article.word(article.token_at(sentence[0])) != "asked":
        return True  # "It was unclear whether Sanders was ready": the one the sentence asks about, none before it;
    # not "Asked whether Rovers could win the league, he said": the one asked answers
    if i > 0 and article.tokens[i].start >= sentence[0] and is_cue(article, i) \
            and article.tokens[i - 1].text in (",", *QUOTE_TOKENS) \
            and (j >= len(article.tokens) or article.tokens[j].start >= sentence[1] or article.word(j) in (",", ";", "(")):
        return True  # "…, said Grant Green, a security official.": the inverted cue's speaker
    if i > 0 and article.word(i) in _BE and article.word(i - 1) == "it" and article.word(j) in ("who", "that") \
            and article.tokens[i - 1].start >= sentence[0] and j + 1 < len(article.tokens) \
            and article.tokens[j + 1].text.islower() and article.word(j + 1) not in PRONOUNS and article.word(j + 1) not in DEFINITE:
        return True  # "It was Reyes who got them back together", not "It was Reyes who Hale blamed": its subject
    while i >= 0 and article.tokens[i].start >= sentence[0]:
        tok = article.tokens[i]
        if tok.text.islower() and (tok.text in PARTICIPLE_CUES or tok.text.endswith("ing") and len(tok.text) > 4
                                   and tok.text not in ING_NOUNS):
            return False  # "protesting Mr. Trump", "saying Clinton was committed": a participle's object or clause
        if tok.text == "," and (_object_apposition(article, i, mention, sentence[0]) or after_place(article, i, mention)):
            return False  # "Hale took his daughter, Chloe, there": a name in apposition to an object
        if tok.text == "," and i > 0 and article.word(i - 1) in OBJECT_PREPOSITIONS | _DANGLING:
            return False  # "drew close to, or even ahead of, front-runner Ann Lee": the preposition's object
        if tok.text in (",", ";", "—", ":") or tok.text in QUOTE_TOKENS or tok.text == "(" and tok.start == sentence[0]:
            break  # "(John Schlafly defended his mother …)": a sentence in brackets opens with its subject too
        if tok.text.lower() in ("and", "but") and i > 0 and article.tokens[i - 1].text in (",", ";"):
            break  # ", and President Zelensky made clear": the subject of a second clause
        if tok.text.lower() in SENTENCE_OPENERS and all(article.word(k) in SENTENCE_OPENERS
                                                        or article.tokens[k].text == ","
                                                        for k in range(article.token_at(sentence[0]), i)):
            i -= 1  # "But Ayotte isn't interested.", "And even Obama tried …": the sentence still opens with them
            continue
        if tok.text.lower() in _BE and i + 1 == article.token_at(start) and article.text[mention.end:mention.end + 1] in ",." \
                and _opens_inverted(article, sentence[0]):
            return True  # "Yet there in the back was Garcia, the grocery worker.": the subject, after its verb
        if _bears_name(article, i):
            i -= 1  # "a worker named Antonio Arroyo has …": the name is the subject noun phrase's
            continue
        if tok.tag and tok.tag not in ("DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$", "HYPH", "CD"):
            return False
        word = tok.text.lower()
        if word in ("for", "to") and tok.start == sentence[0] and _before_comma(article, mention):
            return True  # "To Professor Ann Lee, the result seemed sad.": whose view the sentence gives
        if word in OBJECT_PREPOSITIONS:
            return False  # "a former director under Governor Ann Lee"
        if word in ("whether", "if"):
            return False  # "Asked whether Rovers could win the league, he said": what was asked about, not who answers
        if not tok.tag and (word in NP_STOP or word in VERB_FORMS or word.endswith("ed") and tok.text.islower()):
            return False
        i -= 1
    j = article.token_at(mention.end)
    if j < len(article.tokens):
        nxt = article.tokens[j]
        if nxt.tag in ("POS",) or nxt.text in ("’s", "'s"):
            return False
        if nxt.text.islower() and (nxt.text in ANONYMOUS or nxt.text in GROUP_HEADS):
            return False  # "Trump supporters ripped them away": the name qualifies the group that acts
    return True


def _qualifies_by_hyphen(article: ArticleText, mention: Mention) -> bool:
    """Whether a name is joined by a hyphen to a lower-case word it qualifies ("a Trump-style retort", "the
    Obama-era rule", "a Sanders-backed slate"): part of a noun phrase about something else, no one's subject; not a
    dash typed as a hyphen ("Jonathan Wright-director of … at Interoute-told the BBC")."""
    return re.match(r"-[a-z]", article.text[mention.end:mention.end + 2]) is not None \
        and not dash_after_name(article.text, mention.end)


def _object_apposition(article: ArticleText, comma: int, mention: Mention, lo: int) -> bool:
    """Whether the name after a comma is set beside a role or kin noun that a verb or preposition governs
    ("took his daughter, Chloe, there", "counsel under Mr. Bush's father, George Bush, ticked"): the name
    closed by a second comma, the noun right before the first, a verb or preposition a few words before it."""
    j = comma - 1
    if j < 0 or article.tokens[j].start < lo or article.word(j) not in PERSON_ROLES | KIN \
            or not article.tokens[j].text.islower() or article.text[mention.end:mention.end + 1] != ",":
        return False
    for k in range(j - 1, max(j - 10, -1), -1):
        if article.tokens[k].start < lo or article.tokens[k].text in (",", ";", ":", "(", ")"):
            return False
        if article.word(k) in _BE and _opens_inverted(article, lo):
            return False  # "At center stage was his daughter, Ann Lee, who spoke": the subject, after its verb
        if verb_like(article, k) or article.word(k) in GOVERNING | OBJECT_PREPOSITIONS:
            return True
        if article.word(k) in DEFINITE and k > 0 and article.tokens[k - 1].start >= lo \
                and article.tokens[k - 1].text.isalpha() and article.tokens[k - 1].text.islower() \
                and article.word(k - 1) not in _JOINING | _BE:
            return True  # "Whitlock beat the fourth seed, Andrés Molina, 7-6": a word governs the noun's phrase
    return False


_JOINING = {"and", "but", "or", "nor", "yet", "so", "then"}


def _bears_name(article: ArticleText, i: int) -> bool:
    """Whether token i is "named" or "called" joining a noun to the name it bears ("a worker named Ann Lee")."""
    return article.word(i) in ("named", "called", "nicknamed") and i > 0 and article.tokens[i - 1].text.isalpha() \
        and article.tokens[i - 1].text.islower() and article.word(i - 1) not in PASSIVE_AUXILIARIES | FINITE_AUXILIARIES


# Prepositions that may stand right before a comma, their object after a parenthesis ("ahead of, or close to, Ann Lee").
_BE = {"is", "was"}
# Words opening a sentence whose verb comes before its subject ("At center stage was …", "Yet there in the back
# was …", "Across town, … is …"); not "The judge he meant is Ann Lee", where the name is what the subject is.
_PLACE_OPENERS = {"at", "in", "on", "across", "behind", "beside", "among", "amid", "there", "here",
                  "inside", "outside", "near", "nearby", "around", "beyond", "next", "up", "down", "over"}
# Words that may stand before such an opening ("Yet there in the back was …", "And at the back was …"), and before a
# sentence opening with its subject alike ("But the judge he meant is Ann Lee"): passed over, they say neither.
_CONJUNCTIONS = {"yet", "and", "but", "then", "so"}
_DANGLING = {"to", "with", "by", "for", "about", "at", "on", "from", "into", "behind", "toward", "towards"}
def _opens_inverted(article: ArticleText, lo: int) -> bool:
    """Whether the sentence starting at lo opens with a place or "there", past any conjunction: its verb may come
    before its subject."""
    i = article.token_at(lo)
    while i < len(article.tokens) and article.word(i) in _CONJUNCTIONS:
        i += 1
    return article.word(i) in _PLACE_OPENERS


_VIEW_OPENING = re.compile(r"(?:For|To)\s+(?:[a-z]+\s+){0,4}[A-Z][^,.]{1,40},\s")
_PLACE_WORDS = re.compile(r"\b(?:in|at|on|from|during|after|since)\s")


def _before_comma(article: ArticleText, mention: Mention) -> bool:
    return article.text[mention.end:mention.end + 2].lstrip(" ")[:1] == ","
