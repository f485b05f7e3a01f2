"""The page's interface strings in the reader's written standard, and how the page learns which one."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal, cast

import yaml

Maalform = Literal["nb", "nn"]
COOKIE = "maalform"


@lru_cache(maxsize=1)
def _strings() -> dict[str, dict[str, str]]:
    raw = yaml.safe_load(resources.files("assistant.web").joinpath("ui.yaml").read_text(encoding="utf-8"))
    return {key: {mf: str(text).strip() for mf, text in value.items()} for key, value in raw.items()}


def strings(maalform: Maalform) -> dict[str, str]:
    """Every key in `maalform`; ui.yaml holds both, and a test keeps it that way."""
    return {key: value[maalform] for key, value in _strings().items()}


def keys_missing_a_form() -> list[str]:
    return [key for key, value in _strings().items() if set(value) != {"nb", "nn"} or not all(value.values())]


def pick(query: str | None, cookie: str | None) -> Maalform:
    """The switch's choice (query) wins, then the remembered one (cookie), then bokmål."""
    for value in (query, cookie):
        if value in ("nb", "nn"):
            return cast(Maalform, value)
    return "nb"
