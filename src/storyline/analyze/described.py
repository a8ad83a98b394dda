"""A person a cue names by a description that ends in their name: that person speaks.

"“…,” his nephew Michery el Soheil added", "said Oversight ranking Democrat Elijah Cummings (D-Md.)",
"host Bill Maher asked": the words before the name (a role, a kin noun, a party, a body's name) say who
the person is, and a reader takes the name as the speaker, not the description. The name must close the
phrase and nothing may make it the object of the description: "a spokesman for Hillary Clinton", "an aide
to Ted Cruz", "the wife of Bill Clinton" stay as they are (anonymous, or a role for someone else), and so
does a name that only qualifies the head ("a Clinton aide"). A message's author is the one who speaks through
it ("according to a post from Ana Ruiz").
"""

from __future__ import annotations

import calendar
import re

from storyline.analyze.article_text import ArticleText
from storyline.analyze.cue_subjects import preposition_before
from storyline.analyze.person_names import could_be_name
from storyline.analyze.speaker_kinds import Subject, person_like, subject_from_mention
from storyline.analyze.subjects import sentence_subject, subject_like
from storyline.lang.en import FUNCTION_WORDS, KIN, MESSAGE_NOUNS, OBJECT_PREPOSITIONS, PERSON_OF, PERSON_ROLES

# Before the name, words a description may hold without making the name its object.
_DESCRIPTION_WORDS = {"the", "a", "an", "his", "her", "their", "its", "our", "one"}
# Words that make the name after them the object of the description: a preposition ("a spokesman for Ann
# Lee", "the wife of Piet Varga") or another function word ("the man who met Ann Lee").
_OBJECT_WORDS = OBJECT_PREPOSITIONS | PERSON_OF | (FUNCTION_WORDS - _DESCRIPTION_WORDS)


def named_in_description(article: ArticleText, subject: Subject) -> Subject | None:
    """The person whose name ends a role or anonymous noun phrase ("his nephew Michery el Soheil"), as a
    name subject; None where the phrase ends in no person's name or the name is the object of a word
    before it ("a spokesman for Ann Lee", "the wife of Piet Varga").

    Right after a role or kin noun ("nephew", "Democrat", "host") capitalised words that can be a name are
    one, whatever the model took them for (it reads "Michery el Soheil" as a body, and misses "Elijah
    Cummings" after "Democrat")."""
    if subject.kind not in ("role", "anonymous"):
        return None
    tail = _NAME_AT_END.search(article.text, subject.start, subject.end)
    if tail is None or article.text[tail.end():subject.end].strip(" ,."):
        return None
    start = tail.start()
    for word in tail.group().split()[:-2]:  # "Democrat Elijah Cummings": the role word is no part of the name
        if word.lower() not in PERSON_ROLES | KIN:
            break
        start = article.text.index(word, start) + len(word) + 1
    inside = [m for m in article.mentions_within(subject.start, subject.end) if m.end == tail.end()]
    mention = inside[-1] if inside else None
    start = mention.start if mention is not None else start
    words = article.text[subject.start:start].split()
    if not words or preposition_before(article, start, subject.start, _OBJECT_WORDS, adjacent=False) is not None:
        return None
    if mention is not None and person_like(article, mention):
        return subject_from_mention(article, mention)
    name = article.text[start:tail.end()]
    if words[-1].lower().strip(",") in PERSON_ROLES | KIN and len(name.split()) >= 2 and could_be_name(name.split()):
        return Subject("name", start, tail.end(), name, mention if mention is not None and mention.label == "PERSON"
                       else None)
    return None


# The capitalised words (a small particle such as "el", "de", "van" allowed inside) that end a noun phrase.
_NAME_AT_END = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w’'.-]*)+\s*$")


# "a post from", "a statement by", "a court document filed by": the author follows; "an editorial in": the paper
_AUTHORING = {"filed", "written", "issued", "signed", "sent", "released", "posted", "published"}
_AUTHOR_AFTER = re.compile(r"\s+(?:(?:%s)\s+)?(?:from|by)\s+" % "|".join(sorted(_AUTHORING)))
_BY = re.compile(r"\s+(?:from|by)\s+")
_IN = re.compile(r"\s+in\s+")
_ONES_BODY = re.compile(r"['’]s\b|\s+(?:campaign|office|team|staff|administration|aides?|spokes\w+|lawyers?|attorneys?)\b")
_ISSUED = re.compile(r"(?:,\s+who)?(?:\s+\w+ly)?\s+(?:has\s+|had\s+|have\s+)?(?:issued|released|sent|wrote|provided|posted|"
                     r"published|put\s+out|signed|penned|gave|emailed|tweeted|circulated|distributed)\b")
_CALENDAR_WORDS = {name.lower() for name in (*calendar.day_name, *calendar.month_name) if name}
_CAPITALISED = re.compile(r"(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4}")
_PAPER_PIECES = {"editorial", "column", "op-ed", "leader"}


_MESSAGE_FROM = re.compile(r"(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+)?(?:%s)\s+(?:(?:%s)\s+)?(?:from|by)\s+(?:the\s+)?"
                           % ("|".join(sorted(MESSAGE_NOUNS)), "|".join(sorted(_AUTHORING))), re.IGNORECASE)


def message_from(article: ArticleText, lo: int, mention_start: int) -> bool:
    """Whether the words from lo up to a name are a message from it: "A statement from Waitrose" said."""
    return _MESSAGE_FROM.fullmatch(article.text, lo, mention_start) is not None


def author_of_message(article: ArticleText, subject: Subject) -> Subject | None:
    """The person or body who wrote or gave the message a cue names ("according to a post from Ana Ruiz", "a
    statement by Piet Varga said", "a statement from Norrvik Ferries said", "an editorial in the daily Kvällsposten
    said"): their words, as a reader takes them; None for any other noun ("a spokesman for Ana Ruiz")."""
    if subject.kind not in ("role", "anonymous"):
        return None
    words = re.findall(r"[\w-]+", subject.surface.lower())
    link = _AUTHOR_AFTER.match(article.text, subject.end)
    if len(words) > 1 and words[-1] in _AUTHORING:  # the phrase read on over "filed" to "by"
        words, link = words[:-1], _BY.match(article.text, subject.end)
    if words and words[-1] in _PAPER_PIECES and link is None:
        link = _IN.match(article.text, subject.end)
    if link is None and (inside := _AUTHOR_AFTER.search(article.text, subject.start, subject.end)) is not None:
        link = inside  # the phrase read on over the author: "A statement from Waitrose said"
        words = re.findall(r"[\w-]+", article.text[subject.start:inside.start()].lower())
    if not words or words[-1] not in MESSAGE_NOUNS or link is None:
        return None
    mention = article.first_mention_from(link.end(), link.end() + 40)
    if mention is None and link.end() < subject.end and (run := _CAPITALISED.fullmatch(article.text, link.end(),
                                                                                       subject.end)) is not None \
            and run.group().split()[-1].lower() not in _CALENDAR_WORDS:
        return Subject("org", run.start(), run.end(), run.group())  # "a statement from Waitrose", untagged: the body
    if mention is None or not (person_like(article, mention) or mention.label == "ORG"):
        return None
    between = article.text[link.end():mention.start if mention.title_start is None else mention.title_start].split()
    if len(between) > 3 or not all(w.islower() and w.isalpha() and w not in _OBJECT_WORDS for w in between):
        return None  # "filed by state attorney Ann Lee", not "a post from a site that quotes Ann Lee"
    return subject_from_mention(article, mention)


def issuer_of_message(article: ArticleText, subject: Subject) -> Subject | None:
    """Who gave "the statement", "the letter" a cue names ("…,” the statement said", "the letter read"): the
    subject of the sentence before, in its paragraph or the one before, that named a message of that kind ("The
    port authority issued a statement on Monday", "Matthew Willoughby wrote a letter", "In a statement, Norrvik
    Ferries said"), or the author that sentence's own message names ("A statement from Waitrose said"); None where
    no sentence names one, or its subject is no one named."""
    words = subject.surface.lower().split()
    if subject.kind not in ("role", "anonymous") or len(words) != 2 or words[0] != "the" or words[1] not in MESSAGE_NOUNS:
        return None
    lo = article.paragraphs[max(0, article.paragraph_of(subject.start) - 1)][0]
    before = [m for m in re.finditer(rf"\b(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+)?{re.escape(words[1])}\b",
                                     article.text[lo:subject.start], re.IGNORECASE)
              if not article.in_quote(lo + m.start())]
    if not before:
        return None
    noun = lo + before[-1].start()
    sentence = article.sentences[article.sentence_of(noun)]
    if sentence[1] > subject.start:
        return None  # the message named in the cue's own sentence ("the letter, which …, read")
    named = [m for m in article.mentions_within(*sentence) if m.label in ("PERSON", "ORG") and not article.in_quote(m.start)
             and not _ONES_BODY.match(article.text, m.end)]  # "Clinton's campaign sent an email": the campaign's
    issuers = [m for m in named if m.end <= noun and _ISSUED.match(article.text, m.end)]
    actors = [m for m in named if subject_like(article, m) or _ISSUED.match(article.text, m.end)]
    # the one who issued it ("The Times said Cook provided a written statement", "Ortiz met Tom Berg, who had sent a
    # letter"), else the nearest who stands as a subject before the message, else after it ("In a statement, Norrvik
    # Ferries said")
    nearest = issuers[-1:] or [m for m in actors if m.end <= noun][-1:] or [m for m in actors if m.start > noun][:1]
    if nearest:
        return subject_from_mention(article, nearest[0])
    found = sentence_subject(article, sentence)  # "A statement from Waitrose said …": its author
    author = author_of_message(article, found) if found is not None else None
    return author if author is not None and author.kind in ("name", "org") else None

