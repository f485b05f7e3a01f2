"""The real catalogue, loaded once per module against the real corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.schemes.catalogue import Catalogue, load_catalogue
from tests.conftest import CORPUS

CATALOGUE = CORPUS / "schemes.yaml"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(CATALOGUE, CORPUS)


@pytest.fixture
def entries() -> list[dict[str, Any]]:
    """A fresh, editable copy of the real catalogue."""
    loaded: list[dict[str, Any]] = yaml.safe_load(CATALOGUE.read_text("utf-8"))
    return loaded


def entry(entries: list[dict[str, Any]], scheme_id: str) -> dict[str, Any]:
    return next(e for e in entries if e["id"] == scheme_id)


def load_edited(tmp_path: Path, entries: list[Any]) -> Catalogue:
    path = tmp_path / "schemes.yaml"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")
    return load_catalogue(path, CORPUS)
