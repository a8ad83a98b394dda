"""A person a cue names by a description that ends in their name: that person speaks.

"“…,” his nephew Michery el Soheil added", "said Oversight ranking Democrat Elijah Cummings (D-Md.)",
"host Bill Maher asked": the words before the name (a role, a kin noun, a party, a body's name) say who
the person is, and a reader takes the name as the speaker, not the description. The name must close the
phrase and nothing may make it the object of the description: "a spokesman for Hillary Clinton", "an aide
to Ted Cruz", "the wife of Bill Clinton" stay as they are (anonymous, or a role for someone else), and so
does a name that only qualifies the head ("a Clinton aide"). A message's author is the one who speaks through
it ("according to a post from Ana Ruiz", "a statement from Waitrose said", "an editorial in the Morning Courier"),
and "the statement" or "the letter" a cue names is its author's, as the message was introduced before it ("Tom
Berg issued a statement on Monday. “…,” the statement said").
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from storyline.analyze.article_text import ArticleText
from storyline.analyze.cue_subjects import preposition_before
from storyline.analyze.person_names import could_be_name
from storyline.analyze.roles import names_a_person
from storyline.analyze.speaker_kinds import Subject, person_like, subject_from_mention
from storyline.analyze.subjects import subject_like
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
_PASSIVE_BY = re.compile(r"\s+(?:was|were|had\s+been|has\s+been)\s+(?:%s)\s+(?:\w+\s+){0,3}by\s+" % "|".join(sorted(_AUTHORING)))
_IN = re.compile(r"\s+in\s+")
_PEOPLE_OF = {"leaders", "officials", "members", "lawmakers", "executives", "ministers", "workers", "staffers", "aides",
              "sources", "spokespeople", "representatives", "investigators", "prosecutors", "lawyers", "attorneys"}
_WORD_AFTER = re.compile(r"(['’]s?\s+)?\s*([A-Za-z]+)")
_POSSESSIVE = re.compile(r"['’]s?\s")
_THAT = re.compile(r"\s+(?:that|which)\s+")
_IN_BEFORE = re.compile(r"\b(?:in|with)\s+$", re.IGNORECASE)
_ONES_BODY = re.compile(r"['’]s\b|\s+(?:campaign|office|team|staff|administration|aides?|spokes\w+|lawyers?|attorneys?)\b")
# a name's own verb of giving a message out, past an of-phrase or an apposition ("Matthew Willoughby of the Urban
# Assembly School, wrote", "Tom Berg, who had sent")
_ADVERB = r"(?:\s+(?!(?:family|ally|assembly|rally)\b)[a-z]+ly)"  # "who had recently sent", not "The Hale family sent"
_APPOSED = r"(?:,[^,.;“”\"]{1,80},)?"  # ", the mayor,"
_ISSUED = re.compile(r"(?:\s+of\s+[^,.;“”\"]{1,80}?)?" + _APPOSED + r"(?:,\s+who)?" + _ADVERB + r"?,?\s+"
                     r"(?:has\s+|had\s+|have\s+)?(?:issued|released|sent|wrote|provided|posted|published|put\s+out|"
                     r"signed|penned|emailed|tweeted|circulated|distributed)\b")
# a name's own verb of saying and "in" before the message, past an apposition ("Northfield Energy said on Monday in a
# statement", "Tom Berg, the mayor, wrote in a letter") or the comma that closes one the name ends ("The trust's chief
# executive, Dr Nikhil Varma, said in a statement")
_SAID_IN = re.compile(_APPOSED + r",?(?:\s+(?:also|later|again|then)|" + _ADVERB + r")?"
                      r"\s+(?:said|says|added|wrote|writes|announced|confirmed|stated|declared|warned|insisted|argued|"
                      r"noted|explained|told\s+\w+)(?:\s+(?:on|late|early)?\s*\w+)?\s+in\s+")
_CALENDAR_WORDS = {name.lower() for name in (*calendar.day_name, *calendar.month_name) if name}
_CAPITALISED = re.compile(r"(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4}")
_PAPER_PIECES = {"editorial", "column", "op-ed"}


_MESSAGE_FROM = re.compile(r"(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+)?(?:%s)\s+(?:(?:%s)\s+)?(?:from|by)\s+(?:the\s+)?"
                           % ("|".join(sorted(MESSAGE_NOUNS)), "|".join(sorted(_AUTHORING))), re.IGNORECASE)


def message_from(article: ArticleText, lo: int, mention_start: int) -> bool:
    """Whether the words from lo up to a name are a message from it: "A statement from Waitrose" said."""
    return _MESSAGE_FROM.fullmatch(article.text, lo, mention_start) is not None


def author_of_message(article: ArticleText, subject: Subject) -> Subject | None:
    """The person or body who wrote or gave the message a cue names ("according to a post from Ana Ruiz", "a
    statement by Piet Varga said", "a statement from Norrvik Ferries said", "an editorial in the daily Kvällsposten
    said"): their words, as a reader takes them; None for any other noun ("a spokesman for Ana Ruiz") or where the
    name is another's ("a statement from Ana Ortiz's lawyer", "from European Union leaders"). The phrase may read on
    over the author ("A statement from Waitrose" said), and a run of capitals the model tagged as nothing there is
    a body."""
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
    if words and words[-1] in MESSAGE_NOUNS and link is None:
        return _owner_of_message(article, subject)
    if not words or words[-1] not in MESSAGE_NOUNS or link is None:
        return None
    mention = article.first_mention_from(link.end(), link.end() + 40)
    if mention is None and link.end() < subject.end and (run := _CAPITALISED.fullmatch(article.text, link.end(),
                                                                                       subject.end)) is not None \
            and run.group().split()[-1].lower() not in _CALENDAR_WORDS and not _anothers(article, run.end()):
        return Subject("org", run.start(), run.end(), run.group())  # "a statement from Waitrose", untagged: the body
    if mention is None or not (person_like(article, mention) or mention.label == "ORG") or _anothers(article, mention.end):
        return None  # "a statement from Ana Ortiz's lawyer", "from Senate Republicans": someone of theirs, unnamed
    between = article.text[link.end():mention.start if mention.title_start is None else mention.title_start].split()
    if len(between) > 3 or not all(w.islower() and w.isalpha() and w not in _OBJECT_WORDS for w in between):
        return None  # "filed by state attorney Ann Lee", not "a post from a site that quotes Ann Lee"
    return subject_from_mention(article, mention)


# "the NYPD's statement", "Telkom's latest press release": the name owns the message; written before it, only a
# statement is its own ("a White House statement"), where a post, a filing, an update or an announcement is often
# the medium's or the register's ("an Instagram post", "an SEC filing", "an ASX announcement")
_OWNER_BEFORE = re.compile(r"(?:(?:the|an?)\s+)?$", re.IGNORECASE)
_MESSAGE_WORDS = r"\s+(?:(?:official|written|new|latest|earlier|first|second|brief|short|online|emailed|prepared|blog|" \
                 r"press|news|web|website|weekly|daily)\s+){0,2}"
_OWNED_MESSAGE = re.compile(r"['’]s?" + _MESSAGE_WORDS + r"(?:%s)\s*" % "|".join(sorted(MESSAGE_NOUNS)))
_NAMED_STATEMENT = re.compile(_MESSAGE_WORDS + r"statements?\s*")


def _owner_of_message(article: ArticleText, subject: Subject) -> Subject | None:
    """The person or body whose message a cue names by their name before it ("according to the NYPD's statement",
    "a White House statement said", "Telkom's latest press release said"): their words; None where the name is
    someone else's possessor ("Ana Ortiz's lawyer's statement") or where words other than a determiner go before it ("a
    police union's statement" is no one's named)."""
    for mention in reversed(article.mentions_within(subject.start, subject.end)):
        if _OWNED_MESSAGE.fullmatch(article.text, mention.end, subject.end) is None \
                and _NAMED_STATEMENT.fullmatch(article.text, mention.end, subject.end) is None:
            continue
        if _OWNER_BEFORE.fullmatch(article.text, subject.start, mention.start if mention.title_start is None
                                   else mention.title_start) is None:
            return None
        if person_like(article, mention) or mention.label == "ORG":
            return subject_from_mention(article, mention)
        return None
    return None


def _anothers(article: ArticleText, end: int) -> bool:
    """Whether a name ending at end stands before someone else it governs: "Ana Ortiz's lawyer", "Senate
    Republicans", "European Union leaders"."""
    after = _WORD_AFTER.match(article.text, end)
    if after is None:
        return False
    word = after.group(2)
    return bool(after.group(1)) or word.endswith("s") and not word.endswith("ss") and (
        word[0].isupper() or word.lower() in _PEOPLE_OF or names_a_person(word.lower()[:-1]))


def issuer_of_message(article: ArticleText, subject: Subject) -> Subject | None:
    """Who gave "the statement", "the letter" a cue names ("…,” the statement said", "the letter read"), by the last
    sentence before it, in its paragraph or the one before, that introduced such a message ("a statement", "his
    letter", "Tom Berg's letter"): the author that message's own words name ("a letter from Tom Berg", "a statement
    that the council issued", "a statement was issued by the council", "Tom Berg's letter"), else who issued, wrote
    or posted it there ("The port authority issued a statement", "Ortiz met Tom Berg, who had sent a letter", "Cook
    provided a written statement"), else who spoke "in a statement" ("In a statement, Norrvik Ferries said"); None
    where no one named gave it ("Police found a letter", "Ortiz criticised the letter", "Clinton's campaign sent out
    an email": the campaign's, not hers)."""
    words = subject.surface.lower().split()
    if subject.kind not in ("role", "anonymous") or len(words) != 2 or words[0] != "the" or words[1] not in MESSAGE_NOUNS:
        return None
    lo = article.paragraphs_back(subject.start)
    introduced = [m for m in _introducing(words[1]).finditer(article.text, lo, subject.start) if not article.in_quote(m.start())]
    if not introduced:
        return None
    message = introduced[-1]
    sentence = article.sentences[article.sentence_of(message.start())]
    if sentence[1] > subject.start:
        return None  # the message named in the cue's own sentence ("the letter, which …, read")
    mentions = [m for m in article.mentions_within(*sentence) if m.label in ("PERSON", "ORG") and not article.in_quote(m.start)]
    own = [m for m in mentions if m.start <= message.start() < m.end and _POSSESSIVE.match(article.text, m.end)]  # "Tom Berg's letter"
    named = [m for m in mentions if not _ONES_BODY.match(article.text, m.end)]  # "Clinton's campaign sent": the campaign's
    link = _AUTHOR_AFTER.match(article.text, message.end()) or _PASSIVE_BY.match(article.text, message.end())
    anchor = link or _THAT.match(article.text, message.end())
    author = article.first_mention_from(anchor.end(), anchor.end() + 40) if anchor is not None else None
    # "a letter from Tom Berg", "a statement was issued by the council", "a statement that the council issued"
    if author is not None and author in named and (link is not None or _ISSUED.match(article.text, author.end)):
        own.append(author)
    issuers = [m for m in named if m.end <= message.start() and _ISSUED.match(article.text, m.end)]
    speaking = [m for m in named if m.start > message.end() and subject_like(article, m)] \
        if _IN_BEFORE.search(article.text, sentence[0], message.start()) else []  # "In a statement, Norrvik Ferries said"
    said_in = [m for m in named if m.end <= message.start() and subject_like(article, m)
               and _SAID_IN.fullmatch(article.text, m.end, message.start())]  # "Northfield Energy said in a statement"
    chosen = own[:1] or issuers[:1] or speaking[:1] or said_in[-1:]
    return subject_from_mention(article, chosen[0]) if chosen else None


@lru_cache(maxsize=64)  # one a message noun
def _introducing(noun: str) -> re.Pattern[str]:
    """A phrase that introduces a message of the noun: "a statement", "a written statement", "his letter", "Tom
    Berg's letter", not "the letter" (one introduced before)."""
    return re.compile(rf"\b(?:[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s?)\s+(?:[\w-]+\s+)?"
                      rf"{re.escape(noun)}\b")
