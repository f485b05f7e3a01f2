"""The package's layers: imports only point down (front ends → use cases → domains → pipeline → stores →
foundation), so each part can be read, tested and replaced without the parts above it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "assistant"

# Lowest first. A module may import its own layer and the layers below it, never one above.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("foundation", ("assistant", "config", "models", "errors", "texts", "logconfig", "rules")),
    ("stores", ("ingest", "index", "chatlog", "migrations")),
    ("pipeline", ("answer", "retrieval", "freshness", "conversation")),
    ("domains", ("schemes", "drafts", "language")),
    ("use cases", ("service", "documents", "uploads", "gaps", "evaluation")),
    ("front ends", ("api", "cli", "web")),
]


def layer_of(module: str) -> int:
    """The layer of a dotted module name: "assistant.schemes.matching" → domains."""
    parts = module.split(".")
    part = parts[1] if len(parts) > 1 else parts[0]
    for rank, (_, members) in enumerate(LAYERS):
        if part in members:
            return rank
    raise LookupError(f"{module} is in no layer: add it to LAYERS")


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def imported(tree: ast.AST) -> set[str]:
    """Every assistant module a file imports, lazily inside functions too."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names if alias.name.startswith("assistant"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("assistant"):
            if node.module == "assistant":  # from assistant import texts
                names.update(f"assistant.{alias.name}" for alias in node.names)
            else:
                names.add(node.module)
    return names


def upward_imports() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        for target in sorted(imported(ast.parse(path.read_text("utf-8")))):
            own, other = layer_of(module), layer_of(target)
            if other > own:
                found.append(f"{module} ({LAYERS[own][0]}) imports {target} ({LAYERS[other][0]})")
    return found


def test_no_module_imports_a_layer_above_its_own() -> None:
    assert upward_imports() == []


def test_every_module_has_a_layer() -> None:
    for path in PACKAGE.rglob("*.py"):
        layer_of(module_name(path))


@pytest.mark.parametrize(
    ("source", "module", "upward"),
    [
        ("from assistant.service import Services\n", "assistant.drafts.letter", True),
        ("from assistant import service\n", "assistant.schemes.advisor", True),
        ("def f():\n    import assistant.api.app\n", "assistant.retrieval", True),
        ("from assistant.models import Maalform\n", "assistant.answer.compose", False),
        ("from assistant.schemes.catalogue import Catalogue\n", "assistant.drafts.letter", False),
    ],
)
def test_the_check_sees_upward_imports(source: str, module: str, upward: bool) -> None:
    targets = imported(ast.parse(source))
    assert any(layer_of(t) > layer_of(module) for t in targets) is upward
