"""Request validation errors as one Norwegian message.

Pydantic's own messages are English ("Field required", "Input should be 'a' or 'b'"), so they are never
shown: each error type has a Norwegian sentence in `texts.VALIDATION_ERRORS`, and a type without one gets
a general sentence rather than pydantic's text.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from assistant import texts

MAX_DETAILS = 5
_MAX_VALUE_CHARS = 60
# Where FastAPI found the value. Not part of the field name the client wrote.
_SOURCES = {"body", "query", "path", "header", "cookie"}
# Pydantic adds the member type to the location of each error in a union ("content", "str"); the client
# only knows the field.
_UNION_MEMBER = re.compile(r"^(str|int|float|bool|none|list|dict|tuple|set)$|^[\w-]+\[.*\]$")


def validation_message(errors: Sequence[Mapping[str, Any]]) -> tuple[str, str]:
    """(code, message) for FastAPI's `RequestValidationError.errors()`."""
    if any(e.get("type") == "json_invalid" for e in errors):
        return "invalid_json", texts.INVALID_JSON
    details = list(dict.fromkeys(detail(e) for e in errors))  # unions repeat one field: say it once
    return "invalid_request", texts.INVALID_REQUEST.format(details="; ".join(details[:MAX_DETAILS]))


def detail(error: Mapping[str, Any]) -> str:
    """One error as a Norwegian clause, e.g. «sector mangler»."""
    field = field_name(error.get("loc", ()))
    kind = str(error.get("type", ""))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    if kind in ("literal_error", "enum"):  # an unknown choice: list the allowed ones
        allowed = one_of(allowed_values(str(ctx.get("expected", ""))))
        return texts.INVALID_CHOICE.format(field=field, value=_shown(error.get("input")), allowed=allowed)
    template = texts.VALIDATION_ERRORS.get(kind, texts.VALIDATION_OTHER)
    try:
        return template.format(field=field, **ctx)
    except (KeyError, IndexError, TypeError, ValueError):  # a context pydantic left out
        return texts.VALIDATION_OTHER.format(field=field)


def field_name(loc: Sequence[Any]) -> str:
    """The dotted path the client wrote: ("body", "messages", 0, "content", "str") → messages.0.content."""
    parts = list(loc)
    if parts and parts[0] in _SOURCES:
        parts = parts[1:]
    parts = [p for p in parts if not (isinstance(p, str) and _UNION_MEMBER.match(p))]
    return ".".join(str(p) for p in parts) or texts.VALIDATION_WHOLE_BODY


def allowed_values(expected: str) -> list[str]:
    """The choices in pydantic's `expected`, which is Python reprs joined as "'a', 'b' or 'c'"."""
    head, sep, last = expected.rpartition(" or ")
    try:
        values = ast.literal_eval(f"[{head}, {last}]" if sep else f"[{expected}]")
    except (ValueError, SyntaxError):  # not reprs after all: keep the text, in Norwegian
        return [expected.replace(" or ", f" {texts.OR} ")]
    return [str(v) for v in values]


def one_of(values: Sequence[str]) -> str:
    """«a, b eller c»."""
    if len(values) < 2:
        return "".join(values)
    return f"{', '.join(values[:-1])} {texts.OR} {values[-1]}"


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= _MAX_VALUE_CHARS else text[: _MAX_VALUE_CHARS - 1] + "…"
