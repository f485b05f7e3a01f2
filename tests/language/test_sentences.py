"""Corpus sentences translated in advance (assistant/language/sentences.py): an answer rendered from the store
is the text rendered without it, a missing or partial store falls back sentence by sentence, the store
survives a restart, and a changed corpus is followed (new sentences added, gone ones pruned). Real Apertium,
through a real apertium-apy, on real corpus passages."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import language, texts
from assistant.ingest.chunking import chunk_document
from assistant.ingest.loaders import load_document
from assistant.ingest.units import plain, split_units
from assistant.language import apertium, sentences
from assistant.language.apy import Apy
from assistant.models import Maalform, Passage
from tests.conftest import CORPUS
from tests.language.test_apy import needs_apy


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    return chunk_document(
        load_document(
            CORPUS / "udir-tilskuddsordning-fag-og-yrkesopplaering.txt",
            "udir-tilskuddsordning-fag-og-yrkesopplaering.txt",
        )
    )[:5]  # a few, so that filling takes seconds


@pytest.fixture
def through_apy(running_apy: Apy, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Render through apy only (a fall-back to the subprocess path would raise), from a clean cache."""
    monkeypatch.setattr(apertium, "_apy", running_apy)
    monkeypatch.setattr(apertium, "apertium_available", lambda: False)
    language.translate.cache_clear()
    yield
    language.translate.cache_clear()
    sentences.stop()


def _answer(passages: list[Passage]) -> str:
    """An answer as the extractive composer writes one: a lead, corpus sentences and a list's items with
    markers, and a part that no passage has."""
    cores = [c for p in passages for c in sentences.passage_cores(p)]
    items = [c for p in passages for u in split_units(p.text, 0) if u.items for c in u.items[:2]]
    return (
        f"Ja. {cores[0]} [1]\n{cores[1]}\n{cores[2]} [1][2]\n- {plain(items[0])}\n"
        f"- {plain(items[1])} [2]\n\n**Hvem får midlene i 2024?**\n{cores[5]} [3]"
    )


def _fill(data_dir: Path, passages: list[Passage], *, limit: int = 10_000) -> sentences.Filler:
    filler = sentences.start(data_dir, limit, lambda: passages)
    deadline = time.monotonic() + 120
    while filler.passes == 0:
        assert time.monotonic() < deadline, "the store was not filled"
        time.sleep(0.05)
    return filler


@needs_apy
def test_an_answer_from_stored_sentences_is_the_text_rendered_without_them(
    through_apy: None, passages: list[Passage], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = _answer(passages)
    direct = language.render(answer, "nb", "nn")
    assert direct.maalform == "nn" and direct.text.endswith(texts.NYNORSK_NOTE)

    _fill(tmp_path, passages)
    store = sentences.stored()
    assert store is not None and len(store) >= len({c for p in passages for c in sentences.passage_cores(p)})
    language.translate.cache_clear()
    asked: list[str] = []

    def counted(text: str, source: Maalform, target: Maalform) -> str:
        asked.append(text)
        return apertium._translate(text, source, target)

    monkeypatch.setattr(apertium.translate, "_translate", counted)
    stored = language.render(answer, "nb", "nn")
    assert stored == direct
    # Only what no passage has went to Apertium: the lead and the heading, not the corpus sentences.
    assert sorted(asked) == ["**Hvem får midlene i 2024?**\n", "Ja.\n"]


@needs_apy
def test_a_partial_or_missing_store_falls_back_sentence_by_sentence(
    through_apy: None, passages: list[Passage], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = _answer(passages)
    direct = language.render(answer, "nb", "nn")
    store = sentences.SentenceStore(tmp_path / sentences.FILE_NAME, sentences.modes_version(), 3)
    for core in sentences.cores(answer)[1:4]:  # a few stored, the rest not
        store.put(core, sentences.translate_core(core, "nb", "nn"))
    assert not store.put("Ett til.", "Eitt til.") and len(store) == 3  # bounded
    store.close()
    language.translate.cache_clear()
    _fill(tmp_path, [], limit=3)  # the corpus is empty: the three are pruned, nothing is added
    assert len(sentences.stored() or ()) == 0
    assert language.render(answer, "nb", "nn") == direct

    # A stale store (made with other Apertium modes) is not used: its keys do not match.
    stale = sentences.SentenceStore(tmp_path / "stale.sqlite3", "other-modes", 100)
    stale.put(sentences.cores(answer)[1], "Feil omsetjing.")
    stale.close()
    sentences.stop()
    reopened = sentences.SentenceStore(tmp_path / "stale.sqlite3", sentences.modes_version(), 100)
    monkeypatch.setattr(sentences, "_store", reopened)
    assert len(reopened) == 1 and reopened.get(sentences.cores(answer)[1]) is None
    assert language.render(answer, "nb", "nn") == direct


@needs_apy
def test_the_store_survives_a_restart_and_follows_the_corpus(
    through_apy: None, passages: list[Passage], tmp_path: Path
) -> None:
    first, later = passages[:3], passages[2:5]
    _fill(tmp_path, first)
    before = len(sentences.stored() or ())
    sentences.stop()
    reopened = sentences.SentenceStore(tmp_path / sentences.FILE_NAME, sentences.modes_version(), 100)
    assert len(reopened) == before > 0  # read back from the data dir
    reopened.close()

    _fill(tmp_path, later)  # an upload and a delete: the corpus's cores now
    store = sentences.stored()
    assert store is not None
    wanted = {c for p in later for c in sentences.passage_cores(p)}
    assert len(store) == len(wanted) and all(store.get(c) is not None for c in wanted)
    gone = {c for p in first for c in sentences.passage_cores(p)} - wanted
    assert gone and all(store.get(c) is None for c in gone)


def test_segments_keep_markers_bullets_and_spacing_as_glue() -> None:
    text = "- Ja. Første setning i 2022. [1][2]\n- punkt to\n\n**Hvem?**\nSiste «[[0]]» her. Neste. [3]"
    pieces = list(sentences.segments(text))
    assert "".join(p for _, p in pieces) == text
    assert [p for core, p in pieces if core] == [
        "Ja.",
        "Første setning i 2022.",
        "punkt to",
        "**Hvem?**",
        "Siste «[[0]]» her.",
        "Neste.",
    ]
