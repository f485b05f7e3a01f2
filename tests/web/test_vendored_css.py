"""The vendored Designsystemet CSS: as npm shipped it, with its licence, loading nothing from elsewhere."""

from __future__ import annotations

import hashlib
import re
from importlib.resources import files

import pytest

FOLDER = files("assistant.web") / "static" / "designsystemet"
CSS_FILES = ("components.css", "theme.css")

# What could make a browser fetch something: an absolute URL, a url() that is not an inline data: URL,
# an @import, a web font.
_REMOTE = re.compile(r"""https?://[^"' )%]+|url\((?!\s*['"]?data:)[^)]*\)|@import|@font-face""")
# Inline SVG icons name their XML namespace; that is an identifier, never requested.
_SVG_NAMESPACE = "http://www.w3.org/2000/svg"
_USED = re.compile(r"var\((--ds-[\w-]+)")
_DEFINED = re.compile(r"(--ds-[\w-]+)\s*:")


def _text(name: str) -> str:
    return (FOLDER / name).read_text("utf-8")


@pytest.mark.parametrize("name", CSS_FILES)
def test_the_css_loads_nothing_from_another_host(name: str) -> None:
    found = [ref for ref in _REMOTE.findall(_text(name)) if ref != _SVG_NAMESPACE]
    assert found == []


@pytest.mark.parametrize("name", [*CSS_FILES, "LICENSE"])
def test_vendored_files_are_unchanged_from_the_pinned_release(name: str) -> None:
    """README.txt lists the sha256 of each file the vendoring script wrote; a hand edit shows up here."""
    digest = hashlib.sha256((FOLDER / name).read_bytes()).hexdigest()
    assert f"{digest}  {name}" in _text("README.txt")


def test_licences_and_versions_ship_in_the_package() -> None:
    assert "Permission is hereby granted, free of charge" in _text("LICENSE")  # MIT
    assert "@digdir/designsystemet-css 1." in _text("README.txt")


def test_the_theme_defines_every_variable_the_components_use() -> None:
    """The theme and the components come from one release; a component must not lose a token."""
    components = _text("components.css")
    defined = set(_DEFINED.findall(components)) | set(_DEFINED.findall(_text("theme.css")))
    assert set(_USED.findall(components)) - defined == set()
