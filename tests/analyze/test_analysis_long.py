"""Long articles: the lookups that keep analysis linear in an article's length (bisection, names
looked up once) give what the plain scans they replace gave."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from storyline.analyze import analyze_parsed
from storyline.analyze.entities import _drop_titles_as_entities
from storyline.analyze.name_matching import name_key, similar_surnames
from storyline.analyze.article_text import ArticleText
from storyline.analyze.nlp import LONG_TEXT, PIECE, load_nlp, parse, pipe_parsed, text_pieces
from storyline.model import Mention

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo" / "articles"
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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.integers(1, 30), st.sampled_from(["PERSON", "ORG", "GPE"]),
                          st.one_of(st.none(), st.integers(1, 60))), max_size=30))
def test_names_inside_a_title_are_dropped_as_a_scan_of_every_title_drops_them(placed):
    """"State" of "Secretary of State Ann Lee" goes, and "Dist" of "Dist. Atty. Ann Lee" the model took for a
    person, and only what lies inside some title: the look-up of the furthest-reaching title finds what a scan of
    every title for every mention finds."""
    text = "x" * 400
    mentions = [Mention(text=text[start:start + width], start=start, end=start + width, label=label,
                        title_start=None if before is None else max(0, start - before))
                for start, width, label, before in placed]
    titles = [(m.title_start, m.start) for m in mentions if m.title_start is not None]
    scanned = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in titles)]
    assert _drop_titles_as_entities(text, mentions) == scanned


def test_a_long_text_run_in_pieces_gives_the_analysis_of_the_whole():
    """Our own reports, one after another, as one article over LONG_TEXT: the pipeline runs it piece by
    piece (memory of an ordinary batch) and finds the same entities, quotes and dates at the same offsets
    as one pass over the whole text."""
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(DEMO.glob("*/*.txt")))[:45_000]
    assert len(text_pieces(text)) > 4
    nlp = load_nlp()
    pieced = next(pipe_parsed(nlp, [text]))
    assert pieced.text == text
    # read piece by piece, it is what one doc joined from the pieces' docs would give
    joined = parse(Doc.from_docs([nlp(text[a:b]) for a, b in text_pieces(text)], ensure_whitespace=False))
    assert pieced == joined
    at_once = parse(nlp(text))
    assert pieced.tokens == at_once.tokens
    whole = analyze_parsed(at_once, None)
    assert len(whole.mentions) > 300 and len(whole.quotes) > 100
    assert analyze_parsed(pieced, None) == whole


@given(st.lists(st.sampled_from(["word", " ", ".", "\n", "\n\n", "Ines Falkenrath", "y" * 3_000]), min_size=1,
                max_size=40), st.integers(0, 30_000))
@settings(max_examples=50, deadline=None)
def test_pieces_cover_the_text_and_cut_after_a_space(parts, extra):
    block = "".join(parts)
    text = (block * ((LONG_TEXT + extra) // len(block) + 1))[:LONG_TEXT + extra]
    pieces = text_pieces(text)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a == b for (_, a), (b, _) in zip(pieces, pieces[1:]))
    assert len(pieces) == 1 or all(PIECE <= b - a <= 2 * PIECE for a, b in pieces[:-1])
    for a, b in pieces[:-1]:  # after a space, unless the stretch a cut may fall in has none
        assert text[b - 1].isspace() or (b - a == 2 * PIECE and not any(c.isspace() for c in text[a + PIECE:b]))
