"""Schemathesis against the real app's OpenAPI document: every operation, admin ones with the admin key, a
few seeded examples each, sent over HTTP to a real server on a small index of its own (uploads and deletes
change it). No 5xx, and every status, content type and body is one the schema documents."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
import schemathesis.checks
from hypothesis import HealthCheck, settings

from assistant.api import create_app
from assistant.config import Settings
from assistant.index.embedders import Embedder
from assistant.service import build_services, ingest_paths
from tests.api.conftest import ADMIN_KEY, serve, small_settings

# The document the app serves at /openapi.json (test_the_fuzzed_schema_is_the_one_served checks it). Built
# from a bare app: `schemathesis.pytest.from_fixture` would build it from the served one, but it fails on
# pytest 9 (it sets `request.node._nodeid`, which pytest 9 no longer has).
OPENAPI = create_app(Settings(admin_api_key=ADMIN_KEY)).openapi()  # type: ignore[arg-type]
schema = schemathesis.openapi.from_dict(OPENAPI)

# The operations that answer or ingest run the whole pipeline per example: fewer of them.
SLOW = [
    "POST /api/chat",
    "POST /api/chat/stream",
    "POST /api/draft",
    "POST /v1/chat/completions",
    "POST /api/documents",
]
EXAMPLES, SLOW_EXAMPLES = 25, 6
AUTH = {"Authorization": f"Bearer {ADMIN_KEY}"}
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]


@pytest.fixture(scope="module")
def fuzz_url(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[str]:
    config = small_settings(tmp_path_factory.mktemp("fuzz"), admin_api_key=ADMIN_KEY, max_upload_bytes=50_000)
    services = build_services(config, embedder)
    ingest_paths(services, [config.corpus_dir])
    with serve(create_app(services=services)) as url:
        yield url


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,  # the same examples on every run: what passes here passes in CI
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )


def test_the_fuzzed_schema_is_the_one_served(fuzz_url: str) -> None:
    assert httpx.get(f"{fuzz_url}/openapi.json").json() == OPENAPI


@schema.exclude(name=SLOW).parametrize()
@fuzz_settings(EXAMPLES)
def test_no_5xx_and_responses_conform_to_the_schema(case: Any, fuzz_url: str) -> None:
    case.call_and_validate(base_url=fuzz_url, headers=AUTH, checks=CHECKS)


@schema.include(name=SLOW).parametrize()
@fuzz_settings(SLOW_EXAMPLES)
def test_answering_operations_fuzzed_a_little(case: Any, fuzz_url: str) -> None:
    case.call_and_validate(base_url=fuzz_url, headers=AUTH, checks=CHECKS)
