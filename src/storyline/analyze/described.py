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

import re

from storyline.analyze.article_text import ArticleText
from storyline.analyze.cue_subjects import preposition_before
from storyline.analyze.person_names import could_be_name
from storyline.analyze.speaker_kinds import Subject, person_like, subject_from_mention
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


# "a post from", "a statement by", "a court document filed by": the author follows
_AUTHORING = {"filed", "written", "issued", "signed", "sent", "released", "posted", "published"}
_AUTHOR_AFTER = re.compile(r"\s+(?:(?:%s)\s+)?(?:from|by)\s+" % "|".join(sorted(_AUTHORING)))
_BY = re.compile(r"\s+(?:from|by)\s+")


def author_of_message(article: ArticleText, subject: Subject) -> Subject | None:
    """The person who wrote or gave the message a cue names ("according to a post from Ana Ruiz", "a statement by
    Piet Varga said"): their words, as a reader takes them; None for any other noun ("a spokesman for Ana Ruiz")."""
    if subject.kind not in ("role", "anonymous"):
        return None
    words = re.findall(r"[\w-]+", subject.surface.lower())
    link = _AUTHOR_AFTER.match(article.text, subject.end)
    if len(words) > 1 and words[-1] in _AUTHORING:  # the phrase read on over "filed" to "by"
        words, link = words[:-1], _BY.match(article.text, subject.end)
    if not words or words[-1] not in MESSAGE_NOUNS or link is None:
        return None
    mention = article.first_mention_from(link.end(), link.end() + 40)
    if mention is None or not person_like(article, mention):
        return None
    between = article.text[link.end():mention.start if mention.title_start is None else mention.title_start].split()
    if len(between) > 3 or not all(w.islower() and w.isalpha() and w not in _OBJECT_WORDS for w in between):
        return None  # "filed by state attorney Ann Lee", not "a post from a site that quotes Ann Lee"
    return subject_from_mention(article, mention)
