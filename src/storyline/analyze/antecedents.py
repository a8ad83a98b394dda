"""Who he, she and a role ("the senator", "the former president") stand for, as a reader takes them.

- he / she: the person most recently speaking or acting as subject in the same paragraph, else in the
  paragraph before, else the article's last speaker, else a person of that gender (by a title, the
  pronouns beside the name, else a given name borne by one sex only); never one of the other gender, nor
  one the quotation speaks of, nor a name only because it was seen last; a person of a sentence's main
  clause before one named below it ("…, saying Ortiz was committed").
- a role: the latest person the article introduces with it (a title, the words beside the name), else,
  for a role a person holds, whom he or she would stand for; never a person the role is formed on ("the
  senior Ortiz adviser" is not Ortiz), and no one where nobody else is introduced with it; one qualified by a
  place no holder's introduction holds ("the Vermont senator", only "Sen. Ann Lee" introduced, and not in this
  paragraph or the one before) is the reader's person, as he or she would be.

speakers.py asks; the rules live here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from storyline.analyze.article_text import ArticleText, given_sex, title_sex
from storyline.analyze.cue_words import is_cue
from storyline.analyze.entities import ORG_WORDS
from storyline.analyze.office_titles import TITLE_BEFORE, strip_title
from storyline.analyze.quote_marks import QUOTE_TOKENS, scan_quote_marks
from storyline.analyze.roles import names_a_person, role_antecedent, role_owners
from storyline.analyze.speaker_kinds import Subject
from storyline.analyze.statements import Statement
from storyline.analyze.subjects import missed_surname, sentence_subject, subject_like
from storyline.lang.en import (
    ADDRESSED_PASSIVES,
    ASKING,
    CONTINUING_WORDS,
    DEFINITE,
    FEMALE_GIVEN_NAMES,
    FEMALE_TITLES,
    FUNCTION_WORDS,
    GENDERED_WORDS,
    MALE_GIVEN_NAMES,
    MALE_TITLES,
    ONE_SEX_GIVEN_NAMES,
    OUTLET_CUES,
    PARTICIPLE_CUES,
    PERSON_ROLES,
    SUBORDINATE_LINKS,
    TELLING,
)
from storyline.lang.en_demonyms import COUNTRY_DEMONYMS
from storyline.lang.en_sexes import SEXED_NOUNS
from storyline.model import Mention


def pronoun_genders(article: ArticleText) -> dict[str, str]:
    """The gender the article gives each person by the pronouns right after the name standing as a subject
    (`subject_like`) in the sentences that name that person and no one else ("Ana Ortiz said her plan was
    ready"; not "… stumped for Ortiz, and the campaign touted his endorsement"), outside quotations and before a
    "that" (whose clause may speak of another): he/his/him against she/her, by two to one, as a reader
    learns it; so that "she" does not go back to a man. One pronoun alone does not outweigh a given name of one
    sex ("Michael Reyes said her departure was overdue", "Judith Stavros said the book was his best": the
    pronoun is another's); two do."""
    counts: dict[str, list[int]] = {}
    by_sentence: dict[int, list[Mention]] = {}
    for m in article.people:
        if not article.in_quote(m.start):
            by_sentence.setdefault(article.sentence_of(m.start), []).append(m)
    for k, mentions in by_sentence.items():
        names = {article.person_name(m) for m in mentions}
        if len(names) != 1 or any(m.text in article.shared_surnames for m in mentions):
            continue  # a surname alone that two people of the article bear ("Clinton") says nothing
        if not subject_like(article, mentions[0]):
            continue  # "stumped for Clinton …, and the campaign touted his endorsement", "a Clinton spokesman said he"
        tally = counts.setdefault(names.pop(), [0, 0])
        lo, hi = mentions[0].end, article.sentences[k][1]
        first = article.token_at(lo)
        for i in range(first, min(len(article.tokens), first + 15)):
            tok = article.tokens[i]
            if tok.start >= hi or tok.text.lower() in ("that", ";", "whose") or tok.text.lower() in PARTICIPLE_CUES \
                    or tok.text in QUOTE_TOKENS:
                break  # "Ruiz told reporters that she …", "Ruiz mocked the rival, saying she …" may speak of another,
                # and "Gwen Adeyemi, whose father lived there until his death," of the one whose it is
            gender = GENDERED_WORDS.get(tok.text.lower())
            if tok.text.lower() == "her" and (article.word(i + 1) in _BEFORE_OBJECT
                                              or not article.word(i + 1).isalpha()):
                gender = None  # "Obama backed her up", "Abdi helped her onto the ladder": whom they helped
            if gender is not None and not article.in_quote(tok.start):
                tally[gender == "f"] += 1
    genders = {name: ("m" if male > female else "f") for name, (male, female) in counts.items()
               if max(male, female) >= 2 * min(male, female) and male != female
               and (max(male, female) >= 2 or not given_sex(name) and not _given_name_alone(article, name))}
    for name, sex in article.described_sex.items():  # "His wife, Marguerite Achterkamp,": hers, whatever her given name
        genders.setdefault(strip_title(name), sex)
    return genders


_BEFORE_OBJECT = FUNCTION_WORDS | CONTINUING_WORDS  # after "her": an object, not a possessive


def _given_name_alone(article: ArticleText, name: str) -> bool:
    """Whether a one-word name is a given name borne by one sex only that the article gives no one as a surname
    ("Her husband, Tom, said she …": Tom is no woman for one "she" beside him, which is his wife's)."""
    return " " not in name and name.lower() in ONE_SEX_GIVEN_NAMES \
        and not any(" " in m.text and m.text.split()[-1] == name for m in article.people)


def title_gender(mention: Mention | None) -> str | None:
    """"m" after "Mr.", "Sir" …, "f" after "Mrs.", "Ms." …; else None."""
    return title_sex(mention) or None


def gender_of(name: str, genders: dict[str, str]) -> str:
    """A person's gender as the article gives it (a title, the pronouns beside the name), else as a given name
    borne by one sex only gives it in English news ("Denis McDonough", "Wendy Sherman"); "" when neither does."""
    return genders.get(name) or given_sex(name)


def bearer(article: ArticleText, surname: str, gender: str | None, genders: dict[str, str],
           pos: int | None = None) -> str | None:
    """Of the people the article names in full with a surname two of them bear ("Bill Clinton", "Hillary
    Clinton"), the one of that gender (any, where the title gives none: "Sgt."), if one alone is; else, where pos
    is given, the one of them named last in its paragraph or the one before ("Her mother, Rosa Villanueva, was
    blunter. “…,” Mrs. Villanueva said": the mother, not the candidate named all through), but not a relative
    named two sentences or more before ("his nephew William T. LaRue said. … Mr. LaRue said": `ArticleText.relatives`)."""
    bearers = {strip_title(m.text) for m in article.people if len(m.text.split()) > 1 and m.text.split()[-1] == surname}
    fitting = [b for b in bearers if gender is None or gender_of(b, genders) == gender]
    if len(fitting) == 1 or pos is None or not fitting:
        return fitting[0] if len(fitting) == 1 else None
    near = [m for m in article.people if m.end <= pos and strip_title(m.text) in fitting
            and article.paragraph_of(m.start) >= article.paragraph_of(pos) - 1
            and not (m.text in article.relatives and article.sentence_of(pos) - article.sentence_of(m.start) > 1)]
    return strip_title(near[-1].text) if near else None


def antecedent(article: ArticleText, pos: int, done: list[Statement], gender: str | None,
                genders: dict[str, str], statement: Statement) -> tuple[str, tuple[int, int] | None] | None:
    """The person "he" or "she" at pos stands for: the latest subject or speaker (a person, not an
    organisation) in the paragraph, else in the paragraph before it, else the article's latest speaker,
    else the latest person of that gender (`gender_of`); never one of the other gender, nor one the
    quotation speaks of ("“… Ruiz alone can unblock it,” he said" passes over Ruiz); one named in a clause
    below another of their sentence (`_in_subordinate_clause`) only where no other fits; None rather than a
    guess; no one for a role formed on a person's name (`role_owners`: "the senior Ortiz adviser" is not Ortiz,
    nor whoever the paragraph is about)."""
    if role_owners(article, statement.subject):
        return None
    here = article.paragraph_of(pos)
    questioner = _questioner(article, pos)

    def fitting(name: str, span: tuple[int, int] | None = None) -> str | None:
        """The person named there whom the pronoun can stand for, or None; a surname two people bear ("Clinton")
        is the one of them whose gender is the pronoun's; not the one who just put a question."""
        if gender is not None and gender_of(name, genders) not in (gender, ""):
            surname = article.text[span[0]:span[1]] if span is not None else ""
            titled = span is not None and any(m.start == span[0] and title_gender(m) not in (None, gender)
                                              for m in article.people)
            name = (bearer(article, surname, gender, genders) or "") if surname in article.shared_surnames \
                and not titled else ""  # but "Mrs. Ortiz" is no "he", whichever Ortiz he is
        return name if name and name != questioner and not speaks_of(article, statement, name) \
            and not _told(article, statement, name) else None

    relative = _relative_head(article, pos)
    if relative is not None:  # "Rep. Joe Wilson, the congressman who gained notice when he yelled “…”"
        name = article.person_name(relative)
        chosen = fitting(name, (relative.start, relative.end))
        if chosen:
            return chosen, (relative.start, relative.end)
    own: tuple[str, tuple[int, int] | None] | None = None  # the paragraph's subject, whom its quotation names
    reported = _reported_spans(article.text, done, pos)
    for paragraph in range(here, max(-1, here - 5), -1):
        if paragraph <= here - 2 and not _goes_on_by_pronoun(article, paragraph + 1, gender):
            break  # past the paragraph before, only through paragraphs that name no one and say he or she
        speakers: list[tuple[int, str, tuple[int, int] | None]] = []
        subjects: list[tuple[int, str, tuple[int, int] | None]] = []
        for s in done:
            if s.speaker and s.speaker_span and article.paragraph_of(s.position) == paragraph and s.position < pos \
                    and not _is_org(article, s):
                speakers.append((s.position, s.speaker, s.speaker_span))
        for m in article.people:
            if m.end <= pos and article.paragraph_of(m.start) == paragraph \
                    and (subject_like(article, m) or _opens_possessive(article, m)) and not article.in_quote(m.start) \
                    and not _mostly_not_a_person(article, m) and not _a_people(article, m) \
                    and not _relative_of_the_sex(article, m, gender) \
                    and article.word(article.token_at(m.end)) not in OUTLET_CUES and not set(m.text.split()) & ORG_WORDS:
                name = article.person_name(m)
                subjects.append((m.start, name, (m.start, m.end)))
        subjects += _role_subjects(article, paragraph, pos) + _surname_subjects(article, paragraph, pos) \
            + _kin_subjects(article, paragraph, pos) \
            + _asked_people(article, done, paragraph, pos)
        ranked = sorted(speakers + subjects)
        subordinate = _in_subordinate_clause(article, ranked) + _spoken_of(reported, ranked)
        ordered = [c for c in reversed(ranked) if c not in subordinate] + list(reversed(subordinate))
        for _, name, span in ordered:
            chosen = fitting(name, span)
            if chosen:
                if chosen != name:  # "Larsen said, “…” She followed …": the pronoun says which Larsen said it too
                    for s in done:
                        if s.speaker_span == span:
                            s.speaker = chosen
                return chosen, span
        if own is None and paragraph >= here - 1 and ordered \
                and names_self(article, statement, ordered[0][1], gender, genders):
            own = ordered[0][1], ordered[0][2]
    if own is not None:  # "Sanders is outlining … He says “… it's not Bernie Sanders”": no one else to be he
        return own
    for s in reversed(done):
        if s.speaker and s.speaker_span and s.position < pos and not _is_org(article, s):
            chosen = fitting(s.speaker, s.speaker_span)
            if chosen:
                return _main_speaker(article, pos, done, s, chosen, fitting) or (chosen, s.speaker_span)
    if gender is not None:  # a person known to be of that gender ("Ms Rowan", "Karen Lee"), never just the last name seen
        for m in reversed(article.people):
            if m.end > pos or article.in_quote(m.start) or _a_people(article, m):
                continue
            name = article.person_name(m)
            if gender_of(name, genders) == gender:
                return name, (m.start, m.end)
    return None


def _main_speaker(article: ArticleText, pos: int, done: list[Statement], said_last: Statement, latest: str,
                  fitting: Callable[[str, tuple[int, int] | None], str | None]) -> tuple[str, tuple[int, int]] | None:
    """The person a feature is about, where "she says" comes paragraphs after anyone was last quoted: the one of
    the pronoun's people quoted three times as often as the latest (and five times at least) stands for it, as a
    reader takes the feature's subject ("As the light goes, she walks me back down to the pier. “…,” she says":
    the postwoman quoted all through, not the nurse quoted four paragraphs up); None where the latest was quoted
    in the paragraph before or this one, or no one is quoted so much more."""
    if article.paragraph_of(said_last.position) >= article.paragraph_of(pos) - 2:
        return None
    before = [s for s in done if s.speaker and s.speaker_span and s.position < pos and not _is_org(article, s)]
    counts = Counter(s.speaker for s in before)
    main, n = counts.most_common(1)[0]
    if main == latest or n < 5 or n < 3 * counts[said_last.speaker] or fitting(main, None) != main:
        return None
    span = next(s.speaker_span for s in reversed(before) if s.speaker == main)
    return (main, span) if span is not None else None


def _questioner(article: ArticleText, pos: int) -> str | None:
    """Who put the question a quotation answers, as the sentences right before it report ("Santangelo … asked
    whether the family had filed a complaint." then "“I filed everything,” she said"): the subject of the last
    sentence before it in this paragraph or the one before that asks whether, if or wh-, where that is a person; the
    one answering is someone else."""
    lo = article.paragraphs_back(pos)
    if "ask" not in article.text[lo:pos]:
        return None
    k = article.sentence_of(pos) - 1
    while k >= 0 and article.sentences[k][0] >= lo:
        a, b = article.sentences[k]
        if _ASKED_WHETHER.search(article.text, a, b) and not article.in_quote(a):
            subject = sentence_subject(article, article.sentences[k])
            if subject is not None and subject.kind == "name" and subject.mention is not None:
                return strip_title(article.full_name(subject.mention, subject.surface, subject.start)[0])
            return None
        k -= 1
    return None


_ASKED_WHETHER = re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )(?<!\bwhen )(?<!\bis )(?<!\bare )(?<!, )"
                            r"\bask(?:ed|s)\s+(?:[\w’'-]+\s+){0,3}?(?:whether|if|what|why|how|when)\b")  # not "was asked",
# nor "Ashdown, asked in a hallway whether …,": the one asked; nor a request ("asked anyone who saw him to call")


def _asked_people(article: ArticleText, done: list[Statement], paragraph: int, pos: int) \
        -> list[tuple[int, str, tuple[int, int] | None]]:
    """The people a question of the paragraph was put to ("“…?” a reporter asked Ruiz", "asking Ruiz: “…?”"),
    named right after its cue: the one asked answers, so a he, she or role after the question may be them."""
    found: list[tuple[int, str, tuple[int, int] | None]] = []
    for s in done:
        if s.cue is None or s.position >= pos or article.paragraph_of(s.position) != paragraph \
                or article.text[s.cue[0]:s.cue[1]].lower() not in ASKING:
            continue
        m = article.first_mention_from(s.cue[1], s.cue[1] + 40)
        if m is not None and m.label == "PERSON" and m.end <= pos and not article.in_quote(m.start) \
                and not article.text[s.cue[1]:m.start if m.title_start is None else m.title_start].strip():
            found.append((m.start, article.person_name(m), (m.start, m.end)))
    return found


def unnamed_antecedent(article: ArticleText, pos: int, done: list[Statement], gender: str | None,
                       reach: int = 0) -> tuple[int, int] | None:
    """The span of an unnamed person that he or she at pos stands for: one its own paragraph introduces without a
    name ("One ferry pilot said he had worked double shifts. “Not one day off,” he said.", "A senior port official
    said …"), as a sentence's subject or a statement's source, with no person named from that sentence on (outside
    quotations and the phrase itself: not "A reporter asked Ruiz … He replied", nor "Ruiz, a top aide said, …").
    A reader takes the pronoun for that stranger, whose words stay unattributed, not for the last person named
    paragraphs before. Only a phrase opened by "a", "an", "one" or "another" whose head is a person of the
    pronoun's gender or of none ("a spokeswoman" is no he). A role that names the stranger's head ("the investor")
    reaches back `reach` paragraphs more."""
    lo = article.paragraphs_back(pos, reach)
    strangers: list[tuple[int, int]] = []
    for s in done:
        if lo <= s.position < pos and s.speaker is None \
                and s.unnamed is not None and _a_stranger(article, s.unnamed, gender):
            strangers.append(s.unnamed)
    k = article.sentence_of(lo)
    while k < len(article.sentences) and article.sentences[k][0] < pos:
        subject = sentence_subject(article, article.sentences[k])
        if subject is not None and subject.kind in ("anonymous", "role") and lo <= subject.start < pos \
                and not article.in_quote(subject.start) and _a_stranger(article, (subject.start, subject.end), gender):
            strangers.append((subject.start, subject.end))
        k += 1
    if not strangers:
        return None
    span = max(strangers)
    since = article.sentences[article.sentence_of(span[0])][0]
    if any(since <= m.start < pos and not span[0] <= m.start < span[1] and not article.in_quote(m.start)
           and not _of_the_stranger(article, span, m) for m in article.people):
        return None
    if any(since <= s.position < pos and s.speaker for s in done):
        return None
    return span


def _of_the_stranger(article: ArticleText, span: tuple[int, int], mention: Mention) -> bool:
    """Whether a name is the body the stranger's own phrase names ("A spokeswoman for Nimbly", "an aide to the
    Ruiz campaign"), whatever the model took it for, or one a restrictive relative clause of the stranger's names
    ("A neighbor who saw Ann Lee"): no one the pronoun after it may stand for."""
    between = [article.word(i) for i in range(article.token_at(span[1]), article.token_at(mention.start))]
    if between and between[0] == "who" and all(w.isalnum() for w in between):
        return True  # "A neighbor who saw Ann Lee at the gate said …": whom the stranger's own relative clause names
    return bool(between) and between[0] in _OF_A_BODY and all(w in DEFINITE for w in between[1:])


_OF_A_BODY = {"for", "of", "from", "at", "with"}


def _a_stranger(article: ArticleText, span: tuple[int, int], gender: str | None) -> bool:
    """Whether a phrase introduces one person without a name ("One California delegate", "a senior official who
    asked not to be named"): an indefinite opening and a head noun that names a person, of the given gender or of
    none; or someone's relative of the pronoun's sex ("His mother", "the defendant's widow")."""
    kin = _KIN_OF.fullmatch(article.text, span[0], span[1])
    if kin is not None:  # "His mother spoke to reporters. “…,” she said": the mother's, unnamed
        return gender is not None and SEXED_NOUNS.get(kin.group(1).lower()) == gender
    words = re.findall(r"[A-Za-z][\w-]*", article.text[span[0]:span[1]])
    if len(words) < 2 or words[0].lower() not in _ONE_PERSON:
        return False
    one_of = words[0].lower() == "one" and words[1].lower() == "of"  # "One of Lumora's early investors": one investor
    head = next((w.lower() for n, w in enumerate(words[1:], 1)
                 if n + 1 == len(words) or (words[n + 1].lower() in _HEAD_ENDS or _participle(words[n + 1]))
                 and not (one_of and n == 1)), "")
    if one_of and head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    return names_a_person(head) and (gender is None or SEXED_NOUNS.get(head, gender) == gender)


def _participle(word: str) -> bool:
    """A present participle running on after a phrase's head ("A strategist advising two campaigns")."""
    return word.islower() and word.endswith("ing") and len(word) > 5


_ONE_PERSON = {"a", "an", "one", "another"}
# a relative of someone, by a possessive: "His mother", "The defendant's widow", "Nichols' son"
_KIN_OF = re.compile(r"(?:his|her|their|(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?['’]s?)\s+([a-z]+)", re.IGNORECASE)
_HEAD_ENDS = {"of", "for", "from", "at", "in", "with", "who", "whose", "close", "familiar", "said", "says", "told"}


def _relative_head(article: ArticleText, pos: int) -> Mention | None:
    """The person a relative clause holding he or she at pos is about: the name right before "who", with at most a
    bracket or a description set beside it between ("Rep. Joe Wilson, the congressman who gained notice in 2009
    when he yelled"), all in the pronoun's sentence and outside quotations; not where "who" is the pronoun's object
    ("Rubio, who he dubbed “…”")."""
    lo = article.sentences[article.sentence_of(pos)][0]
    if re.search(r"\bwho(?:m)?\s+$", article.text[lo:pos]):
        return None
    for m in reversed([m for m in article.people if lo <= m.start and m.end <= pos and not article.in_quote(m.start)]):
        between = article.text[m.end:pos]
        match = _WHO.match(between)
        if match is not None:
            return None if re.search(r"[.;:!?]|\bwho\b", between[match.end():]) else m
        if re.search(r"\bwho\b", between):
            continue  # a name inside the description before "who" ("the South Carolina congressman who")
        return None
    return None


_WHO = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,\s+(?:the|a|an)\s+[^,;.()]{1,80}?)?,?\s+who\s+(?!said|says|told|tells)")


def names_self(article: ArticleText, statement: Statement, name: str, gender: str | None,
               genders: dict[str, str]) -> bool:
    """Whether he or she, whose quotation names a person in the third person, is that person all the same: the
    person the pronoun's own paragraph is about (or the paragraph before, where its own names no one outside the
    quotation: "Trump wasted no time responding." then "“… We're going to win with Trump,” he said"), standing as
    the subject there nearest before it with no one else in between ("Sanders is outlining his plans. He says “…
    it's not Bernie Sanders.”"), known to be of the pronoun's gender; politicians name themselves so, and where no
    one else of that gender is the subject of the paragraph or the one before, a reader does not look further back
    for another."""
    subject = statement.subject
    if subject is None or subject.kind != "pronoun" or not name:
        return False
    if gender is None or gender_of(name, genders) != gender:
        return False
    here = article.paragraph_of(subject.start)

    def subjects(lo: int) -> list[Mention]:
        return [m for m in article.people if lo <= m.start and m.end <= subject.start and not article.in_quote(m.start)
                and subject_like(article, m)]

    people = subjects(article.paragraphs[here][0])
    if not people and here > 0:  # a paragraph that is the quotation: the one before it says whom it is about
        people = subjects(article.paragraphs[here - 1][0])
    if not people or article.person_name(people[-1]) != name:
        return False
    return not _told(article, statement, name)


def _told(article: ArticleText, statement: Statement, name: str) -> bool:
    """Whether the statement's cue tells the person of that name ("… ,” he told Hannity"): whom he speaks to is
    not he."""
    if statement.cue is None or article.text[statement.cue[0]:statement.cue[1]].lower() not in TELLING:
        return False
    after = article.text[statement.cue[1]:statement.cue[1] + 60]
    told = re.match(r"\s+(?:[A-Z][\w.’'-]*\s+){0,3}?([A-Z][\w’'-]+)\b", after)
    return told is not None and told.group(1) == name.split()[-1]


def _in_subordinate_clause(article: ArticleText, candidates: list[tuple[int, str, tuple[int, int] | None]]) \
        -> list[tuple[int, str, tuple[int, int] | None]]:
    """The candidates for he or she named in a clause below another candidate of their sentence: after "because",
    "that", "who", a by-phrase, a participle or a verb of saying ("Mr. Nevins said he took it on only because
    Mr. Lynch agreed", "Ruiz repeated the plan, saying Ortiz was committed to it", "Ruiz agreed, but suggested
    Ortiz went too far"). The sentence is about the one its main clause names, so "he said" after it is theirs
    before any of these. A candidate named in another sentence (by a role: "The Chief Minister recalled that State
    Congress president A. Revanth Kumar had dismissed …"; by a pronoun) stands where it is read."""

    def anchor(candidate: tuple[int, str, tuple[int, int] | None]) -> tuple[int, int] | None:
        pos, _, span = candidate
        if span is not None and article.sentence_of(span[0]) != article.sentence_of(pos):
            return pos, pos + 1
        return span

    spans = sorted(a for a in map(anchor, candidates) if a is not None)
    below: set[tuple[int, int]] = set()
    for n, span in enumerate(spans):
        sentence = article.sentence_of(span[0])
        for earlier in spans[:n]:
            if earlier in below or article.sentence_of(earlier[0]) != sentence or earlier[1] > span[0]:
                continue
            opened = False  # a link whose clause runs on to the candidate; a comma closes it ("…, which he had not
            for i in range(article.token_at(earlier[1]), article.token_at(span[0])):  # introduced, Ortiz pointed …")
                if (article.word(i) in SUBORDINATE_LINKS or _reports_a_clause(article, i)) \
                        and not article.in_quote(article.tokens[i].start):
                    opened = True
                elif article.word(i) in (",", ";"):
                    opened = False
            if opened:
                below.add(span)
                break
    return [c for c in candidates if anchor(c) in below]


def _clause_end(text: str, statement: Statement) -> int:
    """Where the clause of a quotation's cue ends: its sentence's end where the cue comes after the words ("“…,”
    said Harvey, who acknowledged Trump was his fourth choice"), else the first comma or semicolon after the words
    ("When Maddow pointed out that Sanders calls it “Medicare for all,” Clinton seized on it": not Clinton's clause)."""
    end = max(b for _, b in statement.parts)
    if statement.cue is not None and statement.cue[0] >= end:
        return statement.sentence[1]
    stop = _CLAUSE_STOP.search(text, end, statement.sentence[1])
    return stop.start() + 1 if stop is not None else statement.sentence[1]


_CLAUSE_STOP = re.compile(r"[,;]")


def _reported_spans(text: str, done: list[Statement], pos: int) -> list[tuple[int, int, str]]:
    """The spans of words another reports before pos, with who reports them: the parts of reported speech, and the
    rest of the clause after the cue of a quotation already read, which it reports."""
    reported = [(a, b, s.speaker) for s in done if not s.direct and s.speaker and s.position < pos for a, b in s.parts]
    return reported + [(s.cue[1], _clause_end(text, s), s.speaker) for s in done if s.speaker and s.cue and s.position < pos]


def _spoken_of(reported: list[tuple[int, int, str]], candidates: list[tuple[int, str, tuple[int, int] | None]]) \
        -> list[tuple[int, str, tuple[int, int] | None]]:
    """The candidates for he or she named inside the words another reports (`_reported_spans`: "He said he had
    had “no idea” Mr Pereira was waiting for him. “I walked out and he was just there,” he said": the one who
    reported, not Pereira), who come after the others."""
    return [c for c in candidates if c[2] is not None
            and any(a <= c[2][0] < b and speaker != c[1] for a, b, speaker in reported)]


def _reports_a_clause(article: ArticleText, i: int) -> bool:
    """Whether token i is a verb of saying whose clause follows with no "that" ("suggested Trump went too far",
    "complained to Fox's Ann Lee that …"): not one that names whom it addresses ("asked Trump", "told Cruz"), who
    may be the one answering next, nor an inverted cue, whose name is the speaker."""
    return is_cue(article, i) and article.word(i) not in ADDRESSED_PASSIVES and article.tokens[i].text.islower() \
        and article.tokens[i - 1].text not in (",", *QUOTE_TOKENS)  # "…, said David Axelrod": the speaker, inverted


_SECOND_CLAUSE = re.compile(r"(?:,\s+and|;)\s+(?=the\s)")
# An opening phrase that is no subject, its comma or dash, then a role ("Asked later - war or not - the admiral
# chuckled.", "Walking into the office, the senator said"): the role is the sentence's subject.
_AFTER_OPENING = re.compile(r"(?:[A-Z][a-z]+(?:ed|ing)|After|Before|When|While|As|Once|Later|Then)\b[^.,;“”\"]*?"
                            r"(?:,|\s[-–—])\s+(?=the\s)")
_ROLE_OPENING = re.compile(r"(?:[A-Z][a-z]+,?\s+)?[Tt]he((?:\s+[\w.-]+){1,4})")


def _role_subjects(article: ArticleText, paragraph: int, pos: int) -> list[tuple[int, str, tuple[int, int] | None]]:
    """The people a paragraph's sentences or their second clauses open with by their role ("Instead, the Vermont
    senator is sticking to his message.", "…, and the senator took to Twitter"): the person who holds that role
    in the story, as a subject of the paragraph; none where that holder was last named before the paragraph
    before and a person stands as a subject of this paragraph before the role, whom a reader takes it for."""
    lo, hi = article.paragraphs[paragraph]
    found: list[tuple[int, str, tuple[int, int] | None]] = []
    k = article.sentence_of(lo)
    clauses: list[int] = []
    while k < len(article.sentences) and article.sentences[k][0] < min(hi, pos):
        start, end = article.sentences[k]
        clauses.append(start)  # and a second clause's opening: "…, and the GOP candidate took to Twitter"
        clauses += [m.end() for m in _SECOND_CLAUSE.finditer(article.text, start, min(end, pos))]
        opening = _AFTER_OPENING.match(article.text, start, min(end, pos))
        if opening is not None:
            clauses.append(opening.end())
        k += 1
    for clause in clauses:
        match = _ROLE_OPENING.match(article.text, clause, min(hi, pos))
        if match is None or article.in_quote(match.start()):
            continue
        words = [w.strip(",;:") for w in match.group(1).split()]
        head = next((n for n, w in enumerate(words) if w.lower() in PERSON_ROLES  # "the senator", "The Chief Minister"
                     and (n + 1 == len(words) or words[n + 1].lower() not in PERSON_ROLES)), None)
        if head is None or head + 1 < len(words) and not words[head + 1].islower() or words[head + 1:head + 2] == ["of"]:
            continue  # "the senator is …", not "the senator of Vermont" nor "the senator Ann Lee"
        the = match.end() - len(match.group(1)) - 3
        phrase = "the " + " ".join(words[:head + 1])
        person = role_antecedent(article, Subject("role", the, the + len(phrase), phrase))
        if person is not None and article.paragraph_of(person[1][0]) < paragraph - 1 \
                and any(lo <= m.start < the and subject_like(article, m) and not article.in_quote(m.start)
                        for m in article.people):
            continue  # "… anchor Ilia Calderón reacted. The Afro-Colombian journalist expressed …": the person just
            # named, not a journalist introduced pages before
        if person is not None:
            found.append((the, person[0], person[1]))
    return found


_KIN_OPENING = re.compile(r"(?:His|Her|Their)\s+([a-z]+)\b(?!,)")


def _kin_subjects(article: ArticleText, paragraph: int, pos: int) -> list[tuple[int, str, tuple[int, int] | None]]:
    """A sentence of the paragraph opening with a relative ("Her husband was blunter.") who is the one person the
    article introduced as such ("Luz Marina Ortiz and her husband, Jaime Ortiz,": `ArticleText.described_as`), as a
    subject of the paragraph."""
    lo, hi = article.paragraphs[paragraph]
    found: list[tuple[int, str, tuple[int, int] | None]] = []
    k = article.sentence_of(lo)
    while k < len(article.sentences) and article.sentences[k][0] < min(hi, pos):
        match = _KIN_OPENING.match(article.text, article.sentences[k][0], min(hi, pos))
        k += 1
        if match is None or article.in_quote(match.start()):
            continue
        named = [name for name, noun in article.described_as.items() if noun == match.group(1)]
        if len(named) == 1:
            first = next(m for m in article.people if m.text == named[0])
            found.append((match.start(), named[0], (first.start, first.end)))
    return found


def _surname_subjects(article: ArticleText, paragraph: int, pos: int) -> list[tuple[int, str, tuple[int, int] | None]]:
    """A person's surname standing as a subject where the model named no one ("Trump blamed local officials",
    the model having read Trump as a person elsewhere in the article): that person, as a subject of the
    paragraph for a later he or she."""
    lo, hi = article.paragraphs[paragraph]
    found: list[tuple[int, str, tuple[int, int] | None]] = []
    for i in range(article.token_at(lo), min(len(article.tokens), article.token_at(min(hi, pos)))):
        tok = article.tokens[i]
        missed = missed_surname(article, i)
        if missed is not None and subject_like(article, missed):
            found.append((tok.start, strip_title(article.full_name(None, tok.text, tok.start)[0]), (tok.start, tok.end)))
    return found


def _a_people(article: ArticleText, mention: Mention) -> bool:
    """Whether a one-word "person" is a people or a family in the plural ("the Greeks voted", "Syrians are
    fleeing", "the Obamas"): after "the", before a verb of the plural, or a country's people ("Greeks must"); no he
    or she stands for it."""
    word = mention.text
    if " " in word or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    return article.text[max(0, mention.start - 4):mention.start].lower() == "the " \
        or article.word(article.token_at(mention.end)) in ("are", "were", "have", "say", "want") \
        or word[:-1].lower() in COUNTRY_DEMONYMS  # "Greeks must also understand"


def _relative_of_the_sex(article: ArticleText, mention: Mention, gender: str | None) -> bool:
    """Whether a name is the possessor of a relative of the pronoun's sex ("Nichols' mother expressed … “…,” she
    said"): the pronoun is the relative, whom no name here stands for."""
    kin = _POSSESSED.match(article.text, mention.end)
    return gender is not None and kin is not None and SEXED_NOUNS.get(kin.group(1).lower()) == gender


_POSSESSED = re.compile(r"['’]s?\s+([a-z]+)")


def _opens_possessive(article: ArticleText, mention: Mention) -> bool:
    """Whether a name opens its sentence as a possessive ("Palin’s posts about the raid drew fire."): the sentence
    is about that person, whom a "she" after it stands for, as much as if the name were its subject."""
    start = mention.title_start if mention.title_start is not None else mention.start
    lo = article.sentences[article.sentence_of(mention.start)][0]
    return not article.text[lo:start].strip(" \n\"“‘'(") and article.text[mention.end:mention.end + 2] in ("’s", "'s")


def _mostly_not_a_person(article: ArticleText, mention: Mention) -> bool:
    """Whether the model reads a "person" as a place more often elsewhere in the article ("Clarkston", a town
    nine times and a person once): no one for he or she to stand for. (A body is not counted: the model reads
    "Trump" as one wherever it stands for his campaign or company.)"""
    if mention.text not in article.other_starts or re.match(r",?\s+who\b", article.text[mention.end:mention.end + 8]):
        return False  # "Rihanna, who was honored …": a person, whatever the model says elsewhere
    places = sum(1 for m in article.mentions if m.text == mention.text and m.label in ("GPE", "LOC", "FAC"))
    return places > sum(1 for m in article.people if m.text == mention.text)


def _goes_on_by_pronoun(article: ArticleText, paragraph: int, gender: str | None) -> bool:
    """Whether a paragraph that names no one speaks of its person as he or she, or by his or her, outside
    quotations ("With that in mind, he is campaigning elsewhere.", "Instead, the Vermont senator is sticking to
    his message."), so that the person is the paragraph before's."""
    if paragraph < 0 or gender is None:
        return False
    lo, hi = article.paragraphs[paragraph]
    return any(GENDERED_WORDS.get(article.word(i)) == gender and not article.in_quote(article.tokens[i].start)
               for i in range(article.token_at(lo), article.token_at(hi)) if i < len(article.tokens))


def speaks_of(article: ArticleText, statement: Statement, name: str) -> bool:
    """Whether a quotation names the person in the third person ("Ruiz alone can unblock it"), so is not
    theirs: their surname, not after "I'm" or "my name is", nor after another first name ("Bill
    Clinton" in Hillary Clinton's words), nor before another capitalised word ("Clinton Foundation"), nor
    addressed in a quotation it quotes (someone else's words to the speaker: "‘Ann Lee, you are …’")."""
    if not statement.direct:
        return False
    words = [w for w in name.split() if w.lower().rstrip(".") not in _SUFFIXES]
    if not words:
        return False
    pattern = re.compile(rf"(?<![\w'’])(?:(\S+)\s+)?{re.escape(words[-1])}(?![\w])(?!\s+[A-Z])")
    for a, b in statement.parts:
        inner = [(a + m.open, a + m.close) for m in scan_quote_marks(article.text[a:b])]
        for match in pattern.finditer(article.text, a, b):
            if article.text[match.end():match.end() + 1] == "," and any(lo < match.end() <= hi for lo, hi in inner):
                continue  # "“He whispered to me, ‘Ann Lee, you are the best,’” she said": another's words to her
            given = (match.group(1) or "").strip("“‘\"'(")
            if given[:1].isupper() and len(words) > 1 and given not in (words[0], words[0][:1] + ".") \
                    and not _titles_bearer(article.text[max(a, match.start() - 40):match.end() - len(words[-1])], words[0]):
                continue  # another person of that surname, not "Secretary Clinton" in a quotation of Hillary Clinton's
            lead = article.text[max(a, match.start() - 12):match.start(1) if given[:1].isupper() else match.start()]
            if not _SELF_INTRODUCED.search(lead):
                return True
    return len(words) > 1 and _named_by_given_name(article, statement, words[0])


def _named_by_given_name(article: ArticleText, statement: Statement, given: str) -> bool:
    """Whether a quotation names someone by a given name no other person of the article bears ("“Bridget is very
    talented,” she said" is not Bridget Haldane's), not after "I'm" or "my name is"."""
    if len(given) < 3 or not given[:1].isupper() or given.endswith(".") or article.bearers_of_given_name(given) > 1:
        return False
    text = article.text
    for a, b in statement.parts:
        at = text.find(given, a, b)
        while at >= 0:
            end = at + len(given)
            before, after = text[at - 1:at] if at > a else "", text[end:end + 1]
            rest = text[end:min(b, end + 3)].lstrip()
            if not _in_a_word(before) and not _in_a_word(after) \
                    and not (text[end:end + 1] == " " and rest[:1].isupper()) \
                    and not _SELF_INTRODUCED.search(text, max(a, at - 12), at):
                return True
            at = text.find(given, end, b)
    return False


def _in_a_word(char: str) -> bool:
    return char != "" and (char.isalnum() or char in "'’")


# "I'm Ann", "my name is Ann": a speaker naming themself
_SELF_INTRODUCED = re.compile(r"(?:\bI[’']m|\bI am|name is|this is)\s*$", re.IGNORECASE)


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _titles_bearer(before: str, given: str) -> bool:
    """Whether the words before a surname in a quotation end in a title that may be the bearer's: an office
    ("Secretary", "Sen.", "President"), or "Mr." or "Mrs." where the bearer's given name is not of the other sex
    ("Mrs. Clinton" is not Bill Clinton)."""
    if not TITLE_BEFORE.search(before):
        return False
    title = before.split()[-1].lower().rstrip(".")
    if title in MALE_TITLES:
        return given.lower() not in FEMALE_GIVEN_NAMES
    if title in FEMALE_TITLES:
        return given.lower() not in MALE_GIVEN_NAMES
    return True


def _is_org(article: ArticleText, statement: Statement) -> bool:
    """Whether a statement's speaker is a body or an outlet, never he or she: the subject is one, or its name holds a
    body's word whatever the model's label ("Associated Press"), or it speaks by "reported" ("Politico reported
    Saturday that …"), as outlets do."""
    if statement.subject is not None and statement.subject.kind == "org":
        return True
    if statement.speaker is not None and set(statement.speaker.split()) & ORG_WORDS:
        return True
    return statement.cue is not None and article.text[statement.cue[0]:statement.cue[1]].lower() in OUTLET_CUES
