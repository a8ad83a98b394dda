"""Quotations inside a quotation: words a speaker tells of another saying.

"“He was yelling, 'Get out, the building's on fire!'” Greenlee said": the outer words are Greenlee's, the inner
ones her neighbour's, whom she calls "he"; "“Brent came in and said, 'Simplify,'” Kowalczyk said": Brent's; "“I
said, 'Go get the pay phone,'” LaRue recalled": LaRue's own. An inner quotation is a statement of its own where a
verb of saying stands right before it inside the outer words; its speaker is the subject of that verb's clause:
the outer speaker for "I" or "we", the person a name there is, else that phrase, unnamed ("he", "People kept
telling me", "Grandpa"). Words quoted inside a quotation with no such verb before them (a term, a title, a
scare quote) stay the outer speaker's words.
"""

from __future__ import annotations

from storyline.analyze.article_text import ArticleText
from storyline.analyze.cue_words import is_cue, verb_like
from storyline.analyze.office_titles import strip_title
from storyline.analyze.quote_marks import QUOTE_CHARS, QUOTE_TOKENS, QuoteMarks, inner_quotations
from storyline.analyze.statements import Statement
from storyline.analyze.titles import names_something
from storyline.lang.en import ADVERBIALS, CRIES, CUE_WORDS, PRONOUNS

_SELF = {"i", "we"}
_JOINING = {"and", "but", "so", "then", "yet", "or", "because", "when", "as", "if", "while", "after", "before", "since",
            "until", "though", "although"}
_NO_SPEAKER = {"that", "this", "it", "which", "what", "there", "these", "those"}  # a subject no one is
_AUXILIARIES = {"was", "were", "is", "are", "am", "had", "has", "have", "would", "will", "could", "did", "do", "does",
               "'d", "’d", "kept", "keep", "keeps", "started", "began", "just", "then", "always", "never", "also",
               "still", "all"}
_PASSIVE = {"am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"}  # "We are told, '…'"
_TITLE_SMALL = {"a", "an", "the", "of", "and", "in", "on", "with", "to", "for", "at", "by", "from", "or"}
# what a family calls its own, never a name: "Grandpa always said, '…'"
_FAMILY_ADDRESS = {"grandpa", "grandma", "granddad", "grandad", "granny", "nan", "nana", "mom", "mum", "dad", "mama",
                   "papa", "pop", "daddy", "mommy", "mummy"}
_PERSONAL = set(PRONOUNS) | _SELF | {"you", "they", "people", "everyone", "everybody", "somebody", "someone"}
_NOT_NAMES = _PERSONAL | _FAMILY_ADDRESS
_BETWEEN_NAME_AND_VERB = {"against", "for", "to", "with", "about", "at", "on", "in", "from", "by"}
_CLAUSE_EDGES = {",", ";", ":", "(", "—", "–"} | QUOTE_TOKENS
_CUE_REACH = 5  # tokens between the verb and the inner quotation: "telling the cops, '…'", "told me: '…'"
_CLAUSE_REACH = 9  # where a comma or a colon sets it off: "told me the first week we arrived, '…'"
_CRYING = CRIES | {"screaming", "ask", "asks", "goes", "went"}  # "he goes, '…'": told in speech, the verb of saying


def nested_statements(article: ArticleText, statements: list[Statement]) -> list[Statement]:
    """A statement for each quotation a verb of saying introduces inside a direct statement's words."""
    found: list[Statement] = []
    parts = [part for s in statements for part in s.parts]
    for outer in statements:
        if not outer.direct:
            continue
        for part in outer.parts:
            lo, hi = part
            while hi < len(article.text) and article.text[hi] in QUOTE_CHARS:
                hi += 1  # the inner quotation's closing mark, which the outer words were trimmed of: "fire!'”"
            for start, end in inner_quotations(article.text, lo, hi):
                cue = _cue_before(article, lo, start)
                if cue is None or _a_term(article.text, start, end) \
                        or any(a < end and start < b for a, b in parts if (a, b) != part):
                    continue  # not a quotation read already (a transcript's)
                inner = Statement(position=start, direct=True, parts=[(start, end)], paragraph=outer.paragraph,
                                  cue=(article.tokens[cue].start, article.tokens[cue].end), frame=outer.frame,
                                  sentence=outer.sentence, resolved=True)
                first = _clause_start(article, lo, cue)
                if first == cue and article.word(cue).endswith("ing") and first - 2 >= 0 \
                        and article.tokens[first - 1].start >= lo:
                    first = _clause_start(article, lo, first - 2)  # "He was running …, telling the cops, '…'": his
                first = _nearest_subject(article, first, cue)
                if first < cue and article.word(first) in _NO_SPEAKER:
                    continue  # "that ignited something that said to everyone, '…'": no one says them
                _give_speaker(article, inner, outer, first, cue)
                found.append(inner)
    return found


def _a_term(text: str, start: int, end: int) -> bool:
    """Whether inner quoted words name a thing rather than say something: a title or a term (`names_something`:
    "wrote “Peter Pan”", "declared “America's Pacific Century”"), or one word that ends no sentence ("announced a
    'pivot'"; not "telling the cops, 'Stop.'")."""
    if names_something(text, QuoteMarks(start - 1, end, start, end, 0)):
        return True
    words = text[start:end].split()
    ends_a_sentence = text[start:end + 1].rstrip("'’\"”").endswith(("!", "?", "."))
    if len(words) == 1:
        return not ends_a_sentence
    # every word capitalised but the small ones, no sentence's end: a title ("read 'Animal Farm'", "wrote 'The
    # Long Road Home'", "sang 'Abide With Me'")
    return not ends_a_sentence and all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words) \
        and words[0][:1].isupper()


def _cue_before(article: ArticleText, lo: int, start: int) -> int | None:
    """The token of the verb of saying that introduces the inner quotation opening at start, within a few tokens
    before its mark and inside the outer words from lo; not "I quote", which only announces it."""
    mark = article.token_at(start) - 1
    while mark >= 0 and article.tokens[mark].end > start:
        mark -= 1
    before = mark
    while before >= 0 and article.tokens[before].text in QUOTE_TOKENS:
        before -= 1
    reach = _CLAUSE_REACH if before >= 0 and article.tokens[before].text in (",", ":") else _CUE_REACH
    for k in range(mark, max(mark - reach, -1), -1):
        tok = article.tokens[k]
        if tok.start < lo or tok.text in (".", "!", "?"):
            return None
        if article.word(k) == "quote" and article.word(k - 1) == "i":
            return _cue_before(article, lo, article.tokens[k - 1].start) if k > 1 else None  # "She wrote to me, and I
            # quote: '…'": the verb the announcement follows
        if is_cue(article, k) or article.word(k) in CUE_WORDS or article.word(k) in _CRYING:
            return k
    return None


def _clause_start(article: ArticleText, lo: int, cue: int) -> int:
    """The first token of the clause the cue is the verb of, inside the outer words from lo, past a conjunction
    that joins it to the clause before ("but I told her, '…'", "and then he said, '…'")."""
    k = cue - 1
    while k >= 0 and article.tokens[k].start >= lo and article.tokens[k].text not in _CLAUSE_EDGES \
            and article.tokens[k].text not in (".", "!", "?"):
        k -= 1
    first = k + 1
    while first < cue and article.word(first) in _JOINING:
        first += 1
    return first


def _nearest_subject(article: ArticleText, first: int, cue: int) -> int:
    """The pronoun right before the verb of saying (past its auxiliaries and adverbs) where it is not the clause's
    first word: "As I was running down the steps they were yelling, '…'" is theirs, not the teller's; but "he" or
    "she" after a person named at the clause's start is that person ("Mr. Hollis locked the door and he kept
    saying, '…'")."""
    k = cue - 1
    while k > first and (article.word(k) in _AUXILIARIES or article.word(k) in ADVERBIALS):
        k -= 1
    if k <= first or article.word(k) not in _PERSONAL:
        return first
    opening = article.tokens[first].start  # "Mr. Hollis locked the door and he kept saying, '…'": he is Hollis
    named = any(m.label == "PERSON" and (m.start if m.title_start is None else m.title_start) == opening
                for m in article.mentions_within(opening, article.tokens[k].start))
    return first if named and article.word(k) in PRONOUNS else k


def _give_speaker(article: ArticleText, inner: Statement, outer: Statement, first: int, cue: int) -> None:
    """The inner statement's speaker by its clause's subject: the outer speaker's for "I" or "we", a named person's,
    else the subject's words, unnamed."""
    if first >= cue or article.word(cue - 1) in _PASSIVE and not article.word(cue).endswith("ing"):
        return  # "telling the cops, '…'" with no subject of its own: the one the outer words speak of, unnamed;
        # "We are told all the time, '…'": its subject is whom they were said to, not who said them (but "People
        # were shouting, '…'" is theirs)
    word = article.word(first)
    if word in _SELF:
        inner.speaker, inner.speaker_span, inner.unnamed = outer.speaker, outer.speaker_span, outer.unnamed
        return
    opening = article.tokens[first].start  # the name, or its title ("Mr Cole looked her in the eye and said")
    named = next((m for m in article.mentions_within(opening, article.tokens[cue].start)
                  if (m.start if m.title_start is None else m.title_start) == opening
                  or m.label == "PERSON" and article.token_at(m.end - 1) + 1 == cue), None)
    # or the name that ends the subject right before the verb ("My neighbour Bill told me, '…'": Bill Henty)
    if named is not None and named.label == "PERSON" and named.text.lower() not in _FAMILY_ADDRESS:
        name, _ = article.full_name(named, named.text, named.start)
        inner.speaker, inner.speaker_span = strip_title(name), (named.start, named.end)
        return
    ends = [cue - 1] if word not in _PERSONAL and not any(
        verb_like(article, j) or article.word(j) in _BETWEEN_NAME_AND_VERB for j in range(first + 1, cue - 1)) else []
    for k in [first] + ends:  # "Brent came in and said", "My neighbour Bill told me": the first word, or the last
        # where no verb comes between them ("If you campaign against Donald saying, '…'" is not Donald's)
        given = article.tokens[k].text
        if named is None and given[:1].isupper() and article.word(k) not in _NOT_NAMES \
                and " " in (full := article.full_name(None, given, article.tokens[k].start)[0]):
            inner.speaker = strip_title(full)  # Brent Halvorsen, the coach named before; Bill Henty
            inner.speaker_span = (article.tokens[k].start, article.tokens[k].end)
            return
    last = first
    while last + 1 < cue and not verb_like(article, last + 1) and article.word(last + 1) not in ("and", "would", "'d", "’d") \
            and article.word(last + 1) not in ADVERBIALS and not article.word(last + 1).endswith("ly") \
            and last - first < 4 and word not in _PERSONAL:
        last += 1  # "Grandpa always said": Grandpa
    inner.unnamed = (article.tokens[first].start, article.tokens[last].end)
