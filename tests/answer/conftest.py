"""Backends that talk to the scripted LLM server (tests/conftest.py) over loopback with the real langchain
clients."""

from __future__ import annotations

import pytest

from assistant.answer.llm import LLMBackend, build_llm
from tests.llm_server import BackendFactory, LLMServer, llm_settings


@pytest.fixture
def make_backend(llm_server: LLMServer) -> BackendFactory:
    """make_backend("openai") or make_backend("ollama"), pointed at the scripted server."""

    def make(kind: str, **overrides: object) -> LLMBackend:
        """Settings `overrides` (llm_temperature=0.3 …) are applied on top of the test defaults."""
        url = llm_server.openai_url if kind == "openai" else llm_server.ollama_url
        backend = build_llm(llm_settings(kind, url, **overrides))
        assert backend is not None
        return backend

    return make
