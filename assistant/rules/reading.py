"""Reading the rule files: each is parsed (duplicate keys and YAML 1.1 booleans refused), validated against
its schema, cached until it changes, and every problem is described in Norwegian with its file, field
and line."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from assistant import texts
from assistant.config import Settings, get_settings
from assistant.errors import RuleFileError
from assistant.rules.schemas import PACKAGE_FILES, GlossaryRules, RuleFile, listing

logger = logging.getLogger(__name__)

# Where the package's own rule files live (the folders of the modules that read them).
PACKAGE_DIR = Path(__file__).resolve().parent.parent


# --- reading --------------------------------------------------------------------------------------

M = TypeVar("M", bound=RuleFile)


# The rules directory that start-up checked (check_rules); the stages read from the same one.
_checked: list[Path | None] = []


def rule_file(model: type[M]) -> M:
    """A package rule file's validated contents: the replacement in `Settings.rules_dir` if there is one.
    The stages call this without a Settings in hand, so the directory is the one `check_rules` last
    passed, or get_settings()'s before any check."""
    rules_dir = _checked[-1] if _checked else get_settings().rules_dir
    return load_rules(model, rules_dir)


def load_rules(model: type[M], rules_dir: Path | None = None) -> M:
    return read_rule_file(model, rule_path(model, rules_dir))


def rule_path(model: type[RuleFile], rules_dir: Path | None = None) -> Path:
    location = PACKAGE_FILES[model]
    if rules_dir is not None and (replacement := rules_dir / Path(location).name).is_file():
        return replacement
    return PACKAGE_DIR / location


def read_rule_file(model: type[M], path: Path) -> M:
    """Read and validate one rule file; again only once it has changed. Raises RuleFileError naming
    every problem."""
    try:
        stamp: int | None = path.stat().st_mtime_ns
    except OSError:
        stamp = None  # _read says why
    loaded = _read(model, path, stamp)
    assert isinstance(loaded, model)
    return loaded


@lru_cache(maxsize=64)
def _read(model: type[RuleFile], path: Path, _stamp: int | None) -> RuleFile:
    try:
        text = path.read_text("utf-8-sig")
    except FileNotFoundError as exc:
        raise _error([texts.RULE_FILE_MISSING.format(file=path.name, path=path)]) from exc
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise _error([texts.RULE_FILE_UNREADABLE.format(file=path.name, reason=reason)]) from exc
    try:
        data, root = _parse(text)
    except yaml.YAMLError as exc:
        reason = _yaml_reason(exc)
        raise _error([texts.RULE_FILE_UNREADABLE.format(file=path.name, reason=reason)]) from exc
    try:
        return model.model_validate({} if data is None else data)
    except ValidationError as exc:
        raise _error([_describe(path.name, e, root) for e in exc.errors(include_url=False)]) from exc


def check_rules(settings: Settings) -> None:
    """Read every rule file `settings` points at, at start-up. Raises one RuleFileError that lists every
    problem in every file; nothing else is changed."""
    problems: list[str] = []
    if settings.rules_dir is not None:
        problems += _rules_dir_problems(settings.rules_dir)
    for model in PACKAGE_FILES:
        problems += _problems(model, rule_path(model, settings.rules_dir))
    # A corpus may come without a glossary; one that is configured by name must be there.
    if settings.glossary_path is not None or settings.glossary_file.exists():
        problems += _problems(GlossaryRules, settings.glossary_file)
    if problems:
        raise _error(problems)
    _checked[:] = [settings.rules_dir]
    logger.info("Rule files checked (%s)", settings.rules_dir or "the package's own")


def _problems(model: type[RuleFile], path: Path) -> list[str]:
    try:
        read_rule_file(model, path)
    except RuleFileError as exc:
        return list(exc.problems)
    return []


def _rules_dir_problems(rules_dir: Path) -> list[str]:
    if not rules_dir.is_dir():
        return [texts.RULE_DIR_MISSING.format(path=rules_dir)]
    known = sorted(Path(location).name for location in PACKAGE_FILES.values())
    return [
        texts.RULE_DIR_UNKNOWN_FILE.format(path=rules_dir, file=path.name, known=listing(known))
        for path in sorted(rules_dir.glob("*.y*ml"))
        if path.name not in known
    ]


def _error(problems: list[str]) -> RuleFileError:
    if len(problems) == 1:
        return RuleFileError(problems[0], tuple(problems))
    listing = "\n".join(f"- {p}" for p in problems)
    message = texts.RULE_FILES_INVALID.format(count=len(problems), problems=listing)
    return RuleFileError(message, tuple(problems))


# --- YAML -----------------------------------------------------------------------------------------


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key, self.line = key, line


class _RuleLoader(yaml.SafeLoader):
    """safe_load with two changes for hand-edited Norwegian word lists: only true and false are
    booleans (YAML 1.1 reads the nynorsk word "no" as false, and "on", "off", "yes" as booleans too),
    and a key written twice in one mapping is an error instead of the last one silently winning."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    raise _DuplicateKey(key_node.value, key_node.start_mark.line + 1)
                seen.add(key_node.value)
        return dict(super().construct_mapping(node, deep))


_RuleLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_RuleLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _parse(text: str) -> tuple[Any, yaml.Node | None]:
    """The data and its node tree, which knows the line of every value."""
    loader = _RuleLoader(text)
    try:
        root = loader.get_single_node()
        return (None if root is None else loader.construct_document(root)), root
    finally:
        loader.dispose()


def _yaml_reason(exc: yaml.YAMLError) -> str:
    if isinstance(exc, _DuplicateKey):
        return texts.RULE_YAML_DUPLICATE_KEY.format(line=exc.line, key=exc.key)
    if isinstance(exc, yaml.MarkedYAMLError) and (mark := exc.problem_mark or exc.context_mark):
        return texts.RULE_YAML_ERROR.format(line=mark.line + 1, problem=exc.problem or exc.context)
    return str(exc)


# --- messages -------------------------------------------------------------------------------------


def _describe(file: str, error: ErrorDetails, root: yaml.Node | None) -> str:
    """One validation error in Norwegian: the file, the field's path and line, and what is wrong."""
    loc = tuple(part for part in error["loc"] if part != "[key]")
    context = dict(error.get("ctx") or {})
    line = _line(root, error["loc"], context.get("index"))
    path = "".join(f".{p}" if isinstance(p, str) else f" {texts.RULE_ITEM.format(number=p + 1)}" for p in loc)
    path = path.removeprefix(".")
    if not path:
        field = texts.RULE_WHOLE_FILE
    elif line is None:
        field = texts.RULE_FIELD.format(path=path)
    else:
        field = texts.RULE_FIELD_LINE.format(path=path, line=line)
    template = texts.RULE_ERRORS.get(error["type"], texts.RULE_OTHER)
    try:
        problem = template.format(field=field, **context)
    except (KeyError, IndexError):
        problem = texts.RULE_OTHER.format(field=field)
    return texts.RULE_FILE_INVALID.format(file=file, problem=problem)


def _line(root: yaml.Node | None, loc: tuple[int | str, ...], index: Any = None) -> int | None:
    """The 1-based line of the value at `loc` (its key's line for a mapping entry), or of the nearest
    enclosing value that exists; `index` picks an item of the list found there."""
    node, anchor = root, None  # the whole file has no line worth naming
    for part in loc:
        if part == "[key]":
            continue
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if getattr(k, "value", None) == str(part)), None)
            if pair is None:
                break
            anchor, node = pair
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            anchor = node = node.value[part]
        else:
            break
    if isinstance(node, yaml.SequenceNode) and isinstance(index, int) and index < len(node.value):
        anchor = node.value[index]
    return None if anchor is None else int(anchor.start_mark.line) + 1
