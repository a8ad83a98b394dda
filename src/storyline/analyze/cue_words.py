"""Which word of an article is a cue: a verb of saying (is_cue, by the lexicon of lang/en.py and the word's
tag), a verb of naming ("considers the deal “a first step”"), a passive of being asked ("when asked"), and
which word reads as a finite verb, tagged or not ("fumed", "says.").
"""

from __future__ import annotations

from storyline.analyze.article_text import ArticleText
from storyline.analyze.participles import perceived_from
from storyline.analyze.quote_marks import QUOTE_TOKENS
from storyline.lang.en import (
    ADDRESSED_PASSIVES,
    ASKED_CLAUSE_OPENERS,
    BEFORE_PLURAL_NOUN,
    CUE_WORDS,
    DEFINITE,
    FINITE_AUXILIARIES,
    MESSAGE_NOUNS,
    PASSIVE_AUXILIARIES,
    PERCEIVED_CUES,
    PHRASAL_CUES,
    SAYING_BEFORE_TO,
    SKIPPED_ADVERBS,
    VERB_FORMS,
)
from storyline.lang.en_naming import NAMING_CUES, NAMING_WITH


def is_cue(article: ArticleText, i: int) -> bool:
    word = article.word(i)
    if word == "according":
        return article.word(i + 1) == "to"
    if word == "quoted":  # "was quoted as saying", "the Daily News quoted witness Ann Lee as saying"
        return quoted_as_saying(article, i) is not None
    if word in PHRASAL_CUES:  # "as Ridge put it", "Ruiz went on", "Varga shot back"
        return article.word(i + 1) == PHRASAL_CUES[word]
    if word == "read":  # "“…,” the email read", "read the statement", "it read:": a text's words, not a reader's act
        return (article.word(i - 1) in MESSAGE_NOUNS or article.word(i - 1) in ("it", "one")
                or article.word(i + 1) in DEFINITE and article.word(i + 2) in MESSAGE_NOUNS) \
            and (not article.tokens[i].tag or article.tokens[i].tag.startswith("VB"))
    if word in PERCEIVED_CUES or word.endswith("ing") and word in CUE_WORDS:
        if perceived_from(article, i) is not None:
            return True  # "a reporter can be heard asking"
    if word not in CUE_WORDS:
        return False
    if word.endswith("ing") and article.word(i - 1) in _ARTICLES:
        return False  # "the warning had never reached …": a noun ("his warning that …" still reports his words)
    if article.word(i - 1) == "to" and article.word(i - 2) not in SAYING_BEFORE_TO:
        return False  # "declined to say", not "was prompted to say"
    if article.word(i - 1) in ("not", "n't", "never") or word.endswith("s") and \
            (article.word(i - 1) in BEFORE_PLURAL_NOUN or article.word(i - 1).isdigit()):
        return False  # "have not said"; "the eastern states that …", "50 states"
    tok = article.tokens[i]
    if tok.text[:1].isupper() and (named := article.mention_by_end.get(tok.end)) is not None \
            and named.start < tok.start and named.label != "PERSON":
        return False  # the last word of a name ("the United States", "Fox News Reports"), not a verb
    return not tok.tag or tok.tag.startswith("VB")


_ARTICLES = {"the", "a", "an", "this"}
_SAYING_FORMS = {"saying", "telling", "writing", "adding", "stating"}


def quoted_as_saying(article: ArticleText, i: int) -> int | None:
    """The token of "as" where "quoted" at token i reports words as someone's ("Mehdi Irannejad was quoted as
    saying", "the Daily News quoted witness Ann Lee as saying", "quoted his aide, Ann Lee, as saying"): its object,
    if any, lies between the two."""
    for k in range(i + 1, min(i + 13, len(article.tokens) - 1)):
        if article.tokens[k].text in (".", ";", ":", "“", "”", '"'):  # an apposition's commas go on the object
            return None
        if article.word(k) == "as" and article.word(k + 1) in _SAYING_FORMS:
            return k
    return None


def asked_clause(article: ArticleText, j: int) -> bool:
    """Whether cue j is a passive clause of the speaker's ("“We'll see,” when asked whether …", "after being
    pressed"): it says when the words were said, not who said them."""
    return article.word(j) in ADDRESSED_PASSIVES and article.word(j - 1) in ASKED_CLAUSE_OPENERS


def finite_verb(article: ArticleText, j: int) -> bool:
    """A lowercase finite verb of the past or present ("fumed", "cracks"), auxiliaries left out. Without
    tags (the tagger is off by default), by its form: a past in -ed, or a present in -s that ends its
    clause ("says.", "writes,")."""
    tok = article.tokens[j]
    word = tok.text
    if not (word.isalpha() and word.islower()) or word in FINITE_AUXILIARIES:
        return False
    if tok.tag:
        return tok.tag in ("VBD", "VBZ")
    if word.endswith("ed") and len(word) > 4:
        return True
    return word.endswith("s") and not word.endswith("ss") and j + 1 < len(article.tokens) and \
        article.tokens[j + 1].text in (".", ",", ";", ":")


def verb_like(article: ArticleText, j: int) -> bool:
    """Whether token j reads as a finite verb: its tag when tagged, else a common verb's form ("took", "is") or
    a past in -ed."""
    tok = article.tokens[j]
    if tok.tag:
        return tok.tag in ("VBD", "VBZ", "VBP", "MD")
    return tok.text in VERB_FORMS or finite_verb(article, j)


def naming_cue(article: ArticleText, i: int) -> bool:
    """A verb that gives the quotation after it as what its subject calls something ("Ruiz considers the
    deal “a first step”"), or, passive, what the one after "by" calls it ("the fire, treated by police as
    “potentially suspicious”", "the man described by the magazine as “…”"); not a passive with no one calling
    ("was called") nor "so-called"; "are treating the blaze as “…”" is no passive ("were calling “every 15
    minutes”" is no naming either). An adverb between may part the passive's words ("was later treated as")."""
    if not names_something(article, i) or article.word(i - 1) in ("so", "-", "so-"):
        return False
    if article.word(i).endswith("ing"):
        return article.word(i - 1) not in PASSIVE_AUXILIARIES or article.word(i - 1) != "being" and names_as(article, i)
    return not passive_before(article, i) or agent_names(article, i)


def passive_before(article: ArticleText, i: int) -> bool:
    """Whether the participle at token i is passive: a form of "be" right before it, or before the adverbs there
    ("was later treated", "were also told", "was eventually described")."""
    k = i - 1
    while k > 0 and between_verbs(article.word(k)):
        k -= 1
    return article.word(k) in PASSIVE_AUXILIARIES


def passive_after(article: ArticleText, j: int) -> int | None:
    """The participle of a passive whose form of "be" is token j, past the adverbs after it ("was later asked");
    None where token j is no such form."""
    if article.word(j) not in PASSIVE_AUXILIARIES:
        return None
    k = j + 1
    while k < len(article.tokens) and between_verbs(article.word(k)):
        k += 1
    return k if k < len(article.tokens) else None


def between_verbs(word: str) -> bool:
    """An adverb that may stand between an auxiliary and its verb ("later", "also", "eventually")."""
    return word in SKIPPED_ADVERBS or word.endswith("ly") and len(word) > 3


def agent_names(article: ArticleText, i: int) -> bool:
    """Whether a passive of naming at token i has "by" and its agent right after it, and then the name given:
    "as" or the quotation ("described by the magazine as “…”", "dubbed by fans “…”"); not "called by MPs after
    the collapse," (convened)."""
    if article.word(i + 1) != "by":
        return False
    for k in range(i + 2, min(i + 10, len(article.tokens))):
        if article.word(k) == "as" or article.tokens[k].text in QUOTE_TOKENS:
            return True
        if article.tokens[k].text in (",", ";", ":", ".", "(", ")"):
            return False
    return False


def names_something(article: ArticleText, i: int) -> bool:
    """A verb of naming (NAMING_CUES: "called", "described"), or one that names its object as something with a
    word after it (names_as), passive or not."""
    return article.word(i) in NAMING_CUES or names_as(article, i)


def names_as(article: ArticleText, i: int) -> bool:
    """A verb that names its object as something with its word (NAMING_WITH) a few words on, before any comma or
    quotation mark ("Mr Gowda dismissed the protest as “drama staged for the evening news”", "hailed the deal in a
    statement as “…”", "accused the president of “spending …”")."""
    after = NAMING_WITH.get(article.word(i))
    if after is None:
        return False
    for k in range(i + 1, min(i + 10, len(article.tokens))):
        if article.word(k) in after:
            return True
        if article.tokens[k].text in (",", ";", ":", ".") or article.tokens[k].text in QUOTE_TOKENS:
            return False
    return False
