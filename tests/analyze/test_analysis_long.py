"""Long articles: the lookups that keep analysis linear in an article's length (bisection, names
looked up once) give what the plain scans they replace gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze.entities import name_key, similar_surnames
from storyline.analyze.statements import ArticleText
from storyline.model import Mention

NAMES = ["Zelensky", "Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelenskiy", "V. Zelensky", "Olena Zelenska",
         "Ines Falkenrath", "Falkenrath", "Jonas Ekdal", "Ekdal", "Mr Ekdal", "Anna Maria Ekdal", "Lena Ruiz",
         "Ruiz", "L Ruiz"]


def scanned_full_name(article: ArticleText, mention: Mention | None, surface: str, pos: int) -> tuple[str, Mention | None]:
    """ArticleText.full_name as it was written first: a scan of every person for every name."""
    key = name_key(surface)
    if not key:
        return surface, mention
    surname = key.split()[-1]
    best: Mention | None = None
    for m in article.people:
        mkey = name_key(m.text)
        if len(mkey.split()) < len(key.split()) or not similar_surnames(mkey.split()[-1], surname):
            continue
        if len(key.split()) > 1 and mkey.split()[0][:1] != key.split()[0][:1]:
            continue
        if best is None:
            best = m
            continue
        longer = len(m.text.split()) > len(best.text.split())
        nearer = (m.start <= pos) and (best.start > pos or m.start > best.start)
        if longer or (len(m.text.split()) == len(best.text.split()) and nearer):
            best = m
    if best is None:
        return surface, mention
    return best.text, mention or best


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAMES), st.integers(0, 400), st.sampled_from(["PERSON", "PERSON", "ORG"])),
                max_size=25),
       st.lists(st.tuples(st.sampled_from(NAMES), st.integers(-5, 420)), min_size=1, max_size=10))
def test_the_fullest_name_is_the_one_a_scan_of_every_person_finds(placed, asked):
    mentions = [Mention(text=name, start=start, end=start + len(name), label=label) for name, start, label in placed]
    article = ArticleText("x " * 250, [], mentions)
    for surface, pos in asked:
        given_mention = article.people[0] if article.people and pos % 2 else None
        assert article.full_name(given_mention, surface, pos) == scanned_full_name(article, given_mention, surface, pos)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40)), max_size=20), st.integers(0, 320),
       st.integers(0, 60))
def test_quotes_and_mentions_found_by_bisection_are_those_a_scan_finds(spans, lo, width):
    hi = lo + width
    quoted = sorted((a, a + n) for a, n in spans)
    mentions = [Mention(text="N" * n, start=a, end=a + n, label="ORG" if a % 3 else "PERSON") for a, n in spans]
    article = ArticleText("x " * 200, [], mentions)
    article.quoted = quoted
    touching = [(a, b) for a, b in quoted if a < hi and b >= lo]
    assert [q for q in article.quoted_near(lo, hi) if q[0] < hi and q[1] >= lo] == touching
    assert article.next_quote_open(lo) == next((a for a, _ in quoted if a > lo), len(article.text))
    assert article.last_quote_close(lo) == max((b for _, b in quoted if b < lo), default=-1)
    ordered = sorted(mentions, key=lambda m: m.start)
    assert article.mentions_within(lo, hi) == [m for m in ordered if lo <= m.start and m.end <= hi]
    assert article.first_mention_from(lo, hi) == next((m for m in ordered if lo <= m.start < hi), None)
