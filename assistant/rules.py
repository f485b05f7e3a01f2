"""The rule files: the YAML word lists, patterns and limits the stages read, each checked against a schema.

Every rule file is read here and nowhere else. `rule_file(GuardRules)` returns the validated contents
(read again only when the file changes); the module that uses a file owns what it derives from it.
`check_rules(settings)` reads them all at start-up, so a typo stops `assistant serve` or `assistant ingest`
with a Norwegian message that names the file, the field and the line, instead of breaking a live request.

The files live next to the modules that use them (`PACKAGE_FILES`). `Settings.rules_dir` may hold
replacements under the same file names; a file it lacks comes from the package. The glossary is a rule
file too, but it belongs to the corpus (`Settings.glossary_file`).
"""

from __future__ import annotations

import logging
import re
import string
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    NonNegativeInt,
    PositiveInt,
    ValidationError,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from assistant import texts
from assistant.config import Settings, get_settings
from assistant.errors import RuleFileError
from assistant.models import FITS, MAALFORMS, NEED_KINDS, OWNER_TYPES, SECTORS

logger = logging.getLogger(__name__)

_PACKAGE_DIR = Path(__file__).resolve().parent



# --- checks the models share ----------------------------------------------------------------------


def _listing(values: list[str] | tuple[str, ...]) -> str:
    """«a», «b» og «c»."""
    quoted = [f"«{v}»" for v in values]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} {texts.AND} {quoted[-1]}"


def _unique(fold: Callable[[str], str]) -> Callable[[list[str]], list[str]]:
    def check(items: list[str]) -> list[str]:
        seen: set[str] = set()
        repeats: dict[str, int] = {}  # each repeated entry, folded, at its first repeat
        for index, item in enumerate(items):
            if fold(item) in seen:
                repeats.setdefault(fold(item), index)
            seen.add(fold(item))
        if repeats:
            values = _listing([items[i] for i in repeats.values()])
            raise PydanticCustomError(
                "rule_duplicate", "repeated: {values}", {"values": values, "index": min(repeats.values())}
            )
        return items

    return check


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise PydanticCustomError(
            "rule_bad_pattern", "bad pattern {pattern}", {"pattern": pattern, "reason": str(exc)}
        ) from exc
    return pattern


def _valid_repair(pair: tuple[str, str]) -> tuple[str, str]:
    pattern, replacement = pair
    try:
        re.compile(pattern).sub(replacement, "")  # checks group references even without a match
    except re.error as exc:
        raise PydanticCustomError(
            "rule_bad_replacement",
            "bad replacement {replacement}",
            {"replacement": replacement, "reason": str(exc)},
        ) from exc
    return pair


def _one_of(allowed: tuple[str, ...]) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise PydanticCustomError(
                "rule_not_allowed", "{value} not allowed", {"value": value, "allowed": _listing(allowed)}
            )
        return value

    return check


def _all_of(required: tuple[str, ...]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def check(mapping: dict[str, Any]) -> dict[str, Any]:
        if missing := [key for key in required if key not in mapping]:
            raise PydanticCustomError("rule_keys_missing", "missing {keys}", {"keys": _listing(missing)})
        return mapping

    return check


def _date_template(template: str) -> str:
    fields = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    if fields != {"date"}:
        raise PydanticCustomError(
            "rule_bad_template", "bad template", {"template": template, "placeholder": "{date}"}
        )
    return template


# Words and phrases: one entry once, whatever its case (the code compares them lower-cased).
Words = Annotated[list[str], AfterValidator(_unique(str.casefold))]
# Exact lines (boilerplate): compared as written.
Lines = Annotated[list[str], AfterValidator(_unique(str))]
Pattern = Annotated[str, AfterValidator(_compiles)]
Patterns = Annotated[list[Pattern], AfterValidator(_unique(str))]
# [pattern, replacement], applied with re.sub.
Repair = Annotated[tuple[Pattern, str], AfterValidator(_valid_repair)]
OwnerType = Annotated[str, AfterValidator(_one_of(OWNER_TYPES))]
Sector = Annotated[str, AfterValidator(_one_of(SECTORS))]
Need = Annotated[str, AfterValidator(_one_of(NEED_KINDS))]
Fit = Annotated[str, AfterValidator(_one_of(FITS))]
Standard = Annotated[str, AfterValidator(_one_of(MAALFORMS))]
PerStandard = Annotated[dict[Standard, str], AfterValidator(_all_of(MAALFORMS))]
DateTemplate = Annotated[str, AfterValidator(_date_template)]


class _Strict(BaseModel):
    # A misspelt key is an error, not a silently ignored field.
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleFile(_Strict):
    """The contents of one rule file."""


# --- the files ------------------------------------------------------------------------------------


class AskedFor(_Strict):
    question: Pattern  # the question asks for this kind of fact …
    answer: Pattern  # … and an answer that has it matches this


class GuardRules(RuleFile):
    """answer/guard.yaml: instructions to drop the rules, facts an answer must have, other agencies."""

    instruction_override: Patterns = Field(default_factory=list)
    asks_for: dict[str, AskedFor] = Field(default_factory=dict)
    other_services: Patterns = Field(default_factory=list)


class AdvisorRules(RuleFile):
    """schemes/advisor.yaml: the words the advisor reads a profile and an intent from, and its limits."""

    owner_type: dict[OwnerType, Words]
    sector: dict[Sector, Words]
    need: dict[Need, Words]
    match_phrases: Words
    match_context: Words
    eligibility_markers: Words
    eligibility_openers: Words
    group_noise: Words
    max_shown: Annotated[dict[Fit, NonNegativeInt], AfterValidator(_all_of(FITS))]
    max_group_words: PositiveInt
    follow_up_words: PositiveInt


class ConversationLimits(_Strict):
    min_topic_idf: float
    enough_topic: PositiveInt
    max_bare_words: PositiveInt
    max_ellipsis_words: PositiveInt
    min_head: PositiveInt


class ConversationRules(RuleFile):
    """conversation.yaml: the words follow-up resolution reads, and its limits."""

    pronouns: Words
    singular_pronouns: Words
    place_pronouns: dict[str, str]
    adverbs: Words
    phrase_breaks: Words
    joiners: Words
    definite_endings: Words
    prepositions: Words
    pronoun_verbs: Words
    anaphoric_nouns: Words
    generic: Words
    also: Words
    attach: dict[str, Words]
    default_attach: str
    scheme_markers: Words
    slots: list[Words]
    limits: ConversationLimits


class Suffixes(_Strict):
    min_length: PositiveInt = 7
    nn: Words = Field(default_factory=list)
    nb: Words = Field(default_factory=list)


class LanguageRules(RuleFile):
    """language/language.yaml: bokmål and nynorsk markers, and repairs of Apertium's bokmål."""

    nn: Words
    nb: Words
    suffixes: Suffixes = Field(default_factory=Suffixes)
    repairs_nb: list[Repair] = Field(default_factory=list)


class FreshnessRules(RuleFile):
    """freshness.yaml: month names, the words for undated and "per <dato>", and time-bound statements."""

    months: Annotated[Words, Field(min_length=12, max_length=12)]
    undated: PerStandard
    as_of: Annotated[dict[Standard, DateTemplate], AfterValidator(_all_of(MAALFORMS))]
    time_bound: dict[str, Pattern]
    figure: Pattern


class TargetGroupRules(RuleFile):
    """schemes/target_groups.yaml: other words for a target group, narrower groups, place words."""

    synonyms: dict[str, Words] = Field(default_factory=dict)
    narrower: dict[str, Words] = Field(default_factory=dict)
    context: dict[Sector, Words] = Field(default_factory=dict)
    open_clauses: Words = Field(default_factory=list)
    filler: Words = Field(default_factory=list)


class BoilerplateRules(RuleFile):
    """ingest/boilerplate.yaml: lines that web pages and slides carry around the real text."""

    lines: Lines = Field(default_factory=list)
    patterns: Patterns = Field(default_factory=list)


class GlossaryGroup(_Strict):
    terms: Words


class GlossaryRules(RuleFile):
    """The corpus glossary: groups of terms that mean the same thing."""

    groups: list[GlossaryGroup] = Field(default_factory=list)


# Each package rule file by its place under assistant/. Its file name is also its name in rules_dir.
PACKAGE_FILES: dict[type[RuleFile], str] = {
    GuardRules: "answer/guard.yaml",
    AdvisorRules: "schemes/advisor.yaml",
    ConversationRules: "conversation.yaml",
    LanguageRules: "language/language.yaml",
    FreshnessRules: "freshness.yaml",
    TargetGroupRules: "schemes/target_groups.yaml",
    BoilerplateRules: "ingest/boilerplate.yaml",
}


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
    return _PACKAGE_DIR / location


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
        texts.RULE_DIR_UNKNOWN_FILE.format(path=rules_dir, file=path.name, known=_listing(known))
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
