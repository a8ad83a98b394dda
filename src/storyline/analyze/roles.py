"""Who a description stands for ("the senator", "the former president", "the Texan", "the 74-year-old", "the
spokeswoman"), as a reader takes it: the person the article introduces with it (a title, the words beside the
name, the state beside a lawmaker's name, the age given), the one it names beside the same noun, or no one;
never a person the description is formed on ("the senior Ortiz adviser" is not Ortiz). antecedents.py and
speakers.py ask; the rules live here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.analyze.article_text import ArticleText, given_sex
from storyline.analyze.cue_words import is_cue
from storyline.analyze.entities import PLACE_LABELS
from storyline.analyze.speaker_kinds import CHIEF_TITLES, Subject, named_person
from storyline.analyze.subjects import sentence_subject
from storyline.lang.en import (
    ANONYMOUS,
    DEFINITE,
    GROUP_HEADS,
    HONORIFICS,
    KIN,
    MESSAGE_NOUNS,
    PARTY_LETTERS,
    PERSON_ROLES,
    PLACE_PREPOSITIONS,
    ROLE_TITLES,
    US_STATES,
)
from storyline.lang.en_demonyms import COUNTRY_DEMONYMS, STATE_DEMONYMS
from storyline.lang.en_sexes import SEXED_NOUNS
from storyline.model import Mention

_PEOPLE = {"person", "aide", "pilot", "nurse", "student", "guest", "citizen", "soldier", "cop", "clerk", "guard", "chef",
           "immigrant", "refugee", "delegate", "staffer", "insider", "adult", "teen", "teenager", "youth", "parent",
           "guide", "witness", "victim", "friend", "colleague", "neighbour", "analyst", "expert", "medic", "fan", "local",
           "mom", "mum", "dad", "child", "pupil", "veteran", "tourist", "activist", "nun", "monk", "priest", "cadet"}


def names_a_person(head: str) -> bool:
    """Whether a noun names one person: a role, kin, a person noun or one of their endings ("strategist",
    "driver"); not a group, a message ("letter") or a plural."""
    if head in GROUP_HEADS or head in MESSAGE_NOUNS or head.endswith("s") and not head.endswith("ss"):
        return False
    return head in ANONYMOUS or head in PERSON_ROLES or head in KIN or head in SEXED_NOUNS or head in _PEOPLE \
        or head.endswith(("er", "or", "ist", "ian", "ant", "ent", "ee", "ate", "ive"))


def role_head(subject: Subject) -> str:
    """The noun a description ends in before any "of" ("the head of the delegation" → head); the last role
    in it where a verb in -ed ran on after it ("The Republican candidate appeared", read without tags), or the
    role a verb in -ed follows ("The senator emailed supporters saying", a participle cue's phrase)."""
    words = [w for w in re.findall(r"[a-z][a-z\-]*", subject.surface.lower().split(" of ")[0])
             if w not in DEFINITE and len(w) > 2]
    roles = [w for w in words if _role_word(w)]
    if words and roles and words[-1] not in roles and words[-1].endswith("ed"):
        return roles[-1]
    for n, word in enumerate(words[:-1]):  # "The senator emailed supporters saying": a verb ran on after the role
        if _role_word(word) and words[n + 1].endswith("ed") and not _role_word(words[n + 1]):
            return word
    return words[-1] if words else ""


def _role_word(word: str) -> bool:
    """Whether a word names what a person is: a role, kin or a title's role ("senator", "wife", "president")."""
    return word in PERSON_ROLES or word in KIN or word in ROLE_TITLES


def holds_a_role(subject: Subject) -> bool:
    """Whether a description names someone by what they are ("the senator", "his wife", "the Texan", "the
    69-year-old"), whom the story has named; not a thing ("the letter continues", "the note says") nor someone
    the story never names ("the man shouted", "the heckler yelled", "the organizer told"), whose words
    stay unattributed."""
    head = role_head(subject)
    if not head:
        return False
    if _role_word(head) or head.endswith("-old") or head in CHIEF_TITLES:  # "the top diplomat": a classify_phrase role
        return True
    return re.search(rf"\b[A-Z]{re.escape(head[1:])}\b", subject.surface) is not None  # "the Texan", "the Republican"


_OWNED = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?")  # "Biden's nominee", "Ruiz's new chief of staff"
# "Carson campaign manager Barry Bennett": a name as a modifier; not "Ann Lee and deputy manager Bob Jones"
_ATTRIBUTIVE = re.compile(r"(?:\s+(?!(?:and|or|but|with|nor)\b)[a-z][\w-]*){1,3}\s+")


def role_antecedent(article: ArticleText, subject: Subject, answering: str | None = None) -> tuple[str, tuple[int, int]] | None:
    """"the Ukrainian president", "the chief executive": of the people the article introduces with that role
    (in a title, "Sen." for "senator", or in the words beside a name up to the next person, outside
    quotations), the one whose introduction holds more of the description's qualifiers ("the Vermont
    senator"), then the one mentioned last, as a reader takes "the senator" for the senator the story was
    just about, but not `answering` where another holds the role too (a reply's speaker is not the one replied
    to: "the leader replied" to the opposition leader is the council leader); "the former president" only one
    introduced as former; never one the description is formed on
    ("the senior Ortiz adviser" is Ortiz's adviser, `role_owners`); no one where the description's qualifiers are
    in no holder's introduction where one names a place ("the Vermont senator" with only "Sen. Ann Lee"
    introduced) and the holder was last named before the paragraph before, so that the reader's person, whom the
    story was just about, answers it (`antecedent`)."""
    head = role_head(subject)
    if not head:
        return None
    owners = role_owners(article, subject)
    role = re.compile("|".join(_age_given(subject) or [rf"\b{re.escape(head)}\b"]
                               + [rf"\b{re.escape(t)}(?!\w)" for t in ROLE_TITLES.get(head, ()) + CHIEF_TITLES.get(head, ())
                                  ] + list(_of_country(subject) + _top_of(subject))),
                      re.IGNORECASE)
    qualifiers = [w for w in re.findall(r"[A-Z][\w-]+", subject.surface) if w.lower() not in DEFINITE]
    former = _FORMER.search(subject.surface) is not None
    places = [w for w in qualifiers if w in US_STATES or any(m.label in PLACE_LABELS and w in m.text.split()
                                                            for m in article.mentions_within(subject.start, subject.end))]
    holders: dict[str, int] = {}  # a person's name: how many qualifiers their introduction with the role holds
    last: dict[str, Mention] = {}
    formers: set[str] = set()  # those introduced as former holders of the role
    otherwise: set[str] = set()  # those with an office in their context whose title is another office
    previous_end = 0
    people = [m for m in article.people if m.end <= subject.start and not article.in_quote(m.start)]
    for n, m in enumerate(people):
        start = m.title_start if m.title_start is not None else m.start
        following = people[n + 1] if n + 1 < len(people) else None  # where the next person's title opens, if any
        next_start = len(article.text) if following is None else \
            following.start if following.title_start is None else following.title_start
        opening = article.sentences[article.sentence_of(start)][0]
        before = _CLAUSE_BREAK.split(article.text[max(previous_end, start - 40, opening, 0):m.start])[-1]
        before = _past_acting_role(before, role)
        context = (m.title or "") + " " + before + _NAME + \
            _introduced_after(article, m.end, min(m.end + 60, next_start, _described_from(article, m, subject)), next_start)
        bracket = _PARTY_STATE.match(article.text, m.end)  # "Sen. Ann Lee (D-N.Y.)": hers, not the next name's
        previous_end = m.end
        name = article.person_name(m)
        if name.split()[-1] in owners:
            continue
        between = article.text[m.end:next_start]
        if following is not None and _ATTRIBUTIVE.fullmatch(between) and role.search(between):
            continue  # "Carson campaign manager Barry Bennett": Carson has the manager; the name after it is one
        owned = _OWNED.match(article.text, m.end)
        if owned is not None and role.match(article.text, owned.end()):
            # "Miriam Castellanos, President Biden's nominee": Biden has a nominee; the one set beside him is it
            apposed = people[n - 1] if n > 0 else None
            if apposed is not None and article.text[apposed.end:start].strip() == "," \
                    and article.sentence_of(apposed.start) == article.sentence_of(start):
                apposed_name = article.person_name(apposed)
                if apposed_name.split()[-1] not in owners:
                    holders.setdefault(apposed_name, 0)
                    last[apposed_name] = apposed
            continue
        last[name] = m
        # "Former Ortiz aide Dan Oduya" is a former aide; "Former Sen. Dole and Sen. McCain" makes McCain no former senator
        own = re.split(r"\b(?:and|or)\b|[,;]", article.text[max(start - 40, 0):m.start])[-1]
        introduced_former = _former_holder(own + context, role)
        if former and not introduced_former:
            continue  # "the former president" is not the one introduced as "President Obama"
        if role.search(context) or _in_bracket(head.capitalize(), bracket):  # "Rep. Ann Lee (R-Pa.)": a Republican
            holders[name] = max(holders.get(name, 0), sum(1 for w in qualifiers if w in context or _in_bracket(w, bracket)))
            if introduced_former:
                formers.add(name)
            if head in _OFFICES and any(_another_office(p.title, role) and article.person_name(p) == name for p in people):
                otherwise.add(name)  # "Asked whether she had spoken to the speaker, Ms. Kolb said": Senator Kolb
    if not former and set(holders) - formers:
        holders = {name: n for name, n in holders.items() if name not in formers}  # "the senator" holds the seat now
    if set(holders) - otherwise:
        holders = {name: n for name, n in holders.items() if name not in otherwise}
    if answering in holders and len(holders) > 1:
        del holders[answering]
    if not holders or head in CHIEF_TITLES and len(holders) > 1:
        return None  # "the top US diplomat" where the story names a secretary of state and a foreign minister
    best = max(holders, key=lambda name: (holders[name], last[name].start))
    if places and not holders[best] and article.paragraph_of(last[best].start) < article.paragraph_of(subject.start) - 1:
        return None  # "the Vermont senator", no senator introduced as from Vermont nor named just before: not the last
    return best, (last[best].start, last[best].end)


def _another_office(title: str | None, role: re.Pattern[str]) -> bool:
    """Whether a title before a name is an office other than the role ("Senator", "Gov."), not a courtesy ("Ms.")."""
    return bool(title) and not role.search(title or "") \
        and any(w.strip(".").lower() not in HONORIFICS for w in (title or "").split())


def named_beside(article: ArticleText, subject: Subject) -> tuple[str, tuple[int, int]] | None:
    """The person a description stands for where the article named one with its head noun set right beside the
    name, in this paragraph or the one before ("Trammell's spokeswoman, Kelsey Orr, said … “…,” the spokeswoman
    said"; "Kelsey Orr, a spokeswoman for the campaign,"; "the moderator, the novelist Grace Pell, … “…?” the
    novelist asked"), the one named last: for a role no table holds, and for "the spokeswoman", "the aide" (words
    that mostly leave their holder unnamed). None where no one was so named, and the words stay unnamed."""
    words = subject.surface.lower().split()
    if len(words) < 2 or words[0] not in DEFINITE:
        return None
    head = role_head(subject) if subject.kind == "role" else words[-1]
    if subject.kind == "anonymous" and head not in _UNNAMED_ROLES or not head.isalpha() or not names_a_person(head):
        return None
    lo = article.paragraphs_back(subject.start)
    beside_before, beside_after = _beside_patterns(head)
    for m in reversed(article.people):
        if m.end > subject.start or m.start < lo or article.in_quote(m.start):
            continue
        before = article.text[max(lo, m.start - 30):m.title_start if m.title_start is not None else m.start]
        after = article.text[m.end:min(m.end + 80, subject.start)]  # the apposition, not the description itself
        if beside_before.search(before) or beside_after.match(after):
            return article.person_name(m), (m.start, m.end)
    return None


@lru_cache(maxsize=256)
def _beside_patterns(head: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A noun right before a name ("spokeswoman, Kelsey Orr"), and an apposition after one holding it (", a
    spokeswoman for the congressman,")."""
    return (re.compile(rf"\b{head}\s*,?\s*$", re.IGNORECASE),
            re.compile(rf"\s*,\s*(?:a|an|the|his|her|their|[\w.-]+[’']s)\s+(?:[\w-]+\s+){{0,3}}{head}\b[^.;“”\"]{{0,60}}?[,)]"))


_UNNAMED_ROLES = {"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "official", "diplomat",
                  "envoy", "negotiator", "analyst", "economist", "expert", "witness", "resident"}


def of_the_state(article: ArticleText, subject: Subject) -> tuple[str, tuple[int, int]] | None:
    """The person "the Texan" stands for: of the people named before it, the last whose name the state of the
    demonym stands right beside ("Sen. Ted Cruz (R-Tex.)", "Ted Cruz, R-Texas,", "Ted Cruz of Texas", "Texas Sen. Ted
    Cruz"); None
    for another description, or where no one was introduced with the state."""
    words = subject.surface.lower().split()
    state = STATE_DEMONYMS.get(words[-1]) if len(words) == 2 and words[0] == "the" else None
    if state is None or state not in US_STATES:
        return None
    forms = "|".join(re.escape(f) for f in (state, *US_STATES[state], *(state[:n] + "." for n in (3, 4, 5))))  # "Tex."
    beside_after = re.compile(rf"\s*(?:\(?[DRI]-(?:{forms})(?!\w)|,\s*[DRI]-(?:{forms})(?!\w)|,?\s+(?:of|from)\s+(?:{forms})\b)")
    beside_before = re.compile(rf"\b(?:{forms})\s+(?:[A-Z][\w.]*\s+){{0,2}}$")
    found = None
    for m in article.people:
        if m.end > subject.start or article.in_quote(m.start):
            continue
        start = m.title_start if m.title_start is not None else m.start
        if beside_after.match(article.text, m.end) or beside_before.search(article.text, max(0, start - 30), start):
            found = m
    if found is None:
        return None
    return article.person_name(found), (found.start, found.end)


def _country_forms(subject: Subject) -> tuple[str, ...]:
    """The country and its adjective for "the Spaniard" (Spain, Spanish); none for any other description."""
    words = subject.surface.split()
    if len(words) != 2 or words[0].lower() != "the" or not words[1][:1].isupper():
        return ()
    return COUNTRY_DEMONYMS.get(words[1].lower(), ())


def _of_country(subject: Subject) -> tuple[str, ...]:
    """The ways a story introduces "the Spaniard" beside the name: "Spanish forward Mateo Ruiz", "Spain's Carla
    Ruiz", "Pablo Ruiz of Spain" (right after the name, not the name before's "Carlos Molina of Argentina and")."""
    forms = _country_forms(subject)
    if not forms:
        return ()
    country, adjectives = forms[0], forms[1:]
    name = re.escape(_NAME.strip())
    return tuple(rf"\b{re.escape(a)}\s+(?:[a-z][\w-]*\s+){{0,2}}{name}" for a in adjectives) + (  # not "the Spanish Grand Prix"
        rf"\b{re.escape(country)}['’]s\s+(?:[\w-]+\s+){{0,2}}{name}",
        rf"{name}\s*,?\s*(?:of|from)\s+(?:the\s+)?{re.escape(country)}\b")


def _top_of(subject: Subject) -> tuple[str, ...]:
    """For "the union leader", "the party chief", "the company boss": the ways a story introduces whoever leads
    that body ("union president Teresa Marquez", "the party's chairwoman, Ana Ruiz"); none for another description."""
    words = subject.surface.lower().split()
    if len(words) != 3 or words[0] not in DEFINITE or words[2] not in _TOP_HEADS or not words[1].isalpha():
        return ()
    # the body's word in lower case, as a common noun: "European Union president Ana Berg" leads no union
    return (rf"(?-i:\b{re.escape(words[1])})(?:['’]s)?\s+(?:[a-z-]+\s+)?(?:{'|'.join(_TOP_ROLES)})\b",)


_TOP_HEADS = {"leader", "chief", "head", "boss"}
_TOP_ROLES = ("president", "chairman", "chairwoman", "chair", "leader", "head", "chief", "boss", "general secretary",
              "secretary-general", "chief executive", "director")


def parent_of_children(subject: Subject) -> bool:
    """Whether a description is "the father of two", "a mother of three": what a person the story named is, told
    where the story goes on about them, as an age is; not "the father of the bride", someone else."""
    return _CHILDREN.search(subject.surface) is not None


_CHILDREN = re.compile(r"\b(?:father|mother|dad|mum|mom|grandfather|grandmother)\s+of\s+(?:one|two|three|four|five|six"
                       r"|seven|eight|nine|ten|\d{1,2})(?:\s+(?:children|kids|sons|daughters|boys|girls))?\s*$", re.IGNORECASE)


def of_a_country(subject: Subject) -> bool:
    """Whether a description is "the Spaniard", "the Kenyan": a person of a country, whom the story named."""
    return bool(_country_forms(subject))


def just_named(article: ArticleText, subject: Subject,
                found: tuple[str, tuple[int, int] | None] | None) -> tuple[str, tuple[int, int] | None] | None:
    """The person an age or a role of sport with no one introduced by it stands for ("Margaret Tully, from
    Wollongong, has been waiting … ‘…,’ said the 74-year-old"): the reader's person, where the story named them
    in this paragraph or the one before and named no one else there before the quotation; no one where that
    person was named further back (such a word tells who someone is where they are first described), nor where
    the paragraph names another ("Margaret Tully … Her GP, Dr Anil Rao, says … ‘…,’ said the 74-year-old": the
    last person named is not the one the age was meant for), nor where an age is said of someone unnamed there ("a
    47-year-old man was arrested"). Where no subject or speaker stands for it, the one
    person named in this paragraph or, if none, the one before, whatever their place in the sentence ("Detectives
    arrested Neil Carver, 44. “…,” the father of two told reporters")."""
    here = article.paragraph_of(subject.start)
    if _said_of_a_stranger(article, subject, article.paragraphs_back(subject.start)):
        return None  # "Police said a 47-year-old man was arrested. “…,” the 47-year-old said": the man, unnamed
    if found is None or found[1] is None:
        if aged(subject) is None and not parent_of_children(subject):
            return None  # an origin or a role of sport needs its person to be the one the story was about
        for paragraph in (here, here - 1):
            named = _named_in(article, paragraph, subject.start)
            if named:
                if len(named) > 1:
                    return None
                mention = named[next(iter(named))]
                opening = sentence_subject(article, article.sentences[article.sentence_of(mention.start)])
                if opening is not None and opening.kind == "role":
                    # "The 24-year-old forward met a cross from Ruiz": the description is another's, and the same age
                    # said of the sentence's subject is whom that description stands for, named before it
                    return _described_earlier(article, subject, opening) if opening.start < mention.start else None
                if _contradicts(article, subject, mention):
                    return None
                return article.person_name(mention), (mention.start, mention.end)
        return None
    paragraph = article.paragraph_of(found[1][0])
    if paragraph < here - 1:
        return None
    mention = article.mention_by_end.get(found[1][1])
    if mention is not None and mention.start == found[1][0] and _contradicts(article, subject, mention):
        return None
    return found if set(_named_in(article, paragraph, subject.start)) <= {found[0]} else None


def _said_of_a_stranger(article: ArticleText, subject: Subject, lo: int) -> bool:
    """Whether the age of "the 47-year-old" was said of someone unnamed between lo and the description ("a
    47-year-old man had been arrested"), not of a person named beside it ("Ana Ruiz, a 47-year-old teacher,", "A
    34-year-old nurse, Ana Ruiz,")."""
    years = aged(subject)
    if years is None:
        return False
    for match in re.finditer(rf"\b[Aa]n?\s+{years}-years?-old\b(?:\s+[a-z]+){{0,2}}", article.text[lo:subject.start]):
        start, end = lo + match.start(), lo + match.end()
        before = article.mention_by_end.get(start - 2) if article.text[start - 2:start] == ", " else None
        after = article.first_mention_from(end + 2, end + 3) if article.text[end:end + 2] == ", " else None
        if not (before is not None and before.label == "PERSON" or after is not None and after.label == "PERSON"):
            return True
    return False


def _described_earlier(article: ArticleText, subject: Subject, opening: Subject) -> tuple[str, tuple[int, int]] | None:
    """The person an age stands for where an earlier sentence opens with the same age ("Harbor City won with a late
    goal from Chidi Okonkwo. The 24-year-old forward met a cross … “…,” the 24-year-old said"): the one person named
    in full before that sentence, in its paragraph or the one before; None where the ages differ or two are named."""
    years = aged(subject)
    if years is None or not re.search(rf"\b{years}-years?-old\b", opening.surface):
        return None
    here = article.paragraph_of(opening.start)
    for paragraph in (here, here - 1):
        named = _named_in(article, paragraph, opening.start)
        lo, hi = article.paragraphs[paragraph][0], min(article.paragraphs[paragraph][1], opening.start)
        if len(named) > 1 or len({article.person_name(m) for m in article.people if lo <= m.start < hi
                                  and m.label == "PERSON" and not article.in_quote(m.start)}) > 1:
            return None  # "goals from Chidi Okonkwo and Tom Reyes": either
        if named:
            mention = named[next(iter(named))]
            return None if _contradicts(article, subject, mention) else \
                (article.person_name(mention), (mention.start, mention.end))
    return None


def _contradicts(article: ArticleText, subject: Subject, mention: Mention) -> bool:
    """Whether what the story says beside a person's name contradicts a description of what they are: another age
    ("Neil Carver, 44," is not "the 24-year-old"), the other sex ("Daniel Whitlow" is not "the mother of three"),
    another country ("British tourist Tom Baker" is not "the Kenyan", nor "Belgian rider Jan Peeters" "the
    Frenchman")."""
    text = article.text
    lo, hi = article.sentences[article.sentence_of(mention.start)]
    before, after = text[max(lo, mention.start - 50):mention.start], text[mention.end:min(hi, mention.end + 50)]
    years = aged(subject)
    if years is not None:
        given = _AGE_BEFORE.search(before) or _AGE_AFTER.match(after)
        if given is not None and given.group(1) != years:
            return True
    sex = SEXED_NOUNS.get(role_head(subject))
    if sex and given_sex(article.person_name(mention)) not in ("", sex):
        return True
    forms = _country_forms(subject)
    if forms:
        told = {m.group() for m in _ANY_COUNTRY.finditer(before + " " + after)}
        return bool(told) and not told & set(forms)
    return False


_AGE_BEFORE = re.compile(r"\b(\d{1,3})-years?-old\s+(?:[\w-]+\s+){0,3}$")
_AGE_AFTER = re.compile(r"\s*,\s*(?:aged\s+)?(\d{1,3})\s*,")
_ANY_COUNTRY = re.compile(r"\b(?:" + "|".join(sorted({re.escape(f) for forms in COUNTRY_DEMONYMS.values() for f in forms},
                                                     key=len, reverse=True)) + r")\b")


def _named_in(article: ArticleText, paragraph: int, before: int) -> dict[str, Mention]:
    """The people a paragraph names in full before a place, outside quotations, each at their last mention; one
    word alone ("Rovers", which the model may take for a person) is no person's name here."""
    if paragraph < 0:
        return {}
    lo, hi = article.paragraphs[paragraph][0], min(article.paragraphs[paragraph][1], before)
    named: dict[str, Mention] = {}
    for m in article.people:
        if lo <= m.start < hi and not article.in_quote(m.start) and named_person(article, m) \
                and not _after_place_word(article, m) and " " in (name := article.person_name(m)):
            named[name] = m
    return named


def _after_place_word(article: ArticleText, mention: Mention) -> bool:
    """Whether a name stands after "from", "in", "of" … ("Margaret Tully, from Wollongong,"): a place, whatever the
    model took it for."""
    i = article.token_at(mention.start)
    return i > 0 and article.word(i - 1) in PLACE_PREPOSITIONS


def aged(subject: Subject) -> str | None:
    """The age a description gives as its head ("the 52-year-old" → "52"), a person the story named, as a role
    is; None for any other description ("the 31-year-old striker" is the striker)."""
    age = _AGE.search(subject.surface)
    return age.group(1) if age is not None else None


def _age_given(subject: Subject) -> list[str]:
    """The ways a story gives the age of "the 52-year-old" beside a name, read around the name's place in a
    holder's context: "52-year-old Siobhán Kearney", "Siobhán Kearney, 52,", ", aged 52", "who is 52 years old"."""
    years = aged(subject)
    if years is None:
        return []
    name = re.escape(_NAME)
    return [rf"\b{years}-years?-old\b[^,;|]*{name}", rf"{name}\s*,\s*(?:aged\s+)?{years}\b",
            rf"{name}[^.;]*?\b{years}\s+years?\s+old\b"]


_AGE = re.compile(r"\b(\d{1,3})-years?-old\s*$")
_NAME = " | "  # where the name stands between the words before and after it in a holder's context


def _described_from(article: ArticleText, m: Mention, subject: Subject) -> int:
    """Where the words that may introduce a person with a role stop for the description being resolved: at the
    description, unless it is the person's own apposition ("Sam Lau, the communications director for the party,
    said"; not "Pressed by Bramwell on job cuts, the chief executive said")."""
    if m.end <= subject.start and article.text[m.end:subject.start].strip() in ("", ","):
        return len(article.text)
    return subject.start


def _introduced_after(article: ArticleText, lo: int, hi: int, next_person: int) -> str:
    """The words after a name, to its sentence's end, that may say who the person is ("Lyle, the team's owner,",
    "Ann Lee of Vermont", "Oduya, who said he had worked as a surgeon", "Clinton delivered her speech as the
    nominee"), up to a clause of saying with a subject of its own, after a comma ("Lyle at a news conference, the
    mayor said …"), and short of an "and" that joins the next person named to the name ("Mayor Ann Lee and her
    challenger, Councilman Dan Oduya")."""
    while hi < next_person and article.text[hi - 1:hi + 1].isalpha():
        hi += 1  # a whole word: "to allow judges", not "judge"
    after = article.text[lo:hi].split(".")[0]
    if len(after) == hi - lo and hi == next_person and (joined := _AND.search(after)) is not None:
        after = after[:joined.start()]
    hi = lo + len(after)
    after = _OWNED_ROLE.sub(" ", after)  # "Erik Brandvold is running for the seat his father held": not his role
    after = _ACTED_ON.sub(" ", after)  # "Nichols, 37, was found guilty of murdering a judge": the judge is another
    i = article.token_at(lo)
    while i < len(article.tokens) and article.tokens[i].start < hi:
        if is_cue(article, i):
            cut = article.tokens[i].start
            comma = article.text.rfind(",", lo, cut)
            if comma > lo and not _OWN_CLAUSE.search(article.text, comma, cut):
                return article.text[lo:comma]
        i += 1
    return after


def _past_acting_role(before: str, role: re.Pattern[str]) -> str:
    """The words before a name short of a role whose holder acts on the person named ("The coach singled out
    goalkeeper Hannah Brisco": the coach is another, not Brisco), where a verb in the past stands between them."""
    for match in reversed(list(role.finditer(before))):
        verb = _PAST_VERB.search(before, match.end())
        if verb is not None:
            return before[verb.end():]
    return before


# a verb in the past between a role and a name: a word in "-ed" or a common irregular one
_PAST_VERB = re.compile(r"\s(?:[a-z]{2,}ed|took|gave|sent|brought|put|left|met|saw|chose|beat|caught|hit|sought)\b")
_AND = re.compile(r"\s(?:and|or)\s")
# where the words before a name, in its sentence, stop being its own: a clause of its own ("The judge found that at
# least until 1991, Mr. Gigante …" gives Gigante no role), or a verb of saying after another's description ("Juergen
# Koehler, the Eastbury coach, said his side had beaten Millbrook": Millbrook is no coach)
_CLAUSE_BREAK = re.compile(r"\bthat\b|[;:]\s|\n|\b(?:said|says|told|tells|added|adds)\b")
# a role that a verb acts on ("murdering a judge", "killed the deputy"), not one it makes the person ("was named the
# nominee", "sworn in as governor")
_ACTED_ON = re.compile(r"\b(?!(?:named|elected|appointed|chosen|crowned|sworn|hired|installed|confirmed|nominated|promoted"
                       r"|tapped|picked|selected|ranked|rated|voted|considered|described|regarded|seen)\b)[a-z]+(?:ed|ing)"
                       r"\s+(?:a|an|the|two|three|four)\s+(?:[\w-]+\s+)?(?:%s)\b" % "|".join(sorted(PERSON_ROLES)),
                       re.IGNORECASE)
# a role or kin another person holds to the one named: "his father", "her campaign manager"
_OWNED_ROLE = re.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+)?(?:%s)\b" % "|".join(sorted(PERSON_ROLES | KIN)),
                         re.IGNORECASE)
_OWN_CLAUSE = re.compile(r"\b(?:who|which|whom|whose)\b")  # "Oduya, who said …": the name's own relative clause


def far_holder(article: ArticleText, subject: Subject, holder: tuple[str, tuple[int, int]]) -> bool:
    """Whether a role with no qualifier of its own ("the senator") went to a holder last named before the paragraph
    before it: a reader takes such a role for the person its own paragraph is about, where that person is named
    there ("Rubio stopped by his headquarters … the senator said", Cruz introduced as a senator pages before)."""
    qualifiers = [w for w in re.findall(r"[A-Z][\w-]+", subject.surface) if w.lower() not in DEFINITE]
    return not qualifiers and article.paragraph_of(holder[1][0]) < article.paragraph_of(subject.start) - 1


_PARTY_STATE = re.compile(r"\s*\(([DRI])-([A-Z][A-Za-z.]*(?:\s?[A-Z]\.)*)\)")


def _in_bracket(word: str, bracket: re.Match[str] | None) -> bool:
    """Whether a role's capitalised qualifier is the state or party of the bracket right after a lawmaker's name
    ("the Vermont senator", "the Democratic senator" for "Sen. Ann Lee (D-Vt.)")."""
    if bracket is None:
        return False
    party, where = bracket.groups()
    return party == PARTY_LETTERS.get(word) or where.replace(" ", "") in US_STATES.get(word, ())


# Offices a person holds one at a time: the holder of one is not "the" holder of another ("Ms Blakemore, the Leader
# of the Opposition" is not "the Prime Minister", "Mayor Ann Lee" not "the governor")
_OFFICES = {"president", "minister", "premier", "chancellor", "governor", "mayor", "senator", "congressman",
            "congresswoman", "representative", "speaker", "judge", "sheriff", "prosecutor", "ambassador", "leader",
            "treasurer", "secretary"}
_TITLE_OFFICES = {abbr.rstrip("."): office for office, abbrs in ROLE_TITLES.items() for abbr in abbrs
                  if office in _OFFICES}


def holds_another_office(article: ArticleText, subject: Subject, name: str) -> bool:
    """Whether the article introduces the person named with an office (by title, or in an apposition set beside
    the name) and none is the office a description names: no one "the Prime Minister" can fall back to, whom the story
    made the Leader of the Opposition."""
    head = role_head(subject)
    if head not in _OFFICES - {"leader"}:  # "the Russian leader" may be a president
        return False
    held: set[str] = set()
    for m in article.people:
        if article.in_quote(m.start) or article.person_name(m) != name:
            continue
        apposed = _APPOSED_OFFICE.match(article.text, m.end)
        titled = _CAPITALS_BEFORE.search(article.text, max(0, m.start - 40), m.start)  # "Opposition Leader Peter Dalton"
        context = " ".join([m.title or "", apposed.group(1) if apposed else "", titled.group(1) if titled else ""]).lower()
        words = set(re.findall(r"[a-z]+", context))
        held |= words & _OFFICES | {_TITLE_OFFICES[w] for w in words if w in _TITLE_OFFICES}
    return bool(held) and head not in held


_CAPITALS_BEFORE = re.compile(r"((?:[A-Z][\w-]*\s+){1,3})$")
_APPOSED_OFFICE = re.compile(r"\s*,\s+(?:the|a|an)\s+([^,.;:()]{1,60}),")  # "Ms Blakemore, the Leader of the Opposition,"


def role_owners(article: ArticleText, subject: Subject | None) -> set[str]:
    """The surnames of the people a role description is formed on ("the senior Ortiz adviser", "a Ruiz aide",
    "Ortiz's spokesman"; before any "of"): whoever holds that role is someone else, theirs. Empty for any other subject, and
    for the capitalised words of a role that name no person of the article ("the Vermont senator", "the New York
    businessman" beside a Dan York) nor one it gives in full."""
    if subject is None or subject.kind != "role":
        return set()
    words = re.findall(r"[A-Z][\w-]*", re.sub(r"[’']s\b", "", subject.surface).split(" of ")[0])  # not "a supporter of
    # Ana Ortiz's bid", whose holder the phrase may name next
    places = [m for m in article.mentions_within(subject.start, subject.end) if m.label in PLACE_LABELS]
    # a surname inside a place's name is no person's: "the New York businessman" is not formed on a Mr. York
    full = {m.text.split()[-1] for m in article.people if " " in m.text or m.title is not None}  # "the Blizzard
    # netminder": a team the model took for a person, whom the article never names in full nor with a title ("the
    # Vane adviser" of "Chancellor Vane" is Vane's), forms no role on anyone before the role's own word
    head = role_head(subject)  # "the Treasurer", the model having read the title as a person
    return {w for w in words if w in article.surnames and (w in full or w.lower() == head)
            and not any(" " in m.text and w in m.text.split() for m in places)}


_FORMER = re.compile(r"\b(?:former|ex-)", re.IGNORECASE)
_FORMER_BEFORE = re.compile(r"\b(?:former|ex-)\s*(?:[\w.’'|-]+\s+){0,3}$", re.IGNORECASE)  # "|": the name (_NAME)


def _former_holder(context: str, role: re.Pattern[str]) -> bool:
    """Whether a holder's introduction makes them a former holder of the role: "former" or "ex-" in the role's own
    phrase ("former Gov. Ann Lee", "Ann Lee, a former governor"), not before another office ("Republican nominee
    Roy Tillotson, a former governor of the state" is the nominee now)."""
    return any(_FORMER_BEFORE.search(context, 0, m.start()) for m in role.finditer(context))
