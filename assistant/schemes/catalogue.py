"""The scheme catalogue: every scheme and offer the corpus names, each fact tied to a verbatim quote.

This module loads `corpus/schemes.yaml` and checks it against the corpus. A catalogue that fails any
check is rejected whole, with every problem listed, so the person editing the file can fix it in one pass.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant import texts
from assistant.errors import AssistantError
from assistant.ingest.loaders import load_document
from assistant.models import OWNER_TYPES, PARTNER_TYPES, SECTORS

logger = logging.getLogger(__name__)

KINDS = ("kollektiv", "individuell", "veiledning", "ressurs")
STATUSES = ("ja", "nei", "som_hovedregel_ikke")

_EVIDENCE_FIELDS = (
    "who_applies", "sectors", "apply_to", "what_it_funds", "conditions", "process", "partners",
)  # fmt: skip
_ALLOWED_VALUES: dict[str, tuple[str, ...]] = {
    "kind": KINDS,
    "who_applies": OWNER_TYPES,
    "sectors": SECTORS,
    "partners": PARTNER_TYPES,
}
# In the order the catalogue file writes them, so the list in a message reads like the file.
_SCHEME_KEYS = (
    "id",
    "name",
    "aliases",
    "kind",
    "who_applies",
    "sectors",
    "target_groups",
    "apply_to",
    "what_it_funds",
    "conditions",
    "process",
    "partners",
    "sources",
)
_EVIDENCE_KEYS = ("value", "quote", "document")
_GROUP_KEYS = ("group", "status", "quote", "document")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class SchemeCatalogueError(AssistantError):
    code = "scheme_catalogue_invalid"

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class Evidence:
    """One fact about a scheme and the verbatim quote in `document` that supports it."""

    value: str
    quote: str
    document: str


@dataclass(frozen=True)
class TargetGroup:
    group: str
    status: str  # one of STATUSES
    quote: str
    document: str


@dataclass(frozen=True)
class Scheme:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: Evidence | None  # None only when the corpus does not say
    who_applies: tuple[Evidence, ...]
    sectors: tuple[Evidence, ...]
    target_groups: tuple[TargetGroup, ...]
    apply_to: tuple[Evidence, ...]
    what_it_funds: tuple[Evidence, ...]
    conditions: tuple[Evidence, ...]
    process: tuple[Evidence, ...]
    sources: tuple[str, ...]  # document file names
    # who may be the owners' partner or provider of the measures (a fagskole, a university); no target group
    partners: tuple[Evidence, ...] = ()

    def evidence(self) -> Iterator[tuple[str, Evidence | TargetGroup]]:
        """Every quoted fact with the name of the field it sits in."""
        if self.kind is not None:
            yield "kind", self.kind
        for name in _EVIDENCE_FIELDS:
            for item in getattr(self, name):
                yield name, item
        for group in self.target_groups:
            yield "target_groups", group


@dataclass(frozen=True)
class Catalogue:
    schemes: tuple[Scheme, ...]

    def get(self, scheme_id: str) -> Scheme | None:
        return next((scheme for scheme in self.schemes if scheme.id == scheme_id), None)


def load_catalogue(path: Path, corpus_dir: Path) -> Catalogue:
    """Read and check the catalogue. Raises SchemeCatalogueError listing every problem found."""
    raw = _read_yaml(path)
    problems: list[str] = []
    if not isinstance(raw, list):
        raise SchemeCatalogueError(
            texts.CATALOGUE_INVALID.format(
                path=path.name, count=1, problems=f"- {texts.CATALOGUE_NOT_A_LIST}"
            ),
            (texts.CATALOGUE_NOT_A_LIST,),
        )
    parsed = (_parse_scheme(item, number, problems) for number, item in enumerate(raw, 1))
    schemes = tuple(scheme for scheme in parsed if scheme is not None)
    _check_unique(schemes, problems)
    _check_evidence(schemes, corpus_dir, problems)
    if problems:
        listing = "\n".join(f"- {problem}" for problem in problems)
        message = texts.CATALOGUE_INVALID.format(path=path.name, count=len(problems), problems=listing)
        raise SchemeCatalogueError(message, tuple(problems))
    logger.info("Loaded %d schemes from %s", len(schemes), path)
    return Catalogue(schemes)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text("utf-8-sig"))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SchemeCatalogueError(texts.CATALOGUE_UNREADABLE.format(path=path, reason=reason)) from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SchemeCatalogueError(texts.CATALOGUE_UNREADABLE.format(path=path, reason=exc)) from exc


@dataclass(frozen=True)
class _Entry:
    """The scheme being read, and the list that gathers problems for the whole file."""

    scheme_id: str
    problems: list[str]

    def fail(self, field: str, problem: str) -> None:
        self.problems.append(texts.ENTRY_PROBLEM.format(id=self.scheme_id, field=field, problem=problem))


def _parse_scheme(raw: Any, number: int, problems: list[str]) -> Scheme | None:
    if not isinstance(raw, dict):
        problems.append(texts.ENTRY_NOT_A_MAPPING.format(number=number))
        return None
    raw_id = raw.get("id")
    has_id = isinstance(raw_id, str) and bool(raw_id.strip())
    entry = _Entry(str(raw_id).strip() if has_id else f"nr. {number}", problems)
    if not has_id:
        entry.fail("id", texts.KEY_MISSING.format(key="id"))
    elif not _ID.fullmatch(entry.scheme_id):
        entry.fail("id", texts.BAD_ID.format(value=entry.scheme_id))
    for key in raw:
        if key not in _SCHEME_KEYS:
            entry.fail(str(key), texts.UNKNOWN_FIELD.format(keys=", ".join(_SCHEME_KEYS)))
    kind = None if raw.get("kind") is None else _evidence(entry, raw["kind"], "kind", "kind")
    return Scheme(
        id=entry.scheme_id,
        name=_text(entry, raw, "name", "name"),
        aliases=_aliases(entry, raw),
        kind=kind,
        who_applies=_evidence_list(entry, raw, "who_applies"),
        sectors=_evidence_list(entry, raw, "sectors"),
        target_groups=_target_groups(entry, raw),
        apply_to=_evidence_list(entry, raw, "apply_to"),
        what_it_funds=_evidence_list(entry, raw, "what_it_funds"),
        conditions=_evidence_list(entry, raw, "conditions"),
        process=_evidence_list(entry, raw, "process"),
        sources=_sources(entry, raw),
        partners=_evidence_list(entry, raw, "partners"),
    )


def _items(entry: _Entry, raw: dict[Any, Any], key: str) -> list[tuple[str, Any]]:
    """The list under `key`, each item with a label for messages. An absent list is an empty one."""
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        entry.fail(key, texts.NOT_A_LIST)
        return []
    return [(f"{key} nr. {number}", item) for number, item in enumerate(value, 1)]


def _mapping(entry: _Entry, raw: Any, keys: tuple[str, ...], label: str) -> dict[Any, Any] | None:
    if not isinstance(raw, dict):
        entry.fail(label, texts.NOT_A_MAPPING.format(keys=", ".join(keys)))
        return None
    unknown = [str(key) for key in raw if key not in keys]
    if unknown:
        entry.fail(label, texts.UNKNOWN_KEYS.format(keys=", ".join(unknown)))
    return raw


def _text(entry: _Entry, raw: dict[Any, Any], key: str, label: str) -> str:
    """The text under `key`, or "" after reporting why there is none."""
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        entry.fail(label, texts.KEY_MISSING.format(key=key))
        return ""
    if not isinstance(value, str):
        entry.fail(label, texts.KEY_NOT_TEXT.format(key=key))
        return ""
    return value.strip()


def _check_value(entry: _Entry, value: str, allowed: tuple[str, ...] | None, label: str) -> None:
    if allowed is not None and value and value not in allowed:
        entry.fail(label, texts.BAD_VALUE.format(value=value, allowed=" | ".join(allowed)))


def _evidence(entry: _Entry, raw: Any, field: str, label: str) -> Evidence | None:
    item = _mapping(entry, raw, _EVIDENCE_KEYS, label)
    if item is None:
        return None
    found = Evidence(**{key: _text(entry, item, key, label) for key in _EVIDENCE_KEYS})
    _check_value(entry, found.value, _ALLOWED_VALUES.get(field), label)
    return found


def _evidence_list(entry: _Entry, raw: dict[Any, Any], field: str) -> tuple[Evidence, ...]:
    found = (_evidence(entry, item, field, label) for label, item in _items(entry, raw, field))
    return tuple(item for item in found if item is not None)


def _target_groups(entry: _Entry, raw: dict[Any, Any]) -> tuple[TargetGroup, ...]:
    groups: list[TargetGroup] = []
    for label, raw_item in _items(entry, raw, "target_groups"):
        item = _mapping(entry, raw_item, _GROUP_KEYS, label)
        if item is not None:
            group = TargetGroup(**{key: _text(entry, item, key, label) for key in _GROUP_KEYS})
            _check_value(entry, group.status, STATUSES, label)
            groups.append(group)
    return tuple(groups)


def _aliases(entry: _Entry, raw: dict[Any, Any]) -> tuple[str, ...]:
    aliases: list[str] = []
    for label, item in _items(entry, raw, "aliases"):
        if isinstance(item, str) and item.strip():
            aliases.append(item.strip())
        else:
            entry.fail(label, texts.NOT_TEXT)
    return tuple(aliases)


def _sources(entry: _Entry, raw: dict[Any, Any]) -> tuple[str, ...]:
    sources: list[str] = []
    for label, raw_item in _items(entry, raw, "sources"):
        item = _mapping(entry, raw_item, ("document",), label)
        document = "" if item is None else _text(entry, item, "document", label)
        if document:
            sources.append(document)
    if not sources and not raw.get("sources"):
        entry.fail("sources", texts.NO_SOURCES)
    return tuple(sources)


def _check_unique(schemes: tuple[Scheme, ...], problems: list[str]) -> None:
    """Ids must be unique, and a name or alias may point at one scheme only, or matching is ambiguous."""
    seen_ids: set[str] = set()
    owners: dict[str, str] = {}
    for scheme in schemes:
        entry = _Entry(scheme.id, problems)
        if scheme.id in seen_ids:
            entry.fail("id", texts.DUPLICATE_ID)
        seen_ids.add(scheme.id)
        for term in dict.fromkeys(t.casefold() for t in (scheme.name, *scheme.aliases) if t):
            other = owners.setdefault(term, scheme.id)
            if other != scheme.id:
                entry.fail("aliases", texts.DUPLICATE_TERM.format(term=term, other=other))


def _check_evidence(schemes: tuple[Scheme, ...], corpus_dir: Path, problems: list[str]) -> None:
    names = {doc for s in schemes for doc in s.sources} | {
        e.document for s in schemes for _, e in s.evidence()
    }
    bodies, failures = _read_bodies({name for name in names if name}, corpus_dir)
    for scheme in schemes:
        entry = _Entry(scheme.id, problems)
        for document in scheme.sources:
            if document in failures:
                entry.fail("sources", failures[document])
        unlisted: dict[str, None] = {}
        for field, item in scheme.evidence():
            if not item.document or not item.quote:
                continue  # already reported as missing
            if item.document in failures:
                entry.fail(field, failures[item.document])
            elif normalize_quote(item.quote) not in bodies[item.document]:
                entry.fail(field, texts.QUOTE_NOT_FOUND.format(document=item.document, quote=item.quote))
            if item.document not in scheme.sources:
                unlisted[item.document] = None
        for document in unlisted:
            entry.fail("sources", texts.SOURCE_NOT_LISTED.format(document=document))


def _read_bodies(names: set[str], corpus_dir: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Each readable document's whitespace-normalised text, and the problem for each unreadable one.

    The text is what ingest indexes (front matter and web furniture removed), so every quote that passes
    here can also be found in the passages the assistant cites."""
    bodies: dict[str, str] = {}
    failures: dict[str, str] = {}
    for name in sorted(names):
        path = corpus_dir / name
        # A bare file name only: a catalogue must not cite files outside the corpus.
        if Path(name).name != name or not path.is_file():
            failures[name] = texts.UNKNOWN_DOCUMENT.format(document=name, corpus=corpus_dir)
            continue
        try:
            document = load_document(path, name)
        except AssistantError as exc:
            failures[name] = texts.UNREADABLE_DOCUMENT.format(document=name, reason=exc.message)
            continue
        bodies[name] = normalize_quote("\n".join(page.text for page in document.pages))
    return bodies, failures


def normalize_quote(text: str) -> str:
    """How a quote is compared with a text: line breaks and runs of spaces do not count."""
    return " ".join(text.split())
