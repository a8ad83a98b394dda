"""Participle clauses: whose words a cue in -ing gives.

A participle set off after its clause ("Ruiz lobbied for the ban, saying, “…”", "… endorsed her on
Thursday, citing “…”") or governed by "by" ("… made his case by saying, “…”") has no subject of its own:
it speaks for the subject of the clause it hangs from, however long that clause is and whatever nouns
stand between (a place, a day, an object), none of which is the one speaking. After a passive verb of perceiving
("a reporter can be heard asking", "Ruiz was overheard telling aides") the participle is the words of the verb
group's subject, as "said" would be."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.lang.en import ADVERBIALS, FINITE_AUXILIARIES, PASSIVE_AUXILIARIES, PERCEIVED

if TYPE_CHECKING:
    from storyline.analyze.article_text import ArticleText


def hangs_from_clause(article: ArticleText, cue: int) -> bool:
    """Whether the cue at token cue is a participle after a comma or "by" ("…, saying", "…, later adding",
    "by saying"), so that the subject of its sentence's main clause speaks."""
    if not article.word(cue).endswith("ing"):
        return False
    k = cue - 1
    while k >= 0 and (article.word(k) in ADVERBIALS or article.word(k).endswith("ly")):
        k -= 1
    return k >= 0 and (article.tokens[k].text == "," or article.word(k) == "by" or _spent(article, k, cue))


_SPENDING = frozenset({"spent", "spend", "spends", "spending"})


def _spent(article: ArticleText, k: int, cue: int) -> bool:
    """Whether a participle cue ends a stretch of time spent ("Whitmore spent 72 minutes on Tuesday night telling
    Congress that …", "She spends her days arguing …"): the subject that spent it speaks."""
    lo = max(0, cue - 9)
    for j in range(k, lo - 1, -1):
        if article.tokens[j].text in (",", ";", ":", ".") or article.tokens[j].text.startswith(("“", '"')) \
                or article.word(j).endswith("ing") and len(article.word(j)) > 4:
            return False  # not "spent an hour listening to residents telling her": the residents' words
        if article.word(j) in _SPENDING:
            return True
    return False


def perceived_from(article: ArticleText, cue: int) -> int | None:
    """Where the verb group before a participle cue opens when the participle follows a passive verb of
    perceiving ("… can be heard asking", "was overheard telling"): the token whose noun phrase before it says
    the words; None for any other cue ("heard them saying" is no passive, and its object speaks)."""
    if not article.word(cue).endswith("ing") or article.word(cue - 1) not in PERCEIVED \
            or article.word(cue - 2) not in PASSIVE_AUXILIARIES:
        return None
    k = cue - 2
    while k >= 1 and article.word(k - 1) in PASSIVE_AUXILIARIES | FINITE_AUXILIARIES:
        k -= 1
    return k
