"""Speakers of an article's statements: attribution, antecedents, roles, venue and addressee.

- he / she, and "the minister", resolve to the person most recently speaking or acting as subject
  in the same paragraph, else in the paragraph before, else the last speaker of the article, else a
  person of that gender (by a title, the pronouns beside the name, else a given name borne by one sex
  only); never to one of the other gender, nor to a name only because it was seen last, and a person
  of a sentence's main clause before one named below it ("…, saying Ortiz was committed"). "An
  official", "residents" stay anonymous (speaker None).
- A quote with no cue of its own belongs to the statement just before it in its paragraph, or, when
  it opens the paragraph, to the sentence after it; a paragraph that is only a quotation goes on
  with the attributed quotation ending the paragraph before, or with the subject of a paragraph
  that ends in a colon. A cue with no subject beside it ("…, telling reporters, “…”") speaks for
  its sentence's subject.
- A venue given once for a speaker ("at a briefing", "on a talk radio programme") holds for that
  speaker's other statements in the article unless another is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from storyline.analyze.appositions import speaker_across_apposition
from storyline.analyze.article_text import ArticleText
from storyline.analyze.continuation import ends_in_open_quotation
from storyline.analyze.described import author_of_message, named_in_description
from storyline.analyze.entities import ORG_WORDS, strip_title
from storyline.analyze.fragments import quoted_fragment
from storyline.analyze.nlp import Token
from storyline.analyze.quote_marks import QUOTE_TOKENS, scan_quote_marks
from storyline.analyze.statements import (
    Statement,
    Subject,
    is_cue,
    noun_phrase_after,
    np_token,
    person_like,
    subject_from_mention,
)
from storyline.analyze.subjects import missed_surname, sentence_subject, subject_like
from storyline.analyze.venues import MEDIA_WORDS, VENUE_LEAD, VENUE_PATTERNS
from storyline.lang.en import (
    ADDRESSED_PASSIVES,
    DEFINITE,
    FEMALE_GIVEN_NAMES,
    FEMALE_TITLES,
    FUNCTION_WORDS,
    GENDERED_WORDS,
    KIN,
    MALE_GIVEN_NAMES,
    MALE_TITLES,
    MESSAGE_NOUNS,
    NP_STOP,
    OUTLET_CUES,
    PARTICIPLE_CUES,
    PASSIVE_AUXILIARIES,
    PERSON_ROLES,
    PRONOUNS,
    ROLE_TITLES,
    SUBORDINATE_LINKS,
    SUBORDINATORS,
    TO_AUDIENCE,
    VERB_FORMS,
    WITH_AUDIENCE,
)
from storyline.model import Mention


def resolve_speakers(article: ArticleText, statements: list[Statement]) -> None:
    """Give every statement its speaker, in text order, so that "he said" can look back."""
    genders: dict[str, str] = {}
    for m in article.people:
        gender = _title_gender(m)
        if gender is not None and m.text not in article.shared_surnames:  # "Mrs. Clinton" says which, not whose sex
            genders.setdefault(article.full_name(m, m.text, m.start)[0], gender)
    for name, gender in _pronoun_genders(article).items():
        genders.setdefault(name, gender)  # a title ("Mr.", "Ms.") says more than pronouns counted
    done: list[Statement] = []
    for n, statement in enumerate(statements):
        subject = statement.subject
        if subject is None or subject.kind == "none":
            _resolve_without_cue(article, statement, statements, n, done, genders)
        elif subject.kind == "inherit":
            same = [s for s in done if s.sentence == statement.sentence and s.resolved]
            source = same[-1] if same else None
            if source is None:
                first_np = sentence_subject(article, statement.sentence)
                if first_np is not None:
                    _apply_subject(article, statement, first_np, done, genders)
            else:
                _copy_speaker(statement, source)
        else:
            _apply_subject(article, statement, subject, done, genders)
        # "“…not Bernie Sanders…,” Sanders wrote", "“ESPN is an inclusive company,” ESPN said": its own words
        named = subject is not None and subject.kind in ("name", "org")
        if statement.speaker and not named and speaks_of(article, statement, statement.speaker) \
                and not _goes_on_from_name(statement, done):
            statement.speaker, statement.speaker_span = None, None
        across = speaker_across_apposition(article, statement)  # "“…,” Ana Ortiz, the chair for …, said"
        if across is not None:
            _apply_subject(article, statement, across, done, genders)
        done.append(statement)


def _pronoun_genders(article: ArticleText) -> dict[str, str]:
    """The gender the article gives each person by the pronouns right after the name standing as a subject
    (`subject_like`) in the sentences that name that person and no one else ("Ana Ortiz said her plan was
    ready"; not "… stumped for Ortiz, and the campaign touted his endorsement"), outside quotations and before a
    "that" (whose clause may speak of another): he/his/him against she/her, by two to one, as a reader
    learns it; so that "she" does not go back to a man."""
    counts: dict[str, list[int]] = {}
    by_sentence: dict[int, list[Mention]] = {}
    for m in article.people:
        if not article.in_quote(m.start):
            by_sentence.setdefault(article.sentence_of(m.start), []).append(m)
    for k, mentions in by_sentence.items():
        names = {strip_title(article.full_name(m, m.text, m.start)[0]) for m in mentions}
        if len(names) != 1 or any(m.text in article.shared_surnames for m in mentions):
            continue  # a surname alone that two people of the article bear ("Clinton") says nothing
        if not subject_like(article, mentions[0]):
            continue  # "stumped for Clinton …, and the campaign touted his endorsement", "a Clinton spokesman said he"
        tally = counts.setdefault(names.pop(), [0, 0])
        lo, hi = mentions[0].end, article.sentences[k][1]
        first = article.token_at(lo)
        for i in range(first, min(len(article.tokens), first + 15)):
            tok = article.tokens[i]
            if tok.start >= hi or tok.text.lower() in ("that", ";") or tok.text.lower() in PARTICIPLE_CUES \
                    or tok.text in QUOTE_TOKENS:
                break  # "Ruiz told reporters that she …", "Ruiz mocked the rival, saying she …" may speak of another
            gender = GENDERED_WORDS.get(tok.text.lower())
            if tok.text.lower() == "her" and (article.word(i + 1) in FUNCTION_WORDS or not article.word(i + 1).isalpha()):
                gender = None  # "Obama backed her up": whom he backed
            if gender is not None and not article.in_quote(tok.start):
                tally[gender == "f"] += 1
    return {name: ("m" if male > female else "f") for name, (male, female) in counts.items()
            if max(male, female) >= 2 * min(male, female) and male != female}


def _title_gender(mention: Mention | None) -> str | None:
    """"m" after "Mr.", "Sir" …, "f" after "Mrs.", "Ms." …; else None."""
    if mention is None or not mention.title:
        return None
    word = mention.title.split()[-1].lower().rstrip(".")
    return "f" if word in FEMALE_TITLES else "m" if word in MALE_TITLES else None


def _gender_of(name: str, genders: dict[str, str]) -> str:
    """A person's gender as the article gives it (a title, the pronouns beside the name), else as a given name
    borne by one sex only gives it in English news ("Denis McDonough", "Wendy Sherman"); "" when neither does."""
    if genders.get(name):
        return genders[name]
    words = name.split()
    given = words[0].lower() if len(words) > 1 else ""
    return "m" if given in MALE_GIVEN_NAMES else "f" if given in FEMALE_GIVEN_NAMES else ""


def _bearer(article: ArticleText, surname: str, gender: str, genders: dict[str, str]) -> str | None:
    """Of the people the article names in full with a surname two of them bear ("Bill Clinton", "Hillary
    Clinton"), the one of that gender, if one alone is."""
    bearers = {strip_title(m.text) for m in article.people if len(m.text.split()) > 1 and m.text.split()[-1] == surname}
    fitting = [b for b in bearers if _gender_of(b, genders) == gender]
    return fitting[0] if len(fitting) == 1 else None


def _goes_on_from_name(statement: Statement, done: list[Statement]) -> bool:
    """Whether a quotation with no cue of its own goes on, in its paragraph, with the words of a speaker a
    name beside the cue gave ("“…,” Ruiz said. “The Ruiz plan stands.”"): its speaker's own words too,
    naming themselves as the first part may."""
    if statement.subject is not None and statement.subject.kind not in ("none", "inherit"):
        return False
    return any(s.paragraph == statement.paragraph and s.speaker_span == statement.speaker_span and s.direct
               and s.subject is not None and s.subject.kind in ("name", "org") for s in done)


def _apply_subject(article: ArticleText, statement: Statement, subject: Subject, done: list[Statement],
                   genders: dict[str, str]) -> None:
    statement.resolved = True
    # "his nephew Michery el Soheil added", "according to a post from Ana Ruiz"
    subject = named_in_description(article, subject) or author_of_message(article, subject) or subject
    if subject.kind == "name":
        name, mention = article.full_name(subject.mention, subject.surface, subject.start)
        titled = _title_gender(subject.mention)  # "Mrs. Clinton said", the nearer "Bill Clinton" notwithstanding
        if titled is not None and subject.surface in article.shared_surnames:
            name = _bearer(article, subject.surface, titled, genders) or name
        statement.speaker = strip_title(name)
        statement.speaker_span = (subject.start, subject.end)
    elif subject.kind == "org":
        statement.speaker = subject.surface
        statement.speaker_span = (subject.start, subject.end)
    elif subject.kind == "pronoun":
        gender = PRONOUNS.get(subject.surface.lower())
        found = _antecedent(article, subject.start, done, gender, genders, statement)
        if found:
            statement.speaker, statement.speaker_span = found
            genders.setdefault(found[0], gender or "")
    elif subject.kind == "role" and _holds_a_role(subject):
        found = _role_antecedent(article, subject)
        if found is None and _role_head(subject) in PERSON_ROLES:
            found = _antecedent(article, subject.start, done, None, genders, statement)
        if found:
            statement.speaker, statement.speaker_span = found


def _copy_speaker(statement: Statement, source: Statement) -> None:
    statement.speaker, statement.speaker_span = source.speaker, source.speaker_span
    statement.resolved = True


def _antecedent(article: ArticleText, pos: int, done: list[Statement], gender: str | None,
                genders: dict[str, str], statement: Statement) -> tuple[str, tuple[int, int] | None] | None:
    """The person "he" or "she" at pos stands for: the latest subject or speaker (a person, not an
    organisation) in the paragraph, else in the paragraph before it, else the article's latest speaker,
    else the latest person of that gender (`_gender_of`); never one of the other gender, nor one the
    quotation speaks of ("“… Ruiz alone can unblock it,” he said" passes over Ruiz); one named in a clause
    below another of their sentence (`_in_subordinate_clause`) only where no other fits; None rather than a
    guess."""
    here = article.paragraph_of(pos)

    def fitting(name: str, span: tuple[int, int] | None = None) -> str | None:
        """The person named there whom the pronoun can stand for, or None; a surname two people bear ("Clinton")
        is the one of them whose gender is the pronoun's."""
        if gender is not None and _gender_of(name, genders) not in (gender, ""):
            surname = article.text[span[0]:span[1]] if span is not None else ""
            name = (_bearer(article, surname, gender, genders) or "") if surname in article.shared_surnames else ""
        return name if name and not speaks_of(article, statement, name) else None

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
            if m.end <= pos and article.paragraph_of(m.start) == paragraph and subject_like(article, m) \
                    and not article.in_quote(m.start) and not _mostly_not_a_person(article, m) \
                    and article.word(article.token_at(m.end)) not in OUTLET_CUES and not set(m.text.split()) & ORG_WORDS:
                name = strip_title(article.full_name(m, m.text, m.start)[0])
                subjects.append((m.start, name, (m.start, m.end)))
        subjects += _role_subjects(article, paragraph, pos) + _surname_subjects(article, paragraph, pos)
        ranked = sorted(speakers + subjects)
        subordinate = _in_subordinate_clause(article, ranked)
        for _, name, span in [c for c in reversed(ranked) if c not in subordinate] + list(reversed(subordinate)):
            chosen = fitting(name, span)
            if chosen:
                if chosen != name:  # "Larsen said, “…” She followed …": the pronoun says which Larsen said it too
                    for s in done:
                        if s.speaker_span == span:
                            s.speaker = chosen
                return chosen, span
    for s in reversed(done):
        if s.speaker and s.speaker_span and s.position < pos and not _is_org(article, s):
            chosen = fitting(s.speaker, s.speaker_span)
            if chosen:
                return chosen, s.speaker_span
    if gender is not None:  # a person known to be of that gender ("Ms Rowan", "Karen Lee"), never just the last name seen
        for m in reversed(article.people):
            if m.end > pos or article.in_quote(m.start):
                continue
            name = strip_title(article.full_name(m, m.text, m.start)[0])
            if _gender_of(name, genders) == gender:
                return name, (m.start, m.end)
    return None


def _in_subordinate_clause(article: ArticleText, candidates: list[tuple[int, str, tuple[int, int] | None]]) \
        -> list[tuple[int, str, tuple[int, int] | None]]:
    """The candidates for he or she named in a clause below another candidate of their sentence: after "because",
    "that", "who", a by-phrase, a participle or a verb of saying ("Mr. Nevins said he took it on only because
    Mr. Lynch agreed", "Ruiz repeated the plan, saying Ortiz was committed to it", "Ruiz agreed, but suggested
    Ortiz went too far"). The sentence is about the one its main clause names, so "he said" after it is theirs
    before any of these."""
    spans = sorted(span for _, _, span in candidates if span is not None)
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
    return [c for c in candidates if c[2] in below]


def _reports_a_clause(article: ArticleText, i: int) -> bool:
    """Whether token i is a verb of saying whose clause follows with no "that" ("suggested Trump went too far",
    "complained to Fox's Ann Lee that …"): not one that names whom it addresses ("asked Trump", "told Cruz"), who
    may be the one answering next, nor an inverted cue, whose name is the speaker."""
    return is_cue(article, i) and article.word(i) not in ADDRESSED_PASSIVES and article.tokens[i].text.islower() \
        and article.tokens[i - 1].text not in (",", *QUOTE_TOKENS)  # "…, said David Axelrod": the speaker, inverted


_SECOND_CLAUSE = re.compile(r"(?:,\s+and|;)\s+(?=the\s)")
_ROLE_OPENING = re.compile(r"(?:[A-Z][a-z]+,?\s+)?[Tt]he((?:\s+[\w.-]+){1,4})")


def _role_subjects(article: ArticleText, paragraph: int, pos: int) -> list[tuple[int, str, tuple[int, int] | None]]:
    """The people a paragraph's sentences or their second clauses open with by their role ("Instead, the Vermont
    senator is sticking to his message.", "…, and the senator took to Twitter"): the person who holds that role
    in the story, as a subject of the paragraph."""
    lo, hi = article.paragraphs[paragraph]
    found: list[tuple[int, str, tuple[int, int] | None]] = []
    k = article.sentence_of(lo)
    clauses: list[int] = []
    while k < len(article.sentences) and article.sentences[k][0] < min(hi, pos):
        start, end = article.sentences[k]
        clauses.append(start)  # and a second clause's opening: "…, and the GOP candidate took to Twitter"
        clauses += [m.end() for m in _SECOND_CLAUSE.finditer(article.text, start, min(end, pos))]
        k += 1
    for clause in clauses:
        match = _ROLE_OPENING.match(article.text, clause, min(hi, pos))
        if match is None or article.in_quote(match.start()):
            continue
        words = [w.strip(",;:") for w in match.group(1).split()]
        head = next((n for n, w in enumerate(words) if w in PERSON_ROLES
                     and (n + 1 == len(words) or words[n + 1] not in PERSON_ROLES)), None)
        if head is None or head + 1 < len(words) and not words[head + 1].islower() or words[head + 1:head + 2] == ["of"]:
            continue  # "the senator is …", not "the senator of Vermont" nor "the senator Ann Lee"
        the = match.end() - len(match.group(1)) - 3
        phrase = "the " + " ".join(words[:head + 1])
        person = _role_antecedent(article, Subject("role", the, the + len(phrase), phrase))
        if person is not None:
            found.append((the, person[0], person[1]))
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


def _mostly_not_a_person(article: ArticleText, mention: Mention) -> bool:
    """Whether the model reads a "person" as a place more often elsewhere in the article ("Clarkston", a town
    nine times and a person once): no one for he or she to stand for. (A body is not counted: the model reads
    "Trump" as one wherever it stands for his campaign or company.)"""
    if mention.text not in article.other_starts or re.match(r",?\s+who\b", article.text[mention.end:mention.end + 8]):
        return False  # "Rihanna, who was honored …": a person, whatever the model says elsewhere
    places = sum(1 for m in article.mentions if m.text == mention.text and m.label in ("GPE", "LOC", "FAC"))
    return places > sum(1 for m in article.people if m.text == mention.text)


def _goes_on_by_pronoun(article: ArticleText, paragraph: int, gender: str | None) -> bool:
    """Whether a paragraph that names no one speaks of its person as he or she, outside quotations ("With
    that in mind, he is campaigning elsewhere."), so that the person is the paragraph before's."""
    if paragraph < 0 or gender is None:
        return False
    lo, hi = article.paragraphs[paragraph]
    return any(PRONOUNS.get(article.word(i)) == gender and not article.in_quote(article.tokens[i].start)
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
            if given[:1].isupper() and len(words) > 1 and given not in (words[0], words[0][:1] + "."):
                continue  # another person of that surname
            lead = article.text[max(a, match.start() - 12):match.start(1) if given[:1].isupper() else match.start()]
            if not re.search(r"(?:\bI[’']m|\bI am|name is|this is)\s*$", lead, re.IGNORECASE):
                return True
    return False


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _is_org(article: ArticleText, statement: Statement) -> bool:
    """Whether a statement's speaker is a body or an outlet, never he or she: the subject is one, or its name holds a
    body's word whatever the model's label ("Associated Press"), or it speaks by "reported" ("Politico reported
    Saturday that …"), as outlets do."""
    if statement.subject is not None and statement.subject.kind == "org":
        return True
    if statement.speaker is not None and set(statement.speaker.split()) & ORG_WORDS:
        return True
    return statement.cue is not None and article.text[statement.cue[0]:statement.cue[1]].lower() in OUTLET_CUES


def _role_head(subject: Subject) -> str:
    """The noun a description ends in before any "of" ("the head of the delegation" → head)."""
    words = [w for w in re.findall(r"[a-z][a-z\-]*", subject.surface.lower().split(" of ")[0])
             if w not in DEFINITE and len(w) > 2]
    return words[-1] if words else ""


def _holds_a_role(subject: Subject) -> bool:
    """Whether a description names someone by what they are ("the senator", "his wife", "the Texan", "the
    69-year-old"), whom the story has named; not a thing ("the letter continues", "the note says") nor someone
    the story never names ("the man shouted", "the heckler yelled", "the organizer told"), whose words
    stay unattributed."""
    head = _role_head(subject)
    if not head:
        return False
    if head in PERSON_ROLES or head in KIN or head in ROLE_TITLES or head.endswith("-old"):
        return True
    return re.search(rf"\b[A-Z]{re.escape(head[1:])}\b", subject.surface) is not None  # "the Texan", "the Republican"


def _role_antecedent(article: ArticleText, subject: Subject) -> tuple[str, tuple[int, int]] | None:
    """"the Ukrainian president", "the chief executive": the latest person introduced with that role (in a
    title, "Sen." for "senator", or in the words beside the name up to the next person), the one whose
    introduction also holds more of the description's qualifiers ("the Vermont senator") first."""
    head = _role_head(subject)
    if not head:
        return None
    role = re.compile("|".join([rf"\b{re.escape(head)}\b"] + [rf"\b{re.escape(t)}(?!\w)" for t in ROLE_TITLES.get(head, ())]),
                      re.IGNORECASE)
    qualifiers = [w for w in re.findall(r"[A-Z][\w-]+", subject.surface) if w.lower() not in DEFINITE]
    best, best_score = None, -1
    previous_end = 0
    people = [m for m in article.people if m.end <= subject.start]
    for n, m in enumerate(people):
        start = m.title_start if m.title_start is not None else m.start
        next_start = people[n + 1].start if n + 1 < len(people) else len(article.text)
        context = (m.title or "") + " " + article.text[max(previous_end, start - 40, 0):m.start] + " " + \
            article.text[m.end:min(m.end + 60, next_start)].split(".")[0]
        previous_end = m.end
        if role.search(context):
            score = sum(1 for w in qualifiers if w in context)
            if score >= best_score:
                best, best_score = m, score
    if best is None:
        return None
    return strip_title(article.full_name(best, best.text, best.start)[0]), (best.start, best.end)


def _resolve_without_cue(article: ArticleText, statement: Statement, statements: list[Statement], n: int,
                         done: list[Statement], genders: dict[str, str]) -> None:
    """A quote with no cue of its own: the statement before it in its paragraph, else the sentence after it.

    A cue with no subject beside it ("Weaver shrugged it off, telling reporters, “…”") speaks for the
    subject of its sentence."""
    paragraph_start = article.paragraphs[statement.paragraph][0]
    this_sentence = article.sentence_of(statement.position)
    opens_paragraph = not article.text[paragraph_start:statement.position].strip()
    if statement.cue is not None:
        cue_sentence = article.sentences[article.sentence_of(statement.cue[0])]
        subject = sentence_subject(article, cue_sentence)
        if subject is not None and subject.kind in ("name", "pronoun", "role"):
            _apply_subject(article, statement, subject, done, genders)
            if statement.speaker:
                return
    if not opens_paragraph and article.text[paragraph_start:statement.position].rstrip(" '‘“\"`").endswith(":"):
        # "And Mr. Christie gloated: “…”", "She then addressed the supporters again: “…”": its sentence's subject.
        subject = sentence_subject(article, article.sentences[this_sentence])
        if subject is not None and subject.kind in ("name", "pronoun", "role"):
            _apply_subject(article, statement, subject, done, genders)
            if statement.speaker:
                return
    if statement.direct and not opens_paragraph and _inside_own_sentence(article, statement, this_sentence) \
            and not quoted_fragment(article, statement):  # a fragment the writer's sentence reports keeps its reading
        # "Moore thanked him for “…”", "Ana Ortiz welcomed “…”": the words a sentence quotes after its
        # subject acts are that subject's (a person standing as the subject, not "Palmieri accused Sanders of
        # “…”"), not the paragraph's last speaker's
        subject = sentence_subject(article, article.sentences[this_sentence])
        if subject is not None and (subject.kind == "pronoun" or subject.kind == "name" and (
                subject.mention is None or subject_like(article, subject.mention)
                or _opens_subordinate_clause(article, subject, this_sentence))) \
                and article.paragraph_of(subject.start) == statement.paragraph and subject.end <= statement.position \
                and not _in_opening_clause(article, subject, this_sentence, statement.position):
            _apply_subject(article, statement, subject, done, genders)
            if statement.speaker:
                return
    if not opens_paragraph:
        same = [s for s in done if s.paragraph == statement.paragraph and s.resolved]
        if same:
            _copy_speaker(statement, same[-1])
            statement.frame = same[-1].frame if statement.venue is None else statement.frame
            return
        previous = article.sentences[this_sentence - 1] if this_sentence > 0 else None
        if previous is not None and previous[0] >= paragraph_start:
            subject = sentence_subject(article, previous)
            if subject is not None:
                _apply_subject(article, statement, subject, done, genders)
                statement.frame = (previous[0], statement.frame[1])
                return
    last_part_end = statement.parts[-1][1]
    k = article.sentence_of(last_part_end)
    following = article.sentences[k + 1] if k + 1 < len(article.sentences) else None
    if opens_paragraph and following is not None and article.paragraph_of(following[0]) == statement.paragraph:
        later = next((s for s in statements[n + 1:] if s.sentence == following and s.subject is not None
                      and s.subject.kind not in ("none", "inherit")), None)
        subject = later.subject if later else _message_from(article, following) or sentence_subject(article, following)
        if subject is not None and subject.kind in ("name", "pronoun", "role", "anonymous", "org"):
            _apply_subject(article, statement, subject, done, genders)
            statement.frame = (statement.frame[0], following[1])
            return
    signed = _signed_below(article, statement) if opens_paragraph else None
    if signed is not None:
        _apply_subject(article, statement, signed, done, genders)
        return
    if statement.paragraph > 0 and not article.text[paragraph_start:statement.position].strip(" '"):  # NYT's ''
        _continue_previous_paragraph(article, statement, done, genders)


def _inside_own_sentence(article: ArticleText, statement: Statement, sentence: int) -> bool:
    """Whether a quotation stands inside a sentence of the writer's, after words of its own with no cue among
    them (not one that opens its sentence or its paragraph, nor one after another quotation's closing mark,
    "“…,” Ruiz said. “…”", nor after a cue the statement rules read, "was asked by …", "a hat reading"), nor
    in a relative clause ("a website that ran headlines such as “…”")."""
    lo = max(article.sentences[sentence][0], article.paragraphs[statement.paragraph][0])
    before = article.text[lo:statement.position]
    words = [w for a, b in statement.parts for w in re.findall(r"[A-Za-z][\w’'-]{3,}", article.text[a:b])]
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return False  # a title or a slogan in title case ("a “Make Mexico Great Again” hat"), no one's words here
    if not before.strip(" '‘“\"`") or any(q in before for q in ("”", '"', "''")) or article.in_quote(lo):
        return False
    first, mark = article.token_at(lo), article.token_at(statement.position)
    if any(is_cue(article, i) or article.word(i) in ("that", "which") for i in range(first, mark)):
        return False
    last = next((i for i in range(mark - 1, first - 1, -1) if article.word(i) not in (",", ":")), first)
    if article.word(last).endswith("ing") and article.word(last - 1) not in PASSIVE_AUXILIARIES:
        # "a hat reading, “…”", "her ads asking, “…”": the thing's words; "a statement condemning “…”": its author's
        return any(article.word(i) in MESSAGE_NOUNS for i in range(max(first, last - 4), last))
    return True


def _opens_subordinate_clause(article: ArticleText, subject: Subject, sentence: int) -> bool:
    """Whether a name stands as the subject of a clause opening its sentence ("When Ruiz wrapped up, …", "As the
    columnist Ann Lee had written, …"): a subordinating word first, then nothing but words of the name's phrase."""
    first = article.token_at(article.sentences[sentence][0])
    if article.word(first) not in SUBORDINATORS:
        return False
    return all(np_token(article, i) for i in range(first + 1, article.token_at(subject.start)))


def _in_opening_clause(article: ArticleText, subject: Subject, sentence: int, position: int) -> bool:
    """Whether a subject stands in a clause opening its sentence and the quotation in the main clause after it
    ("As Ruiz spoke, the union was urging “…”"); not one inside that clause ("While Ruiz laid out “…”, Ortiz …")
    nor one the clause introduces ("As Ruiz had written, “…”")."""
    lo = article.sentences[sentence][0]
    between = article.text[subject.end:position]
    return article.word(article.token_at(lo)) in SUBORDINATORS and "," in between \
        and "," not in article.text[lo:subject.start] and bool(between.rsplit(",", 1)[1].strip(" '‘“\"`"))


def _continue_previous_paragraph(article: ArticleText, statement: Statement, done: list[Statement],
                                 genders: dict[str, str]) -> None:
    """A paragraph that is a quotation and names no speaker goes on with the paragraph before it, as
    news writes it: a quotation introduced by a colon ("Cruz continued:") is its subject's, and a
    quotation that follows an attributed quotation ("“…,” Carson said.") is that speaker's again."""
    lo, hi = article.paragraphs[statement.paragraph - 1]
    before = article.text[lo:hi].rstrip()
    last_sentence = article.sentences[article.sentence_of(hi - 1)]
    if before.endswith(":"):
        subject = _main_clause_person(article, last_sentence) or sentence_subject(article, last_sentence)
        if subject is not None and subject.kind in ("name", "pronoun", "role", "org"):
            _apply_subject(article, statement, subject, done, genders)
        return
    previous = [s for s in done if s.paragraph == statement.paragraph - 1]
    if previous and previous[-1].direct and previous[-1].resolved and previous[-1].speaker \
            and (previous[-1].sentence[1] >= last_sentence[0]
                 or ends_in_open_quotation(article.text, previous[-1].parts[-1][1], hi)):
        _copy_speaker(statement, previous[-1])


def _signed_below(article: ArticleText, statement: Statement) -> Subject | None:
    """A quotation standing alone as a paragraph and signed by the next one with a dash ("“…”" then
    "— Ana Ortiz, on the radio"), as pull quotes and quotes of the day are: the person who signs."""
    lo, hi = article.paragraphs[statement.paragraph]
    if article.text[statement.parts[-1][1]:hi].strip(" \"”’'.") or statement.paragraph + 1 >= len(article.paragraphs):
        return None
    below_lo, below_hi = article.paragraphs[statement.paragraph + 1]
    below = article.text[below_lo:below_hi]
    dash = re.match(r"\s*[-–—]+\s*", below)
    if dash is None:
        return None
    start = below_lo + dash.end()
    person = next((m for m in article.people if start <= m.start < min(start + 20, below_hi)), None)
    if person is not None and person_like(article, person):
        return subject_from_mention(article, person)
    run = re.match(r"(?:[A-Z][\w’'.-]*\s+){1,4}?[A-Z][\w’'-]+(?=\s*[,.]|\s*$)", article.text[start:below_hi])
    if run is None:  # "-Governor Ana Ortiz, …" where the model, put off by the dash, named no one
        return None
    return Subject("name", start, start + run.end(), strip_title(run.group()))


def _main_clause_person(article: ArticleText, sentence: tuple[int, int]) -> Subject | None:
    """The person who acts in a sentence that introduces a quotation after an opening clause ("When the
    dam broke, Governor Ana Ortiz issued the following statement:"): the last person named, outside a
    quotation, right before a verb (a cue, a common verb or a past in -ed)."""
    found = None
    for m in article.people:
        if not sentence[0] <= m.start < sentence[1] or article.in_quote(m.start) or not person_like(article, m):
            continue
        after = article.token_at(m.end)
        if after >= len(article.tokens) or article.tokens[after].start >= sentence[1]:
            continue
        word = article.tokens[after].text
        if is_cue(article, after) or word in VERB_FORMS or word.endswith("ed") and word[:1].islower() \
                and word not in NP_STOP:
            found = m
    return subject_from_mention(article, found) if found is not None else None


def _message_from(article: ArticleText, sentence: tuple[int, int]) -> Subject | None:
    """"That was the message from union leader Jane Doe": the speaker a following sentence names."""
    match = re.search(r"\b(?:message|words|verdict|warning|view|promise|pledge|reaction|response|assessment)\s+"
                      r"(?:of|from)\s+", article.text[sentence[0]:sentence[1]])
    if not match:
        return None
    return noun_phrase_after(article, article.token_at(sentence[0] + match.end()), sentence[1])


def read_context(article: ArticleText, statement: Statement) -> None:
    """Venue and addressee from the words around the statement (quoted words blanked out)."""
    lo, hi = statement.frame
    chars = list(article.text[lo:hi])
    for a, b in article.quoted_near(lo, hi):
        for x in range(max(a, lo), min(b + 1, hi)):
            chars[x - lo] = " "
    if not statement.direct:
        for a, b in statement.parts:
            for x in range(max(a, lo), min(b, hi)):
                chars[x - lo] = " "
    frame = "".join(chars)
    for label, pattern in VENUE_PATTERNS:
        match = next((m for m in pattern.finditer(frame) if VENUE_LEAD.search(frame[max(0, m.start() - 60):m.start()])
                      or m.group().lower().startswith(("told", "on ", "to ", "address", "post", "wrote", "writing",
                                                       "message"))), None)
        if match:
            statement.venue = (label, " ".join(match.group().split()))
            break
    if statement.cue is not None:
        cue_word = article.text[statement.cue[0]:statement.cue[1]].lower()
        if cue_word in ("told", "tells", "tell", "telling"):
            statement.addressee = _told_whom(article, statement.cue[1], hi)
        else:
            match = TO_AUDIENCE.match(article.text, statement.cue[1], hi)
            if match and not article.in_quote(match.start(1)):
                statement.addressee = " ".join(match.group(1).split())
    if statement.addressee is None:
        match = WITH_AUDIENCE.search(frame)
        if match:
            statement.addressee = " ".join(match.group(1).split())
    if statement.addressee and statement.addressee.split()[-1].lower() in MEDIA_WORDS:
        statement.addressee = None  # "told a news conference", "told local radio": where, not whom


def _told_whom(article: ArticleText, after: int, hi: int) -> str | None:
    i = article.token_at(after)
    words: list[Token] = []
    stop = {"that", "in", "at", "on", "during", "after", "before", "when", "while", "as", "about", "not", "to", "he",
            "she", "it", "they", "we", "i", "there", "this", "his", "her", "its", "their", "afterwards", "yesterday",
            "today", "how", "what", "why", "whether", "if", "so"}
    while i < len(article.tokens) and article.tokens[i].start < hi and len(words) < 8:
        tok = article.tokens[i]
        word = tok.text.lower()
        if not (tok.text[:1].isalnum() or word in ("’s", "'s", "-")) or article.in_quote(tok.start):
            break
        after_of = words and words[-1].text.lower() == "of"
        possessive_first = not words and word in ("his", "her", "its", "their")
        if word in stop and not after_of and not possessive_first:
            break
        if word in ("the", "a", "an") and words and words[-1].text.lower() not in ("of",):
            break
        if tok.tag and tok.tag.startswith("VB") and tok.tag != "VBG":
            break
        words.append(tok)
        i += 1
    while words and words[-1].text.lower() in ("of", "the", "a", "an", "and"):
        words.pop()
    if not words:
        return None
    return article.text[words[0].start:words[-1].end]


def inherit_venues(statements: list[Statement]) -> None:
    """A speaker's venue, said once in an article, holds for their other statements there."""
    venues: dict[str, list[tuple[int, tuple[str, str]]]] = {}
    for s in statements:
        if s.speaker and s.venue:
            venues.setdefault(s.speaker, []).append((s.position, s.venue))
    for s in statements:
        if s.venue is not None or not s.speaker or s.speaker not in venues:
            continue
        earlier = [v for p, v in venues[s.speaker] if p < s.position]
        distinct = {v[0] for _, v in venues[s.speaker]}
        if earlier:
            s.venue = earlier[-1]
        elif len(distinct) == 1:
            s.venue = venues[s.speaker][0][1]


# ---------------------------------------------------------------- other languages: the cue verbs of storyline.lang

_AFTER_WINDOW = 60  # characters after a closing mark in which the cue must begin
_SPEAKER_WINDOW = 80


class Cue(NamedTuple):
    start: int
    end: int
    text: str


def attribute_in_language(text: str, open_: int, close: int, sentence: tuple[int, int], cues: re.Pattern[str] | None,
               people: Sequence[Mention]) -> tuple[Cue | None, tuple[int, int] | None]:
    """The cue of a quote and the span of the name it gives: after the closing mark, else before the opening one."""
    if cues is None:
        return None, None
    paragraph_end = text.find("\n", close)
    limit = len(text) if paragraph_end < 0 else paragraph_end
    after = cues.search(text, close + 1, min(limit, close + 1 + _AFTER_WINDOW))
    if after and re.fullmatch(r"[\s,.;:—–-]*", text[close + 1:after.start()]):
        cue = Cue(after.start(), after.end(), after.group())
        end = _cue_clause_end(text, after.end(), limit)
        return cue, _first_name(people, after.end(), end)
    before_start = max(sentence[0], text.rfind("\n", 0, open_) + 1)
    befores = list(cues.finditer(text, before_start, open_))
    if befores and re.fullmatch(r"[^.!?«»„“”\"]*", text[befores[-1].end():open_]):
        found = befores[-1]  # "Rubio a déclaré : « … »", "Según Zelenski, «…»"
        cue = Cue(found.start(), found.end(), found.group())
        name = _last_name(people, before_start, found.start()) or _first_name(people, found.end(), open_)
        return cue, name
    return None, None


def _cue_clause_end(text: str, start: int, limit: int) -> int:
    """Where the words after a cue stop naming the speaker: the sentence end or the next quote mark."""
    match = re.compile(r"[.!?;«»„“”\"]").search(text, start, min(limit, start + _SPEAKER_WINDOW))
    return match.start() if match else min(limit, start + _SPEAKER_WINDOW)


def _speaker_rank(mention: Mention) -> tuple[bool, bool]:
    """How good a speaker a name makes, lower first: people, then names of two or more words, then any."""
    return mention.label != "PERSON", len(mention.text.split()) < 2


def _best_speakers(people: Sequence[Mention], lo: int, hi: int) -> list[Mention]:
    """The names in lo..hi of the best rank (`_speaker_rank`) present; an acronym (AFAD, США) is an
    organisation and never speaks here."""
    inside = [m for m in people if lo <= m.start and m.end <= hi and not m.text.isupper()]
    if not inside:
        return []
    top = min(_speaker_rank(m) for m in inside)
    return [m for m in inside if _speaker_rank(m) == top]


def _first_name(people: Sequence[Mention], lo: int, hi: int) -> tuple[int, int] | None:
    """The speaker a cue names after it: the best-ranked name, the earliest of its rank."""
    best = _best_speakers(people, lo, hi)
    chosen = min(best, key=lambda m: m.start) if best else None
    return (chosen.start, chosen.end) if chosen else None


def _last_name(people: Sequence[Mention], lo: int, hi: int) -> tuple[int, int] | None:
    """The speaker a cue names before it ("Rubio a déclaré : « … »"): the best-ranked name nearest the cue."""
    best = _best_speakers(people, lo, hi)
    chosen = max(best, key=lambda m: m.start) if best else None
    return (chosen.start, chosen.end) if chosen else None


def fullest_name(name: str, people: Sequence[Mention], text: str) -> str:
    """The fullest form of a name the article gives ("Zelenski" -> "Volodímir Zelenski"), same last word."""
    last = name.split()[-1]
    forms = [text[m.start:m.end] for m in people if m.text.split() and m.text.split()[-1] == last]
    return max(forms + [name], key=lambda f: (len(f.split()), len(f)))
