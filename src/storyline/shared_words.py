"""Words two reports share over their whole texts: a sign that they report one event.

Placement compares a headline and a lead, and two outlets often lead one event on different angles (the
toll, the cause, a survivor, the company's statement) while their whole texts name the same places,
people and particulars. The cosine of two texts' TF-IDF weights (each word's count damped by its
logarithm, weighed by how few of the store's articles carry it) tells reports of one event from
reports of others published the same days: of the pairs of reports at most a day apart in dated ECB+,
in our written multi-outlet sets and in two months of PolNeAR, every pair at WORDS_COSINE or more
reports one event (docs/quality.md, "Stories in a dated feed"); two events of one kind a day apart, told
in the set phrases of that kind (two central banks' rate cuts), can reach it. Revision
(storyline.revise.evidence_merges) merges the stories of two such reports.

The weights need document frequencies over enough articles to say which words are rare: the store keeps
how many of its articles carry each word (Store.count_words), and the merge waits for MIN_DOCUMENTS of
them. Days matter: without them, reports of two events of one kind in one place years apart (ECB+'s
two earthquakes of one region) share their words as much. So undated reports are never merged so.
The words are English: other languages' stop words are not left out, so their articles carry none.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta

from scipy.sparse import csr_matrix
from spacy.lang.en.stop_words import STOP_WORDS

from storyline.model import Article
from storyline.words import fold_text

WORDS_COSINE = 0.35  # the cosine of two reports' weights from which they report one event
WORDS_DAYS = 1  # the most days apart two reports may be for the words they share to count
WINDOW = timedelta(days=WORDS_DAYS)
MIN_DOCUMENTS = 50  # the articles the store must have counted for its document frequencies to weigh words
_WORD = re.compile(r"[a-z][a-z']+")
_ENGLISH = (None, "en")

Words = Mapping[str, int]


def article_words(title: str | None, text: str, language: str | None) -> dict[str, int]:
    """How often each word of an English article's headline and text occurs in them: folded to ASCII
    lower case, a possessive's "'s" read past, stop words, single letters and contractions left out
    (none for another language)."""
    if language not in _ENGLISH:
        return {}
    counts: dict[str, int] = {}
    for word in _WORD.findall(fold_text(f"{title or ''}\n{text}")):
        word = word.removesuffix("'s")
        if len(word) > 1 and "'" not in word and word not in STOP_WORDS:
            counts[word] = counts.get(word, 0) + 1
    return counts


def words_of(article: Article) -> dict[str, int]:
    """`article_words` of a stored or prepared article: its given headline, its text, in its language."""
    return article_words(article.given_title, article.text, article.language)


def weights(words: Words, documents: int, frequency: Mapping[str, int]) -> dict[str, float]:
    """An article's unit TF-IDF weights: (1 + log count) × (log((N + 1) / (df + 1)) + 1) over the words
    at least two of the N counted articles carry (a word of one article alone tells nothing of a pair)."""
    top = math.log(documents + 1)
    raw = {word: (1.0 + math.log(count)) * (top - math.log(frequency[word] + 1) + 1.0)
           for word, count in words.items() if frequency.get(word, 0) >= 2}
    norm = math.sqrt(sum(value * value for value in raw.values()))
    return {word: value / norm for word, value in raw.items()} if norm else {}


class WordIndex:
    """The words of the dated English articles of a run's window, by day: which earlier articles a new
    one may share its words with, WORDS_DAYS apart at most. A run places its articles oldest first, so
    the articles older than that before the one placed can go (`forget_before`)."""

    def __init__(self) -> None:
        self.words: dict[str, tuple[date, Words]] = {}
        self.by_day: dict[date, list[str]] = {}

    def add(self, article_id: str, day: date | None, words: Words) -> None:
        if day is not None and words and article_id not in self.words:
            self.words[article_id] = (day, words)
            self.by_day.setdefault(day, []).append(article_id)

    def forget_before(self, day: date) -> None:
        for gone in [d for d in self.by_day if d < day]:
            for article_id in self.by_day.pop(gone):
                del self.words[article_id]

    def sharing(self, new: list[str], documents: int,
                frequencies: Callable[[Iterable[str]], Mapping[str, int]]) -> list[tuple[str, str]]:
        """The pairs of a new article (of `new`) and an earlier one of the index, at most WORDS_DAYS apart,
        whose weights reach WORDS_COSINE, most alike first, each pair once: (the later, the earlier), where of
        two new articles the later is the later in `new`'s order. `frequencies` gives the counts of the words asked among
        `documents` articles counted (the store's, Store.word_documents, with those of the new articles).
        The cosines are one sparse product of the new articles' weights with those of the articles of
        their days, whatever their number."""
        new = [article_id for article_id in new if article_id in self.words]
        if documents < MIN_DOCUMENTS or not new:
            return []
        days = {self.words[article_id][0] for article_id in new}
        near = sorted({other for day in days for step in range(-WORDS_DAYS, WORDS_DAYS + 1)
                       for other in self.by_day.get(day + timedelta(days=step), ())})
        frequency = frequencies({word for article_id in near for word in self.words[article_id][1]})
        columns: dict[str, int] = {}
        data, indices, pointers = [], [], [0]
        for article_id in near:
            for word, value in weights(self.words[article_id][1], documents, frequency).items():
                data.append(value)
                indices.append(columns.setdefault(word, len(columns)))
            pointers.append(len(data))
        matrix = csr_matrix((data, indices, pointers), shape=(len(near), max(len(columns), 1)))
        row = {article_id: at for at, article_id in enumerate(near)}
        order = {article_id: at for at, article_id in enumerate(new)}
        products = (matrix[[row[article_id] for article_id in new]] @ matrix.T).tocoo()
        found = {}
        for at, column, score in zip(products.row, products.col, products.data, strict=True):
            article_id, other = new[at], near[column]
            if score < WORDS_COSINE or other == article_id or order.get(other, -1) > order[article_id] \
                    or abs((self.words[other][0] - self.words[article_id][0]).days) > WORDS_DAYS:
                continue
            found[(article_id, other)] = float(score)
        return sorted(found, key=lambda pair: (-found[pair], pair))


def window_start(days: Iterable[date]) -> date:
    """The first day whose articles a run placing articles of these days (one or more) compares words with."""
    return min(days) - WINDOW
