"""Speakers of an article's statements (where and to whom each was made: occasions.py).

- A cue's subject speaks: a name, a body, or he, she or a role, whom antecedents.py resolves (the
  person the paragraph is about, of that gender; "the minister" as the article introduced them).
  "An official", "residents" stay anonymous (speaker None).
- A quote with no cue of its own belongs to the statement just before it in its paragraph, or, when
  it opens the paragraph, to the sentence after it; a paragraph that is only a quotation goes on
  with the attributed quotation ending the paragraph before, or with the subject of a paragraph
  that ends in a colon. A cue with no subject beside it ("…, telling reporters, “…”") speaks for
  its sentence's subject.
"""

from __future__ import annotations

import re

from storyline.analyze.antecedents import (
    antecedent,
    bearer,
    gender_of,
    names_self,
    pronoun_genders,
    speaks_of,
    title_gender,
    unnamed_antecedent,
)
from storyline.analyze.appositions import named_before_dash, speaker_across_apposition
from storyline.analyze.article_text import ArticleText, given_sex
from storyline.analyze.continuation import ends_in_open_quotation
from storyline.analyze.cue_words import is_cue
from storyline.analyze.described import author_of_message, issuer_of_message, named_in_description
from storyline.analyze.entities import ORG_WORDS
from storyline.analyze.fragments import quoted_fragment
from storyline.analyze.office_titles import strip_title
from storyline.analyze.quote_marks import QUOTE_TOKENS
from storyline.analyze.roles import (
    aged,
    far_holder,
    holds_a_role,
    holds_another_office,
    just_named,
    named_beside,
    of_a_country,
    of_the_state,
    parent_of_children,
    role_antecedent,
    role_head,
)
from storyline.analyze.speaker_kinds import Subject, person_like, subject_from_mention
from storyline.analyze.speaker_phrases import noun_phrase_after, noun_phrase_before, np_token
from storyline.analyze.statements import Statement
from storyline.analyze.subjects import sentence_subject, subject_like
from storyline.analyze.unnamed import named_body, unnamed_source
from storyline.lang.en import (
    ASKING,
    CRIES,
    FAMILY,
    GATHERED,
    MESSAGE_NOUNS,
    NP_STOP,
    PASSIVE_AUXILIARIES,
    PERSON_ROLES,
    PREPOSITIONAL,
    PRESS_ROLES,
    PRONOUNS,
    QUOTING_ONLY_CUES,
    REPLIES,
    SPORT_ROLES,
    SUBORDINATORS,
    VERB_FORMS,
)
from storyline.lang.en_sexes import SEXED_NOUNS
from storyline.lang.en_transcripts import FIRST_PERSON
from storyline.model import Mention
from storyline.text import DATELINE


def resolve_speakers(article: ArticleText, statements: list[Statement]) -> None:
    """Give every statement its speaker, in text order, so that "he said" can look back."""
    genders: dict[str, str] = {}
    for m in article.people:
        gender = title_gender(m)
        if gender is not None and m.text not in article.shared_surnames:  # "Mrs. Clinton" says which, not whose sex
            genders.setdefault(article.full_name(m, m.text, m.start)[0], gender)
    for name, gender in pronoun_genders(article).items():
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
        if statement.speaker and not named and not _a_body(article, statement) \
                and speaks_of(article, statement, statement.speaker) \
                and not _goes_on_from_name(statement, done) \
                and not names_self(article, statement, statement.speaker, _pronoun_gender(subject), genders) \
                and not _goes_on_naming_self(article, statement, done, genders):
            statement.speaker, statement.speaker_span = None, None
            if subject is not None and subject.kind == "role":  # "“…Rick Perry…,” the Texan said": the words shown
                statement.unnamed = (subject.start, subject.end)
        across = speaker_across_apposition(article, statement)  # "“…,” Ana Ortiz, the chair for …, said"
        if across is not None:
            _apply_subject(article, statement, across, done, genders)
        if statement.speaker and (crier := _cried_by_unnamed(article, statement)):
            statement.speaker, statement.speaker_span = None, None
            statement.unnamed = crier if isinstance(crier, tuple) else None
        done.append(statement)


def _a_body(article: ArticleText, statement: Statement) -> bool:
    """Whether the speaker found is an organisation, which names itself in its own words as a person does not
    ("“This is a sad day for the Kraft Foods family,” the company said")."""
    span = statement.speaker_span
    return span is not None and any(m.label == "ORG" and (m.start, m.end) == span
                                    for m in article.mentions_within(span[0], span[1]))


def _pronoun_gender(subject: Subject | None) -> str | None:
    return PRONOUNS.get(subject.surface.lower()) if subject is not None and subject.kind == "pronoun" else None


def _cried_by_unnamed(article: ArticleText, statement: Statement) -> bool | tuple[int, int]:
    """Whether a quotation is cried out by a crowd or someone unnamed, as the words right before it in its
    sentence say ("as his friends jeered, “…”", "someone in the audience shouted, “…”", "roused the crowd to
    chants of “…”"): a word of crying, and before it, as the one crying, a noun phrase naming no person (an
    indefinite or plural one, or a crowd), not the sentence's named subject; a noun of crying with "of" is a
    crowd's whoever the sentence is about. A cue of the quotation's own after it ("“…,” Ruiz said") keeps its
    speaker unless the cry is a verb that only quotes ("shouted", not "cheered"). The crier's span where a verb's
    phrase gives it, else True."""
    lo = article.sentences[article.sentence_of(statement.position)][0]
    k = article.token_at(statement.position) - 1
    while k >= 0 and article.tokens[k].start >= lo and (article.word(k) in (",", ":", "of")
                                                         or article.tokens[k].text in QUOTE_TOKENS):
        k -= 1
    if k < 0 or article.tokens[k].start < lo or article.word(k) not in CRIES:
        return False
    subject = statement.subject
    if subject is not None and subject.kind not in ("none", "inherit") and subject.start > statement.position \
            and article.word(k) not in QUOTING_ONLY_CUES:
        return False  # "As the crowd cheered, “…,” Ruiz said": the cry has no words, the cue after it has
    if subject is not None and subject.kind not in ("none", "inherit") and subject.start > statement.position \
            and any(start > subject.end for start, _ in statement.parts):
        return False  # "someone shouted, “…,” Ruiz joked, “…”": one quotation in two parts, the second the cue's
    tag, word = article.tokens[k].tag, article.word(k)
    if tag.startswith("VB") or not tag and word.endswith(("ed", "ing")):  # "his friends jeered, “…”"
        crier = noun_phrase_before(article, k, lo)
        if crier is None or crier.kind != "anonymous" or crier.surface.lower() in PRONOUNS:
            return False
        return crier.start, crier.end
    if article.word(k + 1) == "of":
        return True  # "the crowd, which erupted into chants of “…”", "the arena shook with chants of “…”": a crowd's
    # a noun of crying: the crowd it belongs to stands just before ("the crowd to spontaneous chants of")
    for x in range(k - 1, max(k - 5, -1), -1):
        if article.tokens[x].start < lo or article.tokens[x].text in (",", ";", ":"):
            break
        if article.word(x) in GATHERED:
            return True
    return False


def _goes_on_from_name(statement: Statement, done: list[Statement]) -> bool:
    """Whether a quotation with no cue of its own goes on, in its paragraph, with the words of a speaker a
    name beside the cue gave ("“…,” Ruiz said. “The Ruiz plan stands.”"): its speaker's own words too,
    naming themselves as the first part may."""
    if statement.subject is not None and statement.subject.kind not in ("none", "inherit"):
        return False
    return any(s.paragraph == statement.paragraph and s.speaker_span == statement.speaker_span and s.direct
               and s.subject is not None and s.subject.kind in ("name", "org") for s in done)


def _goes_on_naming_self(article: ArticleText, statement: Statement, done: list[Statement],
                         genders: dict[str, str]) -> bool:
    """Whether a quotation with no cue of its own goes on, in its paragraph, with the words of a he or she who
    names themself ("Trump wasted no time." then "“…,” he said of Cruz. “We're going to win with Trump.”"): the
    second part speaks of its speaker as the first part's pronoun allows (`names_self`)."""
    if statement.subject is not None and statement.subject.kind not in ("none", "inherit"):
        return False
    return any(s.paragraph == statement.paragraph and s.speaker_span == statement.speaker_span and s.direct
               and s.subject is not None and s.subject.kind == "pronoun"
               and names_self(article, s, statement.speaker or "", _pronoun_gender(s.subject), genders) for s in done)


def _apply_subject(article: ArticleText, statement: Statement, subject: Subject, done: list[Statement],
                   genders: dict[str, str]) -> None:
    statement.resolved = True
    # "his nephew Michery el Soheil added", "according to a post from Ana Ruiz", "the statement said" (its issuer
    # named before), "Jonathan Wright-director of … told"
    subject = named_in_description(article, subject) or author_of_message(article, subject) \
        or issuer_of_message(article, subject) or named_before_dash(article, subject) or subject
    if subject.kind == "name":
        name, mention = article.full_name(subject.mention, subject.surface, subject.start)
        titled = title_gender(subject.mention)  # "Mrs. Clinton said", the nearer "Bill Clinton" notwithstanding
        if subject.mention is not None and subject.mention.title and subject.surface in article.shared_surnames:
            name = bearer(article, subject.surface, titled, genders, subject.start) or name
        statement.speaker = strip_title(name)
        statement.speaker_span = (subject.start, subject.end)
    elif subject.kind == "org":
        statement.speaker = _fullest_body(article, subject.surface)  # "Kraft said": Kraft Foods, named so before
        statement.speaker_span = (subject.start, subject.end)
    elif subject.kind == "pronoun":
        gender = PRONOUNS.get(subject.surface.lower())
        stranger = unnamed_antecedent(article, subject.start, done, gender, reach=_names_no_one_before(article, subject)) \
            if gender is not None else None
        if stranger is not None:  # "One ferry pilot said he … “…,” he said": the pilot's, unnamed
            statement.unnamed = stranger
            return
        found = antecedent(article, subject.start, done, gender, genders, statement)
        if found:
            statement.speaker, statement.speaker_span = found
            genders.setdefault(found[0], gender or "")
    elif subject.kind == "role" and holds_a_role(subject):
        found = of_the_state(article, subject) or role_antecedent(article, subject, _answering(article, statement, done))
        stranger = unnamed_antecedent(article, subject.start, done, None, reach=1)
        if stranger is not None and (found is None or found[1][0] < stranger[0]) \
                and {role_head(subject), role_head(subject) + "s"} \
                & set(re.findall(r"[a-z][\w-]*", article.text[stranger[0]:stranger[1]].lower())):
            statement.unnamed = stranger  # "One inspector said … “…,” the inspector said": the inspector's, unnamed
            # (and "One of Lumora's early investors said … “…,” the investor said"), even where a named inspector came
            # before the stranger
            return
        asks = statement.cue is not None and article.text[statement.cue[0]:statement.cue[1]].lower() in ASKING
        described = aged(subject) is not None or role_head(subject) in SPORT_ROLES or of_a_country(subject) \
            or parent_of_children(subject)  # what a person just named is: "the 74-year-old", "the father of two"
        if found is None and described:
            found = just_named(article, subject, antecedent(article, subject.start, done, None, genders, statement))
        elif found is None and _kin_of_another(subject):  # "his mother told …": the relative the article names, or
            # no one named (unnamed, not the nearest)
            found = _named_relative(article, subject, antecedent(article, subject.start, done, None, genders, statement),
                                    genders)
        elif found is None and role_head(subject) in PERSON_ROLES and not (asks and role_head(subject) in PRESS_ROLES):
            found = antecedent(article, subject.start, done, None, genders, statement)
            if found is not None and (holds_another_office(article, subject, found[0])
                                      or _of_the_other_sex(subject, found[0], genders)):
                found = None  # "The Prime Minister said", the one named last being the Leader of the Opposition;
                # "the New York businessman said", the one named last being Hillary Clinton
        elif found is not None and far_holder(article, subject, found):
            near = antecedent(article, subject.start, done, None, genders, statement)
            if near is not None and near[1] is not None \
                    and article.paragraph_of(near[1][0]) == article.paragraph_of(subject.start):
                found = near  # "Rubio stopped by … the senator said": the senator the paragraph is about
        if found:
            statement.speaker, statement.speaker_span = found
    if statement.speaker is None and statement.unnamed is None and subject.kind in ("anonymous", "role") \
            and (holder := named_beside(article, subject)) is not None:
        statement.speaker, statement.speaker_span = holder  # "Trammell's spokeswoman, Kelsey Orr, … the spokeswoman said"
    if statement.speaker is None and subject.surface.lower() == "it" and (body_said := _body_said_before(article, statement, done)):
        _copy_speaker(statement, body_said)  # "“…,” the company said. It added that …": the company
        return
    if statement.speaker is None and subject.kind in ("anonymous", "role") and (body := named_body(article, subject)) is not None:
        statement.speaker = body.text  # "Corvane Foods said … “…,” the company said in a statement"
        statement.speaker_span = (body.start, body.end)
    if statement.speaker is None:  # "a campaign aide said": the source the article gives, unnamed
        statement.unnamed = unnamed_source(article, subject, statement.cue)



def _of_the_other_sex(subject: Subject, name: str, genders: dict[str, str]) -> bool:
    """Whether a description says the other sex than the person's, as their given name or the pronouns the article
    takes them up with tell it ("the businessman" of Hillary Clinton, "she said" of her)."""
    sex = SEXED_NOUNS.get(role_head(subject))
    return sex is not None and gender_of(name, genders) not in ("", sex)


def _fullest_body(article: ArticleText, name: str) -> str:
    """The one fuller name the article gives a body named short ("Kraft" of "Kraft Foods", "Harvard" of "Harvard
    University"): its name and words that say what kind of body it is (ORG_WORDS), outside quotations; the name as
    written where there is none or two ("Apple" beside "Apple Music" stays Apple), or where a person bears the name."""
    words = name.split()
    if any(set(words) <= set(m.text.split()) for m in article.people):
        return name  # "Trump", whatever the model took it for here, is not "Trump University"
    fuller = {m.text for m in article.mentions if m.label == "ORG" and not article.in_quote(m.start)
              and m.text.split()[:len(words)] == words and len(m.text.split()) > len(words)
              and all(w.rstrip(".") in ORG_WORDS for w in m.text.split()[len(words):])}
    return fuller.pop() if len(fuller) == 1 else name


def _body_said_before(article: ArticleText, statement: Statement, done: list[Statement]) -> Statement | None:
    """The statement of the sentence before an "It said", "It added" whose speaker is a body the article names
    ("“…,” the company said. It added that it would …", "Kestrel Buses said it had …. It added …"); None where that
    sentence's speaker is a person, no one, or a name the sentence does not speak by ("A study funded by charity
    Heart Aid said …": the study)."""
    here = article.sentence_of(statement.position)
    before = [s for s in done if s.speaker and article.sentence_of(s.position) == here - 1]
    if not before:
        return None
    last = before[-1]
    spoke_as_a_body = last.subject is not None and last.subject.kind in ("org", "role", "anonymous")
    return last if spoke_as_a_body and any(m.label == "ORG" and m.text == last.speaker for m in article.mentions) else None


def _kin_of_another(subject: Subject) -> bool:
    """Whether a description is someone's relative ("his mother", "the mayor's wife"): a person other than the one
    it is said of, whom the nearest name is not."""
    words = subject.surface.lower().split()
    return len(words) >= 2 and role_head(subject) in FAMILY \
        and (words[0] in ("his", "her", "their") or words[0].endswith(("'s", "’s")))


def _named_relative(article: ArticleText, subject: Subject, owner: tuple[str, tuple[int, int] | None] | None,
                    genders: dict[str, str]) -> tuple[str, tuple[int, int] | None] | None:
    """The relative "his wife" or "her son" is where the article names them: of the people bearing the surname of
    the one "his" stands for (`owner`), the one other person of the relative's sex ("“We'll still be married in the
    morning,” his wife said" after Gary Haverkamp spoke, his wife introduced as Linda Haverkamp); None where there
    is none, or more than one."""
    words = subject.surface.lower().split()
    sex = SEXED_NOUNS.get(role_head(subject) or "", "")
    if owner is None or words[0] not in ("his", "her", "their") or not sex or " " not in owner[0]:
        return None
    surname = owner[0].split()[-1]
    first: dict[str, Mention] = {}  # each name the article gives before the description, with its first mention
    for m in article.people:
        if m.start < subject.start:
            first.setdefault(article.person_name(m), m)
    kin = [name for name in first if " " in name and name.split()[-1] == surname and name != owner[0]
           and (genders.get(name) or given_sex(name) or article.described_sex.get(name, "")) == sex]
    if len(kin) > 1:  # "Luz Marina Ortiz and her husband, Jaime Ortiz, whose son Andrés": her husband is Jaime
        kin = [name for name in kin if article.described_as.get(name) == role_head(subject)]
    if len(kin) != 1:
        return None
    return kin[0], (first[kin[0]].start, first[kin[0]].end)


def _answering(article: ArticleText, statement: Statement, done: list[Statement]) -> str | None:
    """The speaker a statement replies to ("…,” the leader replied"): the speaker of the statement right before it,
    where its cue replies (none where that one's speaker is unnamed: "one reporter asked")."""
    if statement.cue is None or article.text[statement.cue[0]:statement.cue[1]].lower() not in REPLIES:
        return None
    return next((s.speaker for s in reversed(done) if s.position < statement.position), None)


def _names_no_one_before(article: ArticleText, subject: Subject) -> int:
    """1 where the paragraph names no one before a pronoun, outside quotations ("“Nobody's yelling yet,” he said"
    after a paragraph that introduced "One Republican observer"): the stranger it stands for may be the paragraph
    before's; else 0."""
    lo = article.paragraphs[article.paragraph_of(subject.start)][0]
    return int(not any(lo <= m.start < subject.start and not article.in_quote(m.start) for m in article.people))


def _copy_speaker(statement: Statement, source: Statement) -> None:
    statement.speaker, statement.speaker_span = source.speaker, source.speaker_span
    statement.unnamed = source.unnamed
    statement.resolved = True


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
    owner = _whose_words(article, statement, opens_paragraph)
    if owner is not None:  # "In Ms. Ortiz's words, “…”", "a blind faith in Obama's word:" then the quotation
        _apply_subject(article, statement, owner, done, genders)
        if statement.speaker:
            return
    if not opens_paragraph and article.text[paragraph_start:statement.position].rstrip(" \n'‘“\"`").endswith(":"):
        # "And Mr. Christie gloated: “…”", "She then addressed the supporters again: “…”": its sentence's subject;
        # "A footnote in the audit makes that clear: “…”": a thing or someone unnamed, no one the paragraph named
        subject = sentence_subject(article, article.sentences[this_sentence])
        if subject is not None and subject.kind in ("name", "pronoun", "role", "anonymous") \
                and not article.in_quote(subject.start):
            _apply_subject(article, statement, subject, done, genders)
            if statement.speaker or subject.kind in ("anonymous", "role"):
                return  # "The judge had advice …:" where two judges were named: the judge's, unnamed, not the last speaker's
        elif subject is None and _ADVERBIAL_OPENING.fullmatch(article.text[paragraph_start:statement.position]):
            _continue_previous_paragraph(article, statement, done, genders)  # "Then, after a pause: “…”"
            if statement.speaker or statement.unnamed:
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
        newer = _subject_since(article, same[-1], statement) if same else None
        if newer is not None:  # "Lee ruled: “…” Ruiz, however, was delighted, his eyes gleaming as if to say, “…”"
            _apply_subject(article, statement, subject_from_mention(article, newer), done, genders)
            if statement.speaker:
                statement.resolved = True
                return
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
        subject = later.subject if later else _message_from(article, following) \
            or _message_from(article, following, opening=True) or sentence_subject(article, following)
        # "“…” That was how Kelechi Obi, a phone repairer, summed up the situation.": a sentence pointing back
        if subject is not None and subject.kind in ("name", "pronoun", "role", "anonymous", "org"):
            _apply_subject(article, statement, subject, done, genders)
            statement.frame = (statement.frame[0], following[1])
            return
    after = article.paragraphs[statement.paragraph + 1] if statement.paragraph + 1 < len(article.paragraphs) else None
    if opens_paragraph and after is not None and (following is None or following[0] >= after[0]):
        # the quotation is its paragraph, and the next one opens by saying whose it was: "That was the lament of …"
        subject = _message_from(article, article.sentences[article.sentence_of(after[0])], opening=True)
        if subject is not None and subject.kind in ("name", "role", "anonymous", "org"):
            _apply_subject(article, statement, subject, done, genders)
            return
    signed = _signed_below(article, statement) if opens_paragraph else None
    if signed is not None:
        _apply_subject(article, statement, signed, done, genders)
        return
    lede = _lede_speaker(article, statement)
    if lede is not None:  # 'ALTOONA, Pa. — "I never thought …"' then "The line belonged to Rep. Dennis Kowalczyk"
        _apply_subject(article, statement, subject_from_mention(article, lede), done, genders)
        return
    if statement.paragraph > 0 and not article.text[paragraph_start:statement.position].strip(" '"):  # NYT's ''
        _continue_previous_paragraph(article, statement, done, genders)


# a paragraph's opening before a colon that names no one: "Then, after a pause:", "Later:", "And finally:"
_ADVERBIAL_OPENING = re.compile(r"(?:And |But )?(?:Then|Later|Finally|Afterwards|Afterward|Moments later|Still)"
                                r"(?:,? (?:after|with|in|over) [a-z ]{1,30})?,?\s*:\s*[“\"'‘]?")


def _subject_since(article: ArticleText, previous: Statement, statement: Statement) -> Mention | None:
    """The person standing as a sentence's subject after the paragraph's last attributed statement (its words, cue
    and speaker) and before a statement with no cue: the paragraph has moved on to them, so the statement is
    theirs, not the earlier speaker's. Not a word in brackets: "(Laughs.)" between two quotations directs the stage;
    nor the subject the quotation itself goes on from: "Felt “disgraced himself …”" quotes what the speaker said of
    Felt, the sentence's verb inside the marks; not where the words speak in the first person ("Dunn “felt like I let
    the guys down”": his own)."""
    ends = [b for _, b in previous.parts] + [span[1] for span in (previous.cue, previous.speaker_span) if span]
    lo = max(ends)
    after = article.sentence_of(lo - 1)  # not a name in the speaker's own sentence ("said Ann Lee, a Ruiz delegate.")
    words = article.text[statement.parts[0][0]:statement.parts[-1][1]]
    said_of = words[:1].islower() and not FIRST_PERSON.search(words)  # goes on from its subject, in the third person
    found = [m for m in article.people if lo <= m.start and m.end <= statement.position and not article.in_quote(m.start)
             and article.sentence_of(m.start) > after and subject_like(article, m) and person_like(article, m)
             and not _bracketed(article.text, lo, m.start)
             and not (said_of and not article.text[m.end:statement.position].strip())]
    return found[-1] if found else None


def _bracketed(text: str, lo: int, pos: int) -> bool:
    """Whether pos lies inside brackets opened after lo."""
    before = text[lo:pos]
    return before.rfind("(") > before.rfind(")")


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
    news writes it: a quotation introduced by a colon ("Cruz continued:", "A campaign aide added:") is its
    subject's, and a quotation that follows an attributed quotation ("“…,” Carson said.", "“…,” a port
    official said.") is that source's again, named or not."""
    lo, hi = article.paragraphs[statement.paragraph - 1]
    before = article.text[lo:hi].rstrip()
    last_sentence = article.sentences[article.sentence_of(hi - 1)]
    if before.endswith(":"):
        subject = _main_clause_person(article, last_sentence) or sentence_subject(article, last_sentence)
        if subject is not None and subject.kind in ("name", "pronoun", "role", "org", "anonymous"):
            _apply_subject(article, statement, subject, done, genders)
        return
    previous = [s for s in done if s.paragraph == statement.paragraph - 1]
    words = " ".join(article.text[a:b] for a, b in statement.parts)
    if previous and previous[-1].resolved and (previous[-1].speaker or previous[-1].unnamed) \
            and (previous[-1].direct or _speaks_on(article, previous[-1], last_sentence, words)) \
            and (previous[-1].sentence[1] >= last_sentence[0]
                 or ends_in_open_quotation(article.text, previous[-1].parts[-1][1], hi)):
        _copy_speaker(statement, previous[-1])
    elif not any(s.direct for s in previous) and (newcomer := _introduced(article, last_sentence)) is not None \
            and FIRST_PERSON.search(words):  # not a sign, a title
        _apply_subject(article, statement, subject_from_mention(article, newcomer), done, genders)
    elif not previous and FIRST_PERSON.search(words) \
            and (speaker := _speaker_acting(article, statement, (lo, hi), last_sentence, done)):
        _apply_subject(article, statement, speaker, done, genders)


def _speaker_acting(article: ArticleText, statement: Statement, paragraph: tuple[int, int],
                    sentence: tuple[int, int], done: list[Statement]) -> Subject | None:
    """The subject of a paragraph's last sentence where it is a person quoted before in the article and the
    paragraph reports no words: "Okafor closed with a direct appeal for turnout." then a paragraph of bare quotation
    in the first person, his appeal. Not where the paragraph names someone for the first time ("Carla Ruiz, 58,
    has been flooded four times. Dunn visited her house last week." then "“I told him the truth …”": hers), nor
    where the sentence tells of a letter or a statement, whose words the quotation may be ("Gillane then read a
    statement from the victim's mother."), nor where the quotation speaks of that person ("“I owe everything to
    Willie.”")."""
    subject = _main_clause_person(article, sentence) or sentence_subject(article, sentence)
    if subject is None or subject.kind != "name" or subject.mention is None:
        return None
    name = strip_title(article.full_name(subject.mention, subject.surface, subject.start)[0])
    said = {w for a, b in statement.parts for w in re.findall(r"[\w’'-]+", article.text[a:b])}
    if not any(s.direct and s.speaker == name for s in done) or speaks_of(article, statement, name) \
            or said & {name.split()[0], name.split()[-1]}:
        return None  # "“I owe everything to Willie.”" is not Willie Mullins's
    lo, hi = paragraph
    if set(re.findall(r"[a-z]+", article.text[sentence[0]:sentence[1]])) & _READING:
        return None
    newcomers = [m for m in article.people if lo <= m.start < hi and article.person_name(m) != name
                 and not _named_before(article, article.person_name(m), lo)]
    return None if newcomers else subject


# words of a text read out or sent, whose words a bare quotation after them may be ("read a statement from the
# victim's mother", "the letter his mother sent him"); not a message or an appeal of the speaker's own
_READING = {"read", "reads", "reading", "wrote", "sent", "letter", "letters", "statement", "email", "note", "card", "poem",
            "memo", "document", "text"}


def _speaks_on(article: ArticleText, previous: Statement, sentence: tuple[int, int], words: str) -> bool:
    """Whether a paragraph of bare quotation after a paragraph ending in someone's reported words reads as that
    person going on in their own ("Penny Wong said Australia was deeply concerned." then "“We urge all parties to
    exercise restraint.”"): a named speaker's; words in the first person, no question (a reporter's, as often); a
    sentence where no one else acts ("the defendant, Carl Voigt, had called his brother": his words, perhaps) and
    tells of no words of another kind ("a threatening email", "chanting", "her pupils had written"), whose lines
    the quotation would be."""
    if previous.speaker is None or not FIRST_PERSON.search(words) or words.rstrip(" ”’\"'").endswith("?"):
        return False
    long_words = [w for w in words.split() if len(w) > 3]
    if sum(w[:1].isupper() for w in long_words) > 0.6 * len(long_words):
        return False  # a title or a slogan in capitals ("Hands Off Our Books, Hands Off Our Children's Future")
    lo, hi = sentence
    if any(article.person_name(m) != previous.speaker for m in article.people
           if lo <= m.start < hi and not article.in_quote(m.start)
           and (subject_like(article, m) or _WHO_AFTER.match(article.text, m.end))):
        return False  # another who acts in the sentence ("the defendant, Carl Voigt, had called", "his captain, Leo
        # Marsh, who told him"), not "the Sanders campaign"
    return not set(re.findall(r"[a-z]+", article.text[lo:hi].lower())) & _WORDS_OF_ANOTHER_KIND


_WHO_AFTER = re.compile(r",?\s+who\b")
# words that tell of a message, a text, a chant or a song: the quotation after them may be its words
_WORDS_OF_ANOTHER_KIND = MESSAGE_NOUNS | {
    "text", "texted", "texts", "wrote", "written", "writes", "sign", "signs", "slogan", "slogans", "chant", "chants",
    "chanting", "chanted", "song", "songs", "lyrics", "poem", "motto", "inscription", "order", "orders", "words", "read",
    "reads", "banner", "placard", "poster", "book", "novel", "title", "headline", "clause", "contract", "asked",
    "question", "recalled", "quoted", "quoting", "letters", "emails", "messages", "notes", "sang", "sing", "sings",
    "singing", "band", "listening", "recited", "prayer", "hymn", "verse", "lines"}


def _introduced(article: ArticleText, sentence: tuple[int, int]) -> Mention | None:
    """The one person a paragraph's last sentence introduces, named there for the first time in the article and
    described as a news source is ("Among those in the crowd was the Rev. Ann Boyd, pastor of …", "Priscilla
    Navarro, who has led the county party since 2019, said …"): the speaker of a paragraph of bare quotation
    right after it. None where it introduces no one, or two."""
    found = []
    for m in article.people:
        if not sentence[0] <= m.start < sentence[1] or article.in_quote(m.start) or not person_like(article, m):
            continue
        if _named_before(article, article.person_name(m), sentence[0]):
            continue  # named before: the sentence is about them, not introducing a source
        before = article.text[max(sentence[0], (m.title_start or m.start) - 5):m.title_start or m.start]
        if article.text[m.end:m.end + 2] in (", ", ",\n") or re.search(r"\b(?:was|is)\s+(?:the\s+)?$", before):
            found.append(m)
    return found[0] if len(found) == 1 else None


def _named_before(article: ArticleText, name: str, pos: int) -> bool:
    """Whether the article names the person before pos."""
    return any(p.start < pos and article.person_name(p) == name for p in article.people)


def _lede_speaker(article: ArticleText, statement: Statement) -> Mention | None:
    """The speaker of a quotation that is a story's whole first paragraph, after its dateline ('MILWAUKEE — "Nobody
    in my family …"'): the first person the next paragraph names, outside quotations, as such a lede goes on to say
    whose words they were ("The line belonged to Rep. Dennis Kowalczyk", "Lorraine Pettibone, 71, …"); None
    where the next paragraph names no one."""
    if statement.paragraph != 0 or statement.paragraph + 1 >= len(article.paragraphs):
        return None
    lo, hi = article.paragraphs[0]
    dateline = DATELINE.match(article.text, lo, hi)
    lead = article.text[dateline.end() if dateline else lo:statement.position].strip(" \"'“‘")
    if lead or article.text[statement.parts[-1][1]:hi].strip(" \"”’'.!?"):
        return None
    below_lo, below_hi = article.paragraphs[1]
    first = next((m for m in article.people if below_lo <= m.start < below_hi and not article.in_quote(m.start)
                  and person_like(article, m)), None)
    if first is None:
        return None
    before = article.text[below_lo:first.title_start if first.title_start is not None else first.start]
    governed = re.search(r"\b(\w+)\s+(?:the\s+)?$", before)
    if governed is not None and governed.group(1).lower() in PREPOSITIONAL and not _OWNED_BY.search(before):
        return None  # "after the race was called for Representative Gwen Tolliver": someone the paragraph speaks of
    return first


# the words a lede quoted were someone's: "The line … belonged to", "It came, it turned out, from"
_OWNED_BY = re.compile(r"\b(?:belong\w*|c[oa]mes?)\b[^.]{0,40}\b(?:to|from)\s+(?:the\s+)?$")


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


def _whose_words(article: ArticleText, statement: Statement, opens_paragraph: bool) -> Subject | None:
    """The person whose words the text right before a quotation says it gives: "In Ms. Ortiz's words, “…”",
    "in the words of Dan Oduya: “…”", "as Vulture put it, “…”" (a name the model may have missed), or a
    paragraph that ends "… a blind faith in Obama's word:" before the quotation's own. Only a named person:
    "his words" may be anyone's."""
    if opens_paragraph:
        if statement.paragraph == 0:
            return None
        lo, hi = article.paragraphs[statement.paragraph - 1]
        before = article.text[lo:hi].rstrip()
        if not before.endswith(":"):
            return None
    else:
        lo = article.sentences[article.sentence_of(statement.position)][0]
        before = article.text[lo:statement.position]
    before = before.rstrip(" \n'‘“\"`")
    match = _WORDS_BEFORE.search(before)
    if match is None:
        return None
    if match.group("as") is not None:  # "as Vulture put it,": whoever stands between "as" and "put it"
        start, end = lo + match.start("as"), lo + match.end("as")
        found = [m for m in article.people if start <= m.start and m.end == end]
        run = _NAME_RUN.search(match.group("as"))
        if not found and run is not None and not article.in_quote(start):
            return Subject("name", start + run.start(), end, strip_title(run.group()))
    elif match.group("of") is not None:  # "the words of Dan Oduya": the person the phrase opens with
        start, end = lo + match.start("of"), lo + match.end("of")
        found = [m for m in article.people if start <= (m.start if m.title_start is None else m.title_start) < end]
    else:  # "Ms. Ortiz's words": the person that ends at the possessive
        end = lo + match.start("owner")
        found = [m for m in article.people if m.end == end]
    if not found or not person_like(article, found[0]):
        return None
    return subject_from_mention(article, found[0])


_WORDS_BEFORE = re.compile(r"(?:\bwords?\s+of\s+(?P<of>[^,:;]{2,60})|(?P<owner>[’']s)\s+words?"
                           r"|\b[Aa]s\s+(?P<as>[^,:;]{2,60}?)\s+put\s+it)\s*[,:]?$")
_NAME_RUN = re.compile(r"(?:^|(?<=\s))(?:[A-Z][\w’'.&-]*\s+){0,3}[A-Z][\w’'&-]*$")


def _message_from(article: ArticleText, sentence: tuple[int, int], opening: bool = False) -> Subject | None:
    """"That was the message from union leader Jane Doe", "The words came from prop Andy Sheldrake": the speaker a
    following sentence names; `opening`: only a sentence that opens on it, pointing back ("That was the lament
    of …", "That line, from board member Pat O'Neill, drew applause"), as one must that stands in the paragraph after
    the quotation's."""
    text = article.text[sentence[0]:sentence[1]]
    match = (_POINTS_BACK if opening else _MESSAGE_OF).search(text)
    if not match:
        return None
    return noun_phrase_after(article, article.token_at(sentence[0] + match.end()), sentence[1])


_SAYING_NOUNS = (r"(?:message|words|verdict|warning|view|promise|pledge|reaction|response|assessment|quote|remark|lament"
                 r"|plea|retort|reply|appeal|complaint|admission|boast|sentiment|advice)")
_MESSAGE_OF = re.compile(r"\b" + _SAYING_NOUNS + r"\s+(?:(?:came|come|comes)\s+)?(?:of|from)\s+")
_POINTS_BACK = re.compile(r"^(?:(?:That|This|Those|These|Such)\s+(?:is|was|were|are|has\s+been)\s+(?:the|a)\s+(?:[\w-]+\s+)?"
                          + _SAYING_NOUNS + r"\s+(?:of|from)\s+|(?:The|Those|These)\s+" + _SAYING_NOUNS
                          + r"\s+(?:came|come|comes)\s+from\s+|(?:That|This)\s+(?:line|comment|" + _SAYING_NOUNS + r"),\s+from\s+"
                          r"|(?:That|This)\s+(?:is|was)\s+how\s+(?=[^.;]{1,80}?\b(?:described|describes|put|puts|recalled|recalls"
                          r"|remembered|remembers|explained|explains|summed|sums|recounted|recounts)\b))")
