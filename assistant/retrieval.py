"""Hybrid search: dense (Chroma) + BM25, fused, then reranked; near ties newest first. Returns passages with
their evidence scores."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from assistant.config import Settings
from assistant.errors import StoreUnavailable
from assistant.freshness import order_near_ties
from assistant.index.embedders import Embedder
from assistant.index.lexical import Glossary, LexicalIndex
from assistant.index.store import VectorStore
from assistant.models import Passage, ScoredPassage

logger = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "bm25"]


@dataclass(frozen=True)
class _Snapshot:
    """Everything a search reads, swapped as one object so a re-ingest never tears a read.

    Both sides of the hybrid search read this one version of the index: the passages and their vectors
    come from one read of the store, and the dense side scores only what the snapshot holds, so a passage
    written or deleted since (here or by another instance) counts for neither side until the next
    snapshot, at most about a second later (assistant/api/index_watch.py). Only an index above
    `exact_search_limit` has no vectors here; its dense side asks Chroma and keeps the snapshot's ids."""

    passages: list[Passage]
    lexical: LexicalIndex
    position: dict[str, int]
    vectors: _Vectors | None  # None: too many to hold, so Chroma's approximate search is used
    version: int  # the shared index version (chat database) read before the store was


@dataclass(frozen=True)
class _Vectors:
    """Passage and unit vectors in memory, unit length, for an exact search. Chroma's HNSW graph,
    built by several threads, now and then leaves a unit unreachable (seen here: about one build in
    ten missed a unit that ranked 3rd), so the same corpus answered differently from build to build."""

    passages: npt.NDArray[np.float32]  # row i is passage i of the snapshot
    units: npt.NDArray[np.float32]
    unit_keys: list[tuple[int, int]]  # (passage index, unit position) per row


def _no_version() -> int:
    return 0


class Retriever:
    """`version` reads the shared index version (ChatLog.index_version); without it, always 0, and only
    `refresh` after a local write renews the snapshot."""

    def __init__(
        self,
        settings: Settings,
        embedder: Embedder,
        store: VectorStore,
        version: Callable[[], int] = _no_version,
    ) -> None:
        self.settings = settings
        self.embedder = embedder
        self.store = store
        self.glossary = Glossary.load(settings.glossary_file)
        self._version = version
        self._lock = threading.Lock()
        self._cross_encoder: Any = None
        self._unavailable: StoreUnavailable | None = None  # set by `check` while the store does not answer
        self._snapshot = self._build_snapshot(version())

    def _build_snapshot(self, version: int) -> _Snapshot:
        exact = self.store.unit_count() + self.store.count() <= self.settings.exact_search_limit
        if exact:
            passages, matrix = self.store.passages_with_vectors()
        else:
            passages, matrix = self.store.passages(), None
        position = {p.id: i for i, p in enumerate(passages)}
        vectors = self._vectors(position, matrix) if matrix is not None and passages else None
        return _Snapshot(passages, LexicalIndex(passages, self.glossary), position, vectors, version)

    def _vectors(self, position: dict[str, int], matrix: npt.NDArray[np.float32]) -> _Vectors:
        """Units are kept only for the snapshot's passages: the units collection is read after the
        passages, and a unit of a passage written or deleted in between belongs to another version."""
        passages = _unit_length(matrix)
        keys, unit_matrix = self.store.unit_vectors()
        rows = [r for r, (pid, _) in enumerate(keys) if pid in position]
        return _Vectors(
            passages,
            _unit_length(unit_matrix[rows]) if rows else np.zeros((0, passages.shape[1]), np.float32),
            [(position[keys[r][0]], keys[r][1]) for r in rows],
        )

    def refresh(self) -> None:
        """Rebuild the snapshot from the store: after a write here, or when another instance wrote. The
        version is read first, so a write during the build shows as a newer version at the next check;
        a build that finishes after a newer one is dropped. A database that cannot say the version does
        not keep this instance's own write out of its snapshot: the snapshot keeps the version it had."""
        try:
            version = self._version()
        except Exception:
            logger.exception(
                "The index version could not be read; the snapshot keeps version %d", self.version
            )
            version = self.version
        snapshot = self._build_snapshot(version)
        with self._lock:
            if snapshot.version >= self._snapshot.version:
                self._snapshot = snapshot

    def check(self) -> bool:
        """Whether the store answers, and a rebuild when the shared index version differs from the
        snapshot's; True when it rebuilt. Called once a second (assistant/api/index_watch.py). While the
        store does not answer, searches raise StoreUnavailable, as those that ask it do (above the
        exact-search limit): an instance that /readyz calls not ready does not answer from a snapshot
        it can neither renew nor change; it answers again by itself once the store does."""
        self.store_count()
        if self._version() == self._snapshot.version:
            return False
        self.refresh()
        return True

    def store_count(self) -> int:
        """The store's passage count, asked of the store itself. /readyz asks through here too, so a store
        it finds gone also stops the searches at once, not only at the next check."""
        try:
            count = self.store.count()
        except StoreUnavailable as exc:
            self._unavailable = exc
            raise
        self._unavailable = None
        return count

    @property
    def version(self) -> int:
        return self._snapshot.version

    @property
    def size(self) -> int:
        return len(self._snapshot.passages)

    @property
    def passages(self) -> list[Passage]:
        return self._snapshot.passages

    @property
    def lexical(self) -> LexicalIndex:
        return self._snapshot.lexical

    def search(
        self, question: str, k: int | None = None, mode: Mode = "hybrid", rerank: bool = True
    ) -> list[ScoredPassage]:
        if self._unavailable is not None:
            self.store_count()  # it may be back before the next check: answer as soon as it is
        snap = self._snapshot
        k = k or self.settings.top_k
        if not snap.passages:
            return []
        expanded = self.glossary.expand(question)
        units: dict[int, dict[int, float]] = {}
        if mode != "bm25":
            dense, units = self._dense_scores(expanded, snap)
        else:
            dense = np.zeros(len(snap.passages))
        lexical = (
            snap.lexical.scores(question).astype(np.float64)
            if mode != "dense"
            else np.zeros(len(snap.passages))
        )
        fused = dense.copy() if mode == "dense" else lexical.copy()
        # Whether the question is answerable at all, and how well a passage matches what is asked
        # (everyday words the documents lack weighing less)
        coverage, relevance = snap.lexical.coverages(question)
        if mode == "hybrid":
            fused = self._fuse(dense, lexical, float(relevance.max(initial=0.0)))
        if rerank and mode == "hybrid":
            fused = self._rerank(question, fused, relevance, snap)
        order = _first(fused, dense, k)  # exact ties (RRF has them) go to the closer meaning
        hits = [
            ScoredPassage(
                snap.passages[i],
                score=round(float(fused[i]), 4),
                dense=round(float(dense[i]), 4),
                lexical=round(float(lexical[i]), 4),
                coverage=round(float(coverage[i]), 4),
                unit_similarity=units.get(int(i), {}),
            )
            for i in order
        ]
        if rerank and mode == "hybrid":
            # Near ties in the final score: the evidence prefers neither, so the newer source goes
            # first. The margin is set for this score; the baselines (bm25, dense, un-reranked) stay
            # the plain methods the eval compares against.
            hits = order_near_ties(hits, self.settings.recency_tie_margin)
        return hits

    def _dense_scores(
        self, query: str, snap: _Snapshot
    ) -> tuple[npt.NDArray[np.float64], dict[int, dict[int, float]]]:
        """Per passage: the better of its own similarity and that of its best unit (sentence or
        list). Also the unit similarities, which the answer uses to pick what to quote."""
        vector = self.embedder.embed_query(query)
        passage = np.zeros(len(snap.passages))
        # Similarities are rounded: the same text embedded in two batches differs in the last bits (a
        # multi-threaded BLAS sums in varying order), and a tie must stay a tie, broken the same way
        # every run, not by that noise.
        for i, sim in self._nearest_passages(vector, snap):
            passage[i] = round(sim, _SIMILARITY_DIGITS)
        best_unit = np.zeros(len(snap.passages))
        units: dict[int, dict[int, float]] = {}
        for i, position, sim in self._nearest_units(vector, snap):
            sim = round(sim, _SIMILARITY_DIGITS)
            units.setdefault(i, {})[position] = sim
            best_unit[i] = max(best_unit[i], sim)
        if self.settings.dense_source == "passage":
            return passage, units
        if self.settings.dense_source == "mean":
            return (passage + np.where(best_unit > 0, best_unit, passage)) / 2, units
        return np.maximum(passage, best_unit), units

    def _nearest_passages(self, vector: npt.NDArray[np.float32], snap: _Snapshot) -> list[tuple[int, float]]:
        """(passage index, cosine similarity) of the nearest passages."""
        k = self.settings.dense_candidates
        if snap.vectors is not None:
            sims = snap.vectors.passages @ _unit_length(vector)
            return [(int(i), float(sims[i])) for i in _top(sims, k)]
        found = ((snap.position.get(pid), sim) for pid, sim in self.store.query(vector, k))
        # Only the snapshot's passages count: one written since is left out, one deleted since has no
        # dense score here, until the next snapshot (see _Snapshot).
        return [(i, sim) for i, sim in found if i is not None]

    def _nearest_units(
        self, vector: npt.NDArray[np.float32], snap: _Snapshot
    ) -> list[tuple[int, int, float]]:
        """(passage index, unit position, cosine similarity) of the nearest units."""
        k = self.settings.unit_candidates
        if snap.vectors is not None:
            sims = snap.vectors.units @ _unit_length(vector)
            keys = snap.vectors.unit_keys
            return [(*keys[r], float(sims[r])) for r in _top(sims, k)]
        found = self.store.query_units(vector, k)
        return [(i, pos, sim) for pid, pos, sim in found if (i := snap.position.get(pid)) is not None]

    def _fuse(
        self, dense: npt.NDArray[np.float64], lexical: npt.NDArray[np.float64], best_coverage: float
    ) -> npt.NDArray[np.float64]:
        """BM25 counts in proportion to how much of the question the corpus vocabulary covers: a
        paraphrase in everyday words gets its BM25 hits from incidental words, so dense leads there."""
        s = self.settings
        lexical_weight = min(1.0, max(s.min_lexical_weight, best_coverage) ** s.lexical_weight_power)
        if s.fusion == "rrf":
            fused: npt.NDArray[np.float64] = _rrf(dense, s.rrf_k) + lexical_weight * _rrf(lexical, s.rrf_k)
            return fused
        w = s.dense_weight
        weighted: npt.NDArray[np.float64] = w * _minmax(dense) + (1 - w) * lexical_weight * _minmax(lexical)
        return weighted

    def _rerank(
        self,
        question: str,
        fused: npt.NDArray[np.float64],
        coverage: npt.NDArray[np.float64],
        snap: _Snapshot,
    ) -> npt.NDArray[np.float64]:
        mode = self.settings.rerank
        if mode == "none":
            return fused
        if mode == "cross-encoder" and self.settings.cross_encoder_model:
            return self._cross_encode(question, fused, snap)
        # Proximity rerank: a passage that contains more of the question's words, in some form, ranks up.
        return _minmax(fused) + self.settings.rerank_coverage_weight * coverage

    def _cross_encode(
        self, question: str, fused: npt.NDArray[np.float64], snap: _Snapshot
    ) -> npt.NDArray[np.float64]:
        if self._cross_encoder is None:
            from sentence_transformers import CrossEncoder

            self._cross_encoder = CrossEncoder(self.settings.cross_encoder_model, device="cpu")
        top = np.argsort(-fused)[:20]
        pairs = [(question, snap.passages[i].contextual_text) for i in top]
        ce = np.asarray(self._cross_encoder.predict(pairs), dtype=np.float64)
        out = np.full_like(fused, -1.0)  # beyond the top 20: below every reranked candidate
        out[top] = _minmax(ce) + 0.25 * _minmax(fused[top])
        return out


_SIMILARITY_DIGITS = 4


def _unit_length(x: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    unit: npt.NDArray[np.float32] = (x / np.where(norms > 0, norms, 1.0)).astype(np.float32)
    return unit


def _top(sims: npt.NDArray[np.float32], k: int) -> npt.NDArray[np.intp]:
    """Indices of the k highest, highest first; equal values in index order, the same every run."""
    return _first(sims, sims, k)


def _first(primary: npt.NDArray[Any], secondary: npt.NDArray[Any], k: int) -> npt.NDArray[np.intp]:
    """`np.lexsort((-secondary, -primary))[:k]`: the k highest by primary, then secondary, then index.
    Only the values at or above the k-th highest are sorted, not every passage (at 50k passages the
    full sort was a tenth of a query)."""
    n = len(primary)
    if k < n and not np.isnan(primary).any():  # a NaN sorts last here, but first in a partition
        threshold = np.partition(primary, n - k)[n - k]
        rows = np.flatnonzero(primary >= threshold)  # ascending, so ties keep index order
        return rows[np.lexsort((-secondary[rows], -primary[rows]))][:k]
    return np.lexsort((-secondary, -primary))[:k]


def _minmax(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    lo, hi = float(np.min(x)), float(np.max(x))
    if hi - lo < 1e-12:
        return np.zeros_like(x, dtype=np.float64)
    return (x - lo) / (hi - lo)


def _rrf(scores: npt.NDArray[np.float64], k: int) -> npt.NDArray[np.float64]:
    ranks = np.empty(len(scores))
    ranks[_descending(scores)] = np.arange(1, len(scores) + 1)
    return 1.0 / (k + ranks)


def _descending(scores: npt.NDArray[np.float64]) -> npt.NDArray[np.intp]:
    """`np.argsort(-scores, kind="stable")`, sorting only the scores that are not 0: most passages
    score 0 on the dense side (only the nearest candidates have a score) and many on BM25's. Zeros
    rank after every positive score and before every negative one, in index order, as a stable sort
    puts them."""
    positive = np.flatnonzero(scores > 0)
    zero = np.flatnonzero(scores == 0)
    negative = np.flatnonzero(scores < 0)
    if len(positive) + len(zero) + len(negative) != len(scores):  # NaN: the plain sort places it
        return np.argsort(-scores, kind="stable")
    return np.concatenate(
        [
            positive[np.argsort(-scores[positive], kind="stable")],
            zero,
            negative[np.argsort(-scores[negative], kind="stable")],
        ]
    )
